using System;
using System.Linq;
using CheapLearning.Generator.Tests.Infrastructure;

namespace CheapLearning.Generator.Tests.Bits;

/// <summary>
/// A bit function whose values reach about 1e308 ("a bit function near 1e308 gives NaN", a known limit since round 10):
/// <c>a ? 1.7e308 : -1.7e308</c> fits in a double at both inputs, but its exact polynomial −1.7e308 + 3.4e308·a does not,
/// and the deep network returned NaN at a = 0 and +∞ at a = 1 (J: 1e308 vs −1e308, G: four 1.7e308 corners, all NaN).
/// The compile-time warning said only "Digits = 10 cannot be guaranteed … the best bound is Infinity (about 0 digits)",
/// read as a rounding problem. Decision: a compile-time diagnostic (the network is still emitted with ErrorBound = ∞,
/// as a polynomial beyond double's range is, CHEAP004): CHEAP024 now says the network exceeds double's range and
/// returns NaN or ±∞. Expected values by hand: the C# method's values are exact here (constants chosen by the ternary).
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
            [BitNetwork] public static double G(bool a, bool b) => a ? (b ? 1.7e308 : -1.7e308) : (b ? -1.7e308 : 1.7e308);
            [BitNetwork] public static double Fits(bool a, bool b) => (a ? 1e307 : 0) + (b ? 1e307 : 0) - 1.5e307;
        }
        """;

    [Theory]
    [InlineData("F")]
    [InlineData("J")]
    [InlineData("G")]
    public void A_network_beyond_doubles_range_says_it_returns_NaN_or_infinity(string method)
    {
        var warnings = BitTestCompilation.Analyze(Source).Where(d => d.Id == "CHEAP024" && d.GetMessage().Contains($"'{method}'")).ToArray();
        Assert.NotEmpty(warnings);
        foreach (var w in warnings)
        {
            string message = w.GetMessage();
            Assert.Contains("exceed double's range", message);
            Assert.Contains("returns NaN or ±∞", message);
            Assert.DoesNotContain("about 0 digits", message);
        }
        // The network is still emitted, stating no bound.
        var type = BitTestCompilation.BuildAndLoad(Source).GetType("Huge.K+" + method + "Network")!;
        Assert.Equal(double.PositiveInfinity, (double)type.GetField("DeepErrorBound")!.GetValue(null)!);
        var deep = type.GetMethods().Single(m => m.Name == "Deep" && m.GetParameters().All(p => p.ParameterType == typeof(bool)));
        Assert.Contains(Enumerable.Range(0, 1 << deep.GetParameters().Length)
            .Select(b => (double)deep.Invoke(null, Enumerable.Range(0, deep.GetParameters().Length).Select(i => (object)(((b >> i) & 1) == 1)).ToArray())!),
            v => !Numeric.IsFinite(v));
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
