using System;
using System.Linq;
using CheapLearning.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CheapLearning.Generator.Tests.Bits;

/// <summary>
/// A [BitNetwork] method's inlined local function is part of that method: editing the local function's body
/// re-plans the method and changes its generated file (and only that method's); editing anything else (another
/// method, another file) leaves every step of every generator Cached or Unchanged and every output Cached.
/// </summary>
public class BitLocalFunctionCachingTests
{
    private const string Annotated = """
        using CheapLearning;
        namespace Demo;
        public static partial class Logic
        {
            [BitNetwork]
            public static int Count(bool a, bool b, bool c)
            {
                return Bit(a) + Bit(b) + Bit(c);
                static int Bit(bool x) => x ? 1 : 0;
            }

            [BitNetwork]
            public static bool Majority(bool a, bool b, bool c) => (a & b) | (a & c) | (b & c);

            [PolynomialNetwork]
            public static double Square(double x) => x * x;

            public static int Unrelated(int x) { return x + 1; }
        }

        [BayesClassifier]
        public static partial class Weather
        {
            [Hamiltonian] public static double Dry(bool a) => a ? 1 : 0;
            [Hamiltonian] public static double Wet(bool a) => a ? 0 : 1;
        }
        """;

    private const string Other = """
        namespace Demo;
        public static class Other { public static int Value() => 1; }
        """;

    private static (GeneratorDriverRunResult First, GeneratorDriverRunResult Second) RunTwice(int tree, string from, string to)
    {
        var compilation = TestCompilation.Create(Annotated, Other);
        var driver = Incremental.AllGeneratorsDriver().RunGenerators(compilation);
        var first = driver.GetRunResult();
        var old = compilation.SyntaxTrees.ElementAt(tree);
        var text = old.ToString();
        Assert.Contains(from, text);
        var edited = compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(text.Replace(from, to), TestCompilation.ParseOptions, old.FilePath));
        return (first, driver.RunGenerators(edited).GetRunResult());
    }

    private static string Source(GeneratorDriverRunResult run, string hintStart)
        => Incremental.ResultOf(run, typeof(BitNetworkGenerator)).GeneratedSources
            .Single(s => s.HintName.StartsWith(hintStart, StringComparison.Ordinal)).SourceText.ToString();

    [Fact]
    public void Editing_the_local_function_re_plans_that_method_and_changes_its_output()
    {
        var (first, second) = RunTwice(0, "static int Bit(bool x) => x ? 1 : 0;", "static int Bit(bool x) => x ? 2 : 0;");
        var specs = Incremental.ResultOf(second, typeof(BitNetworkGenerator)).TrackedSteps[BitNetworkGenerator.Steps.BitSpecs]
            .SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Contains(IncrementalStepRunReason.Modified, specs);
        Assert.NotEqual(Source(first, "Demo.Logic.Count"), Source(second, "Demo.Logic.Count"));
        // The other annotated method's file is the same text.
        Assert.Equal(Source(first, "Demo.Logic.Majority"), Source(second, "Demo.Logic.Majority"));
        Incremental.AssertAllCached(second, Incremental.GeneratorTypes.Where(t => t != typeof(BitNetworkGenerator)).ToArray());
    }

    [Theory]
    [InlineData(0, "return x + 1;", "return x + 2;")]
    [InlineData(1, "=> 1;", "=> 2;")]
    public void An_unrelated_edit_leaves_every_step_cached(int tree, string from, string to)
    {
        var (_, second) = RunTwice(tree, from, to);
        Incremental.AssertAllCached(second, Incremental.GeneratorTypes);
    }
}
