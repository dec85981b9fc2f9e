using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CheapLearning.Generator.Tests.Infrastructure;

/// <summary>Compiles test sources in memory against the running framework and the CheapLearning runtime.</summary>
public static class TestCompilation
{
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

    public static ImmutableArray<MetadataReference> MetadataReferences => References.Value;

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    public static CSharpCompilation Create(params string[] sources) => Create(LanguageVersion.Latest, sources);

    /// <summary>A compilation at the consumer's language version (nullable annotations only from C# 8 on).</summary>
    public static CSharpCompilation Create(LanguageVersion version, params string[] sources)
    {
        var parse = version == LanguageVersion.Latest ? ParseOptions : new CSharpParseOptions(version);
        return CSharpCompilation.Create("TestAssembly",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, parse, path: $"Test{i}.cs")),
            MetadataReferences,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: version is >= LanguageVersion.CSharp8 ? NullableContextOptions.Enable : NullableContextOptions.Disable));
    }

    /// <summary>Every CheapLearning generator, as a consumer project loads them.</summary>
    public static ISourceGenerator[] AllGenerators() => new[]
    {
        new PolynomialNetworkGenerator().AsSourceGenerator(),
        new BitNetworkGenerator().AsSourceGenerator(),
        new BayesClassifierGenerator().AsSourceGenerator(),
    };

    /// <summary>Runs every generator with the compilation's own parse options (its language version).</summary>
    public static (Compilation Output, GeneratorDriverRunResult Result) RunAllGenerators(Compilation compilation)
    {
        var parse = (CSharpParseOptions)compilation.SyntaxTrees.First().Options;
        var driver = CSharpGeneratorDriver.Create(AllGenerators(), parseOptions: parse);
        var run = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        return (output, run.GetRunResult());
    }

    /// <summary>Runs the generator; returns the compilation with generated files and the driver's result.</summary>
    public static (Compilation Output, GeneratorDriverRunResult Result) RunGenerator(Compilation compilation, bool trackSteps = false)
    {
        var driver = CSharpGeneratorDriver.Create(
            new[] { new PolynomialNetworkGenerator().AsSourceGenerator() },
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackSteps));
        var run = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        return (output, run.GetRunResult());
    }

    /// <summary>Diagnostics of the analyzer on the given sources.</summary>
    public static ImmutableArray<Diagnostic> Analyze(params string[] sources)
    {
        var compilation = Create(sources);
        return compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new PolynomialNetworkAnalyzer()))
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
    }

    /// <summary>Compiles the sources with every generator, loads the assembly and returns it.</summary>
    public static Assembly BuildAndLoad(params string[] sources)
    {
        var (output, run) = RunAllGenerators(Create(sources));
        Assert.Empty(run.Diagnostics);
        using var stream = new MemoryStream();
        var emit = output.Emit(stream);
        var problems = emit.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(emit.Success && problems.Count == 0, string.Join("\n", problems.Take(10)));
        return Assembly.Load(stream.ToArray());
    }

    /// <summary>Errors and warnings of a compilation, excluding the hidden/info ones.</summary>
    public static List<Diagnostic> Problems(Compilation compilation)
        => compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
}
