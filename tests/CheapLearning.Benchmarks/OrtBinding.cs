using System;
using System.Linq;
using CheapLearning.Onnx;
using Microsoft.ML.OnnxRuntime;

namespace CheapLearning.Benchmarks;

/// <summary>
/// ONNX Runtime on a network's float64 export, set up once: the session, and input/output OrtValues over pinned
/// arrays bound with an IOBinding, so a run is one RunWithBinding call (no per-call allocation of tensors).
/// </summary>
internal sealed class OrtBinding : IDisposable
{
    private readonly InferenceSession _session;
    private readonly OrtIoBinding _binding;
    private readonly RunOptions _run = new();
    private readonly OrtValue _input, _output;

    /// <param name="threads">Intra-op threads: 1, or 0 for ONNX Runtime's default.</param>
    public OrtBinding(NetworkModel model, double[] rows, int count, int threads, bool bits)
    {
        using var options = new SessionOptions { IntraOpNumThreads = threads, ExecutionMode = ExecutionMode.ORT_SEQUENTIAL };
        _session = new InferenceSession(model.ToOnnxBytes(new OnnxExportOptions { InputsAreBits = bits }), options);
        string inputName = _session.InputNames[0], outputName = _session.OutputNames[0];
        _input = OrtValue.CreateTensorValueFromMemory(rows, new long[] { count, model.InputCount });
        var shape = _session.OutputMetadata[outputName].Dimensions.Select(d => d < 0 ? (long)count : d).ToArray();
        Output = new double[shape.Aggregate(1L, (a, b) => a * b)];
        _output = OrtValue.CreateTensorValueFromMemory(Output, shape);
        _binding = _session.CreateIoBinding();
        _binding.BindInput(inputName, _input);
        _binding.BindOutput(outputName, _output);
    }

    public double[] Output { get; }

    public void Run() => _session.RunWithBinding(_run, _binding);

    public void Dispose()
    {
        _binding.Dispose();
        _input.Dispose();
        _output.Dispose();
        _run.Dispose();
        _session.Dispose();
    }
}
