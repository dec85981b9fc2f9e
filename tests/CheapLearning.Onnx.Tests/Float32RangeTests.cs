using System;
using System.Linq;
using Xunit;

namespace CheapLearning.Onnx.Tests;

/// <summary>
/// Stated float32 bounds where float's range and the classifier's logits matter: a weight beyond float's range, weights
/// below its normal range, and a classifier whose µ are large. Each model is affine by hand (ReLU, no hidden layer, or one
/// ReLU unit of positive input), so every exact value below is derived by hand.
/// </summary>
public class Float32RangeTests
{
    private static NetworkModel Affine(double[] weights, double bias, bool bits)
    {
        int n = weights.Length;
        var map = new SparseAffineMap(n, 1, new[] { 0, n }, Enumerable.Range(0, n).ToArray(), weights, new[] { bias });
        var layers = new[] { new AffineLayer(map) };
        return bits ? NetworkModel.ForBits(Activation.ReLU, n, layers, 0) : new NetworkModel(Activation.ReLU, n, layers, 1, 0);
    }

    private static double[] Bits(int n)
        => Enumerable.Range(0, 1 << n).SelectMany(mask => Enumerable.Range(0, n).Select(i => (double)((mask >> i) & 1))).ToArray();

    [Fact]
    public void A_weight_beyond_floats_range_states_no_bound()
    {
        // y = 1e39·x: float32 has no 1e39 (it rounds to ∞), so ONNX Runtime gives ∞ at x = 1 and NaN (∞·0) at x = 0.
        // The stated bound was 1.1e34 (1e35·x·y, a polynomial network, gave NaN on every input with a bound of 1.08e34).
        var model = Affine(new[] { 1e39 }, 0, bits: false);
        float[] y = OrtRunner.Run(model.ToOnnxBytes(new OnnxExportOptions { ElementType = OnnxElementType.Float32 }), new[] { 1f, 0f, 0.5f }, 1);
        Assert.True(y.All(v => float.IsNaN(v) || float.IsInfinity(v)), string.Join(", ", y));
        Assert.Equal(double.PositiveInfinity, OnnxExport.StatedErrorBound(model, OnnxElementType.Float32));
        // Each weight in range but their sum not: 3e38 + 3e38 overflows float at (1, 1).
        Assert.Equal(double.PositiveInfinity, OnnxExport.StatedErrorBound(Affine(new[] { 3e38, 3e38 }, 0, bits: true), OnnxElementType.Float32));
        // In float64 the same models keep their proven bound.
        Assert.Equal(0, OnnxExport.StatedErrorBound(model, OnnxElementType.Float64));
    }

    [Fact]
    public void Weights_below_floats_normal_range_are_charged_their_absolute_rounding()
    {
        // y = 1e-46·a + 3e-45·b on bits: float rounds 1e-46 to 0 and 3e-45 to 2.8e-45 (2 subnormal steps of 1.4e-45).
        // The stated bound was 1.8e-51 against errors of 1e-46 and 3e-46.
        var model = Affine(new[] { 1e-46, 3e-45 }, 0, bits: true);
        double bound = OnnxExport.StatedErrorBound(model, OnnxElementType.Float32);
        double[] rows = Bits(2);
        float[] y = OrtRunner.Run(model.ToOnnxBytes(new OnnxExportOptions { ElementType = OnnxElementType.Float32 }), rows.Select(v => (float)v).ToArray(), 2);
        for (int r = 0; r < 4; r++)
        {
            double exact = 1e-46 * rows[2 * r] + 3e-45 * rows[2 * r + 1];
            Assert.True(Math.Abs(y[r] - exact) <= bound, $"row {r}: {y[r]:R} vs {exact:R}, stated {bound:R}");
        }
        Assert.True(bound < 1e-43, $"{bound:R}"); // still a bound on the scale of the values
    }

    [Fact]
    public void A_classifiers_probability_bound_covers_the_rounding_of_its_logits()
    {
        // H_0 = x0, H_1 = x1/2, H_2 = 1/4 (exact ReLU-free affine networks), µ = 1000.3, 1000.1, 1000.2. float32 rounds
        // µ and −H − µ near 1000 by up to 3e-5, which moved the probabilities by up to 8e-6: the stated bound was 1.9e-6.
        var h = new[]
        {
            Affine(new[] { 1.0, 0 }, 0, bits: true),
            Affine(new[] { 0, 0.5 }, 0, bits: true),
            Affine(new[] { 0.0, 0 }, 0.25, bits: true),
        };
        double[] mu = { 1000.3, 1000.1, 1000.2 };
        var classifier = new ClassifierModel(h, mu);
        foreach (var type in new[] { OnnxElementType.Float32, OnnxElementType.Float64 })
        {
            double bound = OnnxExport.ProbabilityErrorBound(classifier, type);
            double[] rows = Bits(2);
            double[] p = type == OnnxElementType.Float64
                ? OrtRunner.Run(classifier.ToOnnxBytes(), rows, 2)
                : OrtRunner.Run(classifier.ToOnnxBytes(new OnnxExportOptions { ElementType = type }), rows.Select(v => (float)v).ToArray(), 2).Select(v => (double)v).ToArray();
            double worst = 0;
            for (int r = 0; r < 4; r++)
            {
                double x0 = rows[2 * r], x1 = rows[2 * r + 1];
                // Logits relative to class 2's: ℓ_y − ℓ_2 = −H_y − µ_y + 1/4 + µ_2, exact small numbers.
                double[] d = { -x0 - 0.1 + 0.25, -x1 / 2 + 0.1 + 0.25, 0 };
                double sum = d.Sum(Math.Exp);
                for (int y = 0; y < 3; y++) worst = Math.Max(worst, Math.Abs(p[3 * r + y] - Math.Exp(d[y]) / sum));
            }
            Assert.True(worst <= bound, $"{type}: off by {worst:R}, stated {bound:R}");
            if (type == OnnxElementType.Float32) Assert.True(bound < 1e-3, $"{bound:R}");
        }
    }

