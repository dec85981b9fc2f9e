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

    /// <summary>
    /// A classifier compared its Hamiltonians' parameter names as the implementing declarations write them: partial
    /// Hamiltonians declared (double x) like the others but implemented with (double u) were CHEAP026 "'B' takes (double x)
    /// but the first Hamiltonian 'A' takes (double u)", an error for a valid classifier. The defining names count.
    /// </summary>
    [Fact]
    public void Partial_hamiltonians_are_compared_by_their_defining_declarations_names()
    {
        const string source = """
            using CheapLearning;
            [BayesClassifier]
            public static partial class K
            {
                [Hamiltonian] public static partial double A(double x);
                public static partial double A(double u) => u * u;
                [Hamiltonian] public static double B(double x) => x;
                public static int Call(double x) => Classifier.Classify(x: x);
            }
            [BayesClassifier]
            public static partial class K2
            {
                [Hamiltonian] public static partial double A(bool p, bool q);
                public static partial double A(bool u, bool v) => u && v ? 1 : 0;
                [Hamiltonian] public static partial double B(bool p, bool q);
                public static partial double B(bool a, bool b) => a ? 0 : 2;
                public static int Call(bool p, bool q) => Classifier.Classify(p: p, q: q);
            }
            """;
        var assembly = TestCompilation.BuildAndLoad(source);
        int K(double x) => (int)assembly.GetType("K")!.GetMethod("Call")!.Invoke(null, new object[] { x })!;
        int K2(bool p, bool q) => (int)assembly.GetType("K2")!.GetMethod("Call")!.Invoke(null, new object[] { p, q })!;
        // Equal priors: the class of the smaller H. A = x², B = x: A at x = 0.5 (0.25 < 0.5), B at x = -0.5 (-0.5 < 0.25).
        Assert.Equal(0, K(0.5));
        Assert.Equal(1, K(-0.5));
        // A = p∧q, B = 2(1 − p): (1, 1) gives B (0 < 1), (0, 1) gives A (0 < 2).
        Assert.Equal(1, K2(true, true));
        Assert.Equal(0, K2(false, true));
    }
}
