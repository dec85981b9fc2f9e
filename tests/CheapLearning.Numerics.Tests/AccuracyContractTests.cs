using System;
using System.Linq;
using CheapLearning;
using Xunit;

namespace CheapLearning.Numerics.Tests;

/// <summary>
/// DESIGN.md's accuracy contract, measured: for each polynomial of the suite and each activation,
/// on 10,000 random points and all corners of the box |xᵢ| ≤ R, |Deep(x) − p(x)| ≤ ErrorBound ≤ τ·S.
/// The reference p(x) is the plain C# method; its own rounding (≤ 64·ε·S, far below the bounds)
/// is allowed for.
/// </summary>
public class AccuracyContractTests
{
    private readonly Xunit.Abstractions.ITestOutputHelper _output;

    public AccuracyContractTests(Xunit.Abstractions.ITestOutputHelper output) => _output = output;

    private const double Unit = 1.1102230246251565e-16;

    public static TheoryData<string> Names => new(Suite.All.Select(e => e.Name));

    private static SuiteEntry Entry(string name) => Suite.All.Single(e => e.Name == name);

    [Fact]
    public void Suite_has_at_least_20_polynomials_per_activation()
    {
        foreach (var activation in Enum.GetNames<Activation>())
            Assert.True(Suite.All.Count(e => e.Name.StartsWith(activation + ".", StringComparison.Ordinal)) >= 20);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Deep_meets_the_contract_on_random_points_and_corners(string name)
    {
        var e = Entry(name);
        var m = e.Model;
        Assert.True(m.ErrorBound <= e.Tolerance * e.Scale, $"{name}: ErrorBound {m.ErrorBound:E3} > τ·S = {e.Tolerance * e.Scale:E3}");
        double slack = 64 * Unit * e.Scale;
        var random = new Random(name.GetHashCode(StringComparison.Ordinal) & 0x7fffffff);
        var x = new double[e.Variables];
        double worst = 0, largest = 0;
        void Check()
        {
            double p = e.Plain(x);
            worst = Math.Max(worst, Math.Abs(e.Deep(x) - p));
            largest = Math.Max(largest, Math.Abs(p));
        }
        for (int i = 0; i < 10_000; i++)
        {
            for (int j = 0; j < x.Length; j++) x[j] = (2 * random.NextDouble() - 1) * m.InputBound;
            if (e.Name.EndsWith("FloatInputs", StringComparison.Ordinal)) for (int j = 0; j < x.Length; j++) x[j] = (float)x[j];
            Check();
        }
        for (int mask = 0; mask < 1 << e.Variables; mask++)
        {
            for (int j = 0; j < x.Length; j++) x[j] = ((mask >> j) & 1) == 0 ? -m.InputBound : m.InputBound;
            Check();
        }
        _output.WriteLine($"{name}: {m.HiddenLayers} hidden layers, {m.Neurons} neurons, measured {worst:E2}, bound {m.ErrorBound:E2}, tau*S {e.Tolerance * e.Scale:E2}");
        Assert.True(worst <= m.ErrorBound + slack, $"{name}: measured {worst:E3} > bound {m.ErrorBound:E3}");
        // S bounds |p| on the box (it is the sum of the absolute terms).
        Assert.True(largest <= e.Scale * (1 + 1e-12), $"{name}: |p| reached {largest} > S = {e.Scale}");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Deep_and_DeepModel_agree(string name)
    {
        var e = Entry(name);
        var random = new Random(17);
        var x = new double[e.Variables];
        for (int i = 0; i < 1000; i++)
        {
            for (int j = 0; j < x.Length; j++) x[j] = (2 * random.NextDouble() - 1) * e.Model.InputBound;
            if (e.Name.EndsWith("FloatInputs", StringComparison.Ordinal)) for (int j = 0; j < x.Length; j++) x[j] = (float)x[j];
            double deep = e.Deep(x), model = e.Model.Evaluate(x);
            Assert.True(Math.Abs(deep - model) <= 1e-12 * Math.Max(1, Math.Abs(deep)), $"{name}: Deep {deep} vs model {model}");
        }
    }

    [Fact]
    public void Product_xy_with_tolerance_1e_minus_10_uses_4_neurons_and_meets_it()
    {
        var e = Entry("Softplus.Product2");
        Assert.Equal(4, e.Model.Neurons);
        Assert.Equal(1, e.Model.HiddenLayers);
        var random = new Random(99);
        double worst = 0;
        for (int i = 0; i < 100_000; i++)
        {
            double x = 2 * random.NextDouble() - 1, y = 2 * random.NextDouble() - 1;
            worst = Math.Max(worst, Math.Abs(SoftplusSuite.Product2Network.Deep(x, y) - x * y));
        }
        Assert.True(worst <= 1e-10, $"measured {worst:E3}");
    }
}
