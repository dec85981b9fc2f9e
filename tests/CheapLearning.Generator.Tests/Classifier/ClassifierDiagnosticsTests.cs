using System;
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
        => AnalyzeSource("using CheapLearning;\n[BayesClassifier]\npublic static partial class K\n{\n" + members + "\n}");

    /// <summary>The classifier analyzer's diagnostics on a whole source file.</summary>
    public static ImmutableArray<Diagnostic> AnalyzeSource(string source)
        => TestCompilation.Create(source)
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

    [Theory]
    [InlineData("[Hamiltonian] public static double A(bool a) => 1;\n[Hamiltonian] public static double B(bool a) => 0;\npublic static int Classifier = 3;")]
    [InlineData("[Hamiltonian] public static double Classifier(bool a) => 1;\n[Hamiltonian] public static double B(bool a) => 0;")]
    public void A_member_named_Classifier_is_CHEAP003_at_the_type_and_nothing_is_generated(string members)
    {
        var d = Assert.Single(Analyze(members));
        Assert.Equal("CHEAP003", d.Id);
        Assert.Equal("K", Text(d));
        // Without the check the generated class clashed with it: CS0102, which hides the build's other diagnostics.
        var (output, run) = TestCompilation.RunAllGenerators(TestCompilation.Create("using CheapLearning;\n[BayesClassifier]\npublic static partial class K\n{\n" + members + "\n}"));
        Assert.Empty(run.GeneratedTrees);
        Assert.Empty(TestCompilation.Problems(output));
    }

    [Fact]
    public void A_member_named_like_a_method_network_is_no_clash_for_a_Hamiltonian()
    {
        // A classifier generates T.Classifier only, never 'ANetwork'.
        const string members = "[Hamiltonian] public static double A(bool a) => 1;\n[Hamiltonian] public static double B(bool a) => 0;\npublic static int ANetwork = 3;";
        Assert.Empty(Analyze(members));
        var (output, run) = TestCompilation.RunAllGenerators(TestCompilation.Create("using CheapLearning;\n[BayesClassifier]\npublic static partial class K\n{\n" + members + "\n}"));
        Assert.Single(run.GeneratedTrees);
        Assert.Empty(TestCompilation.Problems(output));
    }

    [Theory]
    [InlineData("[Hamiltonian(Tolerance = 1e-30)] public static double A(double x) => x * x * x;\n[Hamiltonian] public static double B(double x) => x;", "CHEAP004", "Tolerance = 1e-30")]
    [InlineData("[Hamiltonian(Digits = 15)] public static double A(bool a, bool b, bool c) => a ^ b ^ c ? 1 : 0;\n[Hamiltonian] public static double B(bool a, bool b, bool c) => 0;", "CHEAP024", "Digits = 15")]
    [InlineData("[Hamiltonian(Digits = 10)] public static double A(bool a, bool b) => 1e6 * (a ? 1 : 0) + 500 * (b ? 1 : 0);\n[Hamiltonian] public static double B(bool a, bool b) => 1e6 * (b ? 1 : 0) + 800;", "CHEAP024", "Digits = 10")]
    public void A_Hamiltonian_plan_finding_is_reported_at_its_attribute_as_for_the_method_feature(string members, string id, string span)
    {
        // They were dropped: the classifier's plan reported nothing, so an unreachable Tolerance or Digits was silent.
        var d = Assert.Single(Analyze(members));
        Assert.Equal(id, d.Id);
        Assert.Equal(span, Text(d));
        Assert.Contains("'A'", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_default_Digits_never_warns_for_a_Hamiltonian()
        // Energies of 1e6 miss 10 digits (CHEAP024 with Digits = 10 written), but the default does not warn.
        => Assert.Empty(Analyze("[Hamiltonian] public static double A(bool a, bool b) => 1e6 * (a ? 1 : 0) + 500 * (b ? 1 : 0);\n[Hamiltonian] public static double B(bool a, bool b) => 1e6 * (b ? 1 : 0) + 800;"));

    [Fact]
    public void A_record_classifier_is_generated()
    {
        // The attribute allows any class, records included; the generator used to look at 'class' declarations only,
        // so a record got no Classifier and no diagnostic (CS0117 at the use).
        var (output, run) = TestCompilation.RunAllGenerators(TestCompilation.Create(
            "using CheapLearning;\n[BayesClassifier]\npublic partial record K\n{\n[Hamiltonian] public static double A(bool a) => a ? 1 : 0;\n[Hamiltonian] public static double B(bool a) => a ? 0 : 1;\n}\n"
            + "public static class Use { public static int C() => K.Classifier.Classify(true); }"));
        Assert.Single(run.GeneratedTrees);
        Assert.Empty(TestCompilation.Problems(output));
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
