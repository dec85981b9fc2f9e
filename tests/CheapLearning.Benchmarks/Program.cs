using BenchmarkDotNet.Running;

// Issue 12: the analyzers' own time per keystroke (driver telemetry), which BenchmarkDotNet cannot report.
if (args.Length > 0 && args[0] == "analyzer-keystrokes")
{
    await CheapLearning.Benchmarks.AnalyzerKeystrokeTimes.Run(args[1..]);
    return;
}

if (args.Length > 0 && args[0] == "parity-times")
{
    CheapLearning.Benchmarks.ParityTimes.Run(args[1..]);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(CheapLearning.Benchmarks.EvaluatorBenchmarks).Assembly).Run(args);
