using System;
using CheapLearning.Generator.Construction;

namespace CheapLearning.Generator.Tests.Bits;

/// <summary>β from Digits against values worked out by hand, and the overflow-safe softmax.</summary>
public class BetaAndSoftmaxTests
{
    private static double FlatBeta(string parameters, string body, int digits)
    {
        var poly = BitTestCompilation.Reduce($"static partial class C {{ [BitNetwork] static bool F({parameters}) => {body}; }}");
        var (beta, bound, reached) = BitThreshold.ChooseBeta(ThresholdLayout.Flat(poly).Bound, Math.Pow(10, -digits));
        Assert.True(reached);
        Assert.True(bound <= Math.Pow(10, -digits));
        return beta;
    }

    [Fact]
    public void One_monomial_needs_beta_2_D_ln_10_not_D_ln_10()
    {
        // Margin β/2: σ(−β/2) ≤ 10⁻¹⁰ ⇔ β ≥ 2·ln(10¹⁰ − 1) ≈ 46.0517 (the paper's D ln 10 ≈ 23 gives 1e-5).
        double beta = FlatBeta("bool x, bool y", "x & y", 10);
        Assert.InRange(beta, 46.05, 46.07);
        Assert.True(1 / (1 + Math.Exp(23.03 / 2)) > 1e-6);
    }

    [Fact]
    public void More_and_larger_coefficients_need_a_larger_beta()
    {
        // Majority = ab + ac + bc − 2abc: C = Σ|c_K| = 5, β = 2 ln(5·10¹⁰ − 1) ≈ 49.27.
        Assert.InRange(FlatBeta("bool a, bool b, bool c", "(a & b) | (a & c) | (b & c)", 10), 49.26, 49.30);
        // 3-bit parity: C = 1+1+1+2+2+2+4 = 13, β = 2 ln(13·10⁶ − 1) ≈ 32.76 for D = 6.
        Assert.InRange(FlatBeta("bool a, bool b, bool c", "a ^ b ^ c", 6), 32.75, 32.78);
    }

    [Fact]
    public void Input_errors_shrink_the_margin()
    {
        double clean = BitThreshold.NeuronError(0, 2, 1.5, 46.06);
        double noisy = BitThreshold.NeuronError(0.05, 2, 1.5, 46.06);
        Assert.InRange(clean, 0.9e-10, 1.01e-10);
        Assert.InRange(noisy, 0.9e-9, 1.01e-9);    // margin 0.45 instead of 0.5: e^(−46.06·0.45) ≈ 1e-9
        Assert.Equal(double.PositiveInfinity, BitThreshold.NeuronError(0.5, 2, 1.5, 46.06));
    }

    [Fact]
    public void Softmax_subtracts_the_maximum()
    {
        var z = new[] { 1000.0, 1000.0 - Math.Log(3) };
        Softmax.Apply(z);
        Assert.Equal(0.75, z[0], 12); // 1000 − ln 3 itself is rounded to ~1e-13
        Assert.Equal(0.25, z[1], 12);
        var tiny = new[] { -1e308, 0.0, -2000.0 };
        Softmax.Apply(tiny);
        Assert.Equal(new[] { 0.0, 1.0, 0.0 }, tiny);
        var bad = new[] { double.PositiveInfinity, 0.0 };
        Softmax.Apply(bad);
        Assert.True(double.IsNaN(bad[0]) && double.IsNaN(bad[1]));
        Assert.Equal(1, Softmax.ArgMax(new[] { 1.0, 3.0, 3.0 }));
    }
}
