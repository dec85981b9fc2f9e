using System;
using System.Linq;
using CheapLearning.Hardening.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace CheapLearning.Hardening.Tests;

/// <summary>Bugs found by the hardening tests, each pinned by a test that failed before its fix.</summary>
public class RegressionTests
{
    /// <summary>
    /// Found by the random programs: a parameter named like one of the evaluator's locals (_u1_0,
    /// _h1_0, _acc; _a, _b, _s, _ra, _t in large evaluators) made the generated code fail to compile
    /// (CS0136/CS0841). Fix: EvaluatorEmitter.LocalPrefix.
    /// </summary>
    [Fact]
    public void Parameters_named_like_generated_locals_compile_and_evaluate()
    {
        var xs = Enumerable.Range(0, 20).Select(i => "x" + i).ToArray();
        var pairs = from i in Enumerable.Range(0, xs.Length) from j in Enumerable.Range(i + 1, xs.Length - i - 1) select $"{xs[i]} * {xs[j]}";
        string source = $$"""
            using CheapLearning;
            namespace N;
            public static partial class C
            {
                [PolynomialNetwork]
                public static double Small(double _u1_0, double _h1_0, double _acc) => _u1_0 * _h1_0 + _acc * _acc;

                [PolynomialNetwork]
                public static double Large(double _a, double _b, double _s, double _t, double _ra, double _rb, double _rs, double __u1_0, {{string.Join(", ", xs.Select(x => "double " + x))}})
                    => _a * _b + _s * _t * _ra + _rb * _rs * __u1_0 + {{string.Join(" + ", pairs)}};
            }
            """;
        var outcome = Harness.Run(Harness.Create(source), timeout: TimeSpan.FromSeconds(60));
        outcome.AssertNoCrash("locals");
        Assert.Equal(2, outcome.Sources.Count());
        var assembly = Harness.EmitAndLoad(outcome.Output, out var context);
        try
        {
            var small = assembly.GetType("N.C+SmallNetwork")!.GetMethod("Deep", new[] { typeof(double), typeof(double), typeof(double) })!;
            double value = (double)small.Invoke(null, new object[] { 0.5, -0.25, 0.75 })!;
            Assert.True(Math.Abs(value - (0.5 * -0.25 + 0.75 * 0.75)) < 1e-8, value.ToString("R"));
            var large = assembly.GetType("N.C+LargeNetwork")!.GetMethods().Single(m => m.Name == "Deep" && m.ReturnType == typeof(double));
            var args = Enumerable.Range(0, 28).Select(i => (object)(i % 2 == 0 ? 0.5 : -0.5)).ToArray();
            double expected = 0.5 * -0.5 + 0.5 * -0.5 * 0.5 + -0.5 * 0.5 * -0.5;
            for (int i = 0; i < 20; i++) for (int j = i + 1; j < 20; j++) expected += (i % 2 == 0 ? 0.5 : -0.5) * (j % 2 == 0 ? 0.5 : -0.5);
            double actual = (double)large.Invoke(null, args)!;
            Assert.True(Math.Abs(actual - expected) < 1e-6, $"{actual:R} vs {expected:R}");
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>
    /// Found by the random programs: with a tiny InputBound some gate weights underflow to 0 and a
    /// gate input became an unread constant local: warning CS0219 in generated code, which breaks
    /// every TreatWarningsAsErrors build. Fix: EvaluatorEmitter.WriteInline skips unread gate inputs.
    /// </summary>
    [Fact]
    public void Underflowing_weights_leave_no_warning_in_generated_code()
    {
        const string source = """
            using System;
            using CheapLearning;
            namespace N;
            public static partial class C
            {
                [PolynomialNetwork(InputBound = 1e-300)]
                public static double F(double p, double z, double r)
                {
                    double t0 = (Math.Pow(Math.Pow(r, 4), 2) + 0.1) * -0.75;
                    t0 += z;
                    return (Math.Pow(r * z, 2) + 1e-3 * (r / 4)) * (p * (t0 * r));
                }
            }
            """;
        // Such bounds are now rejected (CHEAP005: the layered network of M6 in the random programs referenced
        // neurons that did not exist); 1e-100 is the smallest accepted bound and must compile cleanly.
        var outcome = Harness.Run(Harness.Create(source));
        outcome.AssertNoCrash("underflow");
        Assert.Contains(outcome.CheapDiagnostics, d => d.Id == "CHEAP005");
        Assert.Empty(outcome.Sources);
        var smallest = Harness.Run(Harness.Create(source.Replace("1e-300", "1e-100")));
        smallest.AssertNoCrash("smallest bound");
        Assert.Single(smallest.Sources);
        var warnings = smallest.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(warnings.Count == 0, string.Join("\n", warnings));
    }

    /// <summary>
    /// Found by the random programs: with InputBound = 1e100 a degree-4 polynomial has S = ∞, so the
    /// check ErrorBound ≤ τ·S passed with ErrorBound = ∞ and a useless network was emitted silently.
    /// Fix: PolynomialNetworkAnalyzer reports CHEAP004 whenever the bound is not finite.
    /// </summary>
    [Fact]
    public void An_infinite_error_bound_is_never_silent()
    {
        const string source = """
            using CheapLearning;
            namespace N;
            public static partial class C
            {
                [PolynomialNetwork(InputBound = 1e100, Tolerance = 1e-6)]
                public static double F(double a, double b) => a * a * b * b;
            }
            """;
        var outcome = Harness.Run(Harness.Create(source));
        outcome.AssertNoCrash("overflow");
        var warning = Assert.Single(outcome.CheapDiagnostics, d => d.Id == "CHEAP004");
        Assert.Contains("beyond double's range", warning.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.StartsWith("Tolerance 1E-06 cannot", warning.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        // Without a written Tolerance the warning must not present the default as the user's request.
        var unwritten = Harness.Run(Harness.Create(source.Replace(", Tolerance = 1e-6", "")));
        var silent = Assert.Single(unwritten.CheapDiagnostics, d => d.Id == "CHEAP004");
        Assert.Contains("(the default) cannot be reached", silent.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Roslyn compares hint names ignoring case, so two annotated methods whose full names differ only
    /// in case (F and f; or types C and c) must still get distinct generated files, not CS8785.
    /// </summary>
    [Fact]
    public void Names_that_differ_only_in_case_generate_distinct_files()
    {
        const string source = """
            using CheapLearning;
            namespace N;
            public static partial class C
            {
                [PolynomialNetwork] public static double F(double x) => x * x;
                [PolynomialNetwork] public static double f(double x) => x * x * x;
            }
            public static partial class c
            {
                [PolynomialNetwork] public static double F(double x) => 2 * x;
            }
            """;
        var outcome = Harness.Run(Harness.Create(source));
        outcome.AssertNoCrash("case-insensitive hint names");
        Assert.Equal(3, outcome.Sources.Count());
        Assert.Empty(outcome.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }
}
