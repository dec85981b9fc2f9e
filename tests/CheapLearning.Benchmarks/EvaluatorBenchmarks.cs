using System;
using BenchmarkDotNet.Attributes;

namespace CheapLearning.Benchmarks;

/// <summary>
/// One evaluation: the plain C# method, the generated straight-line Deep evaluator, and NetworkModel.Evaluate
/// (whose Allocated column shows the single-point path allocates nothing). Short in-process job, like the batch matrix.
/// </summary>
[Config(typeof(ShortInProcessConfig))]
public class EvaluatorBenchmarks
{
    private readonly double[] _x = { 0.03, -0.07, 0.05, 0.01, -0.02, 0.04, -0.06, 0.08 };

    [Benchmark(Baseline = true)] public double Oscillator_Plain() => Polynomials.Oscillator(_x[0], _x[1]);
    [Benchmark] public double Oscillator_Deep() => Polynomials.OscillatorNetwork.Deep(_x[0], _x[1]);
    [Benchmark] public double Oscillator_Model() => Polynomials.OscillatorNetwork.DeepModel.Evaluate(_x.AsSpan(0, 2));

    [Benchmark] public double Product4_Plain() => Polynomials.Product4(_x[0], _x[1], _x[2], _x[3]);
    [Benchmark] public double Product4_Deep() => Polynomials.Product4Network.Deep(_x[0], _x[1], _x[2], _x[3]);
    [Benchmark] public double Product4_Model() => Polynomials.Product4Network.DeepModel.Evaluate(_x.AsSpan(0, 4));

    [Benchmark] public double Power40_Plain() => Polynomials.Power40(_x[0], _x[1], _x[2], _x[3], _x[4], _x[5], _x[6], _x[7]);
    [Benchmark] public double Power40_Deep() => Polynomials.Power40Network.Deep(_x[0], _x[1], _x[2], _x[3], _x[4], _x[5], _x[6], _x[7]);
    [Benchmark] public double Power40_Model() => Polynomials.Power40Network.DeepModel.Evaluate(_x);
}
