using System;
using CheapLearning.Generator.Tests.Infrastructure;
using CheapLearning.TestKit;

namespace CheapLearning.Generator.Tests.Common;

/// <summary>
/// The two declarations of a partial method may name its parameters differently (C# allows it; CS8826 is an opt-in
/// warning). Callers name the defining declaration's parameters (<c>F(a: 1)</c>), but the generated Deep/Flat took the
/// implementing declaration's names, so <c>FNetwork.Deep(a: 1)</c> was CS1739 where <c>F(a: 1)</c> compiles. The
/// evaluators take the defining declaration's names, as its defaults, for every feature.
/// </summary>
public class PartialParameterNameTests
{
    private const string Source = """
        using CheapLearning;
        public static partial class P
        {
            [PolynomialNetwork(Form = NetworkForm.Both)] public static partial double F(double a, double b = 0.5);
            public static partial double F(double x, double y) => x * y - y * y;

            [BitNetwork] public static partial bool G(bool p, bool q = true);
            public static partial bool G(bool u, bool v) => u && !v;

            // Called as the method is: by the defining declaration's names.
            public static double CallF(double a) => F(a: a) + FNetwork.Deep(a: a) - FNetwork.Flat(b: 0.5, a: a);
            public static double CallDeep(double a, double b) => FNetwork.Deep(b: b, a: a);
            public static double CallG(bool p) => GNetwork.Deep(p: p);
        }
        """;

    [Fact]
    public void The_evaluators_take_the_defining_declarations_parameter_names()
    {
        var type = TestCompilation.BuildAndLoad(Source).GetType("P")!;
        var oracle = PolynomialOracle.FromSource(Source.Replace("public static partial double F(double a, double b = 0.5);\n", "", StringComparison.Ordinal)
                                                       .Replace("partial double F(double x, double y)", "double F(double x, double y)", StringComparison.Ordinal), "P", "F");
        double bound = (double)type.GetNestedType("FNetwork")!.GetField("DeepErrorBound")!.GetValue(null)!;
        for (int k = -8; k <= 8; k++)
        {
            double a = k / 8.0;
            foreach (double b in new[] { -1.0, -0.25, 0.5, 1.0 })
            {
                double value = (double)type.GetMethod("CallDeep")!.Invoke(null, new object[] { a, b })!;
                Assert.True(oracle.ExactError(value, new[] { a, b }) <= bound + PolynomialOracle.Slack(oracle.Value(new[] { a, b }).ToDouble()));
            }
        }
        double gBound = (double)type.GetNestedType("GNetwork")!.GetField("DeepErrorBound")!.GetValue(null)!;
        // G(p) = G(p, q: true) = p && !true = false.
        foreach (bool p in new[] { false, true })
            Assert.True(Math.Abs((double)type.GetMethod("CallG")!.Invoke(null, new object[] { p })!) <= gBound);
    }
}
