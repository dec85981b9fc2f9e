using System;
using System.Linq;
using System.Numerics;
using CheapLearning.Generator.Tests.Infrastructure;
using CheapLearning.TestKit;

namespace CheapLearning.Generator.Tests.Bits;

/// <summary>
/// A bit function whose values reach about 1e308 ("a bit function near 1e308 gives NaN", a known limit since round 10):
/// <c>a ? 1.7e308 : -1.7e308</c> fits in a double at both inputs, but its exact polynomial −1.7e308 + 3.4e308·a does not,
/// and the deep network returned NaN at a = 0 and +∞ at a = 1 (J: 1e308 vs −1e308, G: four 1.7e308 corners, all NaN),
/// with ErrorBound = ∞ and CHEAP024 saying so (round 13). Round 15: the output row is computed scaled by 2⁻ᵏ and the
/// network multiplies it by 2ᵏ (OutputScaling), so every weight and every partial sum is finite and the network is within
/// its finite bound of the exact value on every input, deep and flat, sigmoid and ReLU. Where the exact value itself is
/// beyond double's range (Over: 2e308 at a = b = 1), CHEAP024 names that input and the network returns +∞ there, never NaN.
/// Expected values: the exact rational value of each method by hand (the ternaries choose double constants, summed exactly).
/// </summary>
public class HugeBitValueTests
{
    private const string Source = """
        using CheapLearning;
        namespace Huge;
        public static partial class K
        {
            [BitNetwork] public static double F(bool a) => a ? 1.7e308 : -1.7e308;
            [BitNetwork(Form = NetworkForm.Both)] public static double J(bool a) => a ? 1e308 : -1e308;
            [BitNetwork(Form = NetworkForm.Both)] public static double G(bool a, bool b) => a ? (b ? 1.7e308 : -1.7e308) : (b ? -1.7e308 : 1.7e308);
            [BitNetwork(Form = NetworkForm.Both, Activation = Activation.ReLU)] public static double R(bool a, bool b) => a ? (b ? 1.7e308 : -1.7e308) : (b ? -1.7e308 : 1.7e308);
            [BitNetwork(Form = NetworkForm.Both)] public static double S(bool a, bool b, bool c) => (a ? 0.9e308 : -0.9e308) + (b ? -0.5e308 : 0.5e308) + (c ? 0.3e308 : -0.3e308);
            [BitNetwork(Form = NetworkForm.Both)] public static double P(bool a0, bool a1, bool a2, bool a3, bool a4, bool a5, bool a6, bool a7, bool a8, bool a9)
                => (a0 ^ a1 ^ a2 ^ a3 ^ a4 ^ a5 ^ a6 ^ a7 ^ a8 ^ a9) ? 1.7e308 : -1.7e308;
            [BitNetwork] public static double Fits(bool a, bool b) => (a ? 1e307 : 0) + (b ? 1e307 : 0) - 1.5e307;
            [BitNetwork(Form = NetworkForm.Both)] public static double Over(bool a, bool b) => (a ? 1e308 : 0) + (b ? 1e308 : 0);
        }
        """;

    private static ExactNumber X(double v) => ExactNumber.FromDouble(v);

    /// <summary>The exact value of each method at the bits (bit i of <paramref name="mask"/> is parameter i).</summary>
    private static ExactNumber Exact(string method, int mask)
    {
        bool a = (mask & 1) != 0, b = (mask & 2) != 0, c = (mask & 4) != 0;
        return method switch
        {
            "F" => X(a ? 1.7e308 : -1.7e308),
            "J" => X(a ? 1e308 : -1e308),
            "G" or "R" => X(a == b ? 1.7e308 : -1.7e308),
            "S" => X(a ? 0.9e308 : -0.9e308) + X(b ? -0.5e308 : 0.5e308) + X(c ? 0.3e308 : -0.3e308),
            "Over" => X(a ? 1e308 : 0) + X(b ? 1e308 : 0),
            "P" => X(BitOperations.PopCount((uint)mask) % 2 == 1 ? 1.7e308 : -1.7e308),
            _ => throw new ArgumentException(method),
        };
    }

