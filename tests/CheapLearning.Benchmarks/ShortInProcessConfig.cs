using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace CheapLearning.Benchmarks;

/// <summary>
/// A short job run in process (no process per case), so the evaluator matrix (7 networks × 4 batches × 6 methods)
/// takes minutes: 2 warm-up and 5 measured iterations of 200 ms each. Allocations are reported (MemoryDiagnoser).
/// </summary>
public sealed class ShortInProcessConfig : ManualConfig
{
    public ShortInProcessConfig()
    {
        AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance)
                  .WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(5)
                  .WithIterationTime(TimeInterval.FromMilliseconds(200)));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
