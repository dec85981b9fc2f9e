using System.Diagnostics;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using System.Collections.Immutable;

// Usage: dotnet run -c Release --project tests/CheapLearning.GeneratorProfile -- <project dir> [runs] [cl,rx]
//   <project dir>: a folder written by generator-vs-regex.sh with CHEAPLEARNING_BENCH_KEEP=1 (…/n1000)
//   runs: how many runs, each on a fresh compilation (the first is the cold one a build pays)
//   cl,rx: the generators in csc's order (cl = CheapLearning's polynomial generator, bits and cls = its bit and
//          classifier generators, rx = Regex)
//   CHEAPLEARNING_GENERATOR_DLL=<path>: load that generator assembly instead of the Release build (e.g. a ReadyToRun copy)
//   CHEAPLEARNING_PROFILE_PARSE=1: also time parsing each generator's output again, which the compiler pays after the
//          generators and csc's ReportAnalyzer does not bill to them (Roslyn parses generated trees lazily)
//   CHEAPLEARNING_PROFILE_EMIT=1: also compile the project with the generated files (declaration diagnostics, then
//          Emit to memory) and time it: what a build pays after the generators for their output
//   CHEAPLEARNING_PROFILE_EXTRA=<folder>: add every .cs file under it to the project (e.g. a dumped and edited
//          output, with the generators "none": what the compiler pays for a variant of the generated text)
//   CHEAPLEARNING_PROFILE_SERIAL=1: compile on one thread (concurrentBuild: false), so this thread's CPU time is
//          the compiler's whole work, steady on a loaded machine
//   CHEAPLEARNING_PROFILE_DOCS=none|parse|diagnose: how XML doc comments are parsed (default parse, Roslyn's API
//          default). csc uses none without /doc and diagnose with it (GenerateDocumentationFile), and then also
//          binds every cref and writes the XML file: with diagnose, EMIT writes that file to memory too
//   CHEAPLEARNING_PROFILE_DUMP=<folder>: write the last run's generated files there, to read what a build compiles
//   CHEAPLEARNING_PROFILE_ANALYZERS=1: after the generators, run our analyzers (every [DiagnosticAnalyzer] type of the
//          generator assembly) on the generated compilation with CompilationWithAnalyzers, as csc does after its
//          generators, and print each one's execution time from the driver's telemetry (what -p:ReportAnalyzer=true
//          reports) and its action counts. =each: also run each analyzer alone, and an analyzer that registers the same
//          kinds of actions and does nothing (the floor), and print the bytes each run allocated (the driver's own
//          work and binding included: compare each with the floor). Add rx to the analyzers with
//          CHEAPLEARNING_PROFILE_ANALYZERS_RX=1 (the Regex package's analyzer, for reference). Only the analyzers whose type
//          name contains a text: CHEAPLEARNING_PROFILE_ANALYZERS_ONLY=<text> (to tell one analyzer's samples in a trace).
// Each run prints wall time, the driver's time per generator, bytes allocated and GC counts.
if (args.Length < 1) { Console.Error.WriteLine("usage: <project dir> [runs] [cl,rx]"); return 2; }
var dir = args[0];
int runs = args.Length > 1 ? int.Parse(args[1]) : 3;
var order = (args.Length > 2 ? args[2] : "cl,rx").Split(',');
var roslyn = (string)AppContext.GetData("CheapLearning.RoslynBinCore")!;
AssemblyLoadContext.Default.Resolving += (_, name) =>
{
    var path = Path.Combine(roslyn, name.Name + ".dll");
    return File.Exists(path) ? AssemblyLoadContext.Default.LoadFromAssemblyPath(path) : null;
};
return Run();

