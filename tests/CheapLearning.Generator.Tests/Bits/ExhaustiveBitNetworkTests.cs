using CheapLearning.Generator.Tests.Infrastructure;
using System;
using System.Linq;
using System.Reflection;
using Xunit.Abstractions;

namespace CheapLearning.Generator.Tests.Bits;

/// <summary>
/// Every sample, both forms, on all 2ⁿ inputs: the network is within 10⁻ᴰ of the plain C# method (compiled
/// by the C# compiler, not by the code under test) and within its stated ErrorBound, and the NetworkModel
/// computes exactly what the straight-line evaluator does.
/// </summary>
public class ExhaustiveBitNetworkTests
{
    private static readonly Lazy<Assembly> Common = new(() => BitTestCompilation.BuildAndLoad(BitSamples.Common));
    private readonly ITestOutputHelper _output;

    public ExhaustiveBitNetworkTests(ITestOutputHelper output) => _output = output;

    [Theory]
    [InlineData("Majority", 10, true)]
    [InlineData("Majority5", 12, true)]
    [InlineData("Carry4", 10, true)]
    [InlineData("Ising3x3", 9, true)]
    [InlineData("Weighted", 10, true)]
    [InlineData("Mixed", 6, true)]
    [InlineData("Constant", 10, false)]
    public void Sample_is_exact_to_its_digits_on_every_input(string name, int digits, bool flat)
    {
        var samples = Common.Value.GetType("Bits.Samples")!;
        var networkType = samples.GetNestedType(name + "Network")!;
        Assert.Equal(digits, (int)networkType.GetField("Digits")!.GetValue(null)!);
        Check(samples.GetMethod(name)!, networkType, "Deep", digits, _output);
        if (flat) Check(samples.GetMethod(name)!, networkType, "Flat", digits, _output);
        else Assert.Null(networkType.ScalarEvaluator("Flat"));
    }

    [Theory]
    [InlineData(2, "Both")]
    [InlineData(5, "Both")]
    [InlineData(8, "Both")]
    [InlineData(12, "Both")]
    [InlineData(16, "Deep")]
    public void Parity_is_exact_on_every_input(int n, string form)
    {
        var assembly = BitTestCompilation.BuildAndLoad(BitSamples.Parity(n, form));
        var type = assembly.GetType($"Bits.Parity{n}")!;
        var network = type.GetNestedType("FNetwork")!;
        var deep = Check(type.GetMethod("F")!, network, "Deep", 10, _output);
        // A balanced tree of n − 1 XOR gates of two neurons each, in ⌈log₂ n⌉ layers, plus copies when n is not a power of 2.
        int depth = (int)Math.Ceiling(Math.Log2(n));
        Assert.Equal(depth, deep.HiddenLayers);
        Assert.True(deep.Neurons >= 2 * (n - 1) && deep.Neurons <= 2 * (n - 1) + n, $"deep neurons {deep.Neurons}");
        if (form == "Both")
        {
            // Flat parity's coefficients grow like 2^(k−1) and Σ|c_K| = (3ⁿ − 1)/2, so rounding of the output
            // sum limits its proven accuracy: 10 digits hold up to n = 8; n = 12 gets CHEAP024 and its bound.
            bool reachable = n <= 8;
            var flat = Check(type.GetMethod("F")!, network, "Flat", reachable ? 10 : null, _output);
            Assert.Equal((1L << n) - 1, flat.Neurons);
            Assert.Equal(1, flat.HiddenLayers);
            var diagnostics = BitTestCompilation.Analyze(BitSamples.Parity(n, form));
            Assert.Equal(reachable ? 0 : 1, diagnostics.Count(d => d.Id == "CHEAP024"));
        }
        Assert.Equal((1 << n) - 1, (int)network.GetField("FlatMonomials")!.GetValue(null)!);
        _output.WriteLine($"parity {n}: deep {deep.Neurons} neurons in {deep.HiddenLayers} layers; flat {(1L << n) - 1}");
    }

    /// <summary>Also used by ComparisonTests.</summary>
    internal static NetworkModel Check(MethodInfo exact, Type networkType, string form, int? digits, ITestOutputHelper output)
    {
        var evaluator = networkType.ScalarEvaluator(form)!;
        var model = (NetworkModel)networkType.GetProperty(form + "Model")!.GetValue(null)!;
        double bound = (double)networkType.GetField(form + "ErrorBound")!.GetValue(null)!;
        if (digits is { } d) Assert.True(bound <= Math.Pow(10, -d), $"{form} bound {bound} above 10^-{d}");
        // Digits out of reach (CHEAP024, asserted by the caller): the bound must still round every output to its integer value.
        else Assert.True(bound < 0.5, $"{form} bound {bound} does not even determine the integer output");
        Assert.Equal(bound, model.ErrorBound);
        var parameters = exact.GetParameters();
        int n = parameters.Length;
        var args = new object[n];
        var inputs = new double[n];
        double worst = 0;
        for (long mask = 0; mask < 1L << n; mask++)
        {
            for (int i = 0; i < n; i++)
            {
                bool bit = ((mask >> i) & 1) != 0;
                inputs[i] = bit ? 1 : 0;
                var t = parameters[i].ParameterType;
                args[i] = t == typeof(bool) ? bit : t == typeof(int) ? (bit ? 1 : 0) : (object)(bit ? 1.0 : 0.0);
            }
            double expected = Convert.ToDouble(exact.Invoke(null, args));
            double actual = (double)evaluator.Invoke(null, args)!;
            double error = Math.Abs(actual - expected);
            worst = Math.Max(worst, error);
            Assert.True(error <= bound, $"{exact.Name}.{form} at input {mask}: {actual} vs {expected}, error {error} > bound {bound}");
            Assert.Equal(BitConverter.DoubleToInt64Bits(actual), BitConverter.DoubleToInt64Bits(model.Evaluate(inputs)));
        }
        output.WriteLine($"{exact.Name}.{form}: {model}; worst error {worst:E2} (bound {bound:E2}, Digits {digits?.ToString() ?? "not reachable"})");
        return model;
    }
}
