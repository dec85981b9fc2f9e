using System;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace CheapLearning.Numerics.Tests.Batch;

/// <summary>
/// The accuracy contract of the batch engine's σ (issue 12): the proven bounds assume every σ evaluation is within
/// GateDesign.ActivationUlps = 4 units of 2⁻⁵³·|σ(z)|. The engine's σ (TensorPrimitives Exp/Log composed in vector
/// lanes on .NET 8+) is measured here on a million arguments per activation against a double-double reference
/// (<see cref="DoubleDouble"/>), through the public batched API: a network z ↦ σ(z) ↦ σ(z) (one hidden neuron, identity
/// weights, so the affine maps add no rounding) evaluated with EvaluateColumns, i.e. exactly the code path of
/// batched evaluation. Arguments span what gates use (|z| ≲ 40, dense near 0) and beyond, up to |z| = 700.
/// </summary>
public class VectorActivationAccuracyTests
{
    /// <summary>GateDesign.ActivationUlps: the error of one σ evaluation the bounds allow, in units of 2⁻⁵³·|σ(z)|.</summary>
    private const double ActivationUlps = 4;
    private const double Unit = 1.1102230246251565e-16;
    private const int Arguments = 1_000_000;

    private readonly ITestOutputHelper _output;

    public VectorActivationAccuracyTests(ITestOutputHelper output) => _output = output;

    private static NetworkModel Identity(Activation activation)
    {
        static AffineLayer One() => new(new SparseAffineMap(1, 1, new[] { 0, 1 }, new[] { 0 }, new[] { 1.0 }, new[] { 0.0 }));
        return new NetworkModel(activation, 1, new[] { One(), One() }, double.MaxValue, 0, checkInputs: false);
    }

