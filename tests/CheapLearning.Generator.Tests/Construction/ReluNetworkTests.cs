using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CheapLearning.Generator.Construction;
using CheapLearning.Generator.Model;
using CheapLearning.Generator.Tests.Infrastructure;
using CheapLearning.TestKit;

namespace CheapLearning.Generator.Tests.Construction;

/// <summary>
/// Deep ReLU networks (Yarotsky squares), built by the planner and run by the runtime's NetworkModel;
/// every error is measured against the exact polynomial computed here in dyadic rationals, on random
/// points, the corners of the box, the interpolation nodes and the midpoints between them (where a
/// square's error peaks).
/// </summary>
public class ReluNetworkTests
{
    internal static DeepPlan Plan(TermList p, double bound, double tolerance, Activation activation = Activation.ReLU)
        => DeepNetworkPlanner.Plan(p.ToGraph(), NetworkOptions.Default with { Activation = activation, InputBound = bound, Tolerance = tolerance }, CancellationToken.None);

    /// <summary>The TestKit oracle of <paramref name="p"/>: exact value, |computed − p(x)| rounded up.</summary>
    internal static PolynomialOracle Oracle(TermList p) => new(p.ToExact(), "p");

    /// <summary>Random points, corners, and every coordinate on the 2ᵐ-grid of [−R, R] and its midpoints.</summary>
    internal static IEnumerable<double[]> Points(int n, double r, int m, int random, int seed)
    {
        var rng = new Random(seed);
        for (int i = 0; i < random; i++) yield return Enumerable.Range(0, n).Select(_ => (2 * rng.NextDouble() - 1) * r).ToArray();
        if (n <= 10)
            for (int mask = 0; mask < 1 << n; mask++)
                yield return Enumerable.Range(0, n).Select(j => ((mask >> j) & 1) == 0 ? -r : r).ToArray();
        int cells = 1 << Math.Min(m, 12);
        for (int k = 0; k <= 2 * cells; k++)
        {
            // k even: a node k/2 · R/2ᵐ; k odd: the midpoint between two nodes. Other coordinates random.
            double t = r * k / (2.0 * cells);
            for (int sign = -1; sign <= 1; sign += 2)
            {
                var x = Enumerable.Range(0, n).Select(_ => (2 * rng.NextDouble() - 1) * r).ToArray();
                x[rng.Next(n)] = sign * t;
                yield return x;
                if (n > 1) yield return Enumerable.Repeat(sign * t, n).ToArray();
            }
        }
    }

    internal static double MaxError(NetworkModel model, TermList p, IEnumerable<double[]> points)
    {
        double worst = 0;
        var oracle = Oracle(p);
        foreach (var x in points) worst = Math.Max(worst, oracle.ExactError(model.Evaluate(x), x));
        return worst;
    }

    private static int Teeth(BuiltNetwork n) => n.HiddenLayers - 1;

    [Theory]
    [InlineData(1.0, 1e-6)]
    [InlineData(1.0, 1e-12)]
    [InlineData(0.75, 1e-9)]
    [InlineData(3.0, 1e-4)]
    [InlineData(1e-30, 1e-9)]
    [InlineData(1e40, 1e-9)]
    public void Square_is_Yarotsky_interpolant_with_3m_plus_1_neurons_and_a_tight_bound(double r, double tolerance)
    {
        var p = new TermList(1, new[] { (1.0, new[] { 2 }) });
        var plan = Plan(p, r, tolerance);
        var net = plan.Network;
        int m = Teeth(net);
        Assert.Equal(Activation.ReLU, net.Activation);
        Assert.Equal(3L * m + 1, net.Neurons);
        double truncation = r * r * Math.Pow(2, -2 * m - 2);
        Assert.True(net.ErrorBound <= tolerance * r * r, $"bound {net.ErrorBound:E3} > τS {tolerance * r * r:E3}");
        // m is the smallest number of teeth that meets τ: one fewer would not.
        Assert.True(4 * truncation > tolerance * r * r, $"m = {m} is more than needed");
        var model = Networks.ToModel(net, r);
        double measured = MaxError(model, p, Points(1, r, m, 2000, 11));
        Assert.True(measured <= net.ErrorBound, $"measured {measured:E3} > bound {net.ErrorBound:E3}");
        // The error peaks at the midpoints at exactly the truncation: the bound is tight.
        Assert.True(measured >= 0.999 * truncation && net.ErrorBound <= 1.01 * truncation + 1e-13 * r * r,
            $"measured {measured:E3}, truncation {truncation:E3}, bound {net.ErrorBound:E3}");
    }