int Run()
{
    var repo = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../.."));
    var refPack = Path.Combine((string)AppContext.GetData("CheapLearning.RefPack")!, "ref", "net10.0");
    var references = Directory.GetFiles(refPack, "*.dll").Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();
    references.Add(MetadataReference.CreateFromFile(Path.Combine(repo, "src/Runtime/bin/Release/net8.0/CheapLearning.dll")));
    var docs = Environment.GetEnvironmentVariable("CHEAPLEARNING_PROFILE_DOCS") switch
    {
        null or "" or "parse" => DocumentationMode.Parse,
        "none" => DocumentationMode.None,
        "diagnose" => DocumentationMode.Diagnose,
        var other => throw new ArgumentException($"CHEAPLEARNING_PROFILE_DOCS must be none, parse or diagnose, got '{other}'"),
    };
    var parseOptions = new CSharpParseOptions(LanguageVersion.Latest, docs);
    var sources = Directory.GetFiles(dir, "*.cs").Select(File.ReadAllText).ToList();
    if (Environment.GetEnvironmentVariable("CHEAPLEARNING_PROFILE_EXTRA") is { Length: > 0 } extra)
        sources.AddRange(Directory.GetFiles(extra, "*.cs", SearchOption.AllDirectories).Select(File.ReadAllText));
    // The SDK's implicit usings (ImplicitUsings=enable in the benchmark project).
    sources.Add("global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; global using System.Threading; global using System.Threading.Tasks;");
    var ours = Environment.GetEnvironmentVariable("CHEAPLEARNING_GENERATOR_DLL") is { Length: > 0 } dll ? dll : Path.Combine(repo, "src/Generator/bin/Release/netstandard2.0/CheapLearning.Generator.dll");
    var generators = order.Where(name => name != "none").Select(name => name switch
    {
        "cl" => Load(ours, "CheapLearning.Generator.Polynomials.PolynomialNetworkGenerator"),
        "bits" => Load(ours, "CheapLearning.Generator.Bits.BitNetworkGenerator"),
        "cls" => Load(ours, "CheapLearning.Generator.Classifier.BayesClassifierGenerator"),
        "rx" => Load(Path.Combine(Path.GetDirectoryName(refPack)!, "../analyzers/dotnet/cs/System.Text.RegularExpressions.Generator.dll"), "System.Text.RegularExpressions.Generator.RegexGenerator"),
        _ => throw new ArgumentException($"unknown generator '{name}' (cl, bits, cls or rx)"),
    }).ToArray();
    for (int run = 0; run < runs; run++)
    {
        var compilation = CSharpCompilation.Create("Bench", sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, parseOptions, path: $"File{i}.cs")), references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable,
                concurrentBuild: Environment.GetEnvironmentVariable("CHEAPLEARNING_PROFILE_SERIAL") != "1"));
        long allocated = GC.GetTotalAllocatedBytes(true);
        int[] collections = { GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2) };
        var jitTime = System.Runtime.JitInfo.GetCompilationTime();
        long jitMethods = System.Runtime.JitInfo.GetCompiledMethodCount();
        var pause = GC.GetTotalPauseDuration();
        var processCpu = Process.GetCurrentProcess().TotalProcessorTime;
        double threadCpu = ThreadCpuMs();
        var watch = Stopwatch.StartNew();
        GeneratorDriver driver = CSharpGeneratorDriver.Create(generators, parseOptions: parseOptions);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        double ms = watch.Elapsed.TotalMilliseconds;
        threadCpu = ThreadCpuMs() - threadCpu;
        processCpu = Process.GetCurrentProcess().TotalProcessorTime - processCpu;
        pause = GC.GetTotalPauseDuration() - pause;
        allocated = GC.GetTotalAllocatedBytes(true) - allocated;
        jitTime = System.Runtime.JitInfo.GetCompilationTime() - jitTime;
        jitMethods = System.Runtime.JitInfo.GetCompiledMethodCount() - jitMethods;
        var result = driver.GetRunResult();
        if (Environment.GetEnvironmentVariable("CHEAPLEARNING_PROFILE_PARSE") == "1")
        {
            foreach (var gen in result.Results)
            {
                var texts = gen.GeneratedSources.Select(s => s.SourceText).ToList();
                var pw = Stopwatch.StartNew();
                foreach (var t in texts) CSharpSyntaxTree.ParseText(t, parseOptions).GetRoot();
                Console.WriteLine($"  re-parse {gen.Generator.GetGeneratorType().Name}: {texts.Count} files {texts.Sum(t => (long)t.Length) / 1e6:F1} M chars in {pw.Elapsed.TotalMilliseconds:F0} ms");
            }
        }
        if (Environment.GetEnvironmentVariable("CHEAPLEARNING_PROFILE_DUMP") is { Length: > 0 } dump && run == runs - 1)
        {
            foreach (var gen in result.Results)
                foreach (var source in gen.GeneratedSources)
                {
                    var path = Path.Combine(dump, gen.Generator.GetGeneratorType().Name, source.HintName);
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    File.WriteAllText(path, source.SourceText.ToString());
                }
        }
        if (Environment.GetEnvironmentVariable("CHEAPLEARNING_PROFILE_EMIT") == "1")
        {
            double ecpu = ThreadCpuMs();
            var ew = Stopwatch.StartNew();
            long before = GC.GetTotalAllocatedBytes(true);
            using var pe = new MemoryStream();
            using var xml = docs == DocumentationMode.Diagnose ? new MemoryStream() : null;
            var emitted = output.Emit(pe, xmlDocumentationStream: xml);
            Console.WriteLine($"  compile with the generated files: {ew.Elapsed.TotalMilliseconds:F0} ms (this thread's CPU {ThreadCpuMs() - ecpu:F0} ms), {(GC.GetTotalAllocatedBytes(true) - before) / 1e6:F0} MB, " +
                              $"{(emitted.Success ? "ok" : "FAILED")}, {pe.Length / 1e6:F1} MB of IL and metadata, {emitted.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error)} errors");
        }
        if (Environment.GetEnvironmentVariable("CHEAPLEARNING_PROFILE_ANALYZERS") is { Length: > 0 } analyzerMode)
            RunAnalyzers(output, ours, analyzerMode == "each", Path.Combine(Path.GetDirectoryName(refPack)!, "../analyzers/dotnet/cs/System.Text.RegularExpressions.Generator.dll"));
        var perGenerator = string.Join(", ", driver.GetTimingInfo().GeneratorTimes.Select(g => $"{g.Generator.GetGeneratorType().Name} {g.ElapsedTime.TotalMilliseconds:F0} ms"));
        Console.WriteLine($"run {run}: {ms:F0} ms ({perGenerator}); allocated {allocated / 1e6:F2} MB; GCs gen0/1/2 {GC.CollectionCount(0) - collections[0]}/{GC.CollectionCount(1) - collections[1]}/{GC.CollectionCount(2) - collections[2]}; " +
                          $"{result.GeneratedTrees.Length} files, {result.GeneratedTrees.Sum(t => (long)t.Length) / 1e6:F1} M chars, {result.Diagnostics.Length} diagnostics; " +
                          $"JIT {jitMethods} methods in {jitTime.TotalMilliseconds:F0} ms (all threads); " +
                          $"CPU: this thread {threadCpu:F0} ms, process {processCpu.TotalMilliseconds:F0} ms; GC pauses {pause.TotalMilliseconds:F0} ms");
    }
    return 0;
}

