using System.Collections.Generic;
using System.Linq;
using CheapLearning.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CheapLearning.Generator.Tests.Common;

/// <summary>
/// The process-wide cache of generated files (<see cref="Plans.Sources"/>): a build server parses every build anew, so
/// two builds of the same code are two compilations with fresh trees, as here. An unchanged method's file is then the
/// same text object, for every feature; an edited method, another language version or other settings get their own
/// text; and the analyzers still see the plan's findings when the file came from the cache.
/// </summary>
public class GeneratedSourceCacheTests
{
    // Each test writes its own class names, so its specs are its own keys in the process-wide cache.
    private static string Source(string name, string coefficient = "0.5") => $$"""
        using CheapLearning;
        public static partial class {{name}}P
        {
            [PolynomialNetwork] public static double F(double x, double y) => {{coefficient}} * x * y + x;
            [PolynomialNetwork] public static double G(double x) => x * x * x - x;
        }
        public static partial class {{name}}B
        {
            [BitNetwork] public static bool Majority(bool a, bool b, bool c) => (a && b) || (a && c) || (b && c);
        }
        [BayesClassifier]
        public static partial class {{name}}C
        {
            [Hamiltonian(Prior = 0.25)] public static double A(bool a, bool b) => a && b ? 1 : 0;
            [Hamiltonian(Prior = 0.75)] public static double B(bool a, bool b) => a ^ b ? 2 : 0.5;
        }
        """;

    private static Dictionary<string, SourceText> Generate(Compilation compilation)
        => TestCompilation.RunAllGenerators(compilation).Result.Results
            .SelectMany(r => r.GeneratedSources)
            .ToDictionary(s => s.HintName, s => s.SourceText);

    [Fact]
    public void Two_builds_of_unchanged_code_share_every_features_generated_text()
    {
        var first = Generate(TestCompilation.Create(Source("Unchanged")));
        var second = Generate(TestCompilation.Create(Source("Unchanged")));
        Assert.Equal(4, first.Count); // F, G, the bit network, the classifier
        Assert.Equal(first.Keys.OrderBy(k => k), second.Keys.OrderBy(k => k));
        foreach (var (hint, text) in first)
            Assert.Same(text, second[hint]);
    }

    [Fact]
    public void An_edited_method_gets_its_own_text_and_the_others_stay_shared()
    {
        var before = Generate(TestCompilation.Create(Source("Edited")));
        var edited = Generate(TestCompilation.Create(Source("Edited", "0.75")));
        var fHint = before.Keys.Single(k => k.Contains("EditedP") && k.Contains(".F"));
        Assert.NotSame(before[fHint], edited[fHint]);
        Assert.NotEqual(before[fHint].ToString(), edited[fHint].ToString());
        foreach (var hint in before.Keys.Where(k => k != fHint))
            Assert.Same(before[hint], edited[hint]);
        // Editing it back finds the first text again: the key is the method's value, not its history.
        var back = Generate(TestCompilation.Create(Source("Edited")));
        Assert.Same(before[fHint], back[fHint]);
    }

    [Fact]
    public void A_CSharp_7_3_build_gets_its_own_text()
    {
        var latest = Generate(TestCompilation.Create(Source("Language")));
        var old = Generate(TestCompilation.Create(LanguageVersion.CSharp7_3, Source("Language")));
        foreach (var (hint, text) in latest)
        {
            Assert.NotSame(text, old[hint]);
            Assert.Contains("#nullable", text.ToString());
            Assert.DoesNotContain("#nullable", old[hint].ToString());
        }
    }

    [Fact]
    public void The_analyzers_see_the_plans_findings_when_the_file_came_from_the_cache()
    {
        // A flat form past its budget: CHEAP010 comes from the plan's findings, which the analyzer reads.
        const string source = """
            using CheapLearning;
            public static partial class CachedFindings
            {
                [PolynomialNetwork(Form = NetworkForm.Both, MaxFlatNeurons = 8)]
                public static double F(double a, double b, double c, double d) => a * b * c * d + 0.25 * a;
            }
            """;
        string[] Ids(Compilation output) => output.WithAnalyzers(System.Collections.Immutable.ImmutableArray.Create<DiagnosticAnalyzer>(new PolynomialNetworkAnalyzer()))
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult().Select(d => d.Id).OrderBy(id => id).ToArray();
        var (firstOutput, firstRun) = TestCompilation.RunAllGenerators(TestCompilation.Create(source));
        var (secondOutput, secondRun) = TestCompilation.RunAllGenerators(TestCompilation.Create(source));
        Assert.Same(firstRun.Results[0].GeneratedSources[0].SourceText, secondRun.Results[0].GeneratedSources[0].SourceText);
        Assert.Contains("CHEAP010", Ids(firstOutput));
        Assert.Equal(Ids(firstOutput), Ids(secondOutput));
    }
}
