using BenchmarkDotNet.Attributes;

namespace CheapLearning.Benchmarks;

/// <summary>
/// Where the generated batched overload switches from the scalar evaluator to the batch engine
/// (BatchedEvaluatorEmitter.ScalarBelow): the scalar Deep per point against the engine (NetworkModel.EvaluateColumns on
/// input-major points) at small batches. The crossover is the smallest batch where the engine wins on every network.
/// Run: <c>dotnet run -c Release --project tests/CheapLearning.Benchmarks -- --filter "*CrossoverBenchmarks*"</c>
/// </summary>
[Config(typeof(ShortInProcessConfig))]
public class CrossoverBenchmarks
{
    private BenchmarkNetwork _network = null!;
    private double[] _columns = null!;

    [Params("Product2", "Quartic6", "Product8", "Power40")]
    public string Network { get; set; } = "";

    [Params(2, 4, 8, 16, 32)]
    public int Batch { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _network = BenchmarkNetwork.Create(Network);
        _columns = _network.ColumnMajor(Batch);
    }

    [Benchmark(Baseline = true)] public void ScalarDeep() => _network.Scalar(Batch);

    [Benchmark] public void Engine() => _network.Model.EvaluateColumns(_columns, _network.Destination);
}
