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

    /// <summary>
    /// The orphan check reads a type's members only when one of its declarations writes a method attribute that may be
    /// [Hamiltonian] (syntax first): every kind of type, a declaration in another file, and a nested type still count.
    /// </summary>
    [Theory]
    [InlineData("public partial record R { [Hamiltonian] public static double A(bool a) => a ? 1 : 0; }", "A", "R")]
    [InlineData("public partial struct S { [Hamiltonian] public static double A(bool a) => a ? 1 : 0; }", "A", "S")]
    [InlineData("public partial record struct S { [Hamiltonian] public static double A(bool a) => a ? 1 : 0; }", "A", "S")]
    [InlineData("public interface I { [Hamiltonian] public static double A(bool a) => a ? 1 : 0; }", "A", "I")]
    [InlineData("public static class Outer { public static class Inner { [Hamiltonian] public static double A(bool a) => a ? 1 : 0; } }", "A", "Inner")]
    [InlineData("public static partial class Two { public static double B(bool a) => 0; }\npublic static partial class Two { [Hamiltonian] public static double A(bool a) => a ? 1 : 0; }", "A", "Two")]
    public void A_Hamiltonian_outside_a_classifier_is_CHEAP030_in_every_kind_of_type(string declarations, string method, string type)
    {
        var diagnostics = Analyze("using CheapLearning;\n" + declarations);
        var d = Assert.Single(diagnostics);
        Assert.Equal("CHEAP030", d.Id);
        Assert.Contains($"'{method}'", d.GetMessage());
        Assert.Contains($"'{type}'", d.GetMessage());
    }

    [Fact]
    public void A_Hamiltonian_in_a_part_declared_in_another_file_is_CHEAP030_there()
    {
        var diagnostics = Analyze(
            "using CheapLearning;\npublic static partial class Split\n{\npublic static double B(bool a) => 0;\n}",
            "using CheapLearning;\npublic static partial class Split\n{\n[Hamiltonian(Prior = 0.25)] public static double A(bool a) => a ? 1 : 0;\n}");
        var d = Assert.Single(diagnostics);
        Assert.Equal("CHEAP030", d.Id);
        Assert.Equal("Hamiltonian(Prior = 0.25)", Text(d));
    }
}
