using System;
using System.Linq;
using CheapLearning.Generator.Tests.Bits;
using CheapLearning.Generator.Tests.Infrastructure;

namespace CheapLearning.Generator.Tests.Classifier;

/// <summary>
/// Priors are any positive finite doubles (CHEAP028 accepts them); normalizing them must not overflow or
/// underflow: µ_y = ln Σp − ln p_y is finite for every such prior, and the posterior stays a distribution.
/// </summary>
public class ClassifierPriorRangeTests
{
    private const string Source = """
        using CheapLearning;
        namespace Cls;

        [BayesClassifier]
        public static partial class Overflowing
        {
            [Hamiltonian(Prior = 1e308)] public static double A(bool a) => a ? 1 : 0;
            [Hamiltonian(Prior = 1e308)] public static double B(bool a) => a ? 0 : 1;
            [Hamiltonian(Prior = 1e308)] public static double C(bool a) => 0.5;
        }

        [BayesClassifier]
        public static partial class FarApart
        {
            [Hamiltonian(Prior = 1e-300)] public static double A(bool a) => a ? -2000 : 0;
            [Hamiltonian(Prior = 1e300)] public static double B(bool a) => 0;
        }
        """;

    private static ClassifierModel Model(string type)
        => (ClassifierModel)BitTestCompilation.BuildAndLoad(Source).GetType("Cls." + type)!
            .GetNestedType("Classifier")!.GetProperty("Model")!.GetValue(null)!;

    [Fact]
    public void Priors_whose_sum_overflows_are_normalized_in_logs()
    {
        var model = Model("Overflowing");
        // Three equal priors: p(y) = 1/3 whatever their common value, so µ = ln 3 (by hand).
        Assert.All(model.Mu, mu => Assert.Equal(Math.Log(3), mu, 15));
        var p = new double[3];
        model.Probabilities(new[] { 1.0 }, p);
        Assert.All(p, x => Assert.True(double.IsFinite(x) && x > 0));
        Assert.Equal(1.0, p.Sum(), 12);
    }

    [Fact]
    public void A_prior_below_the_smallest_ratio_keeps_a_finite_mu()
    {
        var model = Model("FarApart");
        // p(A) = 1e-300 / (1e300 + 1e-300): µ_A = 600 ln 10 (1381.55…), µ_B = ln(1 + 1e-600) = 0.
        Assert.Equal(600 * Math.Log(10), model.Mu[0], 9);
        Assert.Equal(0.0, model.Mu[1], 12);
        // At a = true, −H − µ is 2000 − 1381.55 for A against 0 for B: A wins with e^(−618.45)-odds for B.
        var p = new double[2];
        model.Probabilities(new[] { 1.0 }, p);
        Assert.Equal(1.0, p[0], 12);
        Assert.True(p[1] > 0 && Math.Abs(Math.Log(p[1]) - (600 * Math.Log(10) - 2000)) < 1e-6, $"p(B|a) = {p[1]:R}");
    }
}