static void RunAnalyzers(Compilation compilation, string ours, bool each, string regexDll)
{
    var analyzers = LoadableTypes(Assembly.LoadFrom(ours))
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .Where(t => Environment.GetEnvironmentVariable("CHEAPLEARNING_PROFILE_ANALYZERS_ONLY") is not { Length: > 0 } only || t.Name.Contains(only, StringComparison.Ordinal))
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!).ToList();
    if (Environment.GetEnvironmentVariable("CHEAPLEARNING_PROFILE_ANALYZERS_RX") == "1")
        analyzers.AddRange(LoadableTypes(Assembly.LoadFrom(regexDll))
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!));
    // The floor runs beside them, metered too: what a callback costs the driver and the meter with no work in it.
    var meters = analyzers.Append(new FloorAnalyzer()).Select(a => new MeteredAnalyzer(a)).ToList();
    var (wall, bytes, cpu, telemetry, diagnostics) = Analyze(compilation, meters.Cast<DiagnosticAnalyzer>().ToList());
    Console.WriteLine($"  analyzers together: {wall:F0} ms wall, process CPU {cpu:F0} ms, {bytes / 1e6:F1} MB, {diagnostics.Length} diagnostics ({string.Join(", ", diagnostics.GroupBy(d => d.Id).Select(g => $"{g.Count()} {g.Key}"))}); execution time (ReportAnalyzer's figure) and actions:");
    foreach (var m in meters)
    {
        var t = telemetry[m];
        var a = m.Inner;
        Console.WriteLine($"    {a.GetType().Name,-28} {t.ExecutionTime.TotalMilliseconds,8:F1} ms, in its callbacks: thread CPU {m.CpuMs,7:F1} ms, {m.Bytes / 1e6,6:F2} MB, {m.Calls} calls;  compilation-start {t.CompilationStartActionsCount}, syntax-node {t.SyntaxNodeActionsCount}, symbol {t.SymbolActionsCount}, compilation {t.CompilationActionsCount}, operation {t.OperationActionsCount}, syntax-tree {t.SyntaxTreeActionsCount}");
    }
    var real = meters.Where(m => m.Inner is not FloorAnalyzer).ToList();
    Console.WriteLine($"    {"sum (floor excluded)",-28} {real.Sum(a => telemetry[a].ExecutionTime.TotalMilliseconds),8:F1} ms, in callbacks: thread CPU {real.Sum(m => m.CpuMs),7:F1} ms, {real.Sum(m => m.Bytes) / 1e6,6:F2} MB");
    if (!each) return;
    var floorRun = Analyze(compilation, new List<DiagnosticAnalyzer> { new FloorAnalyzer() });
    Console.WriteLine($"  alone: floor (same action kinds, no work) {floorRun.Wall:F0} ms wall, {floorRun.Bytes / 1e6:F1} MB");
    foreach (var a in analyzers)
    {
        var r = Analyze(compilation, new List<DiagnosticAnalyzer> { a });
        Console.WriteLine($"    {a.GetType().Name,-28} {r.Telemetry[a].ExecutionTime.TotalMilliseconds,8:F1} ms own, {r.Wall:F0} ms wall, {r.Bytes / 1e6:F1} MB ({(r.Bytes - floorRun.Bytes) / 1e6:+0.0;-0.0} MB over the floor), {r.Diagnostics.Length} diagnostics");
    }
}

