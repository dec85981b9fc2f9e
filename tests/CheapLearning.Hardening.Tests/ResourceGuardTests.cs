using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CheapLearning.Hardening.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit.Abstractions;

namespace CheapLearning.Hardening.Tests;

/// <summary>
/// Inputs that would make a naive generator hang or exhaust memory. Each must end, within the hang
/// guard and an allocation budget, with a network or a diagnostic; cancellation must be prompt.
/// The limits these tests rely on are listed in docs/limits-and-guarantees.md.
/// </summary>
public class ResourceGuardTests
{
    /// <summary>Per run (generator + analyzers). Generous: a hang guard for CI, not a speed test.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    /// <summary>Bytes allocated by one run (generator + analyzers), a bound on its memory use.</summary>
    private const long AllocationBudget = 4L << 30;

    private readonly ITestOutputHelper _output;

    public ResourceGuardTests(ITestOutputHelper output) => _output = output;

    private static string Wrap(string members) => "using System;\nusing CheapLearning;\nnamespace G;\npublic static partial class C\n{\n" + members + "\n}\n";

    /// <summary>
    /// Runs the generator, then the analyzers on the user's code (compiling the generated code is the C#
    /// compiler's work and is checked separately where it is small enough to be quick).
    /// </summary>
    private RunOutcome Guarded(string name, string source, IReadOnlyDictionary<string, string>? msbuild = null)
    {
        long before = GC.GetTotalAllocatedBytes(precise: true);
        var outcome = Harness.Run(Harness.Create(source), msbuild, Limit, analyzeOutput: false);
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        _output.WriteLine($"{name}: {outcome.Elapsed.TotalSeconds:F2} s, {allocated / (1 << 20)} MiB allocated, {outcome.Sources.Count()} files, " +
                          string.Join(", ", outcome.CheapDiagnostics.GroupBy(d => d.Id).Select(g => $"{g.Count()}×{g.Key}")));
        outcome.AssertNoCrash(name);
        Assert.True(allocated < AllocationBudget, $"{name} allocated {allocated / (1 << 20)} MiB");
        return outcome;
    }