    [Fact]
    public void Product_xy_to_1e_minus_10_has_17_teeth_and_104_neurons()
    {
        var p = new TermList(2, new[] { (1.0, new[] { 1, 1 }) });
        var net = Plan(p, 1, 1e-10).Network;
        Assert.Equal(17, Teeth(net));
        Assert.Equal(104, net.Neurons); // two squares by polarization, 2·(3·17 + 1)
        Assert.Equal(18, net.HiddenLayers);
        Assert.True(net.ErrorBound <= 1e-10, $"bound {net.ErrorBound:E3}");
        double measured = MaxError(Networks.ToModel(net, 1), p, Points(2, 1, 17, 5000, 5));
        Assert.True(measured <= net.ErrorBound, $"measured {measured:E3} > bound {net.ErrorBound:E3}");
        Assert.True(measured >= net.ErrorBound / 4, $"measured {measured:E3} far below bound {net.ErrorBound:E3}");
    }

    [Theory]
    [InlineData(1e-3)]
    [InlineData(1e-8)]
    [InlineData(1e-13)]
    public void Random_polynomials_meet_their_bound(double tolerance)
    {
        var random = new Random(77 + (int)(-Math.Log10(tolerance)));
        for (int trial = 0; trial < 20; trial++)
        {
            int n = random.Next(1, 6);
            var p = TermList.Random(random, n, maxDegree: random.Next(1, 6), terms: random.Next(1, 7));
            double bound = new[] { 0.5, 1, 2, 5, 1e-5, 1e5 }[random.Next(6)];
            var plan = Plan(p, bound, tolerance);
            var net = plan.Network;
            Assert.Equal(Activation.ReLU, net.Activation);
            var model = Networks.ToModel(net, bound);
            double measured = MaxError(model, p, Points(n, bound, Math.Max(Teeth(net), 0), 600, trial));
            Assert.True(measured <= net.ErrorBound, $"trial {trial}: measured {measured:E3} > bound {net.ErrorBound:E3}");
            // τ = 1e-13 is below the rounding floor of some of these (about 1e-12·S at 5 variables of degree 5).
            double reachable = Math.Max(tolerance, 1e-11);
            Assert.True(net.ErrorBound <= reachable * plan.Scale, $"trial {trial}: bound {net.ErrorBound:E3} > {reachable:E0}·S = {reachable * plan.Scale:E3}");
            Assert.True(net.ErrorBound < Math.Max(measured, 1e-300) * 1e3 || net.ErrorBound < 1e-13 * plan.Scale,
                $"trial {trial}: bound {net.ErrorBound:E3} far above measured {measured:E3}");
        }
    }

    [Fact]
    public void Linear_polynomials_need_no_hidden_layer_and_copies_are_exact()
    {
        var p = new TermList(3, new[] { (0.5, new[] { 1, 0, 0 }), (-3.0, new[] { 0, 0, 1 }), (0.25, new[] { 0, 0, 0 }) });
        var net = Plan(p, 2, 1e-9).Network;
        Assert.Equal(0, net.HiddenLayers);
        // x·y·z + x: x is carried across the square's layers by σ(x) − σ(−x), exactly.
        var q = new TermList(3, new[] { (1.0, new[] { 1, 1, 1 }), (1.0, new[] { 1, 0, 0 }) });
        var deep = Plan(q, 1, 1e-9).Network;
        Assert.True(deep.CopyGates > 0);
        double measured = MaxError(Networks.ToModel(deep, 1), q, Points(3, 1, Teeth(deep) / 2, 3000, 3));
        Assert.True(measured <= deep.ErrorBound, $"measured {measured:E3} > bound {deep.ErrorBound:E3}");
    }

    [Fact]
    public void Runtime_relu_is_max_zero_x_without_rounding_and_keeps_NaN()
    {
        var r = new Random(9);
        for (int i = 0; i < 10_000; i++)
        {
            double x = (r.NextDouble() - 0.5) * Math.Pow(2, r.Next(-1074, 1024));
            double y = global::CheapLearning.ActivationFunctions.ReLU(x);
            Assert.Equal(x > 0 ? x : 0.0, y);
            Assert.Equal(y, global::CheapLearning.ActivationFunctions.Evaluate(global::CheapLearning.Activation.ReLU, x));
        }
        Assert.True(double.IsNaN(global::CheapLearning.ActivationFunctions.ReLU(double.NaN)));
        Assert.Equal(double.PositiveInfinity, global::CheapLearning.ActivationFunctions.ReLU(double.PositiveInfinity));
        Assert.Equal(0.0, global::CheapLearning.ActivationFunctions.ReLU(double.NegativeInfinity));
    }

    [Fact]
    public void Smooth_calculus_refuses_relu()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ActivationCalculus.For(Activation.ReLU));
    }
}
