using System;
using System.Linq;
using System.Threading;
using CheapLearning.Generator.Algebra;
using CheapLearning.Generator.Construction;

namespace CheapLearning.Generator.Tests.Bits;

/// <summary>
/// <see cref="ThresholdLayout.Bound"/> reads its rows once into arrays, because β's search calls it some 160
/// times. Its value must stay the bound of <see cref="BitThreshold"/>'s doc, term for term and in the same
/// order: here it is compared, bit for bit, with that formula written out plainly, for the deep and the flat
/// layout of random bit functions of up to 10 bits, at β from 1 to 10⁴.
/// </summary>
public class ThresholdBoundTests
{
    /// <summary>The bound as <see cref="BitThreshold"/> states it, neuron by neuron, without any precomputation.</summary>
    private static double Reference(ThresholdLayout layout, double beta)
    {
        static double Row((int Column, double Weight)[] terms, double[] errors, double constant)
        {
            double propagated = 0, scale = Math.Abs(constant);
            foreach (var (column, weight) in terms)
            {
                propagated += Math.Abs(weight) * errors[column];
                scale += Math.Abs(weight) * (1 + errors[column]);
            }
            return propagated + (terms.Length + 3) * BitThreshold.Unit * scale * 1.01;
        }

        var previous = new double[layout.InputCount];
        foreach (var layer in layout.Layers)
        {
            var current = new double[layer.Count];
            for (int k = 0; k < layer.Count; k++)
            {
                var unit = layer[k];
                double weightSum = 0;
                foreach (var (_, weight) in unit.Terms) weightSum += Math.Abs(weight);
                current[k] = BitThreshold.NeuronError(Row(unit.Terms, previous, 0), weightSum, Math.Abs(unit.Offset), beta);
            }
            previous = current;
        }
        return Row(layout.OutputTerms, previous, layout.OutputConstant);
    }

    /// <summary>A random Boolean tree over n bits (¬, ∧, ∨, ⊕), built into <paramref name="b"/>.</summary>
    private static int Tree(BitGraphBuilder b, Random r, int n, int depth)
    {
        if (depth == 0 || r.Next(4) == 0) return b.Variable(r.Next(n));
        int a = Tree(b, r, n, depth - 1);
        switch (r.Next(4))
        {
            case 0: return b.Not(a);
            case 1: return b.And(a, Tree(b, r, n, depth - 1));
            case 2: return b.Or(a, Tree(b, r, n, depth - 1));
            default: return b.Xor(a, Tree(b, r, n, depth - 1));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Bound_equals_the_formula_bit_for_bit(int seed)
    {
        var r = new Random(seed);
        int layouts = 0;
        for (int trial = 0; trial < 40; trial++)
        {
            int n = r.Next(1, 11);
            var b = new BitGraphBuilder(n);
            var parts = Enumerable.Range(0, r.Next(1, 4))
                .Select(_ => (Tree(b, r, n, r.Next(1, 6)), Rational.FromDouble(new[] { 1.0, -1.0, 2.0, 0.5, -3.25, 0.1, 7.0 }[r.Next(7)])))
                .ToArray();
            var graph = b.Build(b.Sum(Rational.FromDouble(r.Next(-2, 3)), parts));
            var deep = ThresholdLayout.FromCircuit(BitCircuit.Build(graph, CancellationToken.None));
            var polynomial = MultilinearReduction.TryReduce(graph, 1 << 12, CancellationToken.None);
            foreach (var layout in polynomial is null ? new[] { deep } : new[] { deep, ThresholdLayout.Flat(polynomial) })
            {
                layouts++;
                for (int k = 0; k <= 40; k++)
                {
                    double beta = Math.Pow(10, k / 10.0);
                    double expected = Reference(layout, beta), actual = layout.Bound(beta);
                    Assert.True(expected.Equals(actual), $"trial {trial}, β = {beta}: {actual:R} ≠ {expected:R}");
                }
            }
        }
        Assert.True(layouts >= 60, $"only {layouts} layouts were compared");
    }

    [Fact]
    public void Ten_bit_parity_flat_bound_matches_the_formula_over_the_whole_search_range()
    {
        var b = new BitGraphBuilder(10);
        var graph = b.Build(b.Xor(Enumerable.Range(0, 10).Select(b.Variable).ToArray()));
        var flat = ThresholdLayout.Flat(MultilinearReduction.TryReduce(graph, 1 << 12, CancellationToken.None)!);
        Assert.Equal(1023, flat.Neurons);
        for (int k = 0; k <= 400; k += 7)
        {
            double beta = 2 * Math.Pow(1.03, k);
            Assert.Equal(Reference(flat, beta), flat.Bound(beta));
        }
    }
}
