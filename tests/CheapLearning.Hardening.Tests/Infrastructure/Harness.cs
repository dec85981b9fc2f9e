using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CheapLearning.Hardening.Tests.Infrastructure;

/// <summary>The outcome of running every generator and analyzer once on a compilation.</summary>
public sealed record RunOutcome(
    Compilation Output,
    GeneratorDriverRunResult Generation,
    ImmutableArray<Diagnostic> AnalyzerDiagnostics,
    IReadOnlyList<string> Crashes,
    TimeSpan Elapsed)
{
    public IEnumerable<GeneratedSourceResult> Sources => Generation.Results.SelectMany(r => r.GeneratedSources);

    public IEnumerable<Diagnostic> CheapDiagnostics => AnalyzerDiagnostics.Where(d => d.Id.StartsWith("CHEAP", StringComparison.Ordinal));

    /// <summary>Throws with every crash found (generator exceptions, CS8785, analyzer exceptions, AD0001, CHEAP009).</summary>
    public void AssertNoCrash(string context)
    {
        if (Crashes.Count > 0) Assert.Fail($"{context}:\n{string.Join("\n", Crashes)}");
    }
}

/// <summary>
/// Compiles sources in memory and runs all <see cref="Targets"/> on them with a hang guard: every
/// run gets a cancellation token that fires after the timeout, and the caller waits at most a
/// little longer; a run that does not return is a failure, not a stuck test.
/// </summary>
public static class Harness
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        var tpa = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var refs = tpa
            .Where(p => Path.GetFileName(p) is var f && (f.StartsWith("System.", StringComparison.Ordinal) || f is "netstandard.dll" or "mscorlib.dll"))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToList();
        refs.Add(MetadataReference.CreateFromFile(typeof(CheapLearning.NetworkModel).Assembly.Location));
        return refs.ToImmutableArray();
    });

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    public static CSharpCompilation Create(params string[] sources)
        => CSharpCompilation.Create("HardeningAssembly",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Test{i}.cs")),
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable,
                                         deterministic: true));

    public static CSharpCompilation Create(IEnumerable<SyntaxTree> trees)
        => Create().AddSyntaxTrees(trees);

    /// <summary>Runs every generator and every analyzer; collects crashes instead of throwing.</summary>
    public static RunOutcome Run(Compilation compilation, IReadOnlyDictionary<string, string>? msbuild = null,
                                 TimeSpan? timeout = null, bool runAnalyzers = true, bool analyzeOutput = true)
    {
        GeneratorDriver? driver = null;
        return Run(compilation, ref driver, msbuild, timeout, runAnalyzers, analyzeOutput);
    }

    /// <summary>
    /// As <see cref="Run(Compilation, IReadOnlyDictionary{string, string}?, TimeSpan?, bool)"/>, reusing
    /// <paramref name="driver"/> between calls the way the IDE does (incremental steps see the edits).
    /// </summary>
    /// <param name="analyzeOutput">
    /// Run the analyzers on the compilation with the generated files, as the IDE does (true), or on the
    /// user's files only (false: for huge outputs, where compiling the generated code, the C#
    /// compiler's own work, would dominate the measured time).
    /// </param>
    public static RunOutcome Run(Compilation compilation, ref GeneratorDriver? driver, IReadOnlyDictionary<string, string>? msbuild = null,
                                 TimeSpan? timeout = null, bool runAnalyzers = true, bool analyzeOutput = true)
    {
        var limit = timeout ?? DefaultTimeout;
        using var cts = new CancellationTokenSource(limit);
        var options = new TestOptionsProvider(msbuild);
        driver ??= CSharpGeneratorDriver.Create(
            Targets.Generators().Select(g => g.AsSourceGenerator()), ImmutableArray<AdditionalText>.Empty, ParseOptions, options);
        var current = driver;
        var task = Task.Run(() => RunCore(compilation, current, options, runAnalyzers, analyzeOutput, cts.Token));
        // The token fires at the limit; a run that ignores it is still caught here (hang guard).
        if (!task.Wait(limit + TimeSpan.FromSeconds(5)))
            Assert.Fail($"Run did not finish within {limit.TotalSeconds + 5} s even after cancellation (hang).");
        var (outcome, next) = task.Result;
        driver = next;
        Assert.True(outcome.Elapsed <= limit, $"Run took {outcome.Elapsed.TotalSeconds:F1} s, more than {limit.TotalSeconds} s.");
        return outcome;
    }

    private static (RunOutcome, GeneratorDriver) RunCore(Compilation compilation, GeneratorDriver driver, AnalyzerConfigOptionsProvider options,
                                                         bool runAnalyzers, bool analyzeOutput, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var crashes = new List<string>();
        Compilation output;
        GeneratorDriverRunResult result;
        try
        {
            driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out output, out var driverDiagnostics, ct);
            result = driver.GetRunResult();
            foreach (var d in driverDiagnostics.Where(d => d.Id == "CS8785" || d.Severity == DiagnosticSeverity.Error))
                crashes.Add($"generator driver: {d}");
        }
        catch (OperationCanceledException)
        {
            crashes.Add("generator: cancelled by the hang guard (run exceeded its time limit)");
            return (new RunOutcome(compilation, null!, ImmutableArray<Diagnostic>.Empty, crashes, watch.Elapsed), driver);
        }
        foreach (var r in result.Results.Where(r => r.Exception is not null))
            crashes.Add($"generator {r.Generator.GetGeneratorType().Name} threw {r.Exception}");

        var diagnostics = ImmutableArray<Diagnostic>.Empty;
        if (runAnalyzers)
        {
            var analyzerCrashes = new ConcurrentQueue<string>();
            var analyzers = Targets.Analyzers().ToImmutableArray();
            var withAnalyzers = new CompilationWithAnalyzers(analyzeOutput ? output : compilation, analyzers, new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, options),
                onAnalyzerException: (e, analyzer, _) => analyzerCrashes.Enqueue($"analyzer {analyzer.GetType().Name} threw {e}"),
                concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
            try
            {
                diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync(ct).GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
                crashes.Add("analyzers: cancelled by the hang guard (run exceeded its time limit)");
            }
            crashes.AddRange(analyzerCrashes);
            // CHEAP009 is how the analyzer reports a construction exception that the generator swallowed
            // (it then emits nothing): a crash, whatever the severity.
            foreach (var d in diagnostics.Where(d => d.Id is "AD0001" or "CS8785" or "CHEAP009")) crashes.Add($"analyzer diagnostic: {d}");
        }
        return (new RunOutcome(output, result, diagnostics, crashes, watch.Elapsed), driver);
    }

    /// <summary>Emits the compilation and loads it in a collectible context (so thousands of cases do not pile up).</summary>
    public static Assembly EmitAndLoad(Compilation compilation, out AssemblyLoadContext context)
    {
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        // Errors anywhere; warnings only in generated code (a warning there breaks TreatWarningsAsErrors builds).
        var problems = emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error
            || (d.Severity == DiagnosticSeverity.Warning && d.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true)).ToList();
        Assert.True(emit.Success && problems.Count == 0, "Emit failed:\n" + string.Join("\n", problems.Take(20)));
        stream.Position = 0;
        context = new AssemblyLoadContext("hardening", isCollectible: true);
        return context.LoadFromStream(stream);
    }
}

/// <summary>MSBuild properties as the compiler passes them (build_property.NAME).</summary>
public sealed class TestOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly Options _global;

    public TestOptionsProvider(IReadOnlyDictionary<string, string>? msbuild)
        => _global = new Options(msbuild?.ToDictionary(kv => "build_property." + kv.Key, kv => kv.Value) ?? new Dictionary<string, string>());

    public override AnalyzerConfigOptions GlobalOptions => _global;
    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;
    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

    private sealed class Options : AnalyzerConfigOptions
    {
        public static readonly Options Empty = new(new Dictionary<string, string>());
        private readonly Dictionary<string, string> _values;
        public Options(Dictionary<string, string> values) => _values = values;
        public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
    }
}
