using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using CheapLearning.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CheapLearning.Generator.Tests.Polynomials;

public class FlatBudgetPipelineTests
{
    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }

    private sealed class Provider(Dictionary<string, string> global, Dictionary<string, string> file) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(global);
        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(file);
        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options(new());
    }

    private const string Source = """
        using CheapLearning;
        namespace N;
        public static partial class C
        {
            [PolynomialNetwork(Form = NetworkForm.Both, Tolerance = 1e-3)]
            public static double F(double a, double b, double c, double d) => a * b * c * d;
        }
        """;

    private static (string Source, GeneratorDriver Driver) Run(Dictionary<string, string> global, Dictionary<string, string> file, Compilation compilation)
    {
        var driver = Incremental.Driver(new PolynomialNetworkGenerator(), new Provider(global, file)).RunGenerators(compilation);
        return (driver.GetRunResult().GeneratedTrees.Single().ToString(), driver);
    }

    [Fact]
    public void The_generator_reads_the_budget_from_editorconfig_then_MSBuild()
    {
        var compilation = TestCompilation.Create(Source);
        // Over the budget, Flat is a stand-in whose use is an error naming CHEAP010 and the budget.
        static bool Built(string source) => source.Contains("public static double Flat(") && !source.Contains("CHEAP010");
        Assert.True(Built(Run(new(), new(), compilation).Source));
        Assert.Contains("MaxFlatNeurons = 15", Run(new(), new() { ["cheaplearning.max_flat_neurons"] = "15" }, compilation).Source);
        Assert.Contains("MaxFlatNeurons = 8", Run(new() { ["build_property.CheapLearningMaxFlatNeurons"] = "8" }, new(), compilation).Source);
        // The file's .editorconfig wins over the project property.
        Assert.True(Built(Run(new() { ["build_property.CheapLearningMaxFlatNeurons"] = "8" }, new() { ["cheaplearning.max_flat_neurons"] = "16" }, compilation).Source));
    }

    [Fact]
    public void An_unrelated_edit_leaves_the_flat_budget_step_unchanged()
    {
        var compilation = TestCompilation.Create(Source, "class Other { int X; }");
        var (_, driver) = Run(new(), new(), compilation);
        var edited = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.Last(),
            CSharpSyntaxTree.ParseText("class Other { int Y; }", TestCompilation.ParseOptions, path: compilation.SyntaxTrees.Last().FilePath));
        driver = driver.RunGenerators(edited);
        var steps = driver.GetRunResult().Results.Single().TrackedSteps[PolynomialNetworkGenerator.Steps.Configured];
        Assert.All(steps.SelectMany(s => s.Outputs), o => Assert.True(o.Reason is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached, o.Reason.ToString()));
    }

    [Fact]
    public void A_changed_editorconfig_budget_reruns_the_configured_step()
    {
        var compilation = TestCompilation.Create(Source);
        var (first, driver) = Run(new(), new(), compilation);
        Assert.DoesNotContain("CHEAP010", first);
        driver = driver.WithUpdatedAnalyzerConfigOptions(new Provider(new(), new() { ["cheaplearning.max_flat_neurons"] = "15" })).RunGenerators(compilation);
        var run = driver.GetRunResult();
        Assert.Contains(IncrementalStepRunReason.Modified, Incremental.Reasons(run, PolynomialNetworkGenerator.Steps.Configured));
        Assert.Contains("MaxFlatNeurons = 15", run.GeneratedTrees.Single().ToString());
    }

    /// <summary>Options per tree object, as the compiler's provider keeps them: a tree of an older compilation has none.</summary>
    private sealed class PerTree(Compilation compilation, Dictionary<string, string> file) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(new());
        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(compilation.SyntaxTrees.Contains(tree) ? file : new());
        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options(new());
    }

    [Fact]
    public void After_an_edit_of_the_file_a_new_budget_is_read_from_the_current_tree()
    {
        var compilation = TestCompilation.Create(Source);
        var driver = Incremental.Driver(new PolynomialNetworkGenerator(), new PerTree(compilation, new())).RunGenerators(compilation);
        var edited = Incremental.ReplaceTree(compilation, 0, s => s + "\n// a comment");
        driver = driver.WithUpdatedAnalyzerConfigOptions(new PerTree(edited, new())).RunGenerators(edited);
        Assert.DoesNotContain("CHEAP010", driver.GetRunResult().GeneratedTrees.Single().ToString());
        driver = driver.WithUpdatedAnalyzerConfigOptions(new PerTree(edited, new() { ["cheaplearning.max_flat_neurons"] = "15" })).RunGenerators(edited);
        Assert.Contains("MaxFlatNeurons = 15", driver.GetRunResult().GeneratedTrees.Single().ToString());
    }
}
