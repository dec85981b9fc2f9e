using System;
using System.Collections.Generic;
using System.Linq;
using CheapLearning.Generator.Polynomials;
using CheapLearning.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CheapLearning.Generator.Tests.Common;

/// <summary>
/// Incremental caching of every generator, run together in one driver as in a real build: after an
/// edit in an unrelated file or inside an unrelated method, every tracked step of every generator
/// (all the constants of each generator's <c>Steps</c> class, found by reflection so a new step is
/// covered) is Cached or Unchanged and every output is Cached; a real edit of one feature's method
/// is Modified in that generator only.
/// </summary>
public class AllGeneratorsCachingTests
{
    private const string Annotated = """
        using CheapLearning;
        namespace Demo;
        public static partial class Physics
        {
            [PolynomialNetwork]
            public static double Oscillator(double q, double p) => 0.5 * p * p + 2.0 * q * q;

            [PolynomialNetwork(Form = NetworkForm.Both, Tolerance = 1e-5, MaxFlatNeurons = 4096)]
            public static double Product(double x, double y) => x * y + 1;

            [BitNetwork]
            public static bool Majority(bool a, bool b, bool c) => (a & b) | (a & c) | (b & c);

            public static double Unrelated(double x) { return x + 1; }
        }

        [BayesClassifier]
        public static partial class Weather
        {
            [Hamiltonian(Prior = 0.5)]
            public static double Dry(double u) => u * u;

            [Hamiltonian(Prior = 0.5)]
            public static double Wet(double u) => (u - 1) * (u - 1);

            public static double Helper(double x) => x * 3;
        }
        """;

    private const string Other = """
        namespace Demo;
        public static class Other { public static int Value() => 1; }
        """;

    private static (GeneratorDriverRunResult First, GeneratorDriverRunResult Second) RunTwice(Func<Compilation, Compilation> edit)
    {
        var compilation = TestCompilation.Create(Annotated, Other);
        var driver = Incremental.AllGeneratorsDriver();
        driver = driver.RunGenerators(compilation);
        var first = driver.GetRunResult();
        driver = driver.RunGenerators(edit(compilation));
        return (first, driver.GetRunResult());
    }

    private static Compilation ReplaceTree(Compilation c, int index, string from, string to)
    {
        var tree = c.SyntaxTrees.ElementAt(index);
        var text = tree.ToString();
        Assert.Contains(from, text);
        return c.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(text.Replace(from, to), TestCompilation.ParseOptions, tree.FilePath));
    }

    private static bool AnyModified(GeneratorDriverRunResult run, Type generator)
        => Incremental.ResultOf(run, generator).TrackedSteps.Values.SelectMany(s => s).SelectMany(s => s.Outputs).Any(o => o.Reason == IncrementalStepRunReason.Modified);

    [Fact]
    public void All_three_generators_run_in_one_driver_and_declare_tracked_steps()
    {
        Assert.True(Incremental.GeneratorTypes.Length >= 3, string.Join(", ", Incremental.GeneratorTypes.Select(t => t.Name)));
        var (first, _) = RunTwice(c => c);
        foreach (var generator in Incremental.GeneratorTypes)
        {
            Assert.NotEmpty(Incremental.StepsOf(generator));
            Assert.NotEmpty(Incremental.ResultOf(first, generator).GeneratedSources);
        }
    }

    /// <summary>
    /// A flat form without MaxFlatNeurons reads its file's .editorconfig budget, so the (untracked) value the
    /// front end returns holds the current syntax tree and is new after any edit of that file; the first
    /// tracked step reads the settings and compares by value, so it, the plan and the emitted file are reused.
    /// </summary>
    [Fact]
    public void A_method_reading_its_file_options_re_reads_them_but_reuses_plan_and_output()
    {
        var compilation = TestCompilation.Create(Annotated.Replace(", MaxFlatNeurons = 4096", ""), Other);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { new PolynomialNetworkGenerator().AsSourceGenerator() },
            parseOptions: TestCompilation.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGenerators(compilation);
        driver = driver.RunGenerators(ReplaceTree(compilation, 0, "return x + 1;", "return x + 2;"));
        var result = driver.GetRunResult().Results.Single();
        Assert.All(result.TrackedSteps[PolynomialNetworkGenerator.Steps.Configured].SelectMany(s => s.Outputs),
            o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void Edit_in_an_unrelated_file_is_cached_by_every_generator()
    {
        var (_, second) = RunTwice(c => ReplaceTree(c, 1, "=> 1;", "=> 2;"));
        Incremental.AssertAllCached(second, Incremental.GeneratorTypes);
    }

    [Theory]
    [InlineData("return x + 1;", "return x + 2;")]
    [InlineData("=> x * 3;", "=> x * 4;")]
    public void Edit_inside_an_unrelated_method_is_cached_by_every_generator(string from, string to)
    {
        var (_, second) = RunTwice(c => ReplaceTree(c, 0, from, to));
        Incremental.AssertAllCached(second, Incremental.GeneratorTypes);
    }

    [Theory]
    [InlineData("2.0 * q * q", "3.0 * q * q", typeof(PolynomialNetworkGenerator))]
    [InlineData("x * y + 1", "x * y + 2", typeof(PolynomialNetworkGenerator))]
    [InlineData("(b & c);", "(b & !c);", typeof(BitNetworkGenerator))]
    [InlineData("=> u * u;", "=> 2 * u * u;", typeof(BayesClassifierGenerator))]
    public void Edit_of_one_feature_is_modified_there_and_cached_elsewhere(string from, string to, Type owner)
    {
        var (first, second) = RunTwice(c => ReplaceTree(c, 0, from, to));
        Assert.True(AnyModified(second, owner), $"{owner.Name} did not see the edit");
        Assert.NotEqual(string.Join("\n", Incremental.ResultOf(first, owner).GeneratedSources.Select(s => s.SourceText.ToString())),
                        string.Join("\n", Incremental.ResultOf(second, owner).GeneratedSources.Select(s => s.SourceText.ToString())));
        Incremental.AssertAllCached(second, Incremental.GeneratorTypes.Where(t => t != owner).ToArray());
    }
}
