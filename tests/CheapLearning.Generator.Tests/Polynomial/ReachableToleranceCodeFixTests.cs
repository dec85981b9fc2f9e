using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CheapLearning.CodeFixes;
using CheapLearning.Generator.Common;
using CheapLearning.Generator.Polynomials;
using CheapLearning.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CheapLearning.Generator.Tests.Polynomials;

/// <summary>
/// "Set Tolerance = t" for CHEAP004, run against the real analyzer: the fixed code must not warn, and t must be
/// tight (the analyzer rounds the reachable tolerance up to two digits, so 0.9·t is below it and warns again).
/// The expected t is never written here: it is whatever the analyzer's bound calculus makes reachable.
/// </summary>
public class ReachableToleranceCodeFixTests
{
    private static string Source(string arguments, string body = "x * y", string parameters = "double x, double y")
        => "using CheapLearning;\npublic static partial class P\n{\n    [PolynomialNetwork(" + arguments + ")]\n    public static double F(" + parameters + ") => " + body + ";\n}\n";

    [Theory]
    [InlineData("Tolerance = 1e-15", "x * y", "double x, double y")]
    [InlineData("InputBound = 2, Tolerance = 1e-14, Activation = Activation.Tanh", "x * x * y - 3 * y", "double x, double y")]
    [InlineData("Tolerance = 1e-13, InputBound = 0.5", "a * b * c * d", "double a, double b, double c, double d")]
    [InlineData("Tolerance = 1e-17, Activation = Activation.ReLU", "x * y", "double x, double y")]
    [InlineData("Tolerance = 1e-17, Activation = Activation.Exp", "x * x * x + y", "double x, double y")]
    [InlineData("Tolerance = 1e-17, Activation = Activation.Sigmoid, InputBound = 3", "x * x * y * y - x", "double x, double y")]
    [InlineData("Tolerance = 1e-16, Form = NetworkForm.Flat", "x * y * z", "double x, double y, double z")]
    [InlineData("Tolerance = 1e-16, HiddenLayers = 1", "x * y * z * w", "double x, double y, double z, double w")]
    [InlineData("Tolerance = 1e-16, Activation = Activation.ReLU, InputBound = 10", "x * x * x", "double x")]
    public async Task The_fixed_tolerance_is_reachable_and_tight(string arguments, string body, string parameters)
    {
        var document = Document(Source(arguments, body, parameters));
        var warning = Assert.Single(await Cheap004(document));
        var actions = await Fixes(document, warning);
        var action = Assert.Single(actions);
        var fixedDocument = await Apply(document, action);

        Assert.Empty(await Cheap004(fixedDocument));
        double tolerance = ToleranceOf(await fixedDocument.GetSyntaxRootAsync());
        Assert.True(tolerance > ToleranceOf(await document.GetSyntaxRootAsync()), $"the fix did not loosen the tolerance: {tolerance}");
        var tighter = await WithTolerance(fixedDocument, 0.9 * tolerance);
        Assert.Single(await Cheap004(tighter));

        // Only the Tolerance argument changed; the others keep their text and order.
        string expected = Source(arguments, body, parameters).Replace(
            arguments.Split(", ").Single(a => a.StartsWith("Tolerance")),
            "Tolerance = " + ReachableToleranceCodeFixProvider.Literal(tolerance));
        Assert.Equal(expected, (await fixedDocument.GetTextAsync()).ToString());
        Assert.Equal("Set Tolerance = " + ReachableToleranceCodeFixProvider.Literal(tolerance) + " (reachable)", action.Title);
    }

    /// <summary>
    /// A verbatim argument name (<c>@Tolerance = 1e-15</c>, valid C#) is the same argument: CHEAP004 is placed at it, and
    /// the fix replaces its value. Both compared the name's text with its '@', so the warning fell back to the attribute and
    /// the fix added a second 'Tolerance = t', a duplicate named argument (CS0643): the fixed code did not compile (adv16).
    /// </summary>
    [Fact]
    public async Task A_verbatim_Tolerance_argument_is_the_one_placed_and_fixed()
    {
        var document = Document(Source("@Tolerance = 1e-15"));
        var warning = Assert.Single(await Cheap004(document));
        Assert.Equal("@Tolerance = 1e-15", (await document.GetTextAsync()).ToString(warning.Location.SourceSpan));
        var fixedDocument = await Apply(document, Assert.Single(await Fixes(document, warning)));
        var arguments = (await fixedDocument.GetSyntaxRootAsync())!.DescendantNodes().OfType<AttributeArgumentSyntax>().ToList();
        Assert.Equal("@Tolerance", Assert.Single(arguments).NameEquals!.Name.Identifier.Text);
        var compilation = (await fixedDocument.Project.GetCompilationAsync())!;
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Empty(await Cheap004(fixedDocument));
    }

