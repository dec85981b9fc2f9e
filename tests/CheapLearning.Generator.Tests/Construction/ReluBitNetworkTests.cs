using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CheapLearning.Generator.Algebra;
using CheapLearning.Generator.Construction;
using CheapLearning.Generator.Model;
using CheapLearning.Generator.Tests.Infrastructure;
using CheapLearning.TestKit;

namespace CheapLearning.Generator.Tests.Construction;

/// <summary>
/// ReLU bit networks (deep and flat) for random Boolean/arithmetic functions of up to 10 bits, run by the
/// runtime's NetworkModel on every one of the 2ⁿ inputs and compared with the function evaluated here
/// (bits as integers, weights as exact dyadic rationals): exact units, error at the level of one rounding.
/// </summary>
public class ReluBitNetworkTests
{
    private readonly Xunit.Abstractions.ITestOutputHelper _output;

    public ReluBitNetworkTests(Xunit.Abstractions.ITestOutputHelper output) => _output = output;

    /// <summary>A random function: a Boolean tree per part, combined as c₀ + Σ wₖ·treeₖ.</summary>
    private sealed class RandomBits
    {
        private readonly Random _r;
        private readonly int _n;

        public RandomBits(int seed, int n)
        {
            _r = new Random(seed);
            _n = n;
        }

        public (Func<ulong, bool> Eval, Func<BitGraphBuilder, int> Build) Tree(int depth)
        {
            if (depth == 0 || _r.Next(4) == 0)
            {
                int v = _r.Next(_n);
                return (x => ((x >> v) & 1) != 0, b => b.Variable(v));
            }
            var a = Tree(depth - 1);
            switch (_r.Next(5))
            {
                case 0: return (x => !a.Eval(x), b => b.Not(a.Build(b)));
                case 1:
                {
                    var c = Tree(depth - 1);
                    return (x => a.Eval(x) && c.Eval(x), b => b.And(a.Build(b), c.Build(b)));
                }
                case 2:
                {
                    var c = Tree(depth - 1);
                    return (x => a.Eval(x) || c.Eval(x), b => b.Or(a.Build(b), c.Build(b)));
                }
                default:
                {
                    var c = Tree(depth - 1);
                    return (x => a.Eval(x) ^ c.Eval(x), b => b.Xor(a.Build(b), c.Build(b)));
                }
            }
        }

        public double Weight() => new[] { 1.0, -1.0, 2.0, 0.5, -3.25, 0.1, 7.0, -0.3 }[_r.Next(8)];
    }

    private static NetworkModel Model(BuiltNetwork n)
        => Networks.ToModel(n, 1) is var m ? new NetworkModel(m.Activation, m.InputCount, m.Layers.ToList(), 1, n.ErrorBound) : null!;

