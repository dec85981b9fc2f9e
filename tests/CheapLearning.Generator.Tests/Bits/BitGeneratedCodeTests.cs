using System;
using System.Linq;
using System.Threading;
using CheapLearning.Generator.Construction;
using CheapLearning.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CheapLearning.Generator.Tests.Bits;

public class BitGeneratedCodeTests
{
    private const string Majority = """
        using CheapLearning;
        namespace Demo;
        public static partial class Logic
        {
            [BitNetwork(Form = NetworkForm.Both)]
            public static bool Majority(bool a, bool b, [Bit] int c) => (a & b) | (a & c == 1) | (b & c == 1);
        }
        """;

    [Fact]
    public void Golden_majority_bit_network()
    {
        var (output, run) = BitTestCompilation.RunGenerator(TestCompilation.Create(Majority));
        Assert.Empty(TestCompilation.Problems(output));
        Golden.Match("BitMajority.g.cs", Assert.Single(run.GeneratedTrees).ToString());
    }

    [Fact]
    public void Output_is_deterministic()
    {
        string Run() => BitTestCompilation.RunGenerator(TestCompilation.Create(Majority)).Result.GeneratedTrees.Single().ToString();
        Assert.Equal(Run(), Run());
    }

    [Fact]
    public void Evaluators_reject_int_bits_that_are_not_0_or_1()
    {
        var type = BitTestCompilation.BuildAndLoad(Majority).GetType("Demo.Logic")!.GetNestedType("MajorityNetwork")!;
        var e = Assert.Throws<System.Reflection.TargetInvocationException>(() => type.ScalarEvaluator("Deep")!.Invoke(null, new object[] { true, false, 2 }));
        Assert.IsType<ArgumentOutOfRangeException>(e.InnerException);
    }

    [Fact]
    public void Deep_construction_stops_at_its_neuron_limit()
    {
        // (Σ xᵢ)·(Σ yⱼ) over 8 + 8 bits expands into 64 ANDs: above a limit of 10 it gives up (CHEAP025).
        string xs = string.Join(" + ", Enumerable.Range(0, 8).Select(i => $"x{i}")), ys = string.Join(" + ", Enumerable.Range(0, 8).Select(i => $"y{i}"));
        string parameters = string.Join(", ", Enumerable.Range(0, 8).SelectMany(i => new[] { $"int x{i}", $"int y{i}" }));
        var spec = BitTestCompilation.Spec($"static partial class C {{ [BitNetwork(ParametersAreBits = true)] static int F({parameters}) => ({xs}) * ({ys}); }}");
        Assert.Throws<BitNetworkTooLargeException>(() => BitCircuit.Build(spec.Graph, CancellationToken.None, maxNeurons: 10));
        Assert.Equal(64, BitCircuit.Build(spec.Graph, CancellationToken.None).Units.Count);
    }

    [Fact]
    public void Classifier_pipeline_is_cached_across_unrelated_edits()
    {
        const string source = """
            using CheapLearning;
            [BayesClassifier]
            public static partial class K
            {
                [Hamiltonian(Prior = 0.4)] public static double A(bool a, bool b) => a ^ b ? 1 : 0;
                [Hamiltonian(Prior = 0.6)] public static double B(bool a, bool b) => a & b ? 2 : 0.5;
            }
            """;
        var (_, second) = Incremental.RunTwice(new BayesClassifierGenerator(), TestCompilation.Create(source), c => Incremental.ReplaceTree(c, 0, s => s + "\nclass Other { }"));
        Incremental.AssertReused(second, BayesClassifierGenerator.Steps.ClassifierSpecs);
    }
}
