using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CheapLearning.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CheapLearning.Generator.Tests.Common;

/// <summary>
/// The front-end memo reuses a method's spec while its syntax node and semantic fingerprint are unchanged. These
/// tests edit one file so that the meaning of an unchanged method in another file changes, and require the
/// incremental rerun (which holds the memo) to emit exactly what a run from scratch on freshly parsed trees (new
/// nodes: nothing remembered) emits, and to differ from the first run. The memo itself must be thread-safe.
/// </summary>
public class FrontEndMemoTests
{
    private static Dictionary<string, string> Sources(GeneratorDriverRunResult run)
        => run.Results.SelectMany(r => r.GeneratedSources).ToDictionary(s => s.HintName, s => s.SourceText.ToString());

    private static void AssertRerunMatchesFromScratch(string[] sources, int file, string from, string to)
    {
        var compilation = TestCompilation.Create(sources);
        var driver = Incremental.AllGeneratorsDriver().RunGenerators(compilation);
        var first = Sources(driver.GetRunResult());
        // A second run over the same trees: a node's first sighting takes no fingerprint, its second one remembers the
        // value under one, so the edit below meets remembered values (the case the fingerprint must catch).
        compilation = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("", TestCompilation.ParseOptions, "Empty.cs"));
        driver = driver.RunGenerators(compilation);
        Assert.Equal(first.OrderBy(p => p.Key, StringComparer.Ordinal), Sources(driver.GetRunResult()).OrderBy(p => p.Key, StringComparer.Ordinal));
        var tree = compilation.SyntaxTrees.ElementAt(file);
        Assert.Contains(from, tree.ToString());
        var edited = compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(tree.ToString().Replace(from, to), TestCompilation.ParseOptions, tree.FilePath));

        var rerun = Sources(driver.RunGenerators(edited).GetRunResult());
        var scratch = Sources(Incremental.AllGeneratorsDriver().RunGenerators(TestCompilation.Create(edited.SyntaxTrees.Select(t => t.ToString()).ToArray())).GetRunResult());
        Assert.Equal(scratch.OrderBy(p => p.Key, StringComparer.Ordinal), rerun.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.NotEqual(first.OrderBy(p => p.Key, StringComparer.Ordinal), rerun.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    private const string Method = """
        using CheapLearning;
        namespace N;
        public static partial class C
        {
            [PolynomialNetwork]
            public static double F(double x) => K * x * x + x;
        }
        """;

    [Fact]
    public void A_constant_declared_in_another_file_changes_the_method()
        => AssertRerunMatchesFromScratch(new[] { Method, "namespace N; public static partial class C { public const double K = 2.0; }" }, 1, "K = 2.0", "K = 3.0");

    [Fact]
    public void An_attribute_argument_from_another_file_changes_the_method()
        => AssertRerunMatchesFromScratch(new[]
        {
            Method.Replace("[PolynomialNetwork]", "[PolynomialNetwork(InputBound = Settings.Bound)]").Replace("K * x", "2 * x"),
            "namespace N; public static class Settings { public const double Bound = 2.0; }",
        }, 1, "Bound = 2.0", "Bound = 4.0");

    [Fact]
    public void A_member_named_like_the_generated_class_in_another_file_removes_the_output()
        => AssertRerunMatchesFromScratch(new[] { Method.Replace("K * x", "2 * x"), "namespace N; public static partial class C { public static int Other; }" }, 1,
            "int Other;", "int FNetwork;");

    [Fact]
    public void A_type_declared_in_another_file_that_hides_System_Math_changes_the_method()
        => AssertRerunMatchesFromScratch(new[]
        {
            "using System;\n" + Method.Replace("K * x * x + x", "Math.Pow(x, 3) + x"),
            "namespace Other { public static class Unused { } }",
        }, 1, "namespace Other", "namespace N { public static class Math { public static double Pow(double a, double b) => a; } }\nnamespace Other");

    [Fact]
    public void A_constant_of_another_file_read_by_a_classifier_changes_it()
        => AssertRerunMatchesFromScratch(new[]
        {
            """
            using CheapLearning;
            using static N.Levels;
            namespace N;
            [BayesClassifier]
            public static partial class Weather
            {
                [Hamiltonian(Prior = 0.5)] public static double Dry(double u) => u * u;
                [Hamiltonian(Prior = 0.5)] public static double Wet(double u) => (u - Shift) * (u - Shift);
            }
            """,
            "namespace N; public static class Levels { public const double Shift = 1.0; }",
        }, 1, "Shift = 1.0", "Shift = 2.0");

    /// <summary>The memo with a front end that reports no diagnostics, read from no known compilation.</summary>
    private static string? Memo(SyntaxNode node, Func<string?> fingerprint, Func<string> analyze)
        => FrontEndMemo<string>.GetOrAnalyze(node, null, fingerprint, () => (analyze(), new List<Diagnostic>()));

    [Fact]
    public void The_same_node_and_fingerprint_return_the_remembered_value_without_analyzing()
    {
        var node = CSharpSyntaxTree.ParseText("class A { void M() { } }").GetRoot();
        int analyses = 0;
        Memo(node, () => "f", () => { analyses++; return new string('a', 3); });
        var second = Memo(node, () => "f", () => { analyses++; return new string('a', 3); });
        var third = Memo(node, () => "f", () => { analyses++; return new string('a', 3); });
        Assert.Same(second, third);
        Assert.Equal(2, analyses);
        Assert.Equal("b", Memo(node, () => "g", () => { analyses++; return "b"; }));
        Assert.Equal("c", Memo(node, () => null, () => { analyses++; return "c"; }));
        Assert.Equal(4, analyses);
    }

    /// <summary>
    /// A node seen for the first time (every node of a build: its trees are parsed anew) has nothing to compare a
    /// fingerprint with: none is taken. From the second sighting on, every call takes one.
    /// </summary>
    [Fact]
    public void The_first_sighting_of_a_node_takes_no_fingerprint()
    {
        var node = CSharpSyntaxTree.ParseText("class A { void M() { } }").GetRoot();
        int fingerprints = 0;
        Assert.Equal("a", Memo(node, () => { fingerprints++; return "f"; }, () => "a"));
        Assert.Equal(0, fingerprints);
        Assert.Equal("b", Memo(node, () => { fingerprints++; return "f"; }, () => "b"));
        Assert.Equal("b", Memo(node, () => { fingerprints++; return "f"; }, () => "c"));
        Assert.Equal(2, fingerprints);
    }

    /// <summary>Many threads, few nodes, alternating fingerprints: every answer is the one analysis gives for that fingerprint.</summary>
    [Fact]
    public void Concurrent_callers_always_get_the_value_of_their_own_fingerprint()
    {
        var nodes = Enumerable.Range(0, 8).Select(i => CSharpSyntaxTree.ParseText($"class A{i} {{ }}").GetRoot()).ToArray();
        var wrong = new ConcurrentBag<string>();
        Parallel.For(0, 40_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            int n = i % nodes.Length;
            var fingerprint = "fp" + (i / 3 % 3);
            var expected = n + ":" + fingerprint;
            var value = Memo(nodes[n], () => fingerprint, () => n + ":" + fingerprint);
            if (value != expected) wrong.Add($"{expected} got {value}");
        });
        Assert.Empty(wrong);
    }
}
