using System;
using System.Linq;
using System.Threading;
using CheapLearning.Generator.Algebra;
using CheapLearning.Generator.Construction;
using CheapLearning.Generator.Model;
using CheapLearning.Generator.Tests.Infrastructure;
using CheapLearning.TestKit;

namespace CheapLearning.Generator.Tests.Construction;

/// <summary>The deep construction, measured: sizes against the paper's counts, errors against the proven bound.</summary>
public class DeepNetworkTests
{
    private static DeepPlan Plan(TermList p, Activation activation, double bound)
        => DeepNetworkPlanner.Plan(p.ToGraph(), NetworkOptions.Default with { Activation = activation, InputBound = bound }, CancellationToken.None);

    [Theory]
    [InlineData(0)] // Softplus
    [InlineData(1)] // Sigmoid
    [InlineData(2)] // Tanh
    [InlineData(3)] // Exp
    public void Random_polynomials_meet_their_error_bound(int activationIndex)
    {
        var activation = (Activation)activationIndex;
        var random = new Random(1234 + (int)activation);
        for (int trial = 0; trial < 25; trial++)
        {
            int n = random.Next(1, 7);
            var p = TermList.Random(random, n, maxDegree: random.Next(1, 7), terms: random.Next(1, 9));
            double bound = new[] { 0.5, 1, 2, 5 }[random.Next(4)];
            var plan = Plan(p, activation, bound);
            var model = Networks.ToModel(plan.Network, bound);
            var exact = p.ToExact();
            double measured = Networks.MaxError(model, exact, 1500, trial); // asserts measured ≤ bound at every point
            // The bound meets the default tolerance, ErrorBound ≤ τ·S with S from the exact polynomial, or the
            // plan reports τ unreachable (what the analyzer turns into CHEAP004).
            double tauS = (ExactNumber.FromDouble(NetworkOptions.Default.Tolerance) * exact.AbsoluteScale(bound)).RoundDown();
            Assert.True(plan.Network.ErrorBound <= tauS || plan.ReachableTolerance > NetworkOptions.Default.Tolerance,
                $"{activation} trial {trial}: bound {plan.Network.ErrorBound:E3} > τ·S = {tauS:E3} and no CHEAP004 (reachable τ {plan.ReachableTolerance:E3})");
            // The bound is proven, not wildly pessimistic: within 1e4 of the measured error, or of one ulp of S.
            double floor = Math.Max(measured, Math.BitIncrement(exact.AbsoluteScale(bound).RoundUp()) - exact.AbsoluteScale(bound).RoundUp());
            Assert.True(plan.Network.ErrorBound <= floor * 1e4,
                $"{activation} trial {trial}: bound {plan.Network.ErrorBound:E3} is far above measured {measured:E3}");
        }
    }

    [Theory]
    [InlineData(2, 4)]
    [InlineData(4, 12)]
    [InlineData(8, 28)]
    [InlineData(16, 60)]
    [InlineData(32, 124)]
    public void Product_of_n_distinct_variables_uses_4_n_minus_1_neurons(int n, int expectedNeurons)
    {
        var p = new TermList(n, new[] { (1.0, Enumerable.Repeat(1, n).ToArray()) });
        var plan = Plan(p, Activation.Softplus, 1);
        Assert.Equal(expectedNeurons, plan.Network.Neurons);
        Assert.Equal((int)Math.Ceiling(Math.Log2(n)), plan.Network.HiddenLayers);
        Assert.Equal(n - 1, plan.Network.MultiplyGates);
        Assert.Equal(0, plan.Network.CopyGates);
    }

    [Fact]
    public void Product_xy_reaches_1e_minus_10_with_four_neurons()
    {
        var p = new TermList(2, new[] { (1.0, new[] { 1, 1 }) });
        var plan = Plan(p, Activation.Softplus, 1);
        Assert.Equal(4, plan.Network.Neurons);
        Assert.True(plan.Network.ErrorBound <= 1e-10, $"bound {plan.Network.ErrorBound:E3}");
        double measured = Networks.MaxError(Networks.ToModel(plan.Network, 1), p.ToExact(), 20_000, 7);
        Assert.True(measured <= 1e-10, $"measured {measured:E3}");
    }