    [Theory]
    [InlineData("F", "Deep")]
    [InlineData("J", "Deep")]
    [InlineData("J", "Flat")]
    [InlineData("G", "Deep")]
    [InlineData("G", "Flat")]
    [InlineData("R", "Deep")]
    [InlineData("R", "Flat")]
    [InlineData("S", "Deep")]
    [InlineData("S", "Flat")]
    [InlineData("P", "Deep")]
    [InlineData("P", "Flat")] // 1,023 neurons: the evaluator of spans and helper methods
    public void A_function_whose_exact_polynomial_exceeds_doubles_range_gets_a_finite_bound_it_keeps(string method, string form)
    {
        var type = BitTestCompilation.BuildAndLoad(Source).GetType("Huge.K+" + method + "Network")!;
        double bound = (double)type.GetField(form + "ErrorBound")!.GetValue(null)!;
        Assert.True(Numeric.IsFinite(bound), $"{form}ErrorBound = {bound}");
        var evaluate = type.GetMethods().Single(m => m.Name == form && m.GetParameters().All(p => p.ParameterType == typeof(bool)));
        var model = (NetworkModel)type.GetProperty(form + "Model")!.GetValue(null)!;
        Assert.Equal(bound, model.ErrorBound);
        int n = evaluate.GetParameters().Length;
        var columns = new double[n << n];
        var batch = new double[1 << n];
        for (int mask = 0; mask < 1 << n; mask++)
            for (int i = 0; i < n; i++) columns[(i << n) + mask] = (mask >> i) & 1;
        model.EvaluateColumns(columns, batch);
        for (int mask = 0; mask < 1 << n; mask++)
        {
            var bits = Enumerable.Range(0, n).Select(i => ((mask >> i) & 1) == 1).ToArray();
            double value = (double)evaluate.Invoke(null, bits.Cast<object>().ToArray())!;
            Assert.True(Numeric.IsFinite(value), $"{method}.{form}({mask}) = {value}");
            var error = (X(value) - Exact(method, mask)).Abs();
            Assert.True(error <= X(bound), $"{method}.{form}({mask}) = {value}: off by {error.RoundUp()} > {bound}");
            // The model performs the same operations: the same double.
            Assert.Equal(value, model.Evaluate(bits.Select(x => x ? 1.0 : 0.0).ToArray()));
            Assert.True(Numeric.IsFinite(batch[mask]) && (X(batch[mask]) - Exact(method, mask)).Abs() <= X(bound), $"batched {method}.{form}({mask}) = {batch[mask]}");
        }
    }

    [Theory]
    [InlineData("F")]
    [InlineData("J")]
    [InlineData("G")]
    public void Its_diagnostic_states_the_finite_bound_not_an_overflow(string method)
    {
        var warnings = BitTestCompilation.Analyze(Source).Where(d => d.Id == "CHEAP024" && d.GetMessage().Contains($"'{method}'")).ToArray();
        Assert.NotEmpty(warnings); // 10 digits of values near 1e308 are out of reach: ulps there are near 1e292
        foreach (var w in warnings)
        {
            Assert.DoesNotContain("range", w.GetMessage());
            Assert.Matches(@"the best bound is [0-9.]+E\+29[0-9] \(about 0 digits\)$", w.GetMessage());
        }
    }

    [Fact]
    public void A_value_beyond_doubles_range_is_named_with_its_input_and_gives_infinity_not_NaN()
    {
        var warnings = BitTestCompilation.Analyze(Source).Where(d => d.Id == "CHEAP024" && d.GetMessage().Contains("'Over'")).ToArray();
        Assert.Equal(2, warnings.Length); // deep and flat
        foreach (var w in warnings)
            Assert.Contains("the exact value is about 2.0e308 on the input a = 1, b = 1, beyond double's range (±1.8e308): the network returns ±∞ there", w.GetMessage());
        var type = BitTestCompilation.BuildAndLoad(Source).GetType("Huge.K+OverNetwork")!;
        foreach (var form in new[] { "Deep", "Flat" })
        {
            Assert.Equal(double.PositiveInfinity, (double)type.GetField(form + "ErrorBound")!.GetValue(null)!);
            var evaluate = type.GetMethods().Single(m => m.Name == form && m.GetParameters().All(p => p.ParameterType == typeof(bool)));
            Assert.Equal(double.PositiveInfinity, (double)evaluate.Invoke(null, new object[] { true, true })!);
            foreach (var (a, b, expected) in new[] { (false, false, 0.0), (true, false, 1e308), (false, true, 1e308) })
            {
                double value = (double)evaluate.Invoke(null, new object[] { a, b })!;
                // The bound is ∞ (it fails at a = b = 1), but these values are still close: within 1e-10 relative.
                Assert.True(Math.Abs(value - expected) <= 1e-10 * 1e308, $"{form}({a}, {b}) = {value}");
            }
        }
    }

    [Fact]
    public void A_large_function_whose_network_fits_keeps_its_finite_bound()
    {
        // Its 10 digits are out of reach (values near 1e307 have ulps near 1e291): a finite bound, no overflow wording.
        var warning = Assert.Single(BitTestCompilation.Analyze(Source), d => d.GetMessage().Contains("'Fits'"));
        Assert.Matches(@"the best bound is [0-9.]+E\+29[0-9] \(about 0 digits\)$", warning.GetMessage());
        // By hand: −1.5e307, −5e306, −5e306, 5e306, within the stated bound.
        var network = BitTestCompilation.BuildAndLoad(Source).GetType("Huge.K+FitsNetwork")!;
        var deep = network.GetMethods().Single(m => m.Name == "Deep" && m.GetParameters().All(p => p.ParameterType == typeof(bool)));
        double bound = (double)network.GetField("DeepErrorBound")!.GetValue(null)!;
        foreach (var (a, b, expected) in new[] { (false, false, -1.5e307), (true, false, -5e306), (false, true, -5e306), (true, true, 5e306) })
            Assert.True(Math.Abs((double)deep.Invoke(null, new object[] { a, b })! - expected) <= bound, $"{a},{b}");
    }
}