    /// <summary>Every annotated method ends with its network, or with a CHEAP error (never with nothing).</summary>
    private static void AssertEachMethodEnds(RunOutcome outcome, int methods)
    {
        int errors = outcome.CheapDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Location.SourceSpan.Start).Distinct().Count();
        Assert.True(outcome.Sources.Count() + errors >= methods, $"{outcome.Sources.Count()} networks and {errors} errors for {methods} methods");
    }

    [Fact]
    public void Power_40_of_a_sum_of_8_is_built_from_the_expression()
    {
        var outcome = Guarded("(a+…+h)^40", Wrap("[PolynomialNetwork(InputBound = 0.1, Tolerance = 1e-6)]\npublic static double F(double a, double b, double c, double d, double e, double f, double g, double h) => Math.Pow(a + b + c + d + e + f + g + h, 40);"));
        Assert.Single(outcome.Sources);
        Assert.Contains(outcome.CheapDiagnostics, d => d.Id == "CHEAP006");
        Assert.Empty(TestProblems(outcome));
    }

    [Theory]
    [InlineData("Math.Pow(x, 10000)")]
    [InlineData("Math.Pow(x, 5000) * Math.Pow(y, 5000)")]
    [InlineData("Math.Pow(x + y, 10000)")]
    [InlineData("Math.Pow(x, 1000000)")]
    public void Degree_ten_thousand_and_more(string body)
    {
        var outcome = Guarded(body, Wrap($"[PolynomialNetwork]\npublic static double F(double x, double y) => {body};"));
        AssertEachMethodEnds(outcome, 1);
        Assert.Empty(TestProblems(outcome));
    }

    [Fact]
    public void A_product_chain_of_ten_thousand_factors()
    {
        var body = string.Join(" * ", Enumerable.Repeat("x", 10_000));
        var outcome = Guarded("x*x*…*x (10,000)", Wrap($"[PolynomialNetwork]\npublic static double F(double x) => {body};"));
        AssertEachMethodEnds(outcome, 1);
        Assert.Empty(TestProblems(outcome));
    }

    [Fact(Skip = "Known limit, see docs/limits-and-guarantees.md: binding a left-nested sum of 50,000 terms is the C# compiler's "
               + "own super-linear work (SemanticModel.GetOperation: 10,000 terms 2.4 s, 20,000 terms 10 s, not cancellable); "
               + "CheapLearning's front end on top of it is linear (20,000 terms: 0.3 s).")]
    public void A_sum_of_fifty_thousand_terms()
        => SumOfTerms(50_000);

    /// <summary>What the front end handles today well within the guard.</summary>
    [Fact]
    public void A_sum_of_five_thousand_terms()
        => SumOfTerms(5_000);

    private void SumOfTerms(int count)
    {
        var terms = Enumerable.Range(0, count).Select(i => $"{i % 97 + 1}.0 * x{i % 10} * x{(i * 7 + 3) % 10}");
        var ps = string.Join(", ", Enumerable.Range(0, 10).Select(i => "double x" + i));
        var outcome = Guarded($"{count} terms", Wrap($"[PolynomialNetwork]\npublic static double F({ps}) => {string.Join(" + ", terms)};"));
        AssertEachMethodEnds(outcome, 1);
    }

    [Fact]
    public void Two_hundred_parameters()
    {
        var names = Enumerable.Range(0, 200).Select(i => "x" + i).ToArray();
        var ps = string.Join(", ", names.Select(n => "double " + n));
        var product = string.Join(" * ", names);
        var chain = string.Join(" + ", names.Zip(names.Skip(1), (a, b) => $"{a} * {b}"));
        var outcome = Guarded("200 parameters", Wrap(
            $"[PolynomialNetwork(Tolerance = 1e-6)]\npublic static double Product({ps}) => {product};\n" +
            $"[PolynomialNetwork]\npublic static double Chain({ps}) => {chain};\n" +
            $"[PolynomialNetwork(Form = NetworkForm.Both)]\npublic static double FlatRequest({ps}) => {product};"));
        AssertEachMethodEnds(outcome, 3);
    }

    [Fact]
    public void A_flat_request_for_a_thousand_variables()
    {
        var names = Enumerable.Range(0, 1000).Select(i => "x" + i).ToArray();
        var outcome = Guarded("flat, 1,000 variables", Wrap(
            $"[PolynomialNetwork(Form = NetworkForm.Flat, Tolerance = 1e-3)]\npublic static double F({string.Join(", ", names.Select(n => "double " + n))}) => {string.Join(" * ", names)};"));
        AssertEachMethodEnds(outcome, 1);
    }

    [Fact]
    public void A_thousand_annotated_methods_in_one_file()
    {
        var methods = Enumerable.Range(0, 1000).Select(i => $"[PolynomialNetwork]\npublic static double M{i}(double x, double y) => x * y + {i} * x - y * y;");
        var outcome = Guarded("1,000 methods", Wrap(string.Join("\n", methods)));
        Assert.Equal(1000, outcome.Sources.Count());
    }

    [Fact]
    public void The_expansion_limit_is_configurable_from_msbuild()
    {
        // (x+y+z)^6 has 28 terms: expanded by default, built from the expression below a limit of 10.
        var source = Wrap("[PolynomialNetwork]\npublic static double F(double x, double y, double z) => Math.Pow(x + y + z, 6);");
        Assert.DoesNotContain(Guarded("default limit", source).CheapDiagnostics, d => d.Id == "CHEAP006");
        var limited = Guarded("limit 10", source, new Dictionary<string, string> { ["CheapLearningMaxExpandedTerms"] = "10" });
        var info = Assert.Single(limited.CheapDiagnostics, d => d.Id == "CHEAP006");
        Assert.Contains("10 terms", info.GetMessage());
        Assert.Single(limited.Sources);
    }

    [Fact]
    public void Generator_cancellation_is_prompt()
    {
        var source = Wrap(string.Join("\n", Enumerable.Range(0, 400).Select(i =>
            $"[PolynomialNetwork(InputBound = 0.1, Tolerance = 1e-6)]\npublic static double M{i}(double a, double b, double c, double d, double e, double f, double g, double h) => Math.Pow(a + b + c + d + e + f + g + h + {i}, 40);")));
        var compilation = Harness.Create(source);
        var driver = CSharpGeneratorDriver.Create(Targets.Generators().Select(g => g.AsSourceGenerator()), parseOptions: Harness.ParseOptions);
        AssertCancelledPromptly("generator", ct => driver.RunGeneratorsAndUpdateCompilation(compilation, out _, out _, ct));
    }

    [Fact]
    public void Analyzer_cancellation_is_prompt()
    {
        var source = Wrap(string.Join("\n", Enumerable.Range(0, 400).Select(i =>
            $"[PolynomialNetwork(InputBound = 0.1, Tolerance = 1e-6)]\npublic static double M{i}(double a, double b, double c, double d, double e, double f, double g, double h) => Math.Pow(a + b + c + d + e + f + g + h + {i}, 40);")));
        var compilation = Harness.Create(source);
        AssertCancelledPromptly("analyzers", ct => compilation.WithAnalyzers(Targets.Analyzers().ToImmutableArray())
            .GetAnalyzerDiagnosticsAsync(ct).GetAwaiter().GetResult());
    }

    private void AssertCancelledPromptly(string what, Action<CancellationToken> run)
    {
        using var cts = new CancellationTokenSource();
        var started = new ManualResetEventSlim();
        var watch = new Stopwatch();
        var task = Task.Run(() =>
        {
            started.Set();
            run(cts.Token);
        });
        started.Wait();
        // Cancel once the work is running (the full run takes minutes, so it is still running); no sleep,
        // no timing assertion: the 10 s wait is a hang guard, the latency is printed, not asserted.
        watch.Start();
        cts.Cancel();
        var finished = Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(10))).GetAwaiter().GetResult() == task;
        _output.WriteLine($"{what}: ended {watch.ElapsedMilliseconds} ms after cancellation ({task.Status})");
        Assert.True(finished, $"{what} still running 10 s after cancellation (hang)");
        Assert.True(task.IsCanceled || task.Exception?.InnerException is OperationCanceledException,
            $"{what} ended with {task.Status} {task.Exception?.InnerException?.GetType().Name} instead of OperationCanceledException");
    }

    /// <summary>Errors and warnings of the compiled output (user code and generated code).</summary>
    private static List<Diagnostic> TestProblems(RunOutcome outcome)
        => outcome.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
}