// The Regex assembly's code fixes reference Workspaces, which the harness does not load: its analyzers load without them.
static IEnumerable<Type> LoadableTypes(Assembly assembly)
{
    try { return assembly.GetTypes(); }
    catch (ReflectionTypeLoadException e) { return e.Types.Where(t => t is not null)!; }
}

static (double Wall, long Bytes, double Cpu, IReadOnlyDictionary<DiagnosticAnalyzer, Microsoft.CodeAnalysis.Diagnostics.Telemetry.AnalyzerTelemetryInfo> Telemetry, System.Collections.Immutable.ImmutableArray<Diagnostic> Diagnostics) Analyze(
    Compilation compilation, List<DiagnosticAnalyzer> analyzers)
{
    long before = GC.GetTotalAllocatedBytes(true);
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(System.Collections.Immutable.ImmutableArray<AdditionalText>.Empty),
        onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: true);
    var withAnalyzers = compilation.WithAnalyzers(analyzers.ToImmutableArray(), options);
    var found = withAnalyzers.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
    double wall = watch.Elapsed.TotalMilliseconds;
    double cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
    long bytes = GC.GetTotalAllocatedBytes(true) - before;
    IReadOnlyDictionary<DiagnosticAnalyzer, Microsoft.CodeAnalysis.Diagnostics.Telemetry.AnalyzerTelemetryInfo> telemetry = analyzers.ToDictionary(a => a, a => withAnalyzers.GetAnalyzerTelemetryInfoAsync(a, default).GetAwaiter().GetResult()!);
    return (wall, bytes, cpuMs, telemetry, found);
}

// CPU time of the calling thread (Linux/macOS clock_gettime(CLOCK_THREAD_CPUTIME_ID)): unlike wall time it does
// not count time this thread waited for a core, so it is steadier on a shared machine. NaN elsewhere.
static double ThreadCpuMs()
{
    if (OperatingSystem.IsWindows()) return double.NaN;
    int clock = OperatingSystem.IsMacOS() ? 16 : 3;   // CLOCK_THREAD_CPUTIME_ID
    return clock_gettime(clock, out var t) == 0 ? t.Seconds * 1e3 + t.Nanoseconds / 1e6 : double.NaN;
}

