using System.Linq;
using CheapLearning.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using System.Collections.Immutable;

namespace CheapLearning.Generator.Tests.Classifier;

/// <summary>
/// The BayesClassifierAnalyzer reads a type's and a method's attributes only when a declaration writes a name that may
/// denote [BayesClassifier] or [Hamiltonian] (issue 12): the attribute still counts where only the other part of a
/// partial method writes it, or where an alias renames it.
/// </summary>
public class ClassifierAnalyzerNameFilterTests
{
    private static ImmutableArray<Diagnostic> Analyze(params string[] sources)
        => TestCompilation.Create(sources)
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new BayesClassifierAnalyzer()))
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();

    private static string Text(Diagnostic d) => d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan);

    [Fact]
    public void A_Hamiltonian_on_the_implementing_part_of_a_partial_method_outside_a_classifier_is_CHEAP030()
    {
        var diagnostics = Analyze(
            "using CheapLearning;\npublic static partial class NotAClassifier\n{\npublic static partial double A(bool a);\n}",
            "using CheapLearning;\npublic static partial class NotAClassifier\n{\n[Hamiltonian(Prior = 0.5)] public static partial double A(bool a) => a ? 1 : 0;\n}");
        var d = Assert.Single(diagnostics);
        Assert.Equal("CHEAP030", d.Id);
        Assert.Equal("Hamiltonian(Prior = 0.5)", Text(d));
    }

    [Fact]
    public void A_Hamiltonian_renamed_by_an_alias_outside_a_classifier_is_CHEAP030()
    {
        var diagnostics = Analyze("using H = CheapLearning.HamiltonianAttribute;\npublic static partial class NotAClassifier\n{\n[H(Prior = 0.5)] public static double A(bool a) => a ? 1 : 0;\n}");
        var d = Assert.Single(diagnostics);
        Assert.Equal("CHEAP030", d.Id);
        Assert.Equal("H(Prior = 0.5)", Text(d));
    }

    [Fact]
    public void A_classifier_named_by_an_alias_is_analyzed_as_one()
    {
        // A classifier with one Hamiltonian: CHEAP029 (too few), which only the classifier's own analysis reports.
        var diagnostics = Analyze("using CheapLearning;\nusing K = CheapLearning.BayesClassifierAttribute;\n[K]\npublic static partial class C\n{\n[Hamiltonian] public static double A(bool a) => a ? 1 : 0;\n}");
        Assert.Contains(diagnostics, d => d.Id == "CHEAP029");
        Assert.DoesNotContain(diagnostics, d => d.Id == "CHEAP030");
    }
}
