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
        CheckLarge(names, extra);
    }

    /// <summary>
    /// Parameters named like span mode's helper methods (DeepOutput, DeepLayer1GateInputs_0, DeepLayer1Neurons_0) hid
    /// them inside Deep: the generated code did not compile (CS0149 "Method name expected"). The helpers' names now start
    /// with the evaluator's local prefix, which no parameter name starts with.
    /// </summary>
    [Fact]
    public void Parameters_named_like_the_helper_methods_compile_and_are_accurate()
    {
        var names = Enumerable.Range(0, 30).Select(i => $"x{i}").ToArray();
        names[0] = "DeepOutput";
        names[1] = "DeepLayer1GateInputs_0";
        names[2] = "DeepLayer1Neurons_0";
        names[3] = "DeepLayer1Neurons_1";
        CheckLarge(names, "");
    }

    private static void CheckLarge(string[] names, string extra)
    {
        int n = names.Length;
        var pairs = from i in Enumerable.Range(0, n) from j in Enumerable.Range(i + 1, n - i - 1) select (i, j);
        var body = string.Join(" + ", pairs.Select(p => $"{((p.i * 7 + p.j * 3) % 11 - 5) * 0.25:R} * {names[p.i]} * {names[p.j]}"));
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
        Assert.Contains("private static void _DeepLayer1GateInputs_0(", text);
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
