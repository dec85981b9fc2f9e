using System;
using System.Collections.Immutable;
using System.Linq;
using CheapLearning.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CheapLearning.Generator.Tests.Classifier;

/// <summary>
/// Classifier inputs found by consumer projects: names that clash (or do not) with the generated class, a
/// Hamiltonian's plan findings (reported at its attribute, as for the method features), record classes.
/// </summary>
public class ClassifierConsumerEdgeTests
{
    private const string Header = "using CheapLearning;\n[BayesClassifier]\npublic static partial class K\n{\n";

    /// <summary>The classifier analyzer's diagnostics on a whole source file.</summary>
    public static ImmutableArray<Diagnostic> AnalyzeSource(string source)
        => TestCompilation.Create(source)
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new BayesClassifierAnalyzer()))
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();

    private static ImmutableArray<Diagnostic> Analyze(string members) => AnalyzeSource(Header + members + "\n}");

    private static string Text(Diagnostic d) => d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan);

    [Fact]
    public void A_Hamiltonian_named_Classifier_is_CHEAP003_and_nothing_is_generated()
    {
        const string members = "[Hamiltonian] public static double Classifier(bool a) => 1;\n[Hamiltonian] public static double B(bool a) => 0;";
        Assert.Equal("CHEAP003", Assert.Single(Analyze(members)).Id);
        var (output, run) = TestCompilation.RunAllGenerators(TestCompilation.Create(Header + members + "\n}"));
        Assert.Empty(run.GeneratedTrees);
        Assert.Empty(TestCompilation.Problems(output));
    }

    [Fact]
    public void A_member_named_like_a_method_network_is_no_clash_for_a_Hamiltonian()
    {
        // A classifier generates T.Classifier only, never 'ANetwork'.
        const string members = "[Hamiltonian] public static double A(bool a) => 1;\n[Hamiltonian] public static double B(bool a) => 0;\npublic static int ANetwork = 3;";
        Assert.Empty(Analyze(members));
        var (output, run) = TestCompilation.RunAllGenerators(TestCompilation.Create(Header + members + "\n}"));
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

    /// <summary>
    /// Each posterior is within a factor e^(±2ε) of Bayes' theorem, ε = HamiltonianErrorBound, so each probability within
    /// e^(2ε) − 1: from ε = ln 2 / 2 that is no bound. InputBound = 1e100 gave ε = 1.7e290 without any diagnostic; now
    /// CHEAP031 at the Hamiltonian's InputBound, or at its attribute (a bit Hamiltonian has none).
    /// </summary>
    [Theory]
    [InlineData("[Hamiltonian(InputBound = 1e100)] public static double A(double x) => x * x;\n[Hamiltonian] public static double B(double x) => x;", "InputBound = 1e100", "InputBound = 1E+100")]
    [InlineData("[Hamiltonian] public static double A(bool a, bool b) => 1e300 * (a ? 1 : 0) + (b ? 1 : 0);\n[Hamiltonian] public static double B(bool a, bool b) => 0;", "Hamiltonian", "scale them down")]
    public void A_vacuous_posterior_bound_is_CHEAP031_at_the_Hamiltonian(string members, string span, string advice)
    {
        // B keeps the default InputBound 1, below A's: CHEAP032 says so too (UnequalInputBoundTests); CHEAP031 is the subject here.
        var d = Assert.Single(Analyze(members), d => d.Id != "CHEAP032");
        Assert.Equal("CHEAP031", d.Id);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Equal(span, Text(d));
        Assert.Contains("Hamiltonian 'A' has error bound", d.GetMessage(), StringComparison.Ordinal);
        Assert.Contains(advice, d.GetMessage(), StringComparison.Ordinal);
    }

    /// <summary>
    /// The warning follows the classifier's stated bound on both sides of ε = ln 2 / 2: x² proven on |x| ≤ R has a bound
    /// growing with R² (about 7e-11·R²): small at R = 3e4 (0.07), vacuous at R = 1e5 (0.7). ε is read from the generated HamiltonianErrorBound.
    /// </summary>
    [Theory]
    [InlineData("1")]
    [InlineData("1e3")]
    [InlineData("3e4")]
    [InlineData("1e5")]
    [InlineData("1e8")]
    [InlineData("1e20")]
    public void CHEAP031_is_reported_exactly_when_the_stated_posterior_bound_reaches_1(string inputBound)
    {
        string members = $"[Hamiltonian(InputBound = {inputBound})] public static double A(double x) => x * x;\n[Hamiltonian] public static double B(double x) => 1 - x;";
        var type = TestCompilation.BuildAndLoad(Header + members + "\n}").GetType("K+Classifier")!;
        double epsilon = (double)type.GetField("HamiltonianErrorBound")!.GetValue(null)!;
        // Hand-derived threshold: e^(2ε) − 1 ≥ 1 ⇔ ε ≥ ln 2 / 2.
        bool vacuous = epsilon >= 0.34657359027997264;
        var found = Analyze(members).Where(d => d.Id != "CHEAP032").ToArray(); // B's default bound 1 is below A's (UnequalInputBoundTests)
        Assert.Equal(vacuous ? 1 : 0, found.Length);
        if (vacuous) Assert.Equal("CHEAP031", found[0].Id);
        Assert.True(inputBound != "3e4" || !vacuous, $"ε = {epsilon} at R = 3e4");
        Assert.True(inputBound != "1e5" || vacuous, $"ε = {epsilon} at R = 1e5");
    }

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
}
