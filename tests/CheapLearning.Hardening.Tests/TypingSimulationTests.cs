using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using CheapLearning.Hardening.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit.Abstractions;

namespace CheapLearning.Hardening.Tests;

/// <summary>
/// The IDE runs generators and analyzers on every keystroke, on code that is almost never valid.
/// These tests replay typing every corpus file from its first character to its last (char by
/// char for small files, at every token boundary for large ones) and deleting each token in turn,
/// with one generator driver reused across the edits as the IDE does: no generator or analyzer
/// exception (CS8785, AD0001), no swallowed construction failure (CHEAP009), and every run within
/// the hang guard. The number of edits is fixed per file (see <see cref="EditsPerFile"/>), not by time.
/// </summary>
public class TypingSimulationTests
{
    /// <summary>Files up to this length are typed character by character; longer ones token by token.</summary>
    private const int CharByCharLimit = 2500;

    /// <summary>
    /// Edits per file and kind: every prefix (or token deletion) when a file has at most this many,
    /// else exactly this many, evenly spread and deterministic — the same on every machine, asserted
    /// below (the count no longer shrinks on a slow machine).
    /// </summary>
    private const int EditsPerFile = 24;

    private readonly ITestOutputHelper _output;

    public TypingSimulationTests(ITestOutputHelper output) => _output = output;

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _) in SourceCorpus.All) data.Add(name);
        return data;
    }

    [Fact]
    public void Corpus_holds_the_samples_the_snippets_and_test_strings()
    {
        var names = SourceCorpus.All.Select(f => f.Name).ToList();
        Assert.Contains(names, n => n.StartsWith("samples/", StringComparison.Ordinal));
        Assert.Contains(names, n => n.Contains("/Corpus/", StringComparison.Ordinal));
        Assert.Contains(names, n => n.Contains(".cs#", StringComparison.Ordinal));
        Assert.NotEmpty(Targets.GeneratorTypes);
        Assert.NotEmpty(Targets.AnalyzerTypes);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_prefix_runs_without_crash(string name)
    {
        var text = SourceCorpus.All.Single(f => f.Name == name).Text;
        var cuts = text.Length <= CharByCharLimit
            ? Enumerable.Range(0, text.Length + 1).ToList()
            : TokenBoundaries(text);
        cuts = Spread(cuts, EditsPerFile);
        int runs = Replay(name, cuts.Select(c => text.Substring(0, c)));
        Assert.True(runs >= Math.Min(EditsPerFile, text.Length + 1) * 9 / 10, $"{name}: only {runs} prefixes replayed");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_single_token_deletion_runs_without_crash(string name)
    {
        var text = SourceCorpus.All.Single(f => f.Name == name).Text;
        var tokens = CSharpSyntaxTree.ParseText(text).GetRoot().DescendantTokens().Where(t => t.Span.Length > 0).ToList();
        var picked = Spread(Enumerable.Range(0, tokens.Count).ToList(), EditsPerFile / 2);
        int runs = Replay(name, picked.Select(i => text.Remove(tokens[i].SpanStart, tokens[i].Span.Length)));
        Assert.True(runs >= Math.Min(EditsPerFile / 2, tokens.Count) * 9 / 10, $"{name}: only {runs} deletions replayed");
    }

    private int Replay(string name, IEnumerable<string> versions)
    {
        var watch = Stopwatch.StartNew();
        GeneratorDriver? driver = null;
        SyntaxTree? tree = null;
        var compilation = Harness.Create();
        int runs = 0;
        var slowest = TimeSpan.Zero;
        foreach (var version in versions)
        {
            // Incremental reparse of the edited text, as the IDE does.
            var next = tree is null
                ? CSharpSyntaxTree.ParseText(version, Harness.ParseOptions, path: "Typed.cs")
                : tree.WithChangedText(SourceText.From(version));
            compilation = tree is null ? compilation.AddSyntaxTrees(next) : compilation.ReplaceSyntaxTree(tree, next);
            tree = next;
            // Analyzers on the user's file only: cheaper (the generated code is the compiler's to bind, and
            // the analyzers skip generated code anyway), so the fixed number of edits fits CI on any machine.
            var outcome = Harness.Run(compilation, ref driver, analyzeOutput: false);
            outcome.AssertNoCrash($"{name}, after typing {version.Length} characters:\n{Tail(version)}");
            runs++;
            if (outcome.Elapsed > slowest) slowest = outcome.Elapsed;
        }
        _output.WriteLine($"{name}: {runs} runs in {watch.Elapsed.TotalSeconds:F1} s, slowest {slowest.TotalMilliseconds:F0} ms");
        return runs;
    }

    private static string Tail(string s) => s.Length <= 200 ? s : "…" + s.Substring(s.Length - 200);

    private static List<int> TokenBoundaries(string text)
    {
        var cuts = new SortedSet<int> { 0, text.Length };
        foreach (var token in CSharpSyntaxTree.ParseText(text).GetRoot().DescendantTokens())
        {
            cuts.Add(token.SpanStart);
            cuts.Add(token.Span.End);
        }
        return cuts.ToList();
    }

    /// <summary>At most <paramref name="max"/> items, evenly spread, always keeping the first and last.</summary>
    internal static List<int> Spread(List<int> items, int max)
    {
        if (items.Count <= max) return items;
        var picked = new List<int>(max);
        for (int i = 0; i < max; i++) picked.Add(items[(int)((long)i * (items.Count - 1) / (max - 1))]);
        return picked.Distinct().ToList();
    }
}
