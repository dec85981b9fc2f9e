using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using CheapLearning.Generator.Tests.Infrastructure;

namespace CheapLearning.Generator.Tests.Common;

/// <summary>
/// A signal that feeds several gates (x·y into (x·y)·z and (x·y)·w) is the same gate-input row in each of them. The
/// deep evaluator writes such a row once and reads its local by name (issue 12: a third of the gate-input lines of
/// the benchmark's quartics were repeats, text the compiler binds and the evaluator recomputes). Same terms in the
/// same order give the same double, so the evaluator must still equal its model bit for bit and meet the bound.
/// </summary>
public class SharedGateInputTests
{
    private const string Source = """
        using CheapLearning;
        namespace Demo;
        public static partial class Shared
        {
            [PolynomialNetwork(Tolerance = 1e-7)]
            public static double Products(double x, double y, double z, double w)
                => x * y * z + x * y * w - 2 * x * y * z * w + 0.5 * x * y * x;

            [PolynomialNetwork(Form = NetworkForm.Both, Tolerance = 1e-6, InputBound = 2)]
            public static double Quartic(double a, double b, double c)
                => a * b * c * c - 3 * a * b * c + 1.25 * a * b * b * c - a * b;
        }
        """;

    [Fact]
    public void Each_distinct_gate_input_is_written_once_and_the_evaluator_still_equals_its_model()
    {
        var (output, run) = TestCompilation.RunGenerator(TestCompilation.Create(Source));
        Assert.Empty(TestCompilation.Problems(output));
        var assembly = TestCompilation.BuildAndLoad(Source);
        foreach (var (method, seed) in new[] { ("Products", 3), ("Quartic", 4) })
        {
            string text = run.GeneratedTrees.Single(t => t.FilePath.Contains("." + method + ".")).ToString();
            string deep = text.Substring(text.IndexOf("public static double Deep(", StringComparison.Ordinal));
            deep = deep.Substring(0, deep.IndexOf("\n\t\t\t}", StringComparison.Ordinal));
            var lines = Regex.Matches(deep, @"double _u\d+_\d+ = (.*);").Select(m => m.Groups[1].Value).ToList();
            Assert.Equal(lines.Count, lines.Distinct().Count());

            var type = assembly.GetType("Demo.Shared+" + method + "Network")!;
            var model = (NetworkModel)type.GetProperty("DeepModel")!.GetValue(null)!;
            // The network does hold repeated gate-input rows (else this test would check nothing), and the evaluator
            // wrote fewer lines than the model has distinct-or-repeated rows that are not plain copies.
            int repeated = model.Layers.Where(l => l.GateInputs is not null).Sum(l => RepeatedRows(l.GateInputs!));
            Assert.True(repeated > 0, $"{method}: the network has no repeated gate-input row");
            ExactChecks.AssertNetwork(Source, "Shared", method, type.ScalarEvaluator("Deep")!, model, tolerance: method == "Products" ? 1e-7 : 1e-6,
                                      randomPoints: 300, seed: seed);
        }
    }

    private static int RepeatedRows(SparseAffineMap map)
    {
        var seen = new HashSet<string>();
        int repeated = 0;
        for (int r = 0; r < map.OutputCount; r++)
        {
            var key = BitConverter.DoubleToInt64Bits(map.Bias[r]) + ":" + string.Join(",",
                Enumerable.Range(map.RowStarts[r], map.RowStarts[r + 1] - map.RowStarts[r])
                          .Select(k => map.Columns[k] + "*" + BitConverter.DoubleToInt64Bits(map.Weights[k])));
            if (!seen.Add(key)) repeated++;
        }
        return repeated;
    }
}
