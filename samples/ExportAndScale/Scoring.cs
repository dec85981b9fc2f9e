using System;
using System.Diagnostics;
using CheapLearning;
using CheapLearning.Onnx;
using Microsoft.ML.OnnxRuntime;

namespace ExportAndScale;

/// <summary>
/// Scores random points of the box three ways (scalar generated Deep, batched NetworkModel.Evaluate, ONNX
/// Runtime on the float64 export), checks they agree within the network's proven bound and prints rows/s.
/// Any two evaluations that each meet the bound differ by at most twice the bound; batched and Deep are
/// checked for bit equality, because they perform the same operations in the same order.
/// </summary>
public static class Scoring
{
    public static void Run(int count)
    {
        var model = Scored.EnergyNetwork.DeepModel;
        int n = model.InputCount;
        var random = new Random(2026);
        var rows = new double[count * n];
        for (int i = 0; i < rows.Length; i++) rows[i] = 2 * random.NextDouble() - 1;
        var deep = new double[count];
        var batched = new double[count];
        Console.WriteLine($"Scoring {count:N0} random points of [-1, 1]^{n} with {model}");

        double deepRate = Time(count, () =>
        {
            for (int r = 0; r < count; r++)
            {
                int k = r * n;
                deep[r] = Scored.EnergyNetwork.Deep(rows[k], rows[k + 1], rows[k + 2], rows[k + 3]);
            }
        });
        var single = new double[count];
        double modelRate = Time(count, () =>
        {
            for (int r = 0; r < count; r++) single[r] = model.Evaluate(rows.AsSpan(r * n, n));
        });
        double batchedRate = Time(count, () => model.Evaluate(rows, batched));

        using var session = new InferenceSession(model.ToOnnxBytes(new OnnxExportOptions { InputNames = new[] { "s0", "s1", "s2", "s3" } }));
        double[] ort = Array.Empty<double>();
        double ortRate = Time(count, () =>
        {
            using var input = OrtValue.CreateTensorValueFromMemory(rows, new long[] { count, n });
            using var options = new RunOptions();
            using var outputs = session.Run(options, new[] { "x" }, new[] { input }, new[] { "y" });
            ort = outputs[0].GetTensorDataAsSpan<double>().ToArray();
        });

        double deepVsPlain = 0, ortVsDeep = 0, batchedVsDeep = 0;
        int identical = 0;
        for (int r = 0; r < count; r++)
        {
            int k = r * n;
            deepVsPlain = Math.Max(deepVsPlain, Math.Abs(deep[r] - Scored.Energy(rows[k], rows[k + 1], rows[k + 2], rows[k + 3])));
            ortVsDeep = Math.Max(ortVsDeep, Math.Abs(ort[r] - deep[r]));
            // The batch engine rounds differently (FMA, vectorized σ), within the same bound: Deep and model.Evaluate(row) stay bit-identical.
            batchedVsDeep = Math.Max(batchedVsDeep, Math.Abs(batched[r] - deep[r]));
            if (BitConverter.DoubleToInt64Bits(deep[r]) == BitConverter.DoubleToInt64Bits(single[r])) identical++;
        }
        Console.WriteLine($"  scalar Deep(...)            {deepRate,14:N0} rows/s");
        Console.WriteLine($"  model.Evaluate(row)         {modelRate,14:N0} rows/s  ({modelRate / deepRate:0.0}x scalar Deep)");
        Console.WriteLine($"  batched model.Evaluate      {batchedRate,14:N0} rows/s  ({batchedRate / deepRate:0.0}x scalar Deep, {batchedRate / modelRate:0.0}x model.Evaluate(row))");
        Console.WriteLine($"  ONNX Runtime (CPU, float64) {ortRate,14:N0} rows/s  ({ortRate / deepRate:0.0}x scalar Deep)");
        Console.WriteLine($"  Deep == model.Evaluate(row) bit for bit: {identical:N0} of {count:N0} rows");
        Console.WriteLine($"  max |batched - Deep|      = {batchedVsDeep:E2}   (within 2 x ErrorBound: {(batchedVsDeep <= 2 * model.ErrorBound ? "yes" : "NO")})");
        Console.WriteLine($"  max |Deep - plain method| = {deepVsPlain:E2}   (ErrorBound {model.ErrorBound:E2})");
        Console.WriteLine($"  max |ORT - Deep|          = {ortVsDeep:E2}   (within 2 x ErrorBound: {(ortVsDeep <= 2 * model.ErrorBound ? "yes" : "NO")})");
        if (identical != count || ortVsDeep > 2 * model.ErrorBound || batchedVsDeep > 2 * model.ErrorBound) Environment.ExitCode = 1;
    }

    /// <summary>Rows per second of the best of three runs (the first run also warms the JIT and ORT up).</summary>
    private static double Time(int count, Action run)
    {
        double best = double.MaxValue;
        for (int i = 0; i < 3; i++)
        {
            var watch = Stopwatch.StartNew();
            run();
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }
        return count / best;
    }
}
