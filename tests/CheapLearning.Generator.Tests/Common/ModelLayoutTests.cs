using System;
using System.Linq;
using System.Text.RegularExpressions;
using CheapLearning.Generator.Common;
using CheapLearning.Generator.Tests.Infrastructure;

namespace CheapLearning.Generator.Tests.Common;

/// <summary>
/// Model factories write their layers as <c>NetworkLayout.Decode("…", new double[] { … })</c> (one string token for the
/// compiler instead of an expression per array element, issue 12), except when the text would pass
/// <see cref="ModelEmitter.MaxLayoutChars"/>, where they keep the array initializers (the assembly's user-string heap is
/// bounded, arrays are not). Both carriers must give the very network the evaluator computes: checked bit for bit, and
/// against the exact polynomial, on every corner of the box and on random points.
/// </summary>
public class ModelLayoutTests
{
    private const string Source = """
        using CheapLearning;
        namespace Demo;
        public static partial class Layouts
        {
            [PolynomialNetwork(Form = NetworkForm.Both, Tolerance = 1e-6, InputBound = 1.5)]
            public static double Small(double x, double y, float z) => x * y * z - 0.5 * x * x + 2 * y - 1;

            [PolynomialNetwork(Form = NetworkForm.Both, Tolerance = 1e-6)]
            public static double Product11(double a, double b, double c, double d, double e, double f, double g, double h, double i, double j, double k)
                => a * b * c * d * e * f * g * h * i * j * k - 0.25 * a;
        }
        """;

    [Fact]
    public void Small_models_are_a_layout_large_ones_arrays_and_both_equal_their_evaluators()
    {
        var (output, run) = TestCompilation.RunGenerator(TestCompilation.Create(Source));
        Assert.Empty(TestCompilation.Problems(output));
        string small = run.GeneratedTrees.Single(t => t.FilePath.Contains(".Small.")).ToString();
        string large = run.GeneratedTrees.Single(t => t.FilePath.Contains(".Product11.")).ToString();

        // Small: both factories decode a layout, none writes an array of weights.
        Assert.Equal(2, Regex.Matches(small, @"NetworkLayout\.Decode\(""").Count);
        Assert.DoesNotContain("new global::CheapLearning.SparseAffineMap(", small);
        // Product of 11, flat: 2,048 neurons reading 11 inputs each, far past the limit: arrays. Its deep form is small.
        string flatFactory = large.Substring(large.IndexOf("BuildFlat()", StringComparison.Ordinal));
        Assert.Contains("new global::CheapLearning.SparseAffineMap(", flatFactory);
        Assert.Single(Regex.Matches(large, @"NetworkLayout\.Decode\("""));
        foreach (Match m in Regex.Matches(small + large, @"NetworkLayout\.Decode\(""([^""]*)"""))
            Assert.InRange(m.Groups[1].Value.Length, 1, ModelEmitter.MaxLayoutChars);

        var assembly = TestCompilation.BuildAndLoad(Source);
        foreach (var (method, seed) in new[] { ("Small", 1), ("Product11", 2) })
        {
            var type = assembly.GetType("Demo.Layouts+" + method + "Network")!;
            foreach (var form in new[] { "Deep", "Flat" })
            {
                var model = (NetworkModel)type.GetProperty(form + "Model")!.GetValue(null)!;
                ExactChecks.AssertNetwork(Source, "Layouts", method, type.ScalarEvaluator(form)!, model, tolerance: 1e-6, randomPoints: 200, seed: seed);
            }
        }
    }
}