    /// <summary>A mix of ranges: |z| ≤ wide uniformly, [−1, 1], and magnitudes log-uniform in [1e-300, wide].</summary>
    private static double[] Arguments_(int seed, double typical, double wide)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, Arguments).Select(i => (i % 10) switch
        {
            < 4 => typical * (2 * random.NextDouble() - 1),
            < 7 => 2 * random.NextDouble() - 1,
            < 9 => (random.Next(2) == 0 ? -1 : 1) * Math.Exp(Math.Log(1e-300) + random.NextDouble() * (Math.Log(wide) - Math.Log(1e-300))),
            _ => wide * (2 * random.NextDouble() - 1),
        }).Concat(new[] { 0.0, -0.0, 1e-310, -1e-310, wide, -wide, typical, -typical }).ToArray();
    }

    public static TheoryData<Activation> Smooth => new() { Activation.Softplus, Activation.Sigmoid, Activation.Tanh, Activation.Exp };

    [Theory]
    [MemberData(nameof(Smooth))]
    public void Batched_sigma_is_within_the_contract_of_4_units_of_its_value_on_a_million_arguments(Activation activation)
    {
        Func<double, DoubleDouble> reference = Reference(activation);
        double typical = activation == Activation.Exp ? 40 : activation == Activation.Tanh ? 20 : 40;
        var z = Arguments_((int)activation + 17, typical, 700);
        var batched = new double[z.Length];
        Identity(activation).EvaluateColumns(z, batched);

        double worst = 0, worstScalar = 0, at = 0;
        for (int i = 0; i < z.Length; i++)
        {
            var exact = reference(z[i]);
            double magnitude = Math.Abs(exact.Hi);
            if (magnitude < 2.2250738585072014e-308) continue; // subnormal σ: the bounds' underflow allowances, not ulps
            double units = Math.Abs((new DoubleDouble(batched[i]) - exact).ToDouble()) / (Unit * magnitude);
            double scalarUnits = Math.Abs((new DoubleDouble(ActivationFunctions.Evaluate(activation, z[i])) - exact).ToDouble()) / (Unit * magnitude);
            if (units > worst) { worst = units; at = z[i]; }
            worstScalar = Math.Max(worstScalar, scalarUnits);
        }
        _output.WriteLine($"{activation}: batched σ max {worst:F3} units of 2⁻⁵³·|σ| (at z = {at:R}); scalar ActivationFunctions max {worstScalar:F3}; {z.Length:N0} arguments");
        Assert.True(worst <= ActivationUlps, $"{activation}: batched σ off by {worst:F3} units at z = {at:R}");
    }

    /// <summary>
    /// The engine evaluates σ by a Taylor polynomial about each neuron's bias c where a vector of pre-activations lies
    /// within 1/32 of it (SigmaSeries). Measured here per activation on about a million z = c + x (x mostly within the
    /// radius, dense near its edges and near 0, a tenth beyond it so vectors mix both paths) around centers that gates use
    /// (softplus' shift −1.3169578969248166, 0), centers where t = z − c is rounded (|c| &lt; 1/16), where tanh changes
    /// path (±1/8), and centers up to ±300.
    /// </summary>
    [Theory]
    [MemberData(nameof(Smooth))]
    public void Batched_sigma_near_a_neurons_bias_is_within_the_contract_of_4_units(Activation activation)
    {
        Func<double, DoubleDouble> reference = Reference(activation);
        var random = new Random(29 + (int)activation);
        var centers = new[] { -1.3169578969248166, 0, 1e-3, -0.02, 0.0624, -0.0625, 0.125, -0.125, 0.13, 1, -2, 5, -17, 35, -300, 300 }
            .Concat(Enumerable.Range(0, 24).Select(_ => 80 * random.NextDouble() - 40)).ToArray();
        const double radius = 1.0 / 32;
        const int perCenter = 25_000;
        double worst = 0, at = 0;
        foreach (double c in centers)
        {
            var x = Enumerable.Range(0, perCenter).Select(i => (i % 10) switch
            {
                < 6 => radius * (2 * random.NextDouble() - 1),
                < 8 => (random.Next(2) == 0 ? -1 : 1) * radius * (1 - 1e-3 * random.NextDouble()),
                < 9 => radius * 1e-6 * (2 * random.NextDouble() - 1),
                _ => 2 * (2 * random.NextDouble() - 1),
            }).ToArray();
            var batched = new double[x.Length];
            Shifted(activation, c).EvaluateColumns(x, batched);
            for (int i = 0; i < x.Length; i++)
            {
                double z = 1.0 * x[i] + c; // the neuron's pre-activation as the engine rounds it (one fused multiply-add)
                var exact = reference(z);
                double magnitude = Math.Abs(exact.Hi);
                if (magnitude < 2.2250738585072014e-308) continue;
                double units = Math.Abs((new DoubleDouble(batched[i]) - exact).ToDouble()) / (Unit * magnitude);
                if (units > worst) { worst = units; at = z; }
            }
        }
        _output.WriteLine($"{activation}: batched σ near {centers.Length} biases max {worst:F3} units of 2⁻⁵³·|σ| (at z = {at:R}); {centers.Length * perCenter:N0} arguments");
        Assert.True(worst <= ActivationUlps, $"{activation}: batched σ off by {worst:F3} units at z = {at:R}");
    }

    /// <summary>z ↦ σ(x + c) ↦ output: one neuron whose bias is <paramref name="c"/>, identity weights.</summary>
    private static NetworkModel Shifted(Activation activation, double c)
    {
        var hidden = new AffineLayer(new SparseAffineMap(1, 1, new[] { 0, 1 }, new[] { 0 }, new[] { 1.0 }, new[] { c }));
        var output = new AffineLayer(new SparseAffineMap(1, 1, new[] { 0, 1 }, new[] { 0 }, new[] { 1.0 }, new[] { 0.0 }));
        return new NetworkModel(activation, 1, new[] { hidden, output }, double.MaxValue, 0, checkInputs: false);
    }

    private static Func<double, DoubleDouble> Reference(Activation activation) => activation switch
    {
        Activation.Softplus => DoubleDouble.Softplus,
        Activation.Sigmoid => DoubleDouble.Sigmoid,
        Activation.Tanh => DoubleDouble.Tanh,
        _ => z => DoubleDouble.Exp(z),
    };

    /// <summary>
    /// Saturated sigmoid lanes (a bit network's threshold neurons: the 10-bit parity's pre-activations are ±47.4 and
    /// beyond), where exp(−|z|) ≤ 2⁻⁵³ and 1 + e is exactly 1: every argument here is such a lane, just past that edge
    /// (|z| ≈ 36.74) or just before it, and up to 745, both signs mixed so vectors hold 1's and tiny e's; each within the
    /// contract. (All of them are in the sigmoid's tail form, e ≤ 2⁻³⁰, which skips the division; see the next test.)
    /// </summary>
    [Fact]
    public void Saturated_sigmoid_vectors_are_within_the_contract_of_4_units()
    {
        var random = new Random(31);
        double edge = 53 * Math.Log(2); // exp(−edge) = 2⁻⁵³
        var z = Enumerable.Range(0, 200_000).Select(i => (random.Next(2) == 0 ? -1 : 1) * (i % 4) switch
        {
            0 => edge + 1e-3 * random.NextDouble(),
            1 => edge - 1e-3 * random.NextDouble(), // not saturated: the vector takes the division
            2 => edge + 10 * random.NextDouble(),
            _ => edge + (745 - edge) * random.NextDouble(),
        }).ToArray();
        var batched = new double[z.Length];
        Identity(Activation.Sigmoid).EvaluateColumns(z, batched);
        double worst = 0, at = 0;
        for (int i = 0; i < z.Length; i++)
        {
            var exact = DoubleDouble.Sigmoid(z[i]);
            double magnitude = Math.Abs(exact.Hi);
            if (magnitude < 2.2250738585072014e-308) continue;
            double units = Math.Abs((new DoubleDouble(batched[i]) - exact).ToDouble()) / (Unit * magnitude);
            if (units > worst) { worst = units; at = z[i]; }
        }
        _output.WriteLine($"saturated sigmoid: max {worst:F3} units of 2⁻⁵³·|σ| (at z = {at:R}); {z.Length:N0} arguments");
        Assert.True(worst <= ActivationUlps, $"saturated sigmoid off by {worst:F3} units at z = {at:R}");
        // Vectors of only saturated lanes: the same arguments without the unsaturated quarter, every vector skips the division.
        var saturated = z.Where((_, i) => i % 4 != 1).ToArray();
        var values = new double[saturated.Length];
        Identity(Activation.Sigmoid).EvaluateColumns(saturated, values);
        for (int i = 0; i < saturated.Length; i++)
        {
            var exact = DoubleDouble.Sigmoid(saturated[i]);
            double magnitude = Math.Abs(exact.Hi);
            if (magnitude < 2.2250738585072014e-308) continue;
            double units = Math.Abs((new DoubleDouble(values[i]) - exact).ToDouble()) / (Unit * magnitude);
            Assert.True(units <= ActivationUlps, $"saturated sigmoid off by {units:F3} units at z = {saturated[i]:R}");
        }
        // Bit for bit the same in a vector of its kind (all saturated, or near the edge, |z| ∈ [36, 36.8]: no division) and
        // beside lanes at 0 (the vector computes the division for those lanes).
        int width = System.Numerics.Vector<double>.Count;
        var edgeAndBeyond = Enumerable.Range(0, 4000 * width).Select(i => (i / width % 2 == 0 ? -1 : 1) * (i / width % 3 == 0 ? 36 + 0.8 * random.NextDouble() : edge + 700 * random.NextDouble())).ToArray();
        var grouped = new double[edgeAndBeyond.Length];
        Identity(Activation.Sigmoid).EvaluateColumns(edgeAndBeyond, grouped);
        var alone = new double[edgeAndBeyond.Length * width];
        for (int i = 0; i < edgeAndBeyond.Length; i++) alone[i * width] = edgeAndBeyond[i];
        var divided = new double[alone.Length];
        Identity(Activation.Sigmoid).EvaluateColumns(alone, divided);
        for (int i = 0; i < edgeAndBeyond.Length; i++)
            Assert.True(BitConverter.DoubleToInt64Bits(grouped[i]) == BitConverter.DoubleToInt64Bits(divided[i * width]),
                        $"sigmoid({edgeAndBeyond[i]:R}) = {grouped[i]:R} in a saturated vector, {divided[i * width]:R} with the division");
    }

    /// <summary>
    /// Sigmoid lanes with e = exp(−|z|) ≤ 2⁻³⁰ take the tail form (1 − (e − e²), or e − e² below 0) instead of the division;
    /// a vector takes the division only for its other lanes. Arguments on both sides of the edge |z| = 30·ln 2 and through the
    /// tail to the saturated edge, both signs: within the contract, and each lane's bits the same in a vector of tail lanes
    /// as beside lanes at 0 (a vector that computes the division), so a point's value does not depend on its neighbours.
    /// </summary>
    [Fact]
    public void Sigmoid_tail_lanes_are_within_the_contract_and_do_not_depend_on_their_neighbours()
    {
        var random = new Random(47);
        double edge = 30 * Math.Log(2); // exp(−edge) = 2⁻³⁰
        int width = System.Numerics.Vector<double>.Count;
        var z = Enumerable.Range(0, 100_000 * width).Select(i => (random.Next(2) == 0 ? -1 : 1) * (i / width % 3) switch
        {
            0 => edge + 1e-3 * (2 * random.NextDouble() - 1),
            1 => edge + 2e-3 * random.NextDouble(),
            _ => edge + 17 * random.NextDouble(),
        }).ToArray();
        var grouped = new double[z.Length];
        Identity(Activation.Sigmoid).EvaluateColumns(z, grouped);
        var alone = new double[z.Length * width];
        for (int i = 0; i < z.Length; i++) alone[i * width] = z[i];
        var divided = new double[alone.Length];
        Identity(Activation.Sigmoid).EvaluateColumns(alone, divided);
        double worst = 0, at = 0;
        for (int i = 0; i < z.Length; i++)
        {
            var exact = DoubleDouble.Sigmoid(z[i]);
            double units = Math.Abs((new DoubleDouble(grouped[i]) - exact).ToDouble()) / (Unit * Math.Abs(exact.Hi));
            if (units > worst) { worst = units; at = z[i]; }
            Assert.True(BitConverter.DoubleToInt64Bits(grouped[i]) == BitConverter.DoubleToInt64Bits(divided[i * width]),
                        $"sigmoid({z[i]:R}) = {grouped[i]:R} among its own kind, {divided[i * width]:R} beside lanes at 0");
        }
        _output.WriteLine($"sigmoid tail: max {worst:F3} units of 2⁻⁵³·|σ| (at z = {at:R}); {z.Length:N0} arguments");
        Assert.True(worst <= ActivationUlps, $"sigmoid tail off by {worst:F3} units at z = {at:R}");
    }

    [Fact]
    public void Batched_ReLU_is_exact()
    {
        var z = Arguments_(5, 40, 1e300);
        var batched = new double[z.Length];
        Identity(Activation.ReLU).EvaluateColumns(z, batched);
        for (int i = 0; i < z.Length; i++)
            Assert.True(batched[i] == (z[i] < 0 ? 0.0 : z[i]), $"ReLU({z[i]:R}) = {batched[i]:R}");
    }
}
