using System;
using System.Linq;
using System.Reflection;
using Xunit;
using Xunit.Abstractions;

namespace CheapLearning.Onnx.Tests;

/// <summary>Bit functions of every parameter and return type the attribute takes, sigmoid and ReLU, built by the real generator.</summary>
public static partial class ExhaustiveBits
{
    [BitNetwork(Form = NetworkForm.Both)]
    public static bool Majority(bool a, bool b, bool c) => (a & b) | (a & c) | (b & c);

    [BitNetwork(Form = NetworkForm.Both, Activation = Activation.ReLU)]
    public static bool MajorityRelu(bool a, bool b, bool c) => (a & b) | (a & c) | (b & c);

    [BitNetwork(Form = NetworkForm.Both, ParametersAreBits = true)]
    public static int Adder(int a0, int a1, int b0, int b1) => (a0 + 2 * a1) + (b0 + 2 * b1);

    [BitNetwork(Form = NetworkForm.Both, ParametersAreBits = true, Activation = Activation.ReLU)]
    public static int AdderRelu(int a0, int a1, int b0, int b1) => (a0 + 2 * a1) + (b0 + 2 * b1);

    [BitNetwork(Form = NetworkForm.Both)]
    public static double Ising(bool x0, bool x1, bool x2, [Bit] double h)
    {
        double s0 = x0 ? 1 : -1, s1 = x1 ? 1 : -1, s2 = x2 ? 1 : -1;
        double e = -(s0 * s1 + 0.5 * s1 * s2 - 0.25 * s2 * s0);
        e -= 0.125 * h * (s0 + s1 + s2);
        return e;
    }

    [BitNetwork(Form = NetworkForm.Both, Activation = Activation.ReLU)]
    public static bool Chain(bool a, bool b, bool c, bool d, bool e) => !(a == b) ^ (c != d) && (e || !a) ? !b : c;

    [BitNetwork(Form = NetworkForm.Both)]
    public static bool Parity8(bool a, bool b, bool c, bool d, bool e, bool f, bool g, bool h) => a ^ b ^ c ^ d ^ e ^ f ^ g ^ h;

    [BitNetwork(Form = NetworkForm.Both)]
    public static double Constant(bool a) => -2.5;

    /// <summary>
    /// Values near double's limit (round 15): the exact polynomial 1.7e308·(1 − 2a − 2b + 4ab) has coefficients beyond
    /// double's range, so the output row is computed scaled by 2⁻ᵏ and scaled back (a factored output layer: two
    /// MatMul + Add in ONNX). The method's values are exact here (the ternaries choose constants). No 10 digits near 1e308
    /// (CHEAP024 states the finite bound).
    /// </summary>
#pragma warning disable CHEAP024
    [BitNetwork(Form = NetworkForm.Both)]
    public static double Huge(bool a, bool b) => a ? (b ? 1.7e308 : -1.7e308) : (b ? -1.7e308 : 1.7e308);

    [BitNetwork(Form = NetworkForm.Both, Activation = Activation.ReLU)]
    public static double HugeRelu(bool a, bool b) => a ? (b ? 1.7e308 : -1.7e308) : (b ? -1.7e308 : 1.7e308);
#pragma warning restore CHEAP024

    /// <summary>Comparisons (round 7): threshold neurons on a count, sigmoid and ReLU.</summary>
    [BitNetwork(Form = NetworkForm.Both)]
    public static bool AtLeastThree(bool a, bool b, bool c, bool d, bool e) => (a ? 1 : 0) + (b ? 1 : 0) + (c ? 1 : 0) + (d ? 1 : 0) + (e ? 1 : 0) >= 3;

    [BitNetwork(Form = NetworkForm.Both, Activation = Activation.ReLU)]
    public static int CompareRelu(bool a, bool b, bool c, bool d)
    {
        int s = (a ? 2 : 0) - (b ? 1 : 0), t = (c ? 1 : 0) + (d ? 1 : 0);
        return s == t ? 5 : s < t ? -1 : 2;
    }
}

/// <summary>
/// On every one of the 2ⁿ inputs of each function above: the generated Deep and Flat, their models' Evaluate, and the
/// float64 ONNX export run by ONNX Runtime are all within the stated ErrorBound of the C# method's own value, and Deep
/// and Evaluate agree bit for bit.
/// </summary>
public class ExhaustiveBitExportTests
{
    private readonly ITestOutputHelper _output;

    public ExhaustiveBitExportTests(ITestOutputHelper output) => _output = output;