    [Theory]
    [InlineData(1, 3)]
    [InlineData(2, 5)]
    [InlineData(3, 8)]
    [InlineData(4, 10)]
    public void Random_bit_functions_are_reproduced_on_every_input(int seed, int n)
    {
        for (int trial = 0; trial < 12; trial++)
        {
            var random = new RandomBits(seed * 100 + trial, n);
            var rng = new Random(seed * 100 + trial);
            int parts = rng.Next(1, 4);
            bool integral = trial % 2 == 0; // pure Boolean/integer functions: the output is exact too
            var trees = Enumerable.Range(0, parts).Select(_ => random.Tree(rng.Next(1, 5))).ToArray();
            var weights = trees.Select(_ => integral ? (double)rng.Next(-3, 4) : random.Weight()).ToArray();
            double c0 = integral ? rng.Next(-2, 3) : random.Weight();

            var builder = new BitGraphBuilder(n);
            var terms = trees.Select((t, k) => (t.Build(builder), Rational.FromDouble(weights[k]))).ToArray();
            var graph = builder.Build(builder.Sum(Rational.FromDouble(c0), terms));
            var plan = BitNetworkPlanner.Plan(graph, BitOptions.Default with { Form = NetworkForm.Both, MaxFlatNeurons = 4096 }, Activation.ReLU, CancellationToken.None);

            foreach (var (form, name) in new[] { (plan.Deep, "deep"), (plan.Flat!, "flat") })
            {
                Assert.Equal(Activation.ReLU, form.Network.Activation);
                Assert.Equal(0, form.Beta);
                Assert.True(form.DigitsReached, $"trial {trial} {name}: bound {form.Network.ErrorBound:E3}");
                var model = Model(form.Network);
                double scale = Math.Max(Math.Abs(c0) + weights.Sum(Math.Abs), plan.Polynomial!.Terms.Sum(t => Math.Abs(t.Value.ToDouble())));
                double worst = 0;
                var x = new double[n];
                for (ulong input = 0; input < 1UL << n; input++)
                {
                    var exact = ExactNumber.FromDouble(c0);
                    for (int k = 0; k < parts; k++) if (trees[k].Eval(input)) exact += ExactNumber.FromDouble(weights[k]);
                    for (int i = 0; i < n; i++) x[i] = (input >> i) & 1;
                    double error = (ExactNumber.FromDouble(model.Evaluate(x)) - exact).Abs().RoundUp();
                    worst = Math.Max(worst, error);
                }
                Assert.True(worst <= form.Network.ErrorBound, $"trial {trial} {name}: measured {worst:E3} > bound {form.Network.ErrorBound:E3}");
                // Rounding only: a few ulps of the output's scale (no β, no truncation).
                Assert.True(form.Network.ErrorBound <= 64 * GateDesign.Unit * scale * (plan.Polynomial!.MonomialCount + 4),
                    $"trial {trial} {name}: bound {form.Network.ErrorBound:E3} is more than rounding");
                if (integral) Assert.Equal(0.0, worst);
            }
            // Flat: one neuron per non-constant monomial of Eq 12, σ(Σ_{i∈K} xᵢ − |K| + 1).
            Assert.Equal(plan.Polynomial!.MonomialCount, plan.Flat!.Network.Neurons);
        }
    }

    [Fact]
    public void Parity_is_exact_with_the_same_neurons_as_the_sigmoid_tree()
    {
        for (int n = 2; n <= 10; n++)
        {
            var builder = new BitGraphBuilder(n);
            var graph = builder.Build(builder.Xor(Enumerable.Range(0, n).Select(builder.Variable).ToArray()));
            var relu = BitNetworkPlanner.Plan(graph, BitOptions.Default, Activation.ReLU, CancellationToken.None).Deep.Network;
            var sigmoid = BitNetworkPlanner.Plan(graph, BitOptions.Default, CancellationToken.None).Deep.Network;
            Assert.Equal(sigmoid.Neurons, relu.Neurons);
            Assert.Equal(sigmoid.HiddenLayers, relu.HiddenLayers);
            var flatPlan = BitNetworkPlanner.Plan(graph, BitOptions.Default with { Form = NetworkForm.Both, Digits = 15 }, Activation.ReLU, CancellationToken.None);
            var flatSigmoid = BitNetworkPlanner.Plan(graph, BitOptions.Default with { Form = NetworkForm.Both, Digits = 15 }, CancellationToken.None);
            _output.WriteLine($"parity {n}: deep {relu.Neurons} neurons {relu.HiddenLayers} layers, bound ReLU {relu.ErrorBound:E2} sigmoid {sigmoid.ErrorBound:E2} (10 digits); " +
                              $"flat {flatPlan.Flat!.Network.Neurons} neurons, 15 digits reached ReLU {flatPlan.Flat.DigitsReached} ({flatPlan.Flat.Network.ErrorBound:E2}) sigmoid {flatSigmoid.Flat!.DigitsReached} ({flatSigmoid.Flat.Network.ErrorBound:E2}, β {flatSigmoid.Flat.Beta})");
            var model = Model(relu);
            var x = new double[n];
            for (int input = 0; input < 1 << n; input++)
            {
                int ones = 0;
                for (int i = 0; i < n; i++) ones += (int)(x[i] = (input >> i) & 1);
                Assert.Equal(ones % 2, model.Evaluate(x));
            }
        }
    }
}
