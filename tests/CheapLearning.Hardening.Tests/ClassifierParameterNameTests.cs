using System;
using System.Linq;
using System.Reflection;
using CheapLearning.Hardening.Tests.Infrastructure;

namespace CheapLearning.Hardening.Tests;

/// <summary>
/// Found by building a consumer project from the package: a <c>[Hamiltonian]</c> parameter named <c>z</c> (the
/// local of <c>Classify</c>) or <c>destination</c> (the output span of <c>Probabilities</c>) made the generated
/// classifier fail to compile (CS0136, CS0100), and one named <c>Evaluators</c> would hide the nested class the
/// generated methods call. Fix: ClassifierEmitter takes free names (GeneratedFile.FreeName) and calls the
/// evaluators by their qualified name.
/// </summary>
public class ClassifierParameterNameTests
{
    private const string Hamiltonians = """
            [Hamiltonian(Prior = 0.2)] public static double A(bool P0, bool P1, bool P2, bool P3, bool P4) => (P0 ? 3.0 : 0) + (P1 & P2 ? 1.5 : 0.25) - (P3 ^ P4 ? 0.5 : 0);
            [Hamiltonian(Prior = 0.8)] public static double B(bool P0, bool P1, bool P2, bool P3, bool P4) => P0 ^ P1 ? 4.0 : (P4 ? 1.0 : 0.0);
        """;

    [Fact]
    public void Hamiltonian_parameters_may_take_the_generated_names()
    {
        string[] clashing = { "z", "destination", "scores", "Evaluators", "Models" };
        string renamed = clashing.Select((name, i) => (name, i)).Aggregate(Hamiltonians, (s, p) => s.Replace("P" + p.i, p.name));
        string source = $$"""
            using CheapLearning;
            namespace N;
            [BayesClassifier] public static partial class Plain
            {
            {{Hamiltonians}}
            }
            [BayesClassifier] public static partial class Clashing
            {
            {{renamed}}
            }
            """;
        var outcome = Harness.Run(Harness.Create(source));
        outcome.AssertNoCrash("classifier parameter names");
        Assert.Empty(outcome.CheapDiagnostics);
        var assembly = Harness.EmitAndLoad(outcome.Output, out var context);
        try
        {
            var plain = assembly.GetType("N.Plain+Classifier")!;
            var clash = assembly.GetType("N.Clashing+Classifier")!;
            Assert.Equal(clashing.Append("destination_"), clash.GetMethods().Single(m => m.Name == "Probabilities").GetParameters().Select(p => p.Name));
            var classify = (plain.GetMethod("Classify")!, clash.GetMethod("Classify")!);
            for (int mask = 0; mask < 32; mask++)
            {
                var args = Enumerable.Range(0, 5).Select(i => (object)(((mask >> i) & 1) == 1)).ToArray();
                Assert.Equal((int)classify.Item1.Invoke(null, args)!, (int)classify.Item2.Invoke(null, args)!);
                // H_A − H_B decides the class exactly (equal priors aside): recompute it from the bodies above.
                bool p0 = (bool)args[0], p1 = (bool)args[1], p2 = (bool)args[2], p3 = (bool)args[3], p4 = (bool)args[4];
                double ha = (p0 ? 3.0 : 0) + (p1 & p2 ? 1.5 : 0.25) - (p3 ^ p4 ? 0.5 : 0), hb = p0 ^ p1 ? 4.0 : (p4 ? 1.0 : 0.0);
                int expected = -ha + Math.Log(0.2) >= -hb + Math.Log(0.8) ? 0 : 1;
                Assert.Equal(expected, (int)classify.Item2.Invoke(null, args)!);
            }
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>
    /// Found by a consumer project: a parameter named <c>nameof</c> (a contextual keyword, so a plain identifier) turns
    /// every <c>nameof(x)</c> of the generated input checks into a call of itself (CS0149) in all three features.
    /// Fix: GeneratedFile.NameOf writes the name as a string literal then.
    /// </summary>
    [Fact]
    public void A_parameter_named_nameof_compiles_in_every_feature()
    {
        const string source = """
            using CheapLearning;
            namespace N;
            public static partial class P
            {
                [PolynomialNetwork(Form = NetworkForm.Both, InputBound = 2)] public static double F(double nameof, double x) => nameof * x;
                [BitNetwork(ParametersAreBits = true)] public static int B(int nameof, int value) => nameof ^ value;
            }
            [BayesClassifier] public static partial class C
            {
                [Hamiltonian] public static double A(double nameof, double x) => nameof * x;
                [Hamiltonian] public static double H(double nameof, double x) => nameof;
            }
            """;
        var outcome = Harness.Run(Harness.Create(source));
        outcome.AssertNoCrash("parameter named nameof");
        var assembly = Harness.EmitAndLoad(outcome.Output, out var context);
        try
        {
            var deep = assembly.GetType("N.P+FNetwork")!.GetMethod("Deep", new[] { typeof(double), typeof(double) })!;
            var thrown = Assert.Throws<TargetInvocationException>(() => deep.Invoke(null, new object[] { 3.0, 0.5 }));
            Assert.Equal("nameof", Assert.IsType<ArgumentOutOfRangeException>(thrown.InnerException).ParamName);
            var bits = assembly.GetType("N.P+BNetwork")!.GetMethod("Deep", new[] { typeof(int), typeof(int) })!;
            thrown = Assert.Throws<TargetInvocationException>(() => bits.Invoke(null, new object[] { 2, 0 }));
            Assert.Equal("nameof", Assert.IsType<ArgumentOutOfRangeException>(thrown.InnerException).ParamName);
        }
        finally
        {
            context.Unload();
        }
    }
}