[System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
static extern int clock_gettime(int clock, out TimeSpec time);

static ISourceGenerator Load(string path, string type) =>
    ((IIncrementalGenerator)Activator.CreateInstance(Assembly.LoadFrom(path).GetType(type, throwOnError: true)!)!).AsSourceGenerator();

struct TimeSpec { public long Seconds; public long Nanoseconds; }

/// <summary>
/// An analyzer run through a wrapper that meters each of its callbacks on the calling thread: thread CPU time
/// (not the wall time the driver's telemetry counts, which on a loaded machine includes waiting for a core) and bytes
/// allocated. Callbacks of one analyzer never nest, so the sums are its own.
/// </summary>
sealed class MeteredAnalyzer : DiagnosticAnalyzer
{
    private long _ticks, _bytes, _calls;

    public MeteredAnalyzer(DiagnosticAnalyzer inner) => Inner = inner;

    public DiagnosticAnalyzer Inner { get; }

    public double CpuMs => Interlocked.Read(ref _ticks) / 1e6;

    public long Bytes => Interlocked.Read(ref _bytes);

    public long Calls => Interlocked.Read(ref _calls);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Inner.SupportedDiagnostics;

    public override void Initialize(AnalysisContext context) => Inner.Initialize(new Context(context, this));

    internal Action<T> Wrap<T>(Action<T> action) => x =>
    {
        long cpu = ThreadCpuNs(), bytes = GC.GetAllocatedBytesForCurrentThread();
        try { action(x); }
        finally
        {
            Interlocked.Add(ref _ticks, ThreadCpuNs() - cpu);
            Interlocked.Add(ref _bytes, GC.GetAllocatedBytesForCurrentThread() - bytes);
            Interlocked.Increment(ref _calls);
        }
    };

    private static long ThreadCpuNs() => clock_gettime(3, out var t) == 0 ? t.Seconds * 1_000_000_000 + t.Nanoseconds : 0;

    [System.Runtime.InteropServices.DllImport("libc")]
    private static extern int clock_gettime(int clock, out TimeSpec time);

    private sealed class Context(AnalysisContext inner, MeteredAnalyzer m) : AnalysisContext
    {
        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => inner.ConfigureGeneratedCodeAnalysis(analysisMode);
        public override void EnableConcurrentExecution() => inner.EnableConcurrentExecution();
        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) => inner.RegisterCompilationStartAction(m.Wrap<CompilationStartAnalysisContext>(c => action(new Start(c, m))));
        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => inner.RegisterCompilationAction(m.Wrap(action));
        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => inner.RegisterSemanticModelAction(m.Wrap(action));
        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => inner.RegisterSymbolAction(m.Wrap(action), symbolKinds);
        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw new NotSupportedException();
        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => inner.RegisterCodeBlockAction(m.Wrap(action));
        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => inner.RegisterSyntaxTreeAction(m.Wrap(action));
        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => inner.RegisterSyntaxNodeAction(m.Wrap(action), syntaxKinds);
        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => inner.RegisterOperationAction(m.Wrap(action), operationKinds);
    }

    private sealed class Start(CompilationStartAnalysisContext inner, MeteredAnalyzer m) : CompilationStartAnalysisContext(inner.Compilation, inner.Options, inner.CancellationToken)
    {
        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => inner.RegisterCompilationEndAction(m.Wrap(action));
        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => inner.RegisterSemanticModelAction(m.Wrap(action));
        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => inner.RegisterSymbolAction(m.Wrap(action), symbolKinds);
        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw new NotSupportedException();
        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => inner.RegisterCodeBlockAction(m.Wrap(action));
        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => inner.RegisterSyntaxTreeAction(m.Wrap(action));
        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => inner.RegisterSyntaxNodeAction(m.Wrap(action), syntaxKinds);
        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => inner.RegisterOperationAction(m.Wrap(action), operationKinds);
        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => inner.RegisterOperationBlockStartAction(m.Wrap(action));
        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => inner.RegisterOperationBlockAction(m.Wrap(action));
        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => inner.RegisterSymbolStartAction(action, symbolKind);
    }
}

/// <summary>Registers what our analyzers register (method and function syntax nodes, named-type symbols, a compilation action) and does nothing: the driver's own cost.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
sealed class FloorAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new("FLOOR001", "never", "never", "none", DiagnosticSeverity.Info, true);

    public override System.Collections.Immutable.ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => System.Collections.Immutable.ImmutableArray.Create(Never);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            start.RegisterSyntaxNodeAction(_ => { }, SyntaxKind.MethodDeclaration);
            // FunctionAttributes.Kinds, as each of our analyzers registers them.
            start.RegisterSyntaxNodeAction(_ => { }, SyntaxKind.LocalFunctionStatement, SyntaxKind.ParenthesizedLambdaExpression,
                SyntaxKind.GetAccessorDeclaration, SyntaxKind.SetAccessorDeclaration, SyntaxKind.InitAccessorDeclaration,
                SyntaxKind.AddAccessorDeclaration, SyntaxKind.RemoveAccessorDeclaration,
                SyntaxKind.OperatorDeclaration, SyntaxKind.ConversionOperatorDeclaration, SyntaxKind.DestructorDeclaration);
            start.RegisterSymbolAction(_ => { }, SymbolKind.NamedType);
        });
        context.RegisterCompilationAction(_ => { });
    }
}
