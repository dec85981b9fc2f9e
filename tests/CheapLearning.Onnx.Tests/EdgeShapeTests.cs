using System;
using System.Linq;
using Microsoft.ML.OnnxRuntime;
using Xunit;

namespace CheapLearning.Onnx.Tests;

/// <summary>Degenerate polynomial networks a consumer writes: no hidden layer, no inputs, identically zero.</summary>
public static partial class EdgeShapes
{
    [PolynomialNetwork(InputBound = 3)]
    public static double Linear(double x, double y) => 2 * x - 0.5 * y + 1;

    [PolynomialNetwork]
    public static double Constant(double x) => -2.5;

    [PolynomialNetwork(Form = NetworkForm.Both)]
    public static double Zero(double x, double y) => x * y - y * x;

    [PolynomialNetwork]
    public static double NoParameters() => 4;

    [PolynomialNetwork(Form = NetworkForm.Flat)]
    public static double FlatLinear(double x) => 3 * x;
}

/// <summary>
/// Export of polynomial networks without hidden layers, without inputs (input shape [N, 0]) and of the zero polynomial
/// (x·y − y·x): ONNX Runtime gives the hand-computed values within the stated bound, as Evaluate does.
/// </summary>
public class EdgeShapeTests
{
    public static TheoryData<string> Names => new() { "Linear", "Constant", "Zero", "ZeroFlat", "FlatLinear" };

    private static (NetworkModel Model, Func<double[], double> Exact) Get(string name) => name switch
    {
        "Linear" => (EdgeShapes.LinearNetwork.DeepModel, x => 2 * x[0] - 0.5 * x[1] + 1),
        "Constant" => (EdgeShapes.ConstantNetwork.DeepModel, _ => -2.5),
        "Zero" => (EdgeShapes.ZeroNetwork.DeepModel, _ => 0),
        "ZeroFlat" => (EdgeShapes.ZeroNetwork.FlatModel, _ => 0),
        _ => (EdgeShapes.FlatLinearNetwork.FlatModel, x => 3 * x[0]),
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Degenerate_networks_run_in_ONNX_Runtime_within_their_bound(string name)
    {
        var (m, exact) = Get(name);
        int n = m.InputCount;
        // Points of the box: the hand-written exact values are within 1 ulp in double for these small dyadic inputs.
        var points = new[] { new[] { 0.5, -0.25 }, new[] { 1.0, 1.0 }, new[] { -1.0, 0.75 }, new[] { 0.0, 0.0 } }.Select(p => p.Take(n).ToArray()).ToArray();
        double[] ort = OrtRunner.Run(m.ToOnnxBytes(), points.SelectMany(p => p).ToArray(), n);
        Assert.Equal(points.Length, ort.Length);
        for (int k = 0; k < points.Length; k++)
        {
            double e = exact(points[k]);
            Assert.True(Math.Abs(ort[k] - e) <= m.ErrorBound + 1e-15, $"{name} at {k}: ORT {ort[k]:R}, exact {e:R}, bound {m.ErrorBound:G3}");
            Assert.True(Math.Abs(m.Evaluate(points[k]) - e) <= m.ErrorBound + 1e-15, $"{name} at {k}: Evaluate {m.Evaluate(points[k]):R}, exact {e:R}");
        }
    }

    [Fact]
    public void A_network_without_inputs_takes_an_N_by_0_input()
    {
        var m = EdgeShapes.NoParametersNetwork.DeepModel;
        using var session = new InferenceSession(m.ToOnnxBytes());
        Assert.Equal(new[] { -1, 0 }, session.InputMetadata.Single().Value.Dimensions);
        using var input = OrtValue.CreateTensorValueFromMemory(Array.Empty<double>(), new long[] { 3, 0 });
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, new[] { session.InputNames[0] }, new[] { input }, session.OutputNames);
        Assert.Equal(new[] { 4.0, 4.0, 4.0 }, outputs[0].GetTensorDataAsSpan<double>().ToArray());
    }
}
