using System.Linq;
using CheapLearning.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using System.Collections.Immutable;

namespace CheapLearning.Generator.Tests.Classifier;

/// <summary>CHEAP026–029 from the BayesClassifierAnalyzer.</summary>
public class ClassifierDiagnosticsTests
{
    private static ImmutableArray<Diagnostic> Analyze(string members)
        => TestCompilation.Create("using CheapLearning;\n[BayesClassifier]\npublic static partial class K\n{\n" + members + "\n}")
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new BayesClassifierAnalyzer()))
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();

    private static string Text(Diagnostic d) => d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan);

    [Fact]
    public void Mismatched_parameter_lists_are_CHEAP026_at_the_parameter_list()
    {
        var d = Assert.Single(Analyze("[Hamiltonian] public static double A(bool a, bool b) => a ? 1 : 0;\n[Hamiltonian] public static double B(bool a, bool c) => c ? 1 : 0;"));
        Assert.Equal("CHEAP026", d.Id);
        Assert.Equal("(bool a, bool c)", Text(d));
    }

    [Fact]
    public void Priors_not_summing_to_one_are_a_CHEAP027_warning()
    {
        var d = Assert.Single(Analyze("[Hamiltonian(Prior = 2)] public static double A(bool a) => a ? 1 : 0;\n[Hamiltonian(Prior = 6)] public static double B(bool a) => a ? 0 : 1;"));
        Assert.Equal("CHEAP027", d.Id);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Contains("sum to 8", d.GetMessage());
    }

    [Theory]
    [InlineData("[Hamiltonian(Prior = 0)] public static double A(bool a) => 1;\n[Hamiltonian(Prior = 1)] public static double B(bool a) => 0;", "Prior = 0")]
    [InlineData("[Hamiltonian(Prior = -0.5)] public static double A(bool a) => 1;\n[Hamiltonian(Prior = 1)] public static double B(bool a) => 0;", "Prior = -0.5")]
    [InlineData("[Hamiltonian(Prior = 0.5, Mu = 1)] public static double A(bool a) => 1;\n[Hamiltonian(Prior = 0.5)] public static double B(bool a) => 0;", "Mu = 1")]
    [InlineData("[Hamiltonian(Prior = 0.5)] public static double A(bool a) => 1;\n[Hamiltonian] public static double B(bool a) => 0;", "K")]
    public void Invalid_priors_are_CHEAP028(string members, string span)
    {
        var d = Assert.Single(Analyze(members), x => x.Id == "CHEAP028");
        Assert.Equal(span, Text(d));
    }

    [Fact]
    public void A_single_Hamiltonian_is_CHEAP029()
        => Assert.Equal("CHEAP029", Assert.Single(Analyze("[Hamiltonian] public static double A(bool a) => 1;")).Id);

    [Fact]
    public void Errors_in_a_Hamiltonian_body_are_reported_at_their_node()
    {
        var d = Assert.Single(Analyze("[Hamiltonian] public static double A(bool a) => System.Math.Abs(a ? 1 : 2);\n[Hamiltonian] public static double B(bool a) => 0;"));
        Assert.Equal("CHEAP022", d.Id);
    }

    [Fact]
    public void Valid_classifier_has_no_diagnostics()
        => Assert.Empty(Analyze("[Hamiltonian(Mu = 0.1)] public static double A(double x) => x * x;\n[Hamiltonian(Mu = 0.2)] public static double B(double x) => (x - 1) * (x - 1);"));

    [Fact]
    public async System.Threading.Tasks.Task A_Hamiltonian_outside_a_classifier_is_CHEAP030_at_its_attribute()
    {
        var diagnostics = await TestCompilation.Create("using CheapLearning;\npublic static partial class NotAClassifier\n{\n[Hamiltonian(Prior = 0.5)] public static double A(bool a) => a ? 1 : 0;\n}")
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new BayesClassifierAnalyzer()))
            .GetAnalyzerDiagnosticsAsync();
        var d = Assert.Single(diagnostics);
        Assert.Equal("CHEAP030", d.Id);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Equal("Hamiltonian(Prior = 0.5)", Text(d));
    }
}
