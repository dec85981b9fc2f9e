using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Reflection;
using System.Threading;
using CheapLearning.Hardening.Tests.Infrastructure;
using CsCheck;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit.Abstractions;

namespace CheapLearning.Hardening.Tests.RandomPrograms;

/// <summary>
/// Property: for a random annotated method (random body from a grammar of valid and invalid
/// polynomial constructs, random attribute arguments, random parameter list), CheapLearning either
/// emits a network that meets its stated ErrorBound on random points and the corners of the box, or
/// reports an error inside that method; it never crashes, never emits code that does not compile,
/// never stays silent, never emits a wrong network. Methods are batched (one compilation, one
/// load per batch) to keep thousands of cases within CI's budget.
/// </summary>
public class RandomProgramTests
{
    /// <summary>The CI seed; failures print CsCheck's own seed to replay them (CsCheck_Seed=…).</summary>
    private const string FixedSeed = "0000tzBo9tLA";
    private const int MethodsPerBatch = 40;
    private const int RandomPoints = 24;

    private static int s_cases, s_networks, s_rejected, s_points;

    private readonly ITestOutputHelper _output;

    public RandomProgramTests(ITestOutputHelper output) => _output = output;

    private static Gen<MethodCase[]> Methods(bool allowInvalid)
    {
        var gens = Enumerable.Range(0, MethodsPerBatch).Select(i => Grammar.Method("M" + i, allowInvalid)).ToArray();
        Gen<MethodCase[]> all = Gen.Const(Array.Empty<MethodCase>());
        foreach (var g in gens) all = Gen.Select(all, g, (list, m) => list.Append(m).ToArray());
        return all;
    }

    [Fact]
    public void Valid_random_polynomials_meet_their_error_bound_fixed_seed()
        => Check(allowInvalid: false, batches: 25, seed: FixedSeed);

    [Fact]
    public void Random_methods_with_invalid_constructs_and_arguments_fixed_seed()
        => Check(allowInvalid: true, batches: 25, seed: FixedSeed);

    /// <summary>A fresh random seed on every run; CsCheck prints it when a case fails.</summary>
    [Fact]
    public void Random_methods_random_seed()
        => Check(allowInvalid: true, batches: 8, seed: null);

    private void Check(bool allowInvalid, int batches, string? seed)
    {
        var watch = Stopwatch.StartNew();
        int before = s_cases;
        Methods(allowInvalid).Sample(RunBatch, seed: seed, iter: batches, threads: 1, writeLine: _output.WriteLine,
                                     print: batch => string.Join("\n", batch.Select(m => m.Source)));
        _output.WriteLine($"{s_cases - before} methods in {watch.Elapsed.TotalSeconds:F1} s (totals: {s_cases} methods, {s_networks} networks checked on {s_points} points, {s_rejected} rejected with diagnostics)");
    }

    private static void RunBatch(MethodCase[] batch)
    {
        var source = "using System;\nusing CheapLearning;\nnamespace R;\npublic static partial class Batch\n{\n    private static double s_field = 1;\n\n"
                     + string.Join("\n", batch.Select(m => m.Source)) + "}\n";
        var compilation = Harness.Create(source);
        var outcome = Harness.Run(compilation, timeout: TimeSpan.FromSeconds(30));
        outcome.AssertNoCrash("random batch");
        var tree = compilation.SyntaxTrees.Single();
        var declarations = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().ToDictionary(m => m.Identifier.ValueText);

        // Every diagnostic sits inside an annotated method (attribute included), in the user's file.
        foreach (var d in outcome.CheapDiagnostics)
        {
            Assert.True(d.Location.IsInSource && d.Location.SourceTree == tree, $"{d} is not in the user's source");
            Assert.True(declarations.Values.Any(m => m.FullSpan.Contains(d.Location.SourceSpan)), $"{d} is outside every annotated method");
        }

        var assembly = Harness.EmitAndLoad(outcome.Output, out var context);
        try
        {
            var batchType = assembly.GetType("R.Batch")!;
            foreach (var m in batch)
            {
                Interlocked.Increment(ref s_cases);
                var span = declarations[m.Name].FullSpan;
                var mine = outcome.CheapDiagnostics.Where(d => span.Contains(d.Location.SourceSpan)).ToList();
                var errors = mine.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                Assert.DoesNotContain(mine, d => d.Id == "CHEAP009");
                var network = batchType.GetNestedType(m.Name + "Network");
                if (!m.Valid)
                {
                    Assert.True(errors.Count > 0, $"An invalid method was accepted without an error:\n{m.Source}\nDiagnostics: {string.Join("; ", mine)}");
                    Interlocked.Increment(ref s_rejected);
                    continue;
                }
                Assert.True(errors.Count == 0, $"A valid method was rejected:\n{m.Source}\n{string.Join("\n", errors)}");
                Assert.True(network is not null, $"No network and no error for:\n{m.Source}\nDiagnostics: {string.Join("; ", mine)}");
                CheckNetwork(m, batchType, network!, mine);
                Interlocked.Increment(ref s_networks);
            }
        }
        finally
        {
            context.Unload();
        }
    }

