using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using CheapLearning.Generator.Tests.Infrastructure;
using CheapLearning.TestKit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CheapLearning.Generator.Tests.Common;

/// <summary>
/// Issue 12's project, 1,000 annotated members (polynomials, bit functions, classifiers; some flat forms reading
/// their file's .editorconfig budget) over ten files, run once by every generator together; each test edits that
/// run's compilation or options and runs the same driver again.
/// </summary>
public sealed class ThousandMembersProject
{
    public const int Members = 1000;
    public const int Files = 10;

    /// <summary>Options per file path (as an .editorconfig section applies to a path): the flat budget, plus <paramref name="extra"/>.</summary>
    public sealed class EditorConfig(Dictionary<string, string> extra) : AnalyzerConfigOptionsProvider
    {
        private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }

        private readonly Options _file = new(new Dictionary<string, string>(extra) { [ProjectSettings.MaxFlatNeuronsEditorConfigKey] = "4096" });

        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(new());
        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _file;
        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options(new());
    }

    public ThousandMembersProject()
    {
        Compilation = TestCompilation.Create(AnnotatedProject.Sources(Members, Files));
        Driver = Incremental.AllGeneratorsDriver(new EditorConfig(new())).RunGenerators(Compilation);
        First = Driver.GetRunResult();
    }

    public Compilation Compilation { get; }

    /// <summary>The driver after the first run (immutable: every test starts from the same state).</summary>
    public GeneratorDriver Driver { get; }

    public GeneratorDriverRunResult First { get; }
}

