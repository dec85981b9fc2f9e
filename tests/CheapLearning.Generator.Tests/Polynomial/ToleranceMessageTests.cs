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
/// CHEAP004 for a deep bound that overflows although S fits said "the network's intermediate sums (about 1e5·S inside a
/// multiplication gate) do not [fit]" even for a network without any gate: a linear or constant polynomial near
/// double's limit (double.MaxValue·x) is a weighted sum of the inputs with no hidden neuron (found by adv16, fixed by adv19).
/// </summary>
public class GatelessOverflowMessageTests
{
    [Theory]
    [InlineData("double.MaxValue * x", 0)]
    [InlineData("1.7e308 * x + y", 0)]
    [InlineData("1.7e308", 0)]
    [InlineData("1e306 * x * y", 1)]
    public void CHEAP004_names_the_part_of_the_network_that_overflows(string body, int hasGate)
    {
        string source = $$"""
            using CheapLearning;
            public static partial class Edge
            {
                [PolynomialNetwork] public static double F(double x, double y) => {{body}};
            }
            """;
        var warning = Assert.Single(TestCompilation.Analyze(source), d => d.Id == "CHEAP004");
        string message = warning.GetMessage(CultureInfo.InvariantCulture);
        Assert.Contains("fits in a double, but", message);
        if (hasGate == 1) Assert.Contains("inside a multiplication gate", message);
        else
        {
            Assert.Contains("output sum and its error bound", message);
            Assert.DoesNotContain("gate", message);
        }
    }
}
