using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CheapLearning.Benchmarks;

/// <summary>
/// What CheapLearning's analyzers cost per keystroke inside one annotated member, the way the IDE asks after an
/// edit: a new compilation (the member's file re-parsed with a comment typed inside it), then the analyzers'
/// semantic diagnostics for that file, filtered to the member's span. The floor runs an analyzer that registers
/// the same kinds of actions and does nothing: what Roslyn's analyzer driver and the binding of the edited
/// member cost anyway. Wall time of the whole request; <see cref="AnalyzerKeystrokeTimes"/> reports the
/// analyzers' own execution time (the driver's telemetry), which this ratio cannot separate from the floor.
/// </summary>
[MemoryDiagnoser]
public class AnalyzerBenchmarks
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> Ours = AnalyzerCase.Ours();

    private static readonly ImmutableArray<DiagnosticAnalyzer> Floor = AnalyzerCase.Floor();

    private AnalyzerCase _case = null!;

    [Params("Quartic4", "Quartic6", "Power40", "Parity10", "Classifier")]
    public string Case { get; set; } = "";

    [GlobalSetup]
    public void Setup() => _case = new AnalyzerCase(Case);

    private Task<ImmutableArray<Diagnostic>> Keystroke(ImmutableArray<DiagnosticAnalyzer> analyzers, bool changeSpec = false)
    {
        var tree = _case.Keystroke(changeSpec);
        var compilation = _case.Compilation.ReplaceSyntaxTree(_case.Compilation.SyntaxTrees.First(), tree);
        var member = tree.GetRoot().DescendantNodes().OfType<TypeDeclarationSyntax>().First();
        var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        return withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), member.Span, CancellationToken.None);
    }

    [Benchmark(Baseline = true)]
    public Task<ImmutableArray<Diagnostic>> FloorAnalyzer() => Keystroke(Floor);

    /// <summary>A keystroke that leaves the member's spec equal (a comment typed in it).</summary>
    [Benchmark]
    public Task<ImmutableArray<Diagnostic>> CheapLearningAnalyzers() => Keystroke(Ours);

    /// <summary>A keystroke that changes the member's spec (its name gains a digit): nothing can be reused.</summary>
    [Benchmark]
    public Task<ImmutableArray<Diagnostic>> CheapLearningAnalyzersAfterARename() => Keystroke(Ours, changeSpec: true);
}
