using System;
using System.Linq;
using CheapLearning.Generator.Tests.Infrastructure;

namespace CheapLearning.Generator.Tests.Bits;

/// <summary>
/// <c>[BitNetwork(Activation = Activation.ReLU)]</c> through the real generator, on every input: the deep and
/// flat ReLU networks reproduce the C# method (compiled by the C# compiler) with no β and an error at the
/// level of one rounding; integer-valued functions exactly.
/// </summary>
public class ReluBitGeneratedCodeTests
{
    private const string Source = """
        using CheapLearning;

        namespace ReluBits
        {
            public static partial class Samples
            {
                [BitNetwork(Activation = Activation.ReLU, Form = NetworkForm.Both, Digits = 15)]
                public static bool Majority5(bool a, bool b, bool c, bool d, bool e)
                    => (a & b & c) | (a & b & d) | (a & b & e) | (a & c & d) | (a & c & e) | (a & d & e) | (b & c & d) | (b & c & e) | (b & d & e) | (c & d & e);

                [BitNetwork(Activation = Activation.ReLU, Form = NetworkForm.Both)]
                public static bool Parity8(bool a, bool b, bool c, bool d, bool e, bool f, bool g, bool h) => a ^ b ^ c ^ d ^ e ^ f ^ g ^ h;

                [BitNetwork(Activation = Activation.ReLU, Form = NetworkForm.Both, ParametersAreBits = true)]
                public static double Energy(int x0, int x1, int x2, int x3)
                {
                    double s0 = 2 * x0 - 1, s1 = 2 * x1 - 1, s2 = 2 * x2 - 1, s3 = 2 * x3 - 1;
                    return -(0.3 * s0 * s1 + 0.7 * s1 * s2 - 1.1 * s2 * s3) + 0.25 * s0;
                }
            }
        }
        """;

    private static readonly Lazy<Type> Samples = new(() => TestCompilation.BuildAndLoad(Source).GetType("ReluBits.Samples")!);

    [Theory]
    [InlineData("Majority5", true)]
    [InlineData("Parity8", true)]
    [InlineData("Energy", false)]
    public void Relu_bit_networks_reproduce_every_input(string name, bool integral)
    {
        var exact = Samples.Value.GetMethod(name)!;
        var network = Samples.Value.GetNestedType(name + "Network")!;
        foreach (var form in new[] { "Deep", "Flat" })
        {
            var evaluator = network.ScalarEvaluator(form)!;
            var model = (NetworkModel)network.GetProperty(form + "Model")!.GetValue(null)!;
            double bound = (double)network.GetField(form + "ErrorBound")!.GetValue(null)!;
            Assert.Equal(0.0, (double)network.GetField(form + "Beta")!.GetValue(null)!);
            Assert.Equal(global::CheapLearning.Activation.ReLU, model.Activation);
            // Rounding only: a few ulps for the deep form; the flat output sums Σ|c_K| = (3⁸ − 1)/2 for parity 8.
            Assert.True(bound < (form == "Deep" ? 1e-13 : 1e-10), $"{name}.{form}: bound {bound:E3} is more than rounding");
            var parameters = exact.GetParameters();
            int n = parameters.Length;
            var inputs = new double[n];
            for (int mask = 0; mask < 1 << n; mask++)
            {
                var args = new object[n];
                for (int i = 0; i < n; i++)
                {
                    bool bit = ((mask >> i) & 1) != 0;
                    inputs[i] = bit ? 1 : 0;
                    args[i] = parameters[i].ParameterType == typeof(bool) ? bit : (object)(bit ? 1 : 0);
                }
                double expected = Convert.ToDouble(exact.Invoke(null, args));
                double actual = (double)evaluator.Invoke(null, args)!;
                Assert.True(Math.Abs(actual - expected) <= bound + Math.Abs(expected) * 4e-16, $"{name}.{form} at {mask}: {actual} vs {expected}, bound {bound:E3}");
                if (integral) Assert.Equal(expected, actual);
                Assert.Equal(BitConverter.DoubleToInt64Bits(actual), BitConverter.DoubleToInt64Bits(model.Evaluate(inputs)));
            }
        }
    }

    [Fact]
    public void Flat_relu_monomials_are_one_neuron_each()
    {
        var network = Samples.Value.GetNestedType("Parity8Network")!;
        var flat = (NetworkModel)network.GetProperty("FlatModel")!.GetValue(null)!;
        Assert.Equal(255, flat.Neurons);
        Assert.Equal(1, flat.HiddenLayers);
    }

    [Fact]
    public void An_activation_other_than_sigmoid_or_relu_is_rejected()
    {
        const string source = """
            using CheapLearning;
            public static partial class C
            {
                [BitNetwork(Activation = Activation.Tanh)]
                public static bool F(bool a, bool b) => a & b;
            }
            """;
        var (_, run) = TestCompilation.RunAllGenerators(TestCompilation.Create(source));
        var all = run.Results.SelectMany(r => r.Diagnostics).Concat(run.Diagnostics).ToList();
        var analyzer = BitTestCompilation.Analyze(source);
        Assert.Contains(analyzer.Concat(all), d => d.Id == "CHEAP005" && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("Sigmoid or ReLU"));
    }
}
