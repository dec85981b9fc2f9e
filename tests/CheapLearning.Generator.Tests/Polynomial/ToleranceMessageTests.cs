using System;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using CheapLearning.Generator.Tests.Infrastructure;

namespace CheapLearning.Generator.Tests.Polynomials;

/// <summary>
/// CHEAP004 says "the best network built has error bound b": b must not be below the bound the network is proven to
/// meet (the XML docs and NetworkModel.ToString round it up for the same reason). It was rounded to nearest, so x·y
/// with Tolerance = 1e-20 read "error bound 4.44E-16" for a proven 4.4409e-16.
/// </summary>
public class ToleranceMessageTests
{
    private const string Source = """
        using CheapLearning;
        namespace Demo
        {
            public static partial class Tight
            {
                [PolynomialNetwork(Tolerance = 1e-20)] public static double Product(double x, double y) => x * y;
                [PolynomialNetwork(Tolerance = 1e-20)] public static double Square(double x) => x * x - 0.5;
                [PolynomialNetwork(Tolerance = 1e-20, InputBound = 3)] public static double Cubic(double x, double y) => x * x * y + 2 * x;
                [PolynomialNetwork(Tolerance = 1e-20, Activation = Activation.Tanh)] public static double Tanh(double x, double y, double z) => x * y * z;
                [PolynomialNetwork(Tolerance = 1e-20, Activation = Activation.ReLU)] public static double Relu(double x, double y) => x * y - y;
                [PolynomialNetwork(Tolerance = 1e-20, Form = NetworkForm.Flat)] public static double Flat(double x, double y) => x * y + x;
                [PolynomialNetwork(Tolerance = 1e-20, Form = NetworkForm.Flat, Activation = Activation.Sigmoid)] public static double FlatSigmoid(double x) => x * x * x;
                [PolynomialNetwork(Tolerance = 1e-20, InputBound = 0.1)] public static double Small(double x, double y) => 3 * x * y * y;
            }
        }
        """;

    [Theory]
    [InlineData("Product", "Deep")]
    [InlineData("Square", "Deep")]
    [InlineData("Cubic", "Deep")]
    [InlineData("Tanh", "Deep")]
    [InlineData("Relu", "Deep")]
    [InlineData("Flat", "Flat")]
    [InlineData("FlatSigmoid", "Flat")]
    [InlineData("Small", "Deep")]
    public void The_bound_CHEAP004_states_is_at_least_the_proven_bound(string method, string form)
    {
        var network = TestCompilation.BuildAndLoad(Source).GetType("Demo.Tight+" + method + "Network")!;
        var model = (NetworkModel)network.GetProperty(form + "Model")!.GetValue(null)!;
        var warning = Assert.Single(TestCompilation.Analyze(Source), d => d.Id == "CHEAP004" && d.GetMessage().Contains("'" + method + "'", StringComparison.Ordinal));
        var stated = Regex.Match(warning.GetMessage(), @"has error bound ([0-9.E+-]+) \(");
        Assert.True(stated.Success, warning.GetMessage());
        double value = double.Parse(stated.Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(value >= model.ErrorBound, $"CHEAP004 states {value:R} < proven {model.ErrorBound:R}: {warning.GetMessage()}");
        // Rounded up to 3 digits: above the proven bound by less than one unit in the third digit.
        Assert.True(value <= model.ErrorBound * 1.01, $"CHEAP004 states {value:R}, far above {model.ErrorBound:R}");
    }
}

/// <summary>
/// Deep networks whose S fits in a double but sits near its limit. CHEAP004 used to say "the network's intermediate sums
/// (about 1e5·S inside a multiplication gate) do not [fit]" for networks without any gate (found by adv16; adv19 gave
/// them their own wording). Since the rounding bound is summed scaled where its sums overflow, such networks have a
/// finite bound; the gate wording stays for products whose output weights really overflow.
/// </summary>
public class GatelessOverflowMessageTests
{
    /// <summary>
    /// A finite S whose network still overflows: CHEAP004 names the multiplication gate (its output weights, about
    /// 1e2·S even for the widest gate kept, pass double's limit).
    /// </summary>
    [Theory]
    [InlineData("1.5e307 * x * y")]
    [InlineData("1e308 * x * y")]
    public void CHEAP004_names_the_multiplication_gate_that_overflows(string body)
    {
        var warning = Assert.Single(TestCompilation.Analyze(Source(body)), d => d.Id == "CHEAP004");
        string message = warning.GetMessage(CultureInfo.InvariantCulture);
        Assert.Contains("fits in a double, but", message);
        Assert.Contains("inside a multiplication gate", message);
    }

    /// <summary>
    /// Networks without hidden neurons (a linear or constant polynomial up to double's limit) and products whose S is
    /// near it (1e306·x·y) used to state no bound, because the sums in the rounding bound passed 1.8e308 although
    /// every value the network computes fits; they now get a finite bound and no CHEAP004.
    /// </summary>
    /// <summary>A sum whose partial sums may reach double's limit (no margin left for rounding) has no bound: its wording.</summary>
    [Fact]
    public void CHEAP004_names_the_output_sum_of_a_network_without_gates()
    {
        var warning = Assert.Single(TestCompilation.Analyze(Source("double.MaxValue * x")), d => d.Id == "CHEAP004");
        string message = warning.GetMessage(CultureInfo.InvariantCulture);
        Assert.Contains("output sum and its error bound", message);
        Assert.DoesNotContain("gate", message);
    }

    [Theory]
    [InlineData("1.7e308 * x + y")]
    [InlineData("1.7e308")]
    [InlineData("1e306 * x * y")]
    public void Values_near_doubles_limit_get_a_finite_bound(string body)
        => Assert.DoesNotContain(TestCompilation.Analyze(Source(body)), d => d.Id == "CHEAP004");

    private static string Source(string body) => $$"""
        using CheapLearning;
        public static partial class Edge
        {
            [PolynomialNetwork] public static double F(double x, double y) => {{body}};
        }
        """;
}
