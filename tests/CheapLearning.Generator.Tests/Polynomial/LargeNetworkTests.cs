using System;
using System.Linq;
using System.Reflection;
using CheapLearning.Generator.Tests.Infrastructure;

namespace CheapLearning.Generator.Tests.Polynomials;

/// <summary>
/// Networks too large for one method are emitted with spans and helper methods; they must compile,
/// agree with their model bit for bit and meet their error bound like small ones.
/// </summary>
public class LargeNetworkTests
{
    [Theory]
    [InlineData(30, "")]                        // ~435 multiplication gates: helpers, stackalloc
    [InlineData(52, "CheckInputs = false")]     // ~1326 gates, a layer wider than 1024: ArrayPool
    public void Large_network_compiles_splits_and_is_accurate(int n, string extra)
    {
        var names = Enumerable.Range(0, n).Select(i => $"x{i}").ToArray();
        var pairs = from i in Enumerable.Range(0, n) from j in Enumerable.Range(i + 1, n - i - 1) select (i, j);
        var body = string.Join(" + ", pairs.Select(p => $"{((p.i * 7 + p.j * 3) % 11 - 5) * 0.25:R} * x{p.i} * x{p.j}"));
        var args = string.Join(", ", names.Select(x => "double " + x));
        var attribute = extra.Length == 0 ? "[PolynomialNetwork(Tolerance = 1e-6)]" : $"[PolynomialNetwork(Tolerance = 1e-6, {extra})]";
        var source = $$"""
            using CheapLearning;
            public static partial class Big
            {
                {{attribute}}
                public static double F({{args}}) => {{body}};
            }
            """;
        var (output, run) = TestCompilation.RunGenerator(TestCompilation.Create(source));
        var text = run.GeneratedTrees.Single().ToString();
        Assert.Contains("private static void DeepLayer1GateInputs_0(", text);
        Assert.Empty(TestCompilation.Problems(output));
        var largestMethod = text.Split("\n\t\tprivate static").Max(m => m.Count(c => c == ';'));
        Assert.True(largestMethod < 1000, $"a method has {largestMethod} statements");

        var assembly = TestCompilation.BuildAndLoad(source);
        var type = assembly.GetType("Big+FNetwork")!;
        var deep = type.ScalarEvaluator("Deep")!;
        var model = (NetworkModel)type.GetProperty("DeepModel")!.GetValue(null)!;
        // Against the exact polynomial (not the plain method), bit for bit with the model, bound ≤ τ·S.
        ExactChecks.AssertNetwork(source, "Big", "F", deep, model, tolerance: 1e-6, randomPoints: 200, seed: n);
    }
}
