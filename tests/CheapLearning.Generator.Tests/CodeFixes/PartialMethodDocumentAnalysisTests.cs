using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CheapLearning.Generator.Bits;
using CheapLearning.Generator.Polynomials;
using CheapLearning.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CheapLearning.Generator.Tests.CodeFixes;

/// <summary>
/// The attribute of a partial method may sit on its defining declaration, in another file than the body. An IDE analyzes
/// one document at a time (squiggles, the light bulb's code fixes): a diagnostic about the attribute belongs to the
/// defining declaration's document, and it must come out of that document's analysis, as it does out of a build.
/// </summary>
public class PartialMethodDocumentAnalysisTests
{
    private static async Task<ImmutableArray<Diagnostic>> DocumentDiagnostics(DiagnosticAnalyzer analyzer, Compilation compilation, SyntaxTree tree)
    {
        // A fresh driver per document, as an IDE's per-document request may get: nothing carried over from another file.
        var analyzers = compilation.WithAnalyzers(ImmutableArray.Create(analyzer));
        var model = compilation.GetSemanticModel(tree);
        var syntax = await analyzers.GetAnalyzerSyntaxDiagnosticsAsync(tree, CancellationToken.None);
        var semantic = await analyzers.GetAnalyzerSemanticDiagnosticsAsync(model, filterSpan: null, CancellationToken.None);
        return syntax.AddRange(semantic);
    }

    public static TheoryData<string, string, string, string> Cases => new()
    {
        // An unreachable Tolerance (CHEAP004, with its code fix), an invalid argument (CHEAP005), of both method features.
        { "[PolynomialNetwork(Tolerance = 1e-30)]", "double F(double x, double y)", "x * y", "CHEAP004" },
        { "[PolynomialNetwork(InputBound = 0)]", "double F(double x, double y)", "x * y", "CHEAP005" },
        { "[BitNetwork(Digits = 0)]", "bool F(bool x, bool y)", "x & y", "CHEAP005" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task An_attribute_on_the_defining_declaration_is_reported_in_its_own_document(string attribute, string signature, string body, string id)
    {
        string defining = $"using CheapLearning;\npublic static partial class P\n{{\n    {attribute}\n    public static partial {signature};\n}}\n";
        string implementing = $"public static partial class P\n{{\n    public static partial {signature} => {body};\n}}\n";
        var compilation = TestCompilation.Create(defining, implementing);
        DiagnosticAnalyzer Analyzer() => attribute.StartsWith("[Bit", System.StringComparison.Ordinal) ? new BitNetworkAnalyzer() : new PolynomialNetworkAnalyzer();
        var build = await compilation.WithAnalyzers(ImmutableArray.Create(Analyzer())).GetAnalyzerDiagnosticsAsync();
        var reported = Assert.Single(build, d => d.Id == id);
        Assert.Equal(compilation.SyntaxTrees[0], reported.Location.SourceTree);

        var inDefining = await DocumentDiagnostics(Analyzer(), compilation, compilation.SyntaxTrees[0]);
        var inImplementing = await DocumentDiagnostics(Analyzer(), compilation, compilation.SyntaxTrees[1]);
        Assert.Single(inDefining, d => d.Id == id && d.Location == reported.Location);
        Assert.DoesNotContain(inImplementing, d => d.Id == id);
        // Each document reports its own share once: together they are the build's diagnostics.
        Assert.Equal(build.Select(d => d.ToString()).OrderBy(t => t), inDefining.Concat(inImplementing).Select(d => d.ToString()).OrderBy(t => t));
    }

    [Fact]
    public async Task Both_declarations_in_one_file_report_once()
    {
        const string source = "using CheapLearning;\npublic static partial class P\n{\n    [PolynomialNetwork(Tolerance = 1e-30)]\n    public static partial double F(double x, double y);\n    public static partial double F(double x, double y) => x * y;\n}\n";
        var compilation = TestCompilation.Create(source);
        var build = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new PolynomialNetworkAnalyzer())).GetAnalyzerDiagnosticsAsync();
        Assert.Single(build, d => d.Id == "CHEAP004");
    }
}
