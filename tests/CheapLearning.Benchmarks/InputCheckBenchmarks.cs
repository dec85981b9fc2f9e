using BenchmarkDotNet.Attributes;

namespace CheapLearning.Benchmarks;

/// <summary>
/// The scalar evaluators' input checks, former and current, on four inputs inside the bound (the hot path). Round 9
/// of issue 12 replaced two tests and an inline throw per input (IsNaN || IsInfinity, then |x| &gt; R) with one
/// comparison, !(|x| ≤ R), and an out-of-line ScalarArguments.OutsideBound call when it fails: less text for the
/// compiler to bind in every annotated method. This checks that the evaluators did not get slower for it.
/// <c>dotnet run -c Release --project tests/CheapLearning.Benchmarks -- --filter '*InputCheckBenchmarks*'</c>
/// </summary>
[Config(typeof(ShortInProcessConfig))]
public class InputCheckBenchmarks
{
    private double _a = 0.3, _b = -0.7, _c = 0.9, _d = -0.1;

    [Benchmark(Baseline = true)]
    public double Former()
    {
        double a = _a, b = _b, c = _c, d = _d;
        if (double.IsNaN(a) || double.IsInfinity(a)) return double.NaN;
        if (global::System.Math.Abs(a) > 1.0) throw new global::System.ArgumentOutOfRangeException(nameof(a), a, "a is outside the network's input bound ±1.");
        if (double.IsNaN(b) || double.IsInfinity(b)) return double.NaN;
        if (global::System.Math.Abs(b) > 1.0) throw new global::System.ArgumentOutOfRangeException(nameof(b), b, "b is outside the network's input bound ±1.");
        if (double.IsNaN(c) || double.IsInfinity(c)) return double.NaN;
        if (global::System.Math.Abs(c) > 1.0) throw new global::System.ArgumentOutOfRangeException(nameof(c), c, "c is outside the network's input bound ±1.");
        if (double.IsNaN(d) || double.IsInfinity(d)) return double.NaN;
        if (global::System.Math.Abs(d) > 1.0) throw new global::System.ArgumentOutOfRangeException(nameof(d), d, "d is outside the network's input bound ±1.");
        return a * b + c * d;
    }

    [Benchmark]
    public double Current()
    {
        double a = _a, b = _b, c = _c, d = _d;
        if (!(global::System.Math.Abs(a) <= 1.0) && global::CheapLearning.ScalarArguments.OutsideBound(a, "a", "1")) return double.NaN;
        if (!(global::System.Math.Abs(b) <= 1.0) && global::CheapLearning.ScalarArguments.OutsideBound(b, "b", "1")) return double.NaN;
        if (!(global::System.Math.Abs(c) <= 1.0) && global::CheapLearning.ScalarArguments.OutsideBound(c, "c", "1")) return double.NaN;
        if (!(global::System.Math.Abs(d) <= 1.0) && global::CheapLearning.ScalarArguments.OutsideBound(d, "d", "1")) return double.NaN;
        return a * b + c * d;
    }

    /// <summary>The same arithmetic without checks: what the checks cost on top of it.</summary>
    [Benchmark]
    public double NoChecks()
    {
        double a = _a, b = _b, c = _c, d = _d;
        return a * b + c * d;
    }
}