    [Fact]
    public async Task No_fix_when_values_overflow_double_on_the_input_box()
    {
        // Degree 4 at R = 1e100: S overflows, the analyzer says no tolerance is reachable ("lower InputBound").
        var document = Document(Source("InputBound = 1e100, Tolerance = 1e-6", "x * x * y * y"));
        var warning = Assert.Single(await Cheap004(document));
        Assert.Contains("none", warning.GetMessage(CultureInfo.InvariantCulture));
        Assert.Empty(await Fixes(document, warning));
    }

    [Fact]
    public void The_tolerance_comes_from_the_property_never_from_the_message()
    {
        // A reworded message must not make the fix disappear or change: only the analyzer's property counts.
        var descriptor = new DiagnosticDescriptor("CHEAP004", "t", "a reachable Tolerance is 3e-9", "c", DiagnosticSeverity.Warning, true);
        var withProperty = Diagnostic.Create(descriptor, Location.None,
            ImmutableDictionary<string, string?>.Empty.Add(ReachableToleranceCodeFixProvider.ReachableToleranceProperty, "1.5E-10"));
        Assert.Equal(1.5e-10, ReachableToleranceCodeFixProvider.ReachableTolerance(withProperty));
        Assert.Null(ReachableToleranceCodeFixProvider.ReachableTolerance(Diagnostic.Create(descriptor, Location.None)));
    }

    [Fact]
    public async Task The_analyzer_sets_the_property()
    {
        var document = Document(Source("Tolerance = 1e-14", "x * y"));
        var warning = Assert.Single(await Cheap004(document));
        Assert.True(warning.Properties.TryGetValue(ReachableToleranceCodeFixProvider.ReachableToleranceProperty, out var text));
        Assert.True(double.Parse(text!, CultureInfo.InvariantCulture) > 1e-14);
    }

    [Theory]
    [InlineData(2.1e-10, "2.1e-10")]
    [InlineData(0.001, "0.001")]
    [InlineData(1.0, "1.0")]
    [InlineData(1e20, "1e20")]
    public void Literals_round_trip_as_csharp_doubles(double value, string text)
    {
        Assert.Equal(text, ReachableToleranceCodeFixProvider.Literal(value));
        var parsed = (LiteralExpressionSyntax)SyntaxFactory.ParseExpression(text);
        Assert.Equal(value, (double)parsed.Token.Value!);
    }

    private static Document Document(string source)
    {
        var workspace = new AdhocWorkspace();
        var project = workspace.AddProject("Test", LanguageNames.CSharp)
            .WithParseOptions(TestCompilation.ParseOptions)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
            .WithMetadataReferences(TestCompilation.MetadataReferences);
        return project.AddDocument("Test.cs", SourceText.From(source));
    }

    private static async Task<IReadOnlyList<Diagnostic>> Cheap004(Document document)
    {
        var compilation = (await document.Project.GetCompilationAsync())!;
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new PolynomialNetworkAnalyzer()))
            .GetAnalyzerDiagnosticsAsync();
        return diagnostics.Where(d => d.Id == "CHEAP004").ToList();
    }

    private static async Task<List<CodeAction>> Fixes(Document document, Diagnostic diagnostic)
    {
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), CancellationToken.None);
        await new ReachableToleranceCodeFixProvider().RegisterCodeFixesAsync(context);
        return actions;
    }

    private static async Task<Document> Apply(Document document, CodeAction action)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var solution = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        return solution.GetDocument(document.Id)!;
    }

    private static double ToleranceOf(SyntaxNode? root)
        => (double)root!.DescendantNodes().OfType<AttributeArgumentSyntax>()
            .Single(a => a.NameEquals?.Name.Identifier.Text == "Tolerance").Expression.ChildTokens().Single().Value!;

    private static async Task<Document> WithTolerance(Document document, double tolerance)
    {
        var root = (await document.GetSyntaxRootAsync())!;
        var argument = root.DescendantNodes().OfType<AttributeArgumentSyntax>().Single(a => a.NameEquals?.Name.Identifier.Text == "Tolerance");
        var literal = SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression,
            SyntaxFactory.Literal(tolerance.ToString("R", CultureInfo.InvariantCulture), tolerance));
        return document.WithSyntaxRoot(root.ReplaceNode(argument.Expression, literal));
    }
}