    /// <summary>
    /// A class with µ = 1e20 (prior e^(−1e20)): its logit −H − µ rounds by about 1e4, so the one ε for all classes
    /// (ε_y + u·(2|µ_y| + max|H_y|)) made the stated bound e^(2ε) − 1 = ∞ in both element types, although that class's
    /// probability is 0 exactly enough (e^(−1e20)) and the others' are as accurate as without it. Each class's rounding
    /// is its own (as in Softmax.ArgMax): a class whose logit is far below another's on every input adds its tiny
    /// probability, not its rounding.
    /// </summary>
    [Fact]
    public void A_class_of_huge_mu_leaves_the_probability_bound_finite()
    {
        var h = new[]
        {
            Affine(new[] { 1.0, 0 }, 0, bits: true),
            Affine(new[] { 0, 0.5 }, 0, bits: true),
            Affine(new[] { 0.0, 0 }, 0.25, bits: true),
        };
        double[] mu = { 0.3, 1e20, 0.2 };
        var classifier = new ClassifierModel(h, mu);
        foreach (var type in new[] { OnnxElementType.Float32, OnnxElementType.Float64 })
        {
            double bound = OnnxExport.ProbabilityErrorBound(classifier, type);
            Assert.True(bound < (type == OnnxElementType.Float32 ? 1e-5 : 1e-14), $"{type}: stated {bound:R}");
            double[] rows = Bits(2);
            double[] p = type == OnnxElementType.Float64
                ? OrtRunner.Run(classifier.ToOnnxBytes(), rows, 2)
                : OrtRunner.Run(classifier.ToOnnxBytes(new OnnxExportOptions { ElementType = type }), rows.Select(v => (float)v).ToArray(), 2).Select(v => (double)v).ToArray();
            double worst = 0;
            for (int r = 0; r < 4; r++)
            {
                double x0 = rows[2 * r], x1 = rows[2 * r + 1];
                // Logits relative to class 2's (exact small numbers); class 1's is −1e20 + O(1): e^(−1e20) is 0 in double.
                double[] d = { -x0 - 0.1 + 0.25, double.NegativeInfinity, 0 };
                double sum = d.Sum(Math.Exp);
                for (int y = 0; y < 3; y++) worst = Math.Max(worst, Math.Abs(p[3 * r + y] - Math.Exp(d[y]) / sum));
            }
            Assert.True(worst <= bound, $"{type}: off by {worst:R}, stated {bound:R}");
        }
        // The model says how its bound was formed: the old text (exp(2 max eps) - 1 only) described a larger bound.
        using (var session = new Microsoft.ML.OnnxRuntime.InferenceSession(classifier.ToOnnxBytes()))
        {
            var meta = session.ModelMetadata.CustomMetadataMap;
            Assert.Equal(OnnxExport.ProbabilityErrorBound(classifier, OnnxElementType.Float64), double.Parse(meta["ErrorBound"], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Contains("far below", meta["ErrorBoundKind"]);
        }
        // A µ that is infinite, or a Hamiltonian of no finite bound, leaves no bound: not the 2 that adding that class's
        // probability as at most 1 before and after would give. A NaN µ is refused by ClassifierModel itself.
        Assert.Throws<ArgumentOutOfRangeException>(() => new ClassifierModel(h, new[] { 0.3, double.NaN, 0.2 }));
        foreach (double bad in new[] { double.PositiveInfinity, double.NegativeInfinity })
            foreach (var type in new[] { OnnxElementType.Float32, OnnxElementType.Float64 })
                Assert.Equal(double.PositiveInfinity, OnnxExport.ProbabilityErrorBound(new ClassifierModel(h, new[] { 0.3, bad, 0.2 }), type));
        var unbounded = new ClassifierModel(new[] { h[0], Affine(new[] { 1e308, 1e308 }, 0, bits: true), h[2] }, mu);
        Assert.Equal(double.PositiveInfinity, OnnxExport.ProbabilityErrorBound(unbounded, OnnxElementType.Float64));
        // A class that is not far below the others on some input keeps the common ε: µ = 1e20 for all three is a shift.
        var shifted = new ClassifierModel(h, new[] { 1e20, 1e20, 1e20 });
        Assert.Equal(double.PositiveInfinity, OnnxExport.ProbabilityErrorBound(shifted, OnnxElementType.Float64));
    }
}
