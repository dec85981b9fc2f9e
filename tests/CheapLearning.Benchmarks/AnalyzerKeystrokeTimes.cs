using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using CheapLearning.Generator.Bits;
using CheapLearning.Generator.Classifier;
using CheapLearning.Generator.Polynomials;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CheapLearning.Benchmarks;

/// <summary>
/// CheapLearning's analyzers' own execution time per keystroke, measured the way the IDE runs them and reports
/// them: after each keystroke a new compilation, a <see cref="CompilationWithAnalyzers"/> with
/// <c>logAnalyzerExecutionTime</c>, one span-scoped request (the edited annotated method, or the classifier class),
/// and the driver's telemetry (<see cref="AnalyzerTelemetryInfo.ExecutionTime"/>: the time inside the analyzers'
/// callbacks, summed over ours). Issue 12's target is ≤ 10 ms per keystroke. Printed next to it: the wall time of the
/// whole request, and the same two figures for an analyzer that registers the same actions and does nothing (the
/// floor: what the driver and the compilation cost anyway). Our execution time includes whatever binding our
/// questions trigger first (the IDE's own compiler diagnostics may already have paid it), and after a rename it
/// includes planning the new spec (in the IDE the generator, which runs on the same edit, may have planned it
/// first): an upper bound on both counts. The row "rename+gen" runs the generators on each edit first, as the IDE
/// does, so the analyzers find the plan's findings the generator stored. BenchmarkDotNet cannot report a callback's own time, hence this command:
/// <c>dotnet run -c Release --project tests/CheapLearning.Benchmarks -- analyzer-keystrokes [keystrokes] [member …]</c>
/// (members: Quartic4, Quartic6, Power40, Parity10, Classifier; all when none is named).
/// </summary>
internal static class AnalyzerKeystrokeTimes
{
    private const int WarmUp = 10;

    public static async Task Run(string[] args)
    {
        int keystrokes = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 40;
        var members = args.Length > 1 ? args[1..] : AnalyzerCase.Names;
        foreach (var unknown in members.Except(AnalyzerCase.Names))
            throw new ArgumentException($"unknown member '{unknown}' (one of {string.Join(", ", AnalyzerCase.Names)})");
        Console.WriteLine($"Analyzer cost per keystroke, {keystrokes} keystrokes per row after {WarmUp} warm-up ones (ms; median / 90th percentile)");
        Console.WriteLine("own = the analyzers' execution time from the driver's telemetry; wall = the whole span-scoped request");
        Console.WriteLine("rename+gen = a rename after the generators ran on the same edit (the IDE's order), so an analyzer may reuse the plan the generator made");
        Console.WriteLine($"{"member",-11} {"keystroke",-10} {"ours own",15} {"ours wall",15} {"floor own",15} {"floor wall",15}  {"ours own/target",15}  diagnostics");
        var ours = AnalyzerCase.Ours();
        var floor = AnalyzerCase.Floor();
        foreach (var name in members)
        {
            foreach (var (changeSpec, generatorFirst, label) in new[] { (false, false, "comment"), (true, false, "rename"), (true, true, "rename+gen") })
            {
                var (ourOwn, ourWall, ids) = await Measure(new AnalyzerCase(name), ours, changeSpec, generatorFirst, keystrokes);
                var (floorOwn, floorWall, _) = await Measure(new AnalyzerCase(name), floor, changeSpec, generatorFirst, keystrokes);
                Console.WriteLine($"{name,-11} {label,-10} {Format(ourOwn),15} {Format(ourWall),15} {Format(floorOwn),15} {Format(floorWall),15}  "
                                  + $"{(Percentile(ourOwn, 0.5) / 10.0).ToString("0.00", CultureInfo.InvariantCulture),15}  {ids}");
            }
        }
    }

    private static async Task<(double[] Own, double[] Wall, string Ids)> Measure(
        AnalyzerCase c, ImmutableArray<DiagnosticAnalyzer> analyzers, bool changeSpec, bool generatorFirst, int keystrokes)
    {
        GeneratorDriver generators = CSharpGeneratorDriver.Create(
            new[] { new PolynomialNetworkGenerator().AsSourceGenerator(), new BitNetworkGenerator().AsSourceGenerator(), new BayesClassifierGenerator().AsSourceGenerator() },
            parseOptions: (CSharpParseOptions)c.Compilation.SyntaxTrees.First().Options);
        var own = new List<double>();
        var wall = new List<double>();
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);
        for (int i = 0; i < WarmUp + keystrokes; i++)
        {
            var tree = c.Keystroke(changeSpec);
            var compilation = c.Compilation.ReplaceSyntaxTree(c.Compilation.SyntaxTrees.First(), tree);
            // The IDE's order: the edit's compilation gets the generators' output (incrementally), then the analyzers run on it.
            if (generatorFirst) generators = generators.RunGeneratorsAndUpdateCompilation(compilation, out compilation, out _);
            var root = await tree.GetRootAsync();
            // The member the keystroke was typed in: the annotated method, or the classifier class.
            SyntaxNode member = (SyntaxNode?)root.DescendantNodes().OfType<MethodDeclarationSyntax>().FirstOrDefault(m => m.AttributeLists.Count > 0 && c.Name != "Classifier")
                                ?? root.DescendantNodes().OfType<ClassDeclarationSyntax>().First();
            var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
                options, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false));
            var watch = Stopwatch.StartNew();
            var result = await withAnalyzers.GetAnalysisResultAsync(compilation.GetSemanticModel(tree), member.Span, CancellationToken.None);
            watch.Stop();
            if (i < WarmUp) continue;
            wall.Add(watch.Elapsed.TotalMilliseconds);
            own.Add(analyzers.Sum(a => result.AnalyzerTelemetryInfo[a].ExecutionTime.TotalMilliseconds));
            foreach (var d in result.GetAllDiagnostics()) ids.Add(d.Id);
        }
        return (own.ToArray(), wall.ToArray(), string.Join(",", ids));
    }

    private static string Format(double[] values)
        => Percentile(values, 0.5).ToString("0.00", CultureInfo.InvariantCulture) + " / " + Percentile(values, 0.9).ToString("0.00", CultureInfo.InvariantCulture);

    private static double Percentile(double[] values, double p)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Floor(p * sorted.Length))];
    }
}
