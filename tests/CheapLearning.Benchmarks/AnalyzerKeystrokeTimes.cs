using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
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
/// first): an upper bound on both counts. BenchmarkDotNet cannot report a callback's own time, hence this command:
/// <c>dotnet run -c Release --project tests/CheapLearning.Benchmarks -- analyzer-keystrokes [keystrokes]</c>.
/// </summary>
internal static class AnalyzerKeystrokeTimes
{
    private const int WarmUp = 10;

    public static async Task Run(string[] args)
    {
        int keystrokes = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 40;
        Console.WriteLine($"Analyzer cost per keystroke, {keystrokes} keystrokes per row after {WarmUp} warm-up ones (ms; median / 90th percentile)");
        Console.WriteLine("own = the analyzers' execution time from the driver's telemetry; wall = the whole span-scoped request");
        Console.WriteLine($"{"member",-11} {"keystroke",-9} {"ours own",15} {"ours wall",15} {"floor own",15} {"floor wall",15}  {"ours own/target",15}  diagnostics");
        var ours = AnalyzerCase.Ours();
        var floor = AnalyzerCase.Floor();
        foreach (var name in AnalyzerCase.Names)
        {
            foreach (var changeSpec in new[] { false, true })
            {
                var (ourOwn, ourWall, ids) = await Measure(new AnalyzerCase(name), ours, changeSpec, keystrokes);
                var (floorOwn, floorWall, _) = await Measure(new AnalyzerCase(name), floor, changeSpec, keystrokes);
                Console.WriteLine($"{name,-11} {(changeSpec ? "rename" : "comment"),-9} {Format(ourOwn),15} {Format(ourWall),15} {Format(floorOwn),15} {Format(floorWall),15}  "
                                  + $"{(Percentile(ourOwn, 0.5) / 10.0).ToString("0.00", CultureInfo.InvariantCulture),15}  {ids}");
            }
        }
    }

    private static async Task<(double[] Own, double[] Wall, string Ids)> Measure(
        AnalyzerCase c, ImmutableArray<DiagnosticAnalyzer> analyzers, bool changeSpec, int keystrokes)
    {
        var own = new List<double>();
        var wall = new List<double>();
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);
        for (int i = 0; i < WarmUp + keystrokes; i++)
        {
            var tree = c.Keystroke(changeSpec);
            var compilation = c.Compilation.ReplaceSyntaxTree(c.Compilation.SyntaxTrees.First(), tree);
            var root = await tree.GetRootAsync();
            // The member the keystroke was typed in: the annotated method, or the classifier class.
            SyntaxNode member = root.DescendantNodes().OfType<MethodDeclarationSyntax>().FirstOrDefault(m => m.AttributeLists.Count > 0 && c.Name != "Classifier")
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
