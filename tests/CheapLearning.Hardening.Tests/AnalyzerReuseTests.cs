using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CheapLearning.Hardening.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CheapLearning.Hardening.Tests;

/// <summary>
/// The method analyzers report the front end's diagnostics that the generator left in its memo when they still hold on
/// the analyzer's compilation (the generator's input plus the generated files), instead of analyzing every method again.
/// On every corpus source, what the analyzers report after the generators ran on the same trees (the reused answers)
/// must equal what they report on a fresh parse of the same files, generated ones included (nothing remembered: every
/// method analyzed anew): same IDs, places, severities and messages.
/// </summary>
public class AnalyzerReuseTests
{
    public static TheoryData<string> Files() => TypingSimulationTests.Files();

    [Theory]
    [MemberData(nameof(Files))]
    public async System.Threading.Tasks.Task Reused_front_end_answers_report_what_a_fresh_analysis_reports(string name)
    {
        var text = SourceCorpus.All.Single(f => f.Name == name).Text;
        var outcome = Harness.Run(Harness.Create(text), timeout: TimeSpan.FromSeconds(120)); // equality, not speed: the largest flat forms take long on a loaded machine
        outcome.AssertNoCrash(name);
        var reused = Describe(outcome.AnalyzerDiagnostics);

        // The same files parsed anew: new trees, so no node has a remembered answer.
        var fresh = Harness.Create(outcome.Output.SyntaxTrees.Select(t => CSharpSyntaxTree.ParseText(t.GetText(), (CSharpParseOptions)t.Options, t.FilePath)));
        var analyzed = await new CompilationWithAnalyzers(fresh, Targets.Analyzers().ToImmutableArray(), new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new TestOptionsProvider(null)),
                onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false))
            .GetAnalyzerDiagnosticsAsync();

        Assert.Equal(Describe(analyzed), reused);
    }

    private static List<string> Describe(IEnumerable<Diagnostic> diagnostics)
        => diagnostics.Select(d => $"{d.Id} {d.Severity} {d.Location.SourceTree?.FilePath}{d.Location.SourceSpan} {d.GetMessage()}")
            .OrderBy(s => s, StringComparer.Ordinal).ToList();
}
