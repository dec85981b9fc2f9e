using System;
using System.Linq;
using System.Reflection;
using CheapLearning.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace CheapLearning.Generator.Tests.Classifier;

/// <summary>
/// Found by a consumer test (round 14, a known limit until round 15): a [BayesClassifier] whose Hamiltonians of doubles have
/// different InputBounds checks every input against the smallest (bounds 1 and 4: an input of 1.5 throws), without a word at
/// compile time. Decision: that check is right — the classifier evaluates every Hamiltonian on the same input, and the
/// network of the one with bound 1 is proven only on |x| ≤ 1 — so the larger bound is what misleads: CHEAP032 (warning) at
/// each InputBound above the smallest, naming the box the classifier checks. The classifier is still emitted.
/// </summary>
public class UnequalInputBoundTests
{
    private static string Text(Diagnostic d) => d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan);

    private const string Source = """
        using CheapLearning;
        [BayesClassifier]
        public static partial class K
        {
            [Hamiltonian] public static double A(double x) => x * x;
            [Hamiltonian(InputBound = 4)] public static double B(double x) => x;
            [Hamiltonian(InputBound = 2.5)] public static double C(double x) => 2 * x;
        }
        """;

    [Fact]
    public void Each_InputBound_above_the_smallest_is_CHEAP032_naming_the_box_the_classifier_checks()
    {
        var found = ClassifierConsumerEdgeTests.AnalyzeSource(Source).Where(d => d.Id == "CHEAP032").OrderBy(d => d.Location.SourceSpan.Start).ToArray();
        Assert.Equal(2, found.Length);
        Assert.All(found, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        Assert.Equal("InputBound = 4", Text(found[0]));
        Assert.Equal("InputBound = 4 of 'B' does not widen the classifier 'K': it evaluates every Hamiltonian on the same input, and 'A''s network is proven only for |xᵢ| ≤ 1, so the classifier checks every input against ±1 (beyond it Classify and Probabilities throw); give the Hamiltonians the same InputBound", found[0].GetMessage());
        Assert.Equal("InputBound = 2.5", Text(found[1]));
        Assert.StartsWith("InputBound = 2.5 of 'C' does not widen the classifier 'K'", found[1].GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_stated_box_is_the_one_the_generated_classifier_checks()
    {
        // By hand: at x = 1.5 (inside B's and C's bounds, outside A's default 1) Classify throws; at x = 1 it names a class.
        const string source = """
            using CheapLearning;
            [BayesClassifier]
            public static partial class K
            {
                [Hamiltonian] public static double A(double x) => x * x;
                [Hamiltonian(InputBound = 4)] public static double B(double x) => x;
            }
            """;
        var classifier = TestCompilation.BuildAndLoad(source).GetType("K+Classifier")!;
        var classify = classifier.GetMethod("Classify")!;
        var e = Assert.Throws<TargetInvocationException>(() => classify.Invoke(null, new object[] { 1.5 }));
        Assert.IsType<ArgumentOutOfRangeException>(e.InnerException);
        classify.Invoke(null, new object[] { 1.0 });
        var model = (ClassifierModel)classifier.GetProperty("Model")!.GetValue(null)!;
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Classify(new[] { 1.5 }));
    }

    [Fact]
    public void Equal_bounds_and_Hamiltonians_of_bits_are_not_reported()
    {
        const string source = """
            using CheapLearning;
            [BayesClassifier]
            public static partial class D
            {
                [Hamiltonian(InputBound = 2)] public static double A(double x) => x * x;
                [Hamiltonian(InputBound = 2.0)] public static double B(double x) => x;
            }
            [BayesClassifier]
            public static partial class E
            {
                [Hamiltonian] public static double A(double x) => x * x;
                [Hamiltonian(InputBound = 1)] public static double B(double x) => x;
            }
            [BayesClassifier]
            public static partial class F
            {
                [Hamiltonian(Digits = 8)] public static double A(bool x) => x ? 1 : 2;
                [Hamiltonian] public static double B(bool x) => x ? 2 : 1;
            }
            """;
        Assert.DoesNotContain(ClassifierConsumerEdgeTests.AnalyzeSource(source), d => d.Id == "CHEAP032");
    }

    [Fact]
    public void A_default_bound_above_the_smallest_is_reported_at_its_attribute()
    {
        const string source = """
            using CheapLearning;
            [BayesClassifier]
            public static partial class K
            {
                [Hamiltonian] public static double A(double x) => x * x;
                [Hamiltonian(InputBound = 0.5)] public static double B(double x) => x;
            }
            """;
        var d = Assert.Single(ClassifierConsumerEdgeTests.AnalyzeSource(source), d => d.Id == "CHEAP032");
        Assert.Equal("Hamiltonian", Text(d));
        Assert.StartsWith("InputBound = 1 of 'A' does not widen the classifier 'K': it evaluates every Hamiltonian on the same input, and 'B''s network is proven only for |xᵢ| ≤ 0.5", d.GetMessage(), StringComparison.Ordinal);
    }
}
