using System;
using System.Linq;
using CheapLearning;
using CheapLearning.TestKit;
using Xunit;

namespace CheapLearning.Numerics.Tests;

/// <summary>
/// DESIGN.md's accuracy contract, measured against the exact polynomial: for each polynomial of
/// the suite and each activation, on 10,000 random points and all corners of the box |xᵢ| ≤ R,
/// |Deep(x) − p(x)| ≤ ErrorBound ≤ τ·S, where p(x) and S come from the TestKit's exact oracle
/// (not from the generated code nor the plain C# method). The only slack is 4 ulps of p(x).
/// </summary>
public class AccuracyContractTests
{
    private const int RandomPoints = 10_000;

    private readonly Xunit.Abstractions.ITestOutputHelper _output;

    public AccuracyContractTests(Xunit.Abstractions.ITestOutputHelper output) => _output = output;

    public static TheoryData<string> Names => new(Suite.All.Select(e => e.Name));

    private static SuiteEntry Entry(string name) => Suite.All.Single(e => e.Name == name);

    [Fact]
    public void Suite_has_at_least_20_polynomials_per_activation()
    {
        foreach (var activation in Enum.GetNames<Activation>())
            Assert.True(Suite.All.Count(e => e.Name.StartsWith(activation + ".", StringComparison.Ordinal)) >= 20);
    }

    /// <summary>Random points of the box (seeded by the entry's name, stable across runs), then all corners.</summary>
    private static double[][] Points(SuiteEntry e)
    {
        var random = new Random(Seeds.Stable(e.Name));
        double r = e.Model.InputBound;
        bool floats = e.Name.EndsWith("FloatInputs", StringComparison.Ordinal);
        var points = Enumerable.Range(0, RandomPoints).Select(_ => Enumerable.Range(0, e.Variables)
            .Select(_ => (2 * random.NextDouble() - 1) * r).Select(v => floats ? (float)v : v).ToArray());
        var corners = Enumerable.Range(0, 1 << e.Variables).Select(mask => Enumerable.Range(0, e.Variables)
            .Select(j => ((mask >> j) & 1) == 0 ? -r : r).ToArray());
        return points.Concat(corners).ToArray();
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Deep_meets_the_contract_on_random_points_and_corners(string name)
    {
        var e = Entry(name);
        var m = e.Model;
        var oracle = SuiteOracles.For(e);
        double s = oracle.Scale(m.InputBound), tauS = oracle.ToleranceTimesScale(e.Tolerance, m.InputBound);
        Assert.True(m.ErrorBound <= tauS, $"{name}: ErrorBound {m.ErrorBound:E3} > τ·S = {tauS:E3} (S = {s:E6} from the exact polynomial)");
        // The generated Scale states S; it must agree with the exact one both ways (to its own rounding).
        Assert.True(Math.Abs(e.Scale - s) <= 1e-12 * s, $"{name}: generated Scale {e.Scale:R} vs exact S {s:R}");

        double worst = 0;
        int checkedPoints = 0;
        foreach (var x in Points(e))
        {
            double deep = e.Deep(x);
            double error = oracle.ExactError(deep, x);
            double reference = oracle.Value(x).ToDouble();
            Assert.True(error <= m.ErrorBound + PolynomialOracle.Slack(reference),
                $"{name}: |Deep − p| = {error:E3} > bound {m.ErrorBound:E3} at {oracle.Describe(x)}: Deep = {deep:R}, p = {reference:R}");
            Assert.True(Math.Abs(reference) <= s, $"{name}: |p| = {Math.Abs(reference):R} > S = {s:R} at {oracle.Describe(x)}");
            worst = Math.Max(worst, error);
            checkedPoints++;
        }
        Assert.True(checkedPoints >= RandomPoints + (1 << e.Variables), $"{name}: only {checkedPoints} points checked");
        _output.WriteLine($"{name}: {m.HiddenLayers} hidden layers, {m.Neurons} neurons, measured {worst:E2}, bound {m.ErrorBound:E2}, tau*S {tauS:E2}, bound/measured {m.ErrorBound / worst:G3}");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Deep_and_DeepModel_agree_bit_for_bit(string name)
    {
        var e = Entry(name);
        foreach (var x in Points(e).Take(1000))
        {
            double deep = e.Deep(x), model = e.Model.Evaluate(x);
            Assert.True(BitConverter.DoubleToInt64Bits(deep) == BitConverter.DoubleToInt64Bits(model),
                $"{name}: Deep {deep:R} vs DeepModel.Evaluate {model:R} at {SuiteOracles.For(e).Describe(x)}");
        }
    }

    [Fact]
    public void Product_xy_with_tolerance_1e_minus_10_uses_4_neurons_and_meets_it()
    {
        var e = Entry("Softplus.Product2");
        var oracle = SuiteOracles.For(e);
        Assert.Equal(4, e.Model.Neurons);
        Assert.Equal(1, e.Model.HiddenLayers);
        var random = new Random(Seeds.Stable(nameof(Product_xy_with_tolerance_1e_minus_10_uses_4_neurons_and_meets_it)));
        double worst = 0;
        for (int i = 0; i < 100_000; i++)
        {
            var x = new[] { 2 * random.NextDouble() - 1, 2 * random.NextDouble() - 1 };
            worst = Math.Max(worst, oracle.ExactError(SoftplusSuite.Product2Network.Deep(x[0], x[1]), x));
        }
        Assert.True(worst <= 1e-10, $"measured {worst:E3}");
    }
}