    public static TheoryData<string, string> Forms => new()
    {
        { "Majority", "Deep" }, { "Majority", "Flat" }, { "MajorityRelu", "Deep" }, { "MajorityRelu", "Flat" },
        { "Adder", "Deep" }, { "Adder", "Flat" }, { "AdderRelu", "Deep" }, { "AdderRelu", "Flat" },
        { "Ising", "Deep" }, { "Ising", "Flat" }, { "Chain", "Deep" }, { "Chain", "Flat" },
        { "Parity8", "Deep" }, { "Parity8", "Flat" }, { "Constant", "Deep" }, { "Constant", "Flat" },
        { "AtLeastThree", "Deep" }, { "AtLeastThree", "Flat" }, { "CompareRelu", "Deep" }, { "CompareRelu", "Flat" },
        { "Huge", "Deep" }, { "Huge", "Flat" }, { "HugeRelu", "Deep" }, { "HugeRelu", "Flat" },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public void Every_input_agrees_across_method_evaluator_model_and_ONNX_Runtime(string name, string form)
    {
        var method = typeof(ExhaustiveBits).GetMethod(name)!;
        var network = typeof(ExhaustiveBits).GetNestedType(name + "Network")!;
        var parameters = method.GetParameters();
        var evaluator = network.GetMethod(form, parameters.Select(p => p.ParameterType).ToArray())!;
        var model = (NetworkModel)network.GetProperty(form + "Model")!.GetValue(null)!;
        double bound = (double)network.GetField(form + "ErrorBound")!.GetValue(null)!;
        Assert.True(model.InputsAreBits);
        Assert.Equal(bound, model.ErrorBound);

        int n = parameters.Length, count = 1 << n;
        var rows = new double[count * n];
        for (int x = 0; x < count; x++)
            for (int i = 0; i < n; i++) rows[x * n + i] = (x >> i) & 1;
        double[] ort = OrtRunner.Run(model.ToOnnxBytes(), rows, n);
        Assert.Equal(count, ort.Length);

        double worst = 0, worstOrt = 0;
        for (int x = 0; x < count; x++)
        {
            var bits = rows.AsSpan(x * n, n).ToArray();
            var arguments = parameters.Select((p, i) => p.ParameterType == typeof(bool) ? (object)(bits[i] == 1)
                : p.ParameterType == typeof(int) ? (int)bits[i] : (object)bits[i]).ToArray();
            double exact = Convert.ToDouble(method.Invoke(null, arguments));
            double deep = (double)evaluator.Invoke(null, arguments)!;
            Assert.Equal(BitConverter.DoubleToInt64Bits(deep), BitConverter.DoubleToInt64Bits(model.Evaluate(bits)));
            Assert.True(double.IsFinite(deep) && double.IsFinite(ort[x]), $"{name}.{form}({x}) = {deep}, ONNX {ort[x]}");
            Assert.True(Math.Abs(deep - exact) <= bound, $"{name}.{form}({x}) = {deep}, method {exact}, bound {bound}");
            Assert.True(Math.Abs(ort[x] - exact) <= bound, $"ONNX {name}.{form}({x}) = {ort[x]}, method {exact}, bound {bound}");
            worst = Math.Max(worst, Math.Abs(deep - exact));
            worstOrt = Math.Max(worstOrt, Math.Abs(ort[x] - exact));
        }
        _output.WriteLine($"{name}.{form}: {count} inputs, worst |{form} − method| {worst:E2}, |ORT − method| {worstOrt:E2}, bound {bound:E2}");
    }
}

/// <summary>Two polynomial Hamiltonians with different input bounds: the classifier's bounds hold on the smaller box.</summary>
[BayesClassifier]
public static partial class UnequalBoxes
{
#pragma warning disable CHEAP032 // intended: the classifier checks the smaller box, which CHEAP032 states
    [Hamiltonian(InputBound = 3)]
    public static double Wide(double u) => u * u;
#pragma warning restore CHEAP032

    [Hamiltonian(InputBound = 0.5)]
    public static double Narrow(double u) => u;
}

public class ClassifierExportMetadataTests
{
    /// <summary>
    /// Found by consumer tests (round 6): the export's InputBound was the first Hamiltonian's (3) although the second one's
    /// network, and so the posterior's bound, holds for |u| ≤ 0.5 only (the generated Classify throws beyond it).
    /// </summary>
    [Fact]
    public void The_exported_InputBound_of_a_classifier_is_the_smallest_Hamiltonian_bound()
    {
        using var session = new Microsoft.ML.OnnxRuntime.InferenceSession(UnequalBoxes.Classifier.Model.ToOnnxBytes());
        Assert.Equal("0.5", session.ModelMetadata.CustomMetadataMap["InputBound"]);
    }
}
