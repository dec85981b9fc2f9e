using System;
using System.Linq;
using Xunit;

namespace CheapLearning.Numerics.Tests.Batch;

/// <summary>
/// The batch engine evaluates a softplus neuron pair whose rows are exact negatives (same columns, negated weights and
/// bias: the identity carry x = σ(x) − σ(−x)) with one exp and one log1p. Its results must be those of two separate
/// evaluations: here each neuron of the pair is read out on its own and compared bit for bit with the same neuron in a
/// network whose two rows are not adjacent (so not paired), and against a double-double reference within the 4-unit
/// σ contract, for z near 0 (the series), far from it (the shared exp and log1p) and mixed within one vector.
/// </summary>
public class SoftplusPairTests
{
    private const double Unit = 1.1102230246251565e-16;

    /// <summary>
    /// Hidden rows z = w·x + b, (−w)·x − b (adjacent when <paramref name="adjacent"/>, else with a row 3x + 1 between
    /// them), and an output reading hidden neuron <paramref name="readOut"/> of the pair (0 or 1) with weight 1.
    /// </summary>
    private static NetworkModel Pair(double w, double b, bool adjacent, int readOut)
    {
        var hidden = adjacent
            ? new SparseAffineMap(1, 2, new[] { 0, 1, 2 }, new[] { 0, 0 }, new[] { w, -w }, new[] { b, -b })
            : new SparseAffineMap(1, 3, new[] { 0, 1, 2, 3 }, new[] { 0, 0, 0 }, new[] { w, 3.0, -w }, new[] { b, 1.0, -b });
        int column = readOut == 0 ? 0 : adjacent ? 1 : 2;
        var output = new SparseAffineMap(hidden.OutputCount, 1, new[] { 0, 1 }, new[] { column }, new[] { 1.0 }, new[] { 0.0 });
        return new NetworkModel(Activation.Softplus, 1, new[] { new AffineLayer(hidden), new AffineLayer(output) }, double.MaxValue, 0, checkInputs: false);
    }

    [Theory]
    [InlineData(1.0, 0.0)]
    [InlineData(2.366, 0.0)]
    [InlineData(0.25, 0.0)]
    [InlineData(1.0, 0.75)]
    [InlineData(-7.5, -3.0)]
    public void A_paired_neuron_equals_its_separate_evaluation_bit_for_bit_and_is_within_4_units(double w, double b)
    {
        var random = new Random(41);
        // Runs of four alike (near 0, small, large), then mixed, so whole vectors take each path and some mix them.
        var x = Enumerable.Range(0, 40_003).Select(i => (i / 4 % 4, i % 4) switch
        {
            (0, _) => 0.02 * (2 * random.NextDouble() - 1),
            (1, _) => 2 * random.NextDouble() - 1,
            (2, _) => 60 * (2 * random.NextDouble() - 1),
            (_, 0) => 1e-3 * random.NextDouble(),
            (_, _) => 30 * (2 * random.NextDouble() - 1),
        }).ToArray();
        for (int readOut = 0; readOut < 2; readOut++)
        {
            var paired = new double[x.Length];
            var separate = new double[x.Length];
            Pair(w, b, adjacent: true, readOut).EvaluateColumns(x, paired);
            Pair(w, b, adjacent: false, readOut).EvaluateColumns(x, separate);
            for (int i = 0; i < x.Length; i++)
            {
                Assert.True(paired[i].Equals(separate[i]), $"neuron {readOut} at x = {x[i]:R}: paired {paired[i]:R}, separate {separate[i]:R}");
                double z = readOut == 0 ? Math.FusedMultiplyAdd(w, x[i], b) : Math.FusedMultiplyAdd(-w, x[i], -b);
                var exact = DoubleDouble.Softplus(z);
                double magnitude = Math.Abs(exact.Hi);
                if (magnitude < 2.2250738585072014e-308) continue;
                double units = Math.Abs((new DoubleDouble(paired[i]) - exact).ToDouble()) / (Unit * magnitude);
                Assert.True(units <= 4, $"neuron {readOut} at z = {z:R}: {units:F3} units");
            }
        }
    }
}
