using System.Diagnostics;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

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
        var perGenerator = string.Join(", ", driver.GetTimingInfo().GeneratorTimes.Select(g => $"{g.Generator.GetGeneratorType().Name} {g.ElapsedTime.TotalMilliseconds:F0} ms"));
        Console.WriteLine($"run {run}: {ms:F0} ms ({perGenerator}); allocated {allocated / 1e6:F2} MB; GCs gen0/1/2 {GC.CollectionCount(0) - collections[0]}/{GC.CollectionCount(1) - collections[1]}/{GC.CollectionCount(2) - collections[2]}; " +
                          $"{result.GeneratedTrees.Length} files, {result.GeneratedTrees.Sum(t => (long)t.Length) / 1e6:F1} M chars, {result.Diagnostics.Length} diagnostics; " +
                          $"JIT {jitMethods} methods in {jitTime.TotalMilliseconds:F0} ms (all threads); " +
                          $"CPU: this thread {threadCpu:F0} ms, process {processCpu.TotalMilliseconds:F0} ms; GC pauses {pause.TotalMilliseconds:F0} ms");
    }
    return 0;
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
