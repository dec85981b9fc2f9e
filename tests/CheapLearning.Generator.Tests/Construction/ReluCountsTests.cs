using System;
using System.Threading;
using CheapLearning.Generator.Construction;
using CheapLearning.Generator.Model;
using CheapLearning.Generator.Tests.Infrastructure;

namespace CheapLearning.Generator.Tests.Construction;

/// <summary>ReLU's no-flattening law: N + 1 ≥ L·√(κ/(16ε)) pieces along a line, against the deep Yarotsky counts.</summary>
public class ReluCountsTests
{
    private readonly Xunit.Abstractions.ITestOutputHelper _output;

    public ReluCountsTests(Xunit.Abstractions.ITestOutputHelper output) => _output = output;

    [Theory]
    [InlineData(1e-10, 1.0, 70_710)]  // ⌈2/√(8·10⁻¹⁰)⌉ − 1 = 70,711 − 1
    [InlineData(1e-6, 1.0, 707)]      // ⌈2/√(8·10⁻⁶)⌉ − 1 = 708 − 1
    [InlineData(1e-4, 3.0, 212)]      // ⌈6/√(8·10⁻⁴)⌉ − 1 = 213 − 1
    public void Flat_relu_square_needs_L_over_root_8_epsilon_pieces(double epsilon, double r, int expected)
    {
        Assert.Equal(expected, ReluCounts.FlatMinimum(new[] { 0.0, 0, 1 }, -r, r, epsilon));
    }

    [Fact]
    public void Flat_relu_xy_to_1e_minus_10_needs_tens_of_thousands_where_deep_needs_104()
    {
        var p = new TermList(2, new[] { (1.0, new[] { 1, 1 }) });
        var options = NetworkOptions.Default with { Activation = Activation.ReLU, Tolerance = 1e-10, Form = NetworkForm.Both };
        var (assessment, plan) = FlatPlanner.Plan(p.ToGraph(), options, CancellationToken.None);
        Assert.Null(plan);
        Assert.Equal(FlatVerdict.OverBudget, assessment.Verdict);
        Assert.Equal(70_710, assessment.ReluFlatMinimum);
        var deep = DeepNetworkPlanner.Plan(p.ToGraph(), options, CancellationToken.None).Network;
        Assert.Equal(104, deep.Neurons);
    }

    [Fact]
    public void A_loose_tolerance_builds_the_flat_relu_ridge_network()
    {
        // x·y = ((x+y)² − (x−y)²)/4: two ridges, each s²/4 on [−2, 2] to ¼·10⁻³ (half of τS, shared):
        // K = ⌈4·√(½/(8·2.5·10⁻⁴))⌉ = 64 pieces each; the proven minimum is ⌈2/√(8·10⁻³)⌉ − 1 = 22.
        var p = new TermList(2, new[] { (1.0, new[] { 1, 1 }) });
        var options = NetworkOptions.Default with { Activation = Activation.ReLU, Tolerance = 1e-3, Form = NetworkForm.Both };
        var (assessment, plan) = FlatPlanner.Plan(p.ToGraph(), options, CancellationToken.None);
        Assert.Equal(FlatVerdict.Fits, assessment.Verdict);
        Assert.Equal(22, assessment.ReluFlatMinimum);
        Assert.NotNull(plan);
        Assert.Equal(128, plan!.Network.Neurons);
        Assert.Equal(1, plan.Network.HiddenLayers);
        Assert.True(plan.Network.ErrorBound <= 1e-3, $"bound {plan.Network.ErrorBound:E3}");
        var model = Networks.ToModel(plan.Network, 1);
        double measured = ReluNetworkTests.MaxError(model, p, ReluNetworkTests.Points(2, 1, 6, 5000, 2));
        Assert.True(measured <= plan.Network.ErrorBound && measured >= plan.Network.ErrorBound / 8,
            $"measured {measured:E3}, bound {plan.Network.ErrorBound:E3}");
    }