/// <summary>
/// At 1,000 annotated members: an unrelated edit (another file, or outside every annotated member of an annotated
/// file), an unrelated .editorconfig key or an unrelated parse option leaves every tracked step of every generator
/// Cached or Unchanged and re-adds no output; an edit of one annotated member re-plans and re-emits that member only.
/// </summary>
public class ThousandMembersCachingTests(ThousandMembersProject project) : IClassFixture<ThousandMembersProject>
{
    private static Compilation Edit(Compilation compilation, int file, string from, string to)
    {
        var tree = compilation.SyntaxTrees.ElementAt(file);
        var text = tree.ToString();
        int at = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(at >= 0, $"file {file} does not contain '{from}'");
        text = text.Substring(0, at) + to + text.Substring(at + from.Length);
        return compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(text, (CSharpParseOptions)tree.Options, tree.FilePath));
    }

    private GeneratorDriverRunResult Rerun(Compilation edited) => project.Driver.RunGenerators(edited).GetRunResult();

    [Fact]
    public void The_first_run_emits_one_file_per_member_and_no_generator_fails()
    {
        Assert.All(project.First.Results, r => Assert.Null(r.Exception));
        Assert.Equal(ThousandMembersProject.Members, project.First.Results.Sum(r => r.GeneratedSources.Length));
    }

    [Fact]
    public void An_edit_in_an_unrelated_file_reuses_every_step_and_output()
        => Incremental.AssertAllCached(Rerun(Edit(project.Compilation, ThousandMembersProject.Files, "=> 1;", "=> 2;")), Incremental.GeneratorTypes);

    /// <summary>File 0 holds flat forms reading its .editorconfig budget and classifiers, so both kinds of cached value are exercised.</summary>
    [Theory]
    [InlineData(AnnotatedProject.UnrelatedMethod, "public static int Helper() => 2;")]
    [InlineData("public static double Helper(double x) => x * 3;", "public static double Helper(double x) => x * 4;")]
    [InlineData("namespace Demo\n{", "namespace Demo\n{\n    internal static class Added { }\n")]
    public void An_edit_outside_annotated_members_of_an_annotated_file_reuses_every_step_and_output(string from, string to)
        => Incremental.AssertAllCached(Rerun(Edit(project.Compilation, 0, from, to)), Incremental.GeneratorTypes);

    [Fact]
    public void An_unrelated_editorconfig_key_reuses_every_step_and_output()
    {
        var driver = project.Driver.WithUpdatedAnalyzerConfigOptions(new ThousandMembersProject.EditorConfig(new() { ["dotnet_diagnostic.CA1822.severity"] = "none" }));
        Incremental.AssertAllCached(driver.RunGenerators(project.Compilation).GetRunResult(), Incremental.GeneratorTypes);
    }

    /// <summary>A new preprocessor symbol (used nowhere) changes the parse options of every tree, not what generated code may use.</summary>
    [Fact]
    public void An_unrelated_parse_option_reuses_every_step_and_output()
    {
        var options = TestCompilation.ParseOptions.WithPreprocessorSymbols("UNRELATED_SYMBOL");
        var compilation = project.Compilation;
        foreach (var tree in compilation.SyntaxTrees.ToArray())
            compilation = compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(tree.ToString(), options, tree.FilePath));
        var driver = project.Driver.WithUpdatedParseOptions(options);
        Incremental.AssertAllCached(driver.RunGenerators(compilation).GetRunResult(), Incremental.GeneratorTypes);
    }

    /// <summary>Member 1 is a polynomial, 3 a bit function, 9 a classifier (see <see cref="AnnotatedProject"/>), 20 a flat form.</summary>
    [Theory]
    [InlineData(1, typeof(PolynomialNetworkGenerator))]
    [InlineData(20, typeof(PolynomialNetworkGenerator))]
    [InlineData(3, typeof(BitNetworkGenerator))]
    [InlineData(9, typeof(BayesClassifierGenerator))]
    public void An_edit_of_one_member_re_emits_that_member_only(int member, Type owner)
    {
        var name = AnnotatedProject.MemberName(member);
        int file = AnnotatedProject.FileOf(member, ThousandMembersProject.Members, ThousandMembersProject.Files);
        var bits = name + "(" + string.Join(", ", Enumerable.Range(0, 3 + member % 4).Select(k => "bool " + (char)('a' + k))) + ") => ";
        var (from, to) = owner == typeof(BitNetworkGenerator) ? (bits, bits + "!a ^ ")
            : owner == typeof(BayesClassifierGenerator) ? ("class " + name + "\n    {\n        [Hamiltonian(Prior = 0.5)]\n        public static double Low(double u, double w) => u * u",
                                                           "class " + name + "\n    {\n        [Hamiltonian(Prior = 0.5)]\n        public static double Low(double u, double w) => 2 * u * u")
            : ("=> " + AnnotatedProject.PolynomialBody(member) + ";", "=> " + AnalyzedBodyEdit(member) + ";");
        var second = Rerun(Edit(project.Compilation, file, from, to));

        var modified = new List<string>();
        foreach (var generator in Incremental.GeneratorTypes)
        {
            var result = Incremental.ResultOf(second, generator);
            Assert.Null(result.Exception);
            var reasons = Incremental.OutputReasons(result);
            Assert.All(reasons, r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Modified, $"{generator.Name} output: {r}"));
            int changed = reasons.Count(r => r == IncrementalStepRunReason.Modified);
            Assert.Equal(generator == owner ? 1 : 0, changed);
            foreach (var step in Incremental.StepsOf(generator))
            {
                int stepChanged = result.TrackedSteps[step].SelectMany(s => s.Outputs).Count(o => o.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
                Assert.True(stepChanged <= 1, $"{generator.Name}.{step}: {stepChanged} outputs changed");
            }
            var before = Incremental.ResultOf(project.First, generator).GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
            modified.AddRange(result.GeneratedSources.Where(s => before[s.HintName] != s.SourceText.ToString()).Select(s => s.HintName));
        }
        var hint = Assert.Single(modified);
        Assert.Contains("." + name + ".", hint);
    }

    /// <summary>Member <paramref name="i"/>'s polynomial with one more term: a different network, same signature.</summary>
    private static string AnalyzedBodyEdit(int i) => AnnotatedProject.PolynomialBody(i) + " + 1.5 * a * a";
}
