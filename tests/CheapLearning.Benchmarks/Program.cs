using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(CheapLearning.Benchmarks.EvaluatorBenchmarks).Assembly).Run(args);