    [Theory]
    [InlineData(1e-2)]
    [InlineData(1e-4)]
    public void Flat_relu_networks_of_random_polynomials_meet_their_bound(double tolerance)
    {
        var random = new Random(5 + (int)(-Math.Log10(tolerance)));
        int built = 0;
        for (int trial = 0; trial < 15; trial++)
        {
            int n = random.Next(1, 4);
            var p = TermList.Random(random, n, maxDegree: random.Next(1, 5), terms: random.Next(1, 6));
            double r = new[] { 0.5, 1, 3 }[random.Next(3)];
            var options = NetworkOptions.Default with { Activation = Activation.ReLU, Tolerance = tolerance, InputBound = r, Form = NetworkForm.Both, MaxFlatNeurons = 200_000 };
            var (assessment, plan) = FlatPlanner.Plan(p.ToGraph(), options, CancellationToken.None);
            if (plan is null) continue;
            built++;
            Assert.True(plan.Network.Neurons >= assessment.ReluFlatMinimum!.Value, $"trial {trial}: {plan.Network.Neurons} neurons below the proven minimum {assessment.ReluFlatMinimum}");
            var model = Networks.ToModel(plan.Network, r);
            double measured = ReluNetworkTests.MaxError(model, p, ReluNetworkTests.Points(n, r, 5, 800, trial));
            Assert.True(measured <= plan.Network.ErrorBound, $"trial {trial}: measured {measured:E3} > bound {plan.Network.ErrorBound:E3}");
            Assert.True(plan.Network.ErrorBound <= tolerance * plan.Scale, $"trial {trial}: bound {plan.Network.ErrorBound:E3} > τS {tolerance * plan.Scale:E3}");
        }
        Assert.True(built >= 10, $"only {built} of 15 built");
    }

    [Fact]
    public void Flat_grows_like_one_over_root_epsilon_and_deep_like_log_one_over_epsilon()
    {
        var p = new TermList(2, new[] { (1.0, new[] { 1, 1 }) });
        double previousFlat = 0;
        long previousDeep = 0;
        for (int digits = 4; digits <= 12; digits += 2)
        {
            double epsilon = Math.Pow(10, -digits);
            double flat = ReluCounts.FlatMinimum(new[] { 0.0, 0, 1 }, -1, 1, epsilon);
            long deep = DeepNetworkPlanner.Plan(p.ToGraph(), NetworkOptions.Default with { Activation = Activation.ReLU, Tolerance = epsilon }, CancellationToken.None).Network.Neurons;
            _output.WriteLine($"x·y to 1e-{digits}: flat ReLU ≥ {flat:N0}, deep ReLU {deep}");
            if (previousFlat > 0)
            {
                Assert.InRange(flat / previousFlat, 9.9, 10.1);      // 100× smaller ε: 10× the pieces
                Assert.InRange(deep - previousDeep, 6 * 3, 6 * 4);   // 100× smaller ε: log₄100 ≈ 3.3 more teeth, 6 neurons each
            }
            previousFlat = flat;
            previousDeep = deep;
        }
    }

    [Fact]
    public void Product_of_8_and_a_degree_4_polynomial_are_counted_along_their_best_line()
    {
        // x₁⋯x₈ on the diagonal is t⁸; x² − y² vanishes there but is t² along an axis.
        var product = new TermList(8, new[] { (1.0, new[] { 1, 1, 1, 1, 1, 1, 1, 1 }) });
        var difference = new TermList(2, new[] { (1.0, new[] { 2, 0 }), (-1.0, new[] { 0, 2 }) });
        var options = NetworkOptions.Default with { Activation = Activation.ReLU, Tolerance = 1e-6, Form = NetworkForm.Both };
        var (a, _) = FlatPlanner.Plan(product.ToGraph(), options, CancellationToken.None);
        var (b, _) = FlatPlanner.Plan(difference.ToGraph(), options, CancellationToken.None);
        // t⁸ on [−1, 1]: |q''| = 56t⁶ ≥ 56·(½)⁶ on [½, 1], so at least ½/√(16·2·10⁻⁶/0.875) ≈ 82 pieces there, twice.
        Assert.True(a.ReluFlatMinimum >= 2 * Math.Floor(0.5 / Math.Sqrt(16 * 2e-6 / 0.875)) - 2, $"{a.ReluFlatMinimum}");
        // x² − y² (S = 2) along an axis: t² to 2·10⁻⁶ on [−1, 1]: ⌈2/√(8·2·10⁻⁶)⌉ − 1 = 500 − 1.
        Assert.Equal(499, b.ReluFlatMinimum);
    }
}
