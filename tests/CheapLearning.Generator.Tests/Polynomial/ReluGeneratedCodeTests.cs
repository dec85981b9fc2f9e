using System;
using System.Linq;
using CheapLearning.Generator.Tests.Construction;
using CheapLearning.Generator.Tests.Infrastructure;

namespace CheapLearning.Generator.Tests.Polynomials;

/// <summary>
/// <c>[PolynomialNetwork(Activation = Activation.ReLU)]</c> through the real generator: the compiled Deep
/// evaluator and DeepModel against the exact polynomial (dyadic rationals computed here) on random points,
/// corners and the squares' nodes and midpoints; the analyzer's ReLU findings (CHEAP013, CHEAP014, CHEAP011).
/// </summary>
public class ReluGeneratedCodeTests
{
    private const string Source = """
        using CheapLearning;

        namespace Relu
        {
            public static partial class Samples
            {
                [PolynomialNetwork(Activation = Activation.ReLU, Tolerance = 1e-10)]
                public static double Mul(double x, double y) => x * y;

                [PolynomialNetwork(Activation = Activation.ReLU, InputBound = 2, Tolerance = 1e-8)]
                public static double Poly4(double x, double y, double z) => x * x * y * y + 2 * x * z * z * z - y * y * y * y + 0.5;

                [PolynomialNetwork(Activation = Activation.ReLU, Form = NetworkForm.Both, Tolerance = 1e-4, InputBound = 2)]
                public static double Quadratic(double x, double y) => 3 * x * y - y * y + 0.5 * x - 1;

                [PolynomialNetwork(Activation = Activation.ReLU)]
                public static double Chebyshev8(double x) => 128 * x * x * x * x * x * x * x * x - 256 * x * x * x * x * x * x + 160 * x * x * x * x - 32 * x * x + 1;
            }
        }
        """;

    private static readonly Lazy<Type> Samples = new(() => TestCompilation.BuildAndLoad(Source).GetType("Relu.Samples")!);

    [Theory]
    [InlineData("Mul", 1.0)]
    [InlineData("Poly4", 2.0)]
    [InlineData("Chebyshev8", 1.0)]
    public void Deep_relu_evaluator_meets_its_bound_against_the_exact_polynomial(string name, double r)
    {
        var p = name switch
        {
            "Mul" => new TermList(2, new[] { (1.0, new[] { 1, 1 }) }),
            "Poly4" => new TermList(3, new[] { (1.0, new[] { 2, 2, 0 }), (2.0, new[] { 1, 0, 3 }), (-1.0, new[] { 0, 4, 0 }), (0.5, new[] { 0, 0, 0 }) }),
            _ => new TermList(1, new[] { (128.0, new[] { 8 }), (-256.0, new[] { 6 }), (160.0, new[] { 4 }), (-32.0, new[] { 2 }), (1.0, new[] { 0 }) }),
        };
        var network = Samples.Value.GetNestedType(name + "Network")!;
        var deep = network.ScalarEvaluator("Deep")!;
        var model = (NetworkModel)network.GetProperty("DeepModel")!.GetValue(null)!;
        double bound = (double)network.GetField("DeepErrorBound")!.GetValue(null)!;
        double scale = (double)network.GetField("Scale")!.GetValue(null)!;
        Assert.Equal(global::CheapLearning.Activation.ReLU, model.Activation);
        Assert.Equal(bound, model.ErrorBound);
        double tolerance = name switch { "Mul" => 1e-10, "Poly4" => 1e-8, _ => 1e-9 };
        Assert.True(bound <= tolerance * scale, $"{name}: bound {bound:E3} > τS");
        double worst = 0;
        var oracle = ReluNetworkTests.Oracle(p);
        foreach (var x in ReluNetworkTests.Points(p.Variables, r, Math.Min(model.HiddenLayers, 10), 1500, 3))
        {
            double value = (double)deep.Invoke(null, x.Cast<object>().ToArray())!;
            Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(model.Evaluate(x)));
            worst = Math.Max(worst, oracle.ExactError(value, x));
        }
        Assert.True(worst <= bound, $"{name}: measured {worst:E3} > bound {bound:E3}");
    }

    [Fact]
    public void Flat_relu_ridge_network_is_emitted_and_meets_its_bound()
    {
        var p = new TermList(2, new[] { (3.0, new[] { 1, 1 }), (-1.0, new[] { 0, 2 }), (0.5, new[] { 1, 0 }), (-1.0, new[] { 0, 0 }) });
        var network = Samples.Value.GetNestedType("QuadraticNetwork")!;
        var flat = network.ScalarEvaluator("Flat")!;
        var model = (NetworkModel)network.GetProperty("FlatModel")!.GetValue(null)!;
        double bound = (double)network.GetField("FlatErrorBound")!.GetValue(null)!;
        double scale = (double)network.GetField("Scale")!.GetValue(null)!;
        Assert.Equal(1, model.HiddenLayers);
        Assert.Equal(global::CheapLearning.Activation.ReLU, model.Activation);
        Assert.True(bound <= 1e-4 * scale, $"bound {bound:E3} > τS");
        double worst = 0;
        var oracle = ReluNetworkTests.Oracle(p);
        foreach (var x in ReluNetworkTests.Points(2, 2, 6, 3000, 8))
        {
            double value = (double)flat.Invoke(null, x.Cast<object>().ToArray())!;
            Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(model.Evaluate(x)));
            worst = Math.Max(worst, oracle.ExactError(value, x));
        }
        Assert.True(worst <= bound, $"measured {worst:E3} > bound {bound:E3}");
    }

    [Fact]
    public void Mul_to_1e_minus_10_is_the_104_neuron_network()
    {
        var model = (NetworkModel)Samples.Value.GetNestedType("MulNetwork")!.GetProperty("DeepModel")!.GetValue(null)!;
        Assert.Equal(104, model.Neurons);
        Assert.Equal(18, model.HiddenLayers);
    }

    private static string Method(string arguments) => $$"""
        using CheapLearning;
        public static partial class C
        {
            [PolynomialNetwork(Activation = Activation.ReLU, {{arguments}})]
            public static double F(double x, double y) => x * y;
        }
        """;

    [Fact]
    public void Flat_relu_is_counted_not_built_CHEAP013_with_the_proven_minimum()
    {
        var d = Assert.Single(TestCompilation.Analyze(Method("Form = NetworkForm.Both, Tolerance = 1e-10")), x => x.Id == "CHEAP013");
        string message = d.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("N ≥ 70,710", message);
        Assert.Contains("more than MaxFlatNeurons = 4,096", message);
    }

    [Fact]
    public void A_budget_below_the_relu_minimum_is_CHEAP011_and_HiddenLayers_is_CHEAP014()
    {
        var below = Assert.Single(TestCompilation.Analyze(Method("Form = NetworkForm.Both, Tolerance = 1e-6, MaxFlatNeurons = 100")), x => x.Id == "CHEAP011");
        Assert.Contains("707", below.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        var depth = Assert.Single(TestCompilation.Analyze(Method("HiddenLayers = 2")), x => x.Id == "CHEAP014");
        Assert.Contains("ReLU square", depth.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }
}
