using System;
using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;

namespace CheapLearning.Benchmarks;

/// <summary>
/// Issue 12, target 4: per network of the fixed set and batch size, the time of one batch (divide by Batch for ns
/// per point) for the scalar Deep in a loop, the generated batched Deep, NetworkModel.Evaluate(rows), ONNX Runtime
/// (float64 export; one intra-op thread and the default), and the floor: the σ evaluations alone, neurons × batch,
/// with TensorPrimitives (softplus as Exp, +1, Log: three passes). OurSigma is the same count of our own accurate vectorized σ
/// (VectorActivations, the engine's σ where no series applies), so σ's share of a batch and the engine's overhead separate.
/// Run: <c>dotnet run -c Release --project tests/CheapLearning.Benchmarks -- --filter "*BatchEvaluatorBenchmarks*"</c>
/// (the short in-process job of <see cref="ShortInProcessConfig"/>).
/// </summary>
[Config(typeof(ShortInProcessConfig))]
public class BatchEvaluatorBenchmarks
{
    private BenchmarkNetwork _network = null!;
    private double[] _rows = null!;
    private OrtBinding _ortOne = null!, _ortDefault = null!;
    private readonly double[] _floorBuffer = new double[FloorChunk];
    internal const int FloorChunk = 4096;

    [ParamsSource(nameof(Networks))]
    public string Network { get; set; } = "";

    public static string[] Networks => BenchmarkNetwork.Names;

    [Params(1, 64, 4096, 65536)]
    public int Batch { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _network = BenchmarkNetwork.Create(Network);
        _rows = _network.Rows(Batch);
        bool bits = Network == "Parity10";
        _ortOne = new OrtBinding(_network.Model, _rows, Batch, threads: 1, bits);
        _ortDefault = new OrtBinding(_network.Model, _rows, Batch, threads: 0, bits);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _ortOne.Dispose();
        _ortDefault.Dispose();
    }

    [Benchmark] public void ScalarDeep() => _network.Scalar(Batch);

    [Benchmark] public void BatchedDeep() => _network.Batched(Batch);

    [Benchmark] public void Model() => _network.Model.Evaluate(_rows, _network.Destination);

    [Benchmark] public void OrtOneThread() => _ortOne.Run();

    [Benchmark] public void OrtDefaultThreads() => _ortDefault.Run();

    /// <summary>Neurons × Batch σ evaluations with TensorPrimitives, from <see cref="FloorArguments"/> to a buffer, both in L1 (memory traffic excluded).</summary>
    [Benchmark]
    public void Floor() => Sigma(tensorPrimitives: true);

    /// <summary>
    /// Neurons × Batch evaluations of the engine's full accurate σ (within 4 units), as <see cref="Floor"/> counts them: what
    /// σ alone would cost without the engine's Taylor series near each neuron's bias and its softplus pairs.
    /// </summary>
    [Benchmark]
    public void OurSigma() => Sigma(tensorPrimitives: false);

    private void Sigma(bool tensorPrimitives) => Sigma(_network.Model, Batch, _floorBuffer, tensorPrimitives);

    /// <summary>
    /// The σ floor's fixed arguments, 3·sin(i): every call reads these and writes a separate buffer. (Until round 13 σ was
    /// applied in place to one buffer at every call, so from the second call on its arguments were σ's own outputs, drifting
    /// towards σ's fixed point over the run: not the same work from call to call.)
    /// </summary>
    internal static readonly double[] FloorArguments = CreateFloorArguments();

    private static double[] CreateFloorArguments()
    {
        var arguments = new double[FloorChunk];
        for (int i = 0; i < arguments.Length; i++) arguments[i] = Math.Sin(i) * 3;
        return arguments;
    }

    /// <summary>
    /// Neurons × <paramref name="batch"/> σ evaluations of <paramref name="model"/>'s activation, FloorChunk at a time, each
    /// reading <see cref="FloorArguments"/> and writing <paramref name="output"/> (FloorChunk doubles), so every call does the
    /// same work. Ours (in place only) copies the arguments first: an L1 copy, a few percent of σ's time.
    /// </summary>
    internal static void Sigma(NetworkModel model, int batch, double[] output, bool tensorPrimitives)
    {
        long total = model.Neurons * (long)batch;
        for (long done = 0; done < total; done += FloorChunk)
        {
            int n = (int)Math.Min(FloorChunk, total - done);
            ReadOnlySpan<double> source = FloorArguments.AsSpan(0, n);
            var part = output.AsSpan(0, n);
            if (!tensorPrimitives)
            {
                source.CopyTo(part);
                VectorActivations.Apply(model.Activation, part);
                continue;
            }
            switch (model.Activation)
            {
                case Activation.Softplus:
                    TensorPrimitives.Exp(source, part);
                    TensorPrimitives.Add(part, 1.0, part);
                    TensorPrimitives.Log(part, part);
                    break;
                case Activation.Sigmoid: TensorPrimitives.Sigmoid(source, part); break;
                case Activation.Tanh: TensorPrimitives.Tanh(source, part); break;
                case Activation.Exp: TensorPrimitives.Exp(source, part); break;
                default: TensorPrimitives.Max(source, 0.0, part); break;
            }
        }
    }
}
