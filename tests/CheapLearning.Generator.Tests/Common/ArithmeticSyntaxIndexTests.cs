using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using CheapLearning.Generator.Common;
using CheapLearning.Generator.Tests.Infrastructure;
using CheapLearning.TestKit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CheapLearning.Generator.Tests.Common;

/// <summary>
/// The parser reads arithmetic bodies from syntax alone (<see cref="SemanticIndex.FromArithmeticSyntax"/>,
/// issue 12: binding was half the generator's time). Its answers must be the compiler's: for every node
/// of random arithmetic bodies, the constant and the symbol it gives are those of the bound IOperation
/// tree, else of the SemanticModel (what the parser asked before), and every other body is left to them.
/// </summary>
public class ArithmeticSyntaxIndexTests
{
    private static readonly string[] Parameters = { "x", "y", "z" };

    [Fact]
    public void Random_arithmetic_bodies_get_the_compilers_constants_and_symbols()
    {
        int seed = Seeds.Stable(nameof(Random_arithmetic_bodies_get_the_compilers_constants_and_symbols));
        var random = new Random(seed);
        var methods = Enumerable.Range(0, 400).Select(i => $"    public static double M{i}(double x, double y, double z) => {Expression(random, 0)};").ToList();
        // Constant folding in every shape the reader folds: int and double, truncating division, mixed operands.
        methods.Add("    public static double F0(double x, double y, double z) => 1 / 2 + 7 / -2 * x - (3 - 5) * y + 2147483647 * z;");
        methods.Add("    public static double F1(double x, double y, double z) => 0.1 + 0.2 - 0.3 * x + 1 / 3.0 * y - -(0.0) * z + (1e308 * 10) * 0;");
        methods.Add("    public static double F2(double x, double y, double z) { return 6.52 + 6.24 + 4.92 * y - 1.0 / 0.0 * 0 + x; }");
        var compilation = TestCompilation.Create("public static class C\n{\n" + string.Join("\n", methods) + "\n}\n");
        var tree = compilation.SyntaxTrees.Single();
        var model = compilation.GetSemanticModel(tree);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        int nodes = 0, constants = 0, refused = 0;
        foreach (var method in tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
        {
            var symbol = (IMethodSymbol)model.GetDeclaredSymbol(method)!;
            var fromSyntax = SemanticIndex.FromArithmeticSyntax(method, symbol, default);
            if (errors.Any(e => method.Span.Contains(e.Location.SourceSpan)))
            {
                // A constant C# refuses (int overflow, int division by zero) must reach the compiler's error.
                Assert.True(fromSyntax is null, $"{method.Identifier.Text} has a compile error but was read from syntax ({Seeds.Replay(seed)}): {method}");
                refused++;
                continue;
            }
            Assert.True(fromSyntax is not null, $"{method.Identifier.Text} was not read from syntax ({Seeds.Replay(seed)}): {method}");
            var bound = SemanticIndex.Build(model.GetOperation(method), default);
            var body = method.ExpressionBody?.Expression ?? ((ReturnStatementSyntax)method.Body!.Statements[0]).Expression!;
            foreach (var node in body.DescendantNodesAndSelf().OfType<ExpressionSyntax>())
            {
                nodes++;
                // The body's root shares its syntax with the return operation, which has no constant: ask the
                // model there (the parser then read `=> (23)` through the parentheses to the same constant).
                var expected = node != body && bound.TryGetConstant(node, out var c) ? c : model.GetConstantValue(node);
                Assert.True(fromSyntax!.TryGetConstant(node, out var actual), $"no constant answer for '{node}' in {method.Identifier.Text}");
                Assert.True(Same(expected, actual), $"'{node}' (parent '{node.Parent}') in {method.Identifier.Text}: compiler {Show(expected)}, syntax {Show(actual)} ({Seeds.Replay(seed)})");
                if (expected.HasValue) constants++;
                if (node is IdentifierNameSyntax)
                {
                    var expectedSymbol = bound.TryGetSymbol(node, out var s) ? s : model.GetSymbolInfo(node).Symbol;
                    Assert.True(fromSyntax.TryGetSymbol(node, out var actualSymbol));
                    Assert.True(SymbolEqualityComparer.Default.Equals(expectedSymbol, actualSymbol), $"'{node}' in {method.Identifier.Text}");
                }
            }
        }
        // The random bodies really exercise both kinds of node.
        Assert.True(nodes > 10_000 && constants > 2_000 && refused < 40, $"{nodes} nodes, {constants} constants, {refused} bodies with errors");
    }

    [Theory]
    [InlineData("Math.Pow(x, 2)")]            // a call: the compiler resolves it
    [InlineData("K * x")]                      // a name that is no parameter (a const field)
    [InlineData("0.5f * x")]                   // float literal: converts and folds by float rules
    [InlineData("2L * x")]                     // long literal
    [InlineData("(double)2 * x")]              // a cast
    [InlineData("2147483647 + 1 + x")]         // int overflow in a constant: a compile error
    [InlineData("1 / 0 + x")]                  // int division by zero: a compile error
    [InlineData("x * ")]                       // a syntax error
    [InlineData("checked(2 * x)")]
    public void Other_bodies_are_left_to_the_compiler(string body)
    {
        var compilation = TestCompilation.Create($"using System;\npublic static class C\n{{\n    const double K = 2;\n    public static double M(double x) => {body};\n}}\n");
        var tree = compilation.SyntaxTrees.Single();
        var method = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single();
        var symbol = (IMethodSymbol)compilation.GetSemanticModel(tree).GetDeclaredSymbol(method)!;
        Assert.Null(SemanticIndex.FromArithmeticSyntax(method, symbol, default));
    }

    [Fact]
    public void A_block_with_more_than_a_return_is_left_to_the_compiler()
    {
        var compilation = TestCompilation.Create("public static class C\n{\n    public static double M(double x) { double y = x; return y; }\n}\n");
        var tree = compilation.SyntaxTrees.Single();
        var method = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single();
        var symbol = (IMethodSymbol)compilation.GetSemanticModel(tree).GetDeclaredSymbol(method)!;
        Assert.Null(SemanticIndex.FromArithmeticSyntax(method, symbol, default));
    }

    /// <summary>A random expression over x, y, z and int/double literals, with constant subexpressions that fold.</summary>
    private static string Expression(Random random, int depth)
    {
        int choice = depth > 4 ? random.Next(3) : random.Next(9);
        switch (choice)
        {
            case 0: return Parameters[random.Next(Parameters.Length)];
            case 1: return random.Next(40).ToString(CultureInfo.InvariantCulture);
            case 2: return Literal(random);
            case 3: return "(" + Expression(random, depth + 1) + ")";
            case 4: return (random.Next(2) == 0 ? "-" : "+") + Operand(random, depth);
            default:
                var sb = new StringBuilder(Operand(random, depth));
                int count = 1 + random.Next(4);
                for (int i = 0; i < count; i++)
                    sb.Append(' ').Append("+-*/"[random.Next(4)]).Append(' ').Append(Operand(random, depth));
                return sb.ToString();
        }
    }

    /// <summary>An operand: a division's right side is a nonzero constant half the time, like real code.</summary>
    private static string Operand(Random random, int depth)
    {
        var e = Expression(random, depth + 1);
        return e.Length > 0 && (e[0] == '-' || e[0] == '+' || e.Contains(' ')) ? "(" + e + ")" : e;
    }

    private static string Literal(Random random) => random.Next(4) switch
    {
        0 => (random.Next(1, 1000) / 100.0).ToString("0.00", CultureInfo.InvariantCulture),
        1 => random.NextDouble().ToString("R", CultureInfo.InvariantCulture),
        2 => "1e" + random.Next(-320, 309).ToString(CultureInfo.InvariantCulture),
        _ => random.Next(1, 100).ToString(CultureInfo.InvariantCulture) + ".0",
    };

    private static bool Same(Optional<object?> a, Optional<object?> b)
    {
        if (a.HasValue != b.HasValue) return false;
        if (!a.HasValue) return true;
        return (a.Value, b.Value) switch
        {
            (double x, double y) => BitConverter.DoubleToInt64Bits(x) == BitConverter.DoubleToInt64Bits(y) || (double.IsNaN(x) && double.IsNaN(y)),
            (int x, int y) => x == y,
            _ => false,
        };
    }

    private static string Show(Optional<object?> c) => c.HasValue ? $"{c.Value} ({c.Value?.GetType().Name})" : "not constant";
}