    private static void CheckNetwork(MethodCase m, Type batchType, Type network, List<Diagnostic> diagnostics)
    {
        var types = m.Parameters.Select(p => p.Type == "float" ? typeof(float) : typeof(double)).ToArray();
        var deep = network.GetMethod("Deep", types)!;
        var plain = batchType.GetMethod(m.Name, BindingFlags.Public | BindingFlags.Static)!;
        var model = (NetworkModel)network.GetProperty("DeepModel")!.GetValue(null)!;
        double bound = (double)network.GetField("DeepErrorBound")!.GetValue(null)!;
        Assert.Equal(bound, model.ErrorBound);
        double r = m.InputBound;
        Assert.Equal(r, model.InputBound);
        var (majorant, ops, _) = m.Measure(r);
        bool warned = diagnostics.Any(d => d.Id == "CHEAP004");
        // A network whose bound is not a finite number guarantees nothing: that must never be silent.
        Assert.True(double.IsFinite(bound) || warned, $"ErrorBound {bound} without CHEAP004 for:\n{m.Source}");
        // Rounding of the reference evaluation and of the generator's folded coefficients.
        double slack = 64 * 1.1102230246251565e-16 * (ops + 4) * majorant;

        var random = new Random(m.Source.GetHashCode(StringComparison.Ordinal) ^ 12345);
        int n = m.Parameters.Count;
        var points = new List<double[]>();
        for (int k = 0; k < RandomPoints; k++) points.Add(Enumerable.Range(0, n).Select(_ => (2 * random.NextDouble() - 1) * r).ToArray());
        for (int c = 0; c < Math.Min(1 << n, 32); c++) points.Add(Enumerable.Range(0, n).Select(i => ((c >> i) & 1) == 0 ? r : -r).ToArray());
        foreach (var raw in points)
        {
            var args = new object[n];
            var x = new double[n];
            for (int i = 0; i < n; i++)
            {
                if (types[i] == typeof(float))
                {
                    float f = (float)raw[i];
                    while (Math.Abs((double)f) > r) f = MathF.BitDecrement(Math.Abs(f)) * Math.Sign(f);
                    args[i] = f;
                    x[i] = f;
                }
                else
                {
                    args[i] = raw[i];
                    x[i] = raw[i];
                }
            }
            double expected = m.Evaluate(x);
            if (!double.IsFinite(expected) || !double.IsFinite(slack)) continue;
            double actual = (double)deep.Invoke(null, args)!;
            double fromModel = model.Evaluate(x);
            Assert.True(actual.Equals(fromModel), $"Deep {actual:R} and DeepModel.Evaluate {fromModel:R} differ at ({string.Join(", ", x)}) for:\n{m.Source}");
            if (!warned || double.IsFinite(bound))
                Assert.True(Math.Abs(actual - expected) <= bound + slack,
                    $"|Deep − p| = {Math.Abs(actual - expected):G3} > ErrorBound {bound:G3} + rounding {slack:G3} at ({string.Join(", ", x.Select(v => v.ToString("R")))}): Deep = {actual:R}, p = {expected:R} for:\n{m.Source}");
            if (types.All(t => t == typeof(double)))
            {
                double direct = (double)plain.Invoke(null, args)!;
                Assert.True(Math.Abs(direct - expected) <= slack, $"test oracle: plain method {direct:R} vs interpreter {expected:R} for:\n{m.Source}");
            }
            Interlocked.Increment(ref s_points);
        }
    }
}