    [Fact]
    public void Paper_gate_with_lambda_one_tenth_is_far_worse()
    {
        // The paper's choice b = 0, λ = 0.1 (Eq 11, "λ⁻¹ ∼ 10"): error 1.6e-3 on [−1,1]² (DESIGN.md).
        var gate = GateDesign.Create(GateKind.Multiply, ActivationCalculus.Softplus, 0, 0.1, 1, 1);
        double worst = 0;
        var r = new Random(3);
        for (int i = 0; i < 20_000; i++)
        {
            double u = 2 * r.NextDouble() - 1, v = 2 * r.NextDouble() - 1;
            double m = 0;
            for (int k = 0; k < 4; k++)
                m += gate.OutputWeights[k] * ActivationFunctions.Softplus(gate.Bias + gate.Lambda * (gate.DirectionsU[k] * u + gate.DirectionsV[k] * v));
            worst = Math.Max(worst, Math.Abs(m - u * v));
        }
        Assert.InRange(worst, 1.3e-3, 1.8e-3);
        Assert.True(worst <= gate.Truncation + gate.Rounding);
    }

    [Fact]
    public void Softplus_biases_include_the_roots_of_the_fourth_derivative()
    {
        // σ'''' = 0 where the logistic s(b) = (3 ± √3)/6, i.e. b = ±ln((3+√3)/(3−√3)) ≈ ±1.3170.
        double b = Math.Log((3 + Math.Sqrt(3)) / (3 - Math.Sqrt(3)));
        Assert.Contains(ActivationCalculus.Softplus.ProductBiases, x => Math.Abs(x - b) < 1e-9);
        Assert.Contains(ActivationCalculus.Softplus.ProductBiases, x => Math.Abs(x + b) < 1e-9);
        foreach (var sigma in new[] { ActivationCalculus.Sigmoid, ActivationCalculus.Tanh, ActivationCalculus.Softplus })
            Assert.Contains(sigma.ProductBiases, x => Math.Abs(sigma.Derivative(4, x)) < 1e-9 && Math.Abs(sigma.Derivative(2, x)) > 1e-3);
    }

    [Fact]
    public void Derivatives_match_finite_differences()
    {
        foreach (var sigma in new[] { ActivationCalculus.Softplus, ActivationCalculus.Sigmoid, ActivationCalculus.Tanh, ActivationCalculus.Exp })
            for (int k = 0; k < 6; k++)
                foreach (double z in new[] { -2.0, -0.3, 0.0, 0.7, 1.9 })
                {
                    const double h = 1e-5;
                    double fd = (sigma.Derivative(k, z + h) - sigma.Derivative(k, z - h)) / (2 * h);
                    Assert.True(Math.Abs(fd - sigma.Derivative(k + 1, z)) < 1e-6 * (1 + Math.Abs(fd)), $"{sigma.Kind} k={k} z={z}");
                }
    }

    [Fact]
    public void Expression_structure_wins_for_a_power_of_a_sum()
    {
        // (a+…+h)^40 has 62,891,499 monomials; as written it is one free sum and six gates.
        var b = new ExprBuilder(8);
        var sum = b.Constant(0);
        for (int i = 0; i < 8; i++) sum = b.Add(sum, b.Variable(i));
        var graph = b.Build(b.Power(sum, 40));
        var plan = DeepNetworkPlanner.Plan(graph, NetworkOptions.Default with { InputBound = 0.1 }, CancellationToken.None);
        Assert.Null(plan.Expanded);
        Assert.Equal("expression", plan.Strategy);
        Assert.Equal(6, plan.Network.HiddenLayers);
        Assert.Equal(5, plan.Network.SquareGates);
        Assert.Equal(1, plan.Network.MultiplyGates);
        var model = Networks.ToModel(plan.Network, 0.1);
        // Too large to expand: the exact reference is (Σ xᵢ)^40 in rationals, S = (8·R)^40 (all 62,891,499 terms positive).
        Networks.MaxError(model, x => x.Aggregate(ExactNumber.Zero, (acc, v) => acc + ExactNumber.FromDouble(v)).Pow(40), 2000, 1);
        double tauS = (ExactNumber.FromDouble(NetworkOptions.Default.Tolerance) * (ExactNumber.FromDouble(0.1) * 8).Pow(40)).RoundDown();
        Assert.True(plan.Network.ErrorBound <= tauS || plan.ReachableTolerance > NetworkOptions.Default.Tolerance,
            $"bound {plan.Network.ErrorBound:E3} > τ·S = {tauS:E3} and no CHEAP004 (reachable τ {plan.ReachableTolerance:E3})");
    }

    [Fact]
    public void Shared_subproducts_are_built_once()
    {
        // xyz + xyw: the monomial construction shares xy.
        var p = new TermList(4, new[] { (1.0, new[] { 1, 1, 1, 0 }), (2.0, new[] { 1, 1, 0, 1 }) });
        var plan = Plan(p, Activation.Softplus, 1);
        Assert.Equal(3, plan.Network.MultiplyGates);
    }
}
