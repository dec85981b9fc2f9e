using System.Linq;
using CheapLearning.Generator.Tests.Bits;
using CheapLearning.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace CheapLearning.Generator.Tests.Common;

/// <summary>
/// The round-13 statement forms (increments, checked and nested blocks, constant ifs, FusedMultiplyAdd, local functions
/// in bit bodies) attacked as a user would write them (helper adv23). Polynomial networks are checked against the exact
/// oracle, bit networks on every input against the C# method.
/// </summary>
public class StatementFormAdversaryTests
{
    private readonly ITestOutputHelper _output;

    public StatementFormAdversaryTests(ITestOutputHelper output) => _output = output;

    private static string At(Diagnostic d) => d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan);

    /// <summary>
    /// The switch a constant if reads is most naturally a <c>const bool</c> (or <c>const string</c>) local, also inside a
    /// local function's block. A const local runs nothing (each use is the compiler's constant): it was parsed as a value,
    /// and a polynomial refused it ("The literal false is not a polynomial operation"), a local function refused its block.
    /// </summary>
    private const string ConstLocals = """
        #pragma warning disable CS0162
        using System;
        using CheapLearning;
        namespace Demo;
        public static partial class Switches
        {
            [PolynomialNetwork]
            public static double Bool(double x, double y)
            {
                const bool fast = false;
                const string mode = "cube";
                double s = x * y;
                if (fast) return s;
                if (mode == "cube") s *= x;
                return Scaled(s) + (fast ? 1 : 0);
                static double Scaled(double t) { const bool half = true; const double k = 3; if (half) return t / 2 + k; return Math.Sin(t); }
            }

            [BitNetwork]
            public static bool Bits(bool a, bool b, bool c)
            {
                const bool strict = true;
                const string name = "maj";
                if (name != "maj") return a;
                return AtLeast(a, b, c) && strict;
                static bool AtLeast(bool p, bool q, bool r) { const int k = 2; const bool any = false; if (any) return p | q | r; return (p ? 1 : 0) + (q ? 1 : 0) + (r ? 1 : 0) >= k; }
            }
        }
        """;

    [Fact]
    public void Const_locals_of_any_type_are_switches_not_values()
    {
        Assert.DoesNotContain(TestCompilation.Analyze(ConstLocals), d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.DoesNotContain(BitTestCompilation.Analyze(ConstLocals), d => d.Severity >= DiagnosticSeverity.Warning);
        var assembly = TestCompilation.BuildAndLoad(ConstLocals);
        var network = assembly.GetType("Demo.Switches+BoolNetwork")!;
        var model = (NetworkModel)network.GetProperty("DeepModel")!.GetValue(null)!;
        ExactChecks.AssertNetwork(ConstLocals, "Switches", "Bool", network.ScalarEvaluator("Deep")!, model, 1e-6, randomPoints: 100, seed: 23);
        // By hand at x = 1, y = 0.5: s = 0.5, Scaled(0.5) = 0.25 + 3.
        double value = (double)network.ScalarEvaluator("Deep")!.Invoke(null, new object[] { 1.0, 0.5 })!;
        Assert.InRange(value, 3.25 - 1e-6, 3.25 + 1e-6);
        var type = assembly.GetType("Demo.Switches")!;
        ExhaustiveBitNetworkTests.Check(type.GetMethod("Bits")!, type.GetNestedType("BitsNetwork")!, "Deep", 10, _output);
    }

    /// <summary>
    /// Code the compiler compiles on a 1 MB stack (the IDE's threads) must not overflow ours: a stack overflow kills the
    /// compiler's or the IDE's process. A chain of 400 one-line local functions overflowed in the walker's inlining (below
    /// its 1000-level limit), and 1000 nested blocks (or constant ifs) in Roslyn's operation tree, which the polynomial
    /// parser asked for. Before the fix this test crashed the test host. The front ends run on a thread with a 1 MB stack.
    /// </summary>
    [Theory]
    [InlineData("ChainPolynomial", "nested this deeply")]
    [InlineData("ChainBits", "nested this deeply")]
    [InlineData("Blocks", null)]
    [InlineData("Ifs", null)]
    [InlineData("HelperBlocks", null)]
    public void Deep_nesting_on_a_1_MB_stack_is_a_diagnostic_not_a_crash(string method, string? refused)
    {
        const int n = 400, depth = 1000;
        var source = new System.Text.StringBuilder("#pragma warning disable CS0162\nusing CheapLearning;\nnamespace Demo;\npublic static partial class Deep\n{\n");
        source.Append($"[PolynomialNetwork] public static double ChainPolynomial(double x) {{ return F{n}(x); static double F0(double t) => t;\n");
        for (int k = 1; k <= n; k++) source.Append($"static double F{k}(double t) => F{k - 1}(t) * 1.5;\n");
        source.Append($"}}\n[BitNetwork] public static int ChainBits(bool a) {{ return F{n}(a ? 1 : 0); static int F0(int t) => t;\n");
        for (int k = 1; k <= n; k++) source.Append($"static int F{k}(int t) => F{k - 1}(t) + 1;\n");
        source.Append("}\n[PolynomialNetwork] public static double Blocks(double x) { double s = x; ").Append('{', depth).Append("s *= x;").Append('}', depth).Append(" return s; }\n");
        source.Append("[PolynomialNetwork] public static double Ifs(double x) { double s = x; ").Append(string.Concat(Enumerable.Repeat("if (true) ", depth))).Append("s *= x; return s; }\n");
        source.Append("[PolynomialNetwork] public static double HelperBlocks(double x) { return F(x); static double F(double t) { ").Append('{', depth).Append("return t * t;").Append('}', depth).Append(" } }\n}\n");
        var compilation = TestCompilation.Create(source.ToString());
        var tree = compilation.SyntaxTrees.Single();
        var model = compilation.GetSemanticModel(tree);
        var syntax = tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>().Single(m => m.Identifier.ValueText == method);
        var symbol = (IMethodSymbol)model.GetDeclaredSymbol(syntax)!;
        var attribute = symbol.GetAttributes().Single();
        // Roslyn's own binding and nullable analysis of the method (NullableWalker recurses once per nested block, with
        // no stack guard) run here, on the test's large stack, and are cached in the semantic model: on a 1 MB thread
        // they overflowed inside Roslyn now and then (fresh-clone CI, round 13; tier-0 frames are larger). What the
        // 1 MB thread then measures is the front end's own stack use, which is what this test is about.
        foreach (var node in syntax.DescendantNodes())
        {
            if (node is Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax declarator) model.GetDeclaredSymbol(declarator);
            else if (node is Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax name) model.GetSymbolInfo(name);
        }
        System.Collections.Generic.List<Diagnostic>? diagnostics = null;
        bool built = false;
        var thread = new System.Threading.Thread(() =>
        {
            if (method == "ChainBits")
            {
                var (spec, found) = BitFrontEnd.Analyze(symbol, syntax, attribute, model, default);
                (built, diagnostics) = (spec is not null, found);
            }
            else
            {
                var (spec, found) = PolynomialFrontEnd.Analyze(symbol, syntax, attribute, model, default);
                (built, diagnostics) = (spec is not null, found);
            }
        }, 1 << 20);
        thread.Start();
        thread.Join();
        Assert.NotNull(diagnostics);
        var errors = diagnostics!.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (refused is null)
        {
            Assert.Empty(errors);
            Assert.True(built);
        }
        else Assert.Contains(errors, d => d.GetMessage().Contains(refused));
    }
}
