using System;
using BenchmarkDotNet.Attributes;

namespace CheapLearning.Benchmarks;

/// <summary>
/// The 10-bit parity of <see cref="BatchEvaluatorBenchmarks"/> alone, at the batch sizes of issue 12's floor target, with the
/// floor as the baseline (so the Ratio column is "× the σ floor" within one run): the generated batched Deep (spans of bool),
/// the model's EvaluateColumns on the same points as 0/1 doubles, and our own full σ neurons × batch times.
/// Run: <c>dotnet run -c Release --project tests/CheapLearning.Benchmarks -- --filter "*ParityBatchBenchmarks*"</c>.
/// </summary>
[Config(typeof(ShortInProcessConfig))]
public class ParityBatchBenchmarks
{
    private BenchmarkNetwork _network = null!;
    private double[] _columns = null!;
    private readonly double[] _floorBuffer = new double[BatchEvaluatorBenchmarks.FloorChunk];

    [Params(4096, 65536)]
    public int Batch { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _network = BenchmarkNetwork.Create("Parity10");
        _columns = _network.ColumnMajor(Batch);
        var rows = _network.Rows(Batch);
        _ortOne = new OrtBinding(_network.Model, rows, Batch, threads: 1, bits: true);
        _ortDefault = new OrtBinding(_network.Model, rows, Batch, threads: 0, bits: true);
        var random = new Random(5);
        for (int i = 0; i < _saturated.Length; i++)
        {
            _saturated[i] = (random.Next(2) == 0 ? -1 : 1) * (random.Next(4) == 0 ? 142.2 : 47.4);
            _unsaturated[i] = (random.Next(2) == 0 ? -1 : 1) * (random.Next(4) == 0 ? 31 : 30);
        }
        _series = SigmaSeries.Create(Activation.Sigmoid, -47.4);
        _nearSeries = SigmaSeries.Create(Activation.Sigmoid, -1.25);
        for (int i = 0; i < _near.Length; i++) _near[i] = -1.25 + (2 * random.NextDouble() - 1) / 40;
    }

    [Benchmark(Baseline = true)]
    public void Floor() => BatchEvaluatorBenchmarks.Sigma(_network.Model, Batch, _floorBuffer, tensorPrimitives: true);

    [GlobalCleanup]
    public void Cleanup()
    {
        _ortOne.Dispose();
        _ortDefault.Dispose();
    }

    private OrtBinding _ortOne = null!, _ortDefault = null!;

    [Benchmark] public void BatchedDeep() => _network.Batched(Batch);

    /// <summary>ONNX Runtime on the exported model, as in <see cref="BatchEvaluatorBenchmarks"/> (one thread, and the default).</summary>
    [Benchmark] public void OrtOneThread() => _ortOne.Run();

    [Benchmark] public void OrtDefaultThreads() => _ortDefault.Run();

    [Benchmark] public void EvaluateColumns() => _network.Model.EvaluateColumns(_columns, _network.Destination);

    /// <summary>The generated overload's first copy of the ten bool columns into 0/1 doubles (b ? 1.0 : 0.0 per point), alone.</summary>
    [Benchmark]
    public void BoolColumns()
    {
        var tile = _tile.AsSpan();
        for (int start = 0; start < Batch; start += 1024)
        {
            int m = Math.Min(1024, Batch - start);
            for (int c = 0; c < 10; c++)
            {
                ReadOnlySpan<bool> column = _network.Bits[c].AsSpan(0, Batch);
                for (int i = 0; i < m; i++) tile[c * m + i] = column[start + i] ? 1.0 : 0.0;
            }
        }
    }

    /// <summary>The same copy by the runtime's branch-free BatchArguments.CopyBits, as the overload now does it.</summary>
    [Benchmark]
    public void CopyBits()
    {
        var tile = _tile.AsSpan();
        for (int start = 0; start < Batch; start += 1024)
        {
            int m = Math.Min(1024, Batch - start);
            for (int c = 0; c < 10; c++) BatchArguments.CopyBits(_network.Bits[c].AsSpan(start, m), tile.Slice(c * m, m));
        }
    }

    private readonly double[] _tile = new double[10 * 1024];

    private readonly double[] _saturated = new double[BatchEvaluatorBenchmarks.FloorChunk], _unsaturated = new double[BatchEvaluatorBenchmarks.FloorChunk];
    private readonly double[] _sigma = new double[BatchEvaluatorBenchmarks.FloorChunk];
    private SigmaSeries? _series;

    /// <summary>
    /// Neurons × Batch sigmoids of the parity's kind of pre-activation, ±47.4 and ±142.2 at random (every lane saturated:
    /// 1 + e rounds to 1, no division), by the full σ alone; <see cref="UnsaturatedSigma"/> is the same count at ±30 and
    /// ±31 (1 + e &gt; 1: the division is taken), so their difference is the division's cost.
    /// </summary>
    [Benchmark] public void SaturatedSigma() => Sigma(_saturated, null);

    [Benchmark] public void UnsaturatedSigma() => Sigma(_unsaturated, null);

    /// <summary>As <see cref="SaturatedSigma"/> through the engine's series path (a series about the bias −47.4 that never applies).</summary>
    [Benchmark] public void SaturatedSigmaWithSeries() => Sigma(_saturated, _series);

    /// <summary>The same count of sigmoids within the series' radius of its center −1.25 (a gate neuron's lanes): the series path itself.</summary>
    [Benchmark] public void NearSigmaWithSeries() => Sigma(_near, _nearSeries);

    private readonly double[] _near = new double[BatchEvaluatorBenchmarks.FloorChunk];
    private SigmaSeries? _nearSeries;

    private void Sigma(double[] template, SigmaSeries? series)
    {
        long total = _network.Model.Neurons * (long)Batch;
        for (long done = 0; done < total; done += _sigma.Length)
        {
            int n = (int)Math.Min(_sigma.Length, total - done);
            template.AsSpan(0, n).CopyTo(_sigma);
            VectorActivations.Apply(Activation.Sigmoid, _sigma.AsSpan(0, n), series);
        }
    }

    [Benchmark] public void OurSigma() => BatchEvaluatorBenchmarks.Sigma(_network.Model, Batch, _floorBuffer, tensorPrimitives: false);
}
