using System;
using System.Linq;
using CheapLearning.Generator.Tests.Infrastructure;

namespace CheapLearning.Generator.Tests.Classifier;

/// <summary>
/// Classify's documented "first one on ties" against classes whose exact scores −H_y − µ_y are equal on every input.
/// The four Hamiltonians below are one function written four ways, with equal priors: their networks differ by up to
/// HamiltonianErrorBound, and the plain argmax of the network scores named class 2 on half the inputs (a consumer
/// found it). Expected by hand: class 0 everywhere; and a class whose exact score is larger by far more than the bound
/// still wins.
/// </summary>
public class ClassifierTieTests
{
    private const string Source = """
        using CheapLearning;
        namespace Ties;
        [BayesClassifier]
        public static partial class Tie
        {
            [Hamiltonian] public static double A(bool a, bool b, bool c) => (a ^ b ? 3.0 : 0) + (c ? 1.5 : 0);
            [Hamiltonian] public static double B(bool a, bool b, bool c) => (a == b ? 0 : 3.0) + (c ? 1.5 : 0);
            [Hamiltonian] public static double C(bool a, bool b, bool c) => (a ? 3.0 : 0) + (b ? 3.0 : 0) - (a && b ? 6.0 : 0) + (c ? 1.5 : 0);
            [Hamiltonian] public static double D(bool a, bool b, bool c) => (a != b) ? (c ? 4.5 : 3.0) : (c ? 1.5 : 0.0);
        }

        [BayesClassifier]
        public static partial class Apart
        {
            [Hamiltonian] public static double A(bool a, bool b, bool c) => (a ^ b ? 3.0 : 0) + (c ? 1.5 : 0);
            [Hamiltonian] public static double B(bool a, bool b, bool c) => (a ? 3.0 : 0) + (b ? 3.0 : 0) - (a && b ? 6.0 : 0) + (c ? 1.5 : 0) - 0.001;
        }
        """;

    [Fact]
    public void Exactly_tied_classes_give_the_first_and_a_class_ahead_by_more_than_the_bound_wins()
    {
        var assembly = TestCompilation.BuildAndLoad(Source);
        foreach (var (name, expected) in new[] { ("Ties.Tie", 0), ("Ties.Apart", 1) })
        {
            var classifier = assembly.GetType(name + "+Classifier")!;
            var classify = classifier.GetMethod("Classify")!;
            var model = (ClassifierModel)classifier.GetProperty("Model")!.GetValue(null)!;
            for (int x = 0; x < 8; x++)
            {
                var bits = Enumerable.Range(0, 3).Select(i => (x >> i & 1) == 1).ToArray();
                Assert.Equal(expected, (int)classify.Invoke(null, bits.Cast<object>().ToArray())!);
                Assert.Equal(expected, model.Classify(bits.Select(b => b ? 1.0 : 0.0).ToArray()));
            }
        }
    }

    /// <summary>
    /// A class made all but impossible (µ = 1e20) must not make the others tie. ArgMax's rounding allowance was
    /// 2⁻⁵²·max|score| over all classes, 22,204 here, so every class within 22,204 of the best tied with it and Classify
    /// named A on every input. Expected by hand: scores −2a and −2b, so B exactly when a = 1, b = 0, else A (first on ties).
    /// </summary>
    [Fact]
    public void A_class_with_a_huge_mu_does_not_widen_the_others_ties()
    {
        const string source = """
            using CheapLearning;
            namespace Ties;
            [BayesClassifier]
            public static partial class Unlikely
            {
                [Hamiltonian(Mu = 1e20)] public static double Never(bool a, bool b) => a ? 1.0 : 0;
                [Hamiltonian(Mu = 0)] public static double A(bool a, bool b) => a ? 2.0 : 0;
                [Hamiltonian(Mu = 0)] public static double B(bool a, bool b) => b ? 2.0 : 0;
            }
            """;
        var classifier = TestCompilation.BuildAndLoad(source).GetType("Ties.Unlikely+Classifier")!;
        var classify = classifier.GetMethod("Classify")!;
        var model = (ClassifierModel)classifier.GetProperty("Model")!.GetValue(null)!;
        foreach (var (a, b) in new[] { (false, false), (true, false), (false, true), (true, true) })
        {
            int expected = a && !b ? 2 : 1;
            Assert.Equal(expected, (int)classify.Invoke(null, new object[] { a, b })!);
            Assert.Equal(expected, model.Classify(new[] { a ? 1.0 : 0, b ? 1.0 : 0 }));
        }
        Assert.Equal(2, Softmax.ArgMax(new[] { -1e20, -2.0, 0.0 }, 1e-10));
        Assert.Equal(1, Softmax.ArgMax(new[] { -1e20, 0.0, 1e-11 }, 1e-10)); // within the bound: a tie, the first
    }
}
