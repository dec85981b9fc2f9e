using System;
using System.Diagnostics;

namespace CheapLearning.Benchmarks;

/// <summary>
/// A load-robust check beside <see cref="ParityBatchBenchmarks"/>: the σ floor, the generated batched Deep and EvaluateColumns on
/// the 10-bit parity, interleaved round by round, one call per sample, each figure the minimum over the samples (the least-disturbed call on a shared
/// machine). Run: <c>dotnet run -c Release --project tests/CheapLearning.Benchmarks -- parity-times [rounds] [seconds-to-loop] [network]</c>;
/// a third names another network of the set; with a second argument above 0 it only loops the batched Deep at 4,096 for that long (for <c>perf record</c>);
/// with "hash" as the second it prints a hash of the bits of the batched Deep and EvaluateColumns at 4,096 and 65,536 points
/// (to compare two runtime builds bit for bit).
/// </summary>
internal static class ParityTimes
{
    /// <summary>
    /// Our σ as "our σ alone" counts it, on the parity's own kind of pre-activation (±23.72 and ±71.16 at random: every
    /// sigmoid lane in its tail form, no division), copied into <paramref name="output"/> then σ in place.
    /// </summary>
    private static void TailSigma(NetworkModel model, int batch, double[] output)
    {
        long total = model.Neurons * (long)batch;
        for (long done = 0; done < total; done += TailArguments.Length)
        {
            int n = (int)Math.Min(TailArguments.Length, total - done);
            TailArguments.AsSpan(0, n).CopyTo(output);
            VectorActivations.Apply(model.Activation, output.AsSpan(0, n));
        }
    }

    private static readonly double[] TailArguments = CreateTailArguments();

    private static double[] CreateTailArguments()
    {
        var random = new Random(5);
        var arguments = new double[BatchEvaluatorBenchmarks.FloorChunk];
        for (int i = 0; i < arguments.Length; i++) arguments[i] = (random.Next(2) == 0 ? -1 : 1) * (random.Next(2) == 0 ? 23.72 : 71.16);
        return arguments;
    }

    public static void Run(string[] args)
    {
        int rounds = args.Length > 0 ? int.Parse(args[0]) : 100;
        var network = BenchmarkNetwork.Create(args.Length > 2 ? args[2] : "Parity10");
        var floorBuffer = new double[BatchEvaluatorBenchmarks.FloorChunk];
        if (args.Length > 1 && args[1] == "hash")
        {
            foreach (int n in new[] { 4096, 65536 })
            {
                network.Batched(n);
                var columns = network.ColumnMajor(n);
                var viaModel = new double[n];
                network.Model.EvaluateColumns(columns, viaModel);
                long h = 17;
                for (int j = 0; j < n; j++) h = h * 31 + BitConverter.DoubleToInt64Bits(network.Destination[j]) * 7 + BitConverter.DoubleToInt64Bits(viaModel[j]);
                Console.WriteLine($"{network.Name} {n} {h:X16}");
            }
            return;
        }
        if (args.Length > 1 && double.Parse(args[1]) > 0)
        {
            var until = Stopwatch.StartNew();
            while (until.Elapsed.TotalSeconds < double.Parse(args[1])) network.Batched(4096);
            return;
        }
        foreach (int batch in new[] { 4096, 65536 })
        {
            var columns = network.ColumnMajor(batch);
            var cases = new (string Name, Action Run)[]
            {
                ("floor", () => BatchEvaluatorBenchmarks.Sigma(network.Model, batch, floorBuffer, tensorPrimitives: true)),
                ("batched Deep", () => network.Batched(batch)),
                ("EvaluateColumns", () => network.Model.EvaluateColumns(columns, network.Destination)),
                ("our σ alone", () => BatchEvaluatorBenchmarks.Sigma(network.Model, batch, floorBuffer, tensorPrimitives: false)),
                ("our σ, tail args", () => TailSigma(network.Model, batch, floorBuffer)),
            };
            var best = new double[cases.Length];
            Array.Fill(best, double.MaxValue);
            int reps = 1;
            for (int c = 0; c < cases.Length; c++) cases[c].Run();
            for (int round = 0; round < rounds * 65536 / batch / 4; round++)
                for (int c = 0; c < cases.Length; c++)
                {
                    var watch = Stopwatch.StartNew();
                    for (int r = 0; r < reps; r++) cases[c].Run();
                    best[c] = Math.Min(best[c], watch.Elapsed.TotalMilliseconds * 1e6 / reps / batch);
                }
            for (int c = 0; c < cases.Length; c++)
                Console.WriteLine($"{batch,6} {cases[c].Name,-16} {best[c],8:F2} ns/point  {best[c] / best[0],5:F2}× floor");
        }
    }
}
