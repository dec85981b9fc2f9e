using System.Linq;
using System.Threading.Tasks;
using CheapLearning.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace CheapLearning.Generator.Tests.Polynomials;

/// <summary>
/// Local functions in polynomial methods (found by a packed-package consumer project, session of 2026-11-30 round 13): a
/// helper declared after the return (<c>return Sq(x) + 1; static double Sq(double t) =&gt; t * t;</c>, C#'s usual place
/// for it) was CHEAP001 "An early 'return'" at a return that is the last statement that runs, and any call of a helper
/// was CHEAP001. A call of a local function whose body is one expression is now that expression with the arguments
/// bound (captured locals at their value at the call); each network is checked against the exact oracle, which reads
/// local functions by itself (TestKit MethodInterpreter.Call).
/// </summary>
public class LocalFunctionTests
{
    private const string Source = """
        using System;
        using CheapLearning;
        namespace Demo;
        public static partial class Helpers
        {
            [PolynomialNetwork(InputBound = 2)]
            public static double Trailing(double x, double y)
            {
                return Sq(x) - Sq(x - y) / 4 + Cube(y) + Opt() * x;
                static double Sq(double t) => t * t;
                static double Opt([System.Runtime.InteropServices.Optional] double t) => t + 1;
                static double Cube(double t) { return t * Sq(t); }
            }

            [PolynomialNetwork(InputBound = 1.5, Form = NetworkForm.Both, Tolerance = 1e-6)]
            public static double Captured(double x, double y)
            {
                double a = x + 1;
                double Scaled(double t, double k = 0.5) => a * t * k;
                double r = Scaled(k: 2, t: y) + Scaled(x);
                a *= 3;
                return r + Scaled(1) + Scaled(Scaled(y, 3));
            }

            [PolynomialNetwork]
            public static double Float(float x)
            {
                return Twice(x) * x + Twice(0.25f);
                static float Twice(float t) => 2 * t;
            }

            [PolynomialNetwork]
            public static double Deep40(double x)
            {
                return F40(x);
                static double F0(double t) => t / 1099511627776.0;
                static double F1(double t) => F0(t) + F0(t);
                static double F2(double t) => F1(t) + F1(t);
                static double F3(double t) => F2(t) + F2(t);
                static double F4(double t) => F3(t) + F3(t);
                static double F5(double t) => F4(t) + F4(t);
                static double F6(double t) => F5(t) + F5(t);
                static double F7(double t) => F6(t) + F6(t);
                static double F8(double t) => F7(t) + F7(t);
                static double F9(double t) => F8(t) + F8(t);
                static double F10(double t) => F9(t) + F9(t);
                static double F20(double t) => F10(F10(F10(F10(F10(F10(F10(F10(F10(F10(t))))))))));
                static double F40(double t) => F20(F20(t)) * F20(t) + F10(t) * (1 - t);
            }
        }
        """;

    [Theory]
    [InlineData("Trailing", 1e-9)]
    [InlineData("Captured", 1e-6)]
    [InlineData("Float", 1e-9)]
    [InlineData("Deep40", 1e-9)]
    public void Calls_of_local_functions_build_networks_within_their_bounds(string method, double tolerance)
    {
        var type = TestCompilation.BuildAndLoad(Source).GetType("Demo.Helpers+" + method + "Network")!;
        Assert.NotNull(type);
        foreach (var form in new[] { "Deep", "Flat" })
        {
            if (type.ScalarEvaluator(form) is not { } evaluator) continue;
            var model = (NetworkModel)type.GetProperty(form + "Model")!.GetValue(null)!;
            ExactChecks.AssertNetwork(Source, "Helpers", method, evaluator, model, tolerance, randomPoints: 300, seed: 47);
        }
    }

    /// <summary>Captured at one point, by hand (not only by the oracle).</summary>
    [Fact]
    public void Captured_locals_are_read_at_the_call()
    {
        var type = TestCompilation.BuildAndLoad(Source).GetType("Demo.Helpers+CapturedNetwork")!;
        // x = 1, y = 0.5: a = 2, r = 2·0.5·2 + 2·1·0.5 = 3; then a = 6: Scaled(1) = 3, Scaled(0.5, 3) = 9, Scaled(9) = 27; total 33.
        double value = (double)type.ScalarEvaluator("Deep")!.Invoke(null, new object[] { 1.0, 0.5 })!;
        Assert.InRange(value, 33 - 1e-5, 33 + 1e-5);
    }

    [Fact]
    public Task Local_functions_have_no_diagnostics() => AnalyzerVerifier.VerifyAsync(Source);

    [Fact]
    public Task Local_functions_that_cannot_be_inlined_are_CHEAP001_at_the_call() => AnalyzerVerifier.VerifyAsync(FrontEndDiagnosticsTests.InClass("""
            [PolynomialNetwork] public static double Recursive(double x)
            {
                return F(x);
                static double F(double t) => t * {|#0:F(t)|};
            }
            [PolynomialNetwork] public static double Block(double x)
            {
                return {|#1:F(x)|};
                static double F(double t) { double u = t * t; return u; }
            }
            [PolynomialNetwork] public static double ByReference(double x)
            {
                return {|#2:F(x)|};
                static double F(in double t) => t * t;
            }
            [PolynomialNetwork] public static double NaNDefault(double x)
            {
                return x * {|#3:F()|};
                static double F(double t = double.NaN) => t;
            }
            [PolynomialNetwork] public static double Others(double x) => {|#4:Helper(x)|};
            [PolynomialNetwork] public static double TwoCalls(double x)
            {
                return F(x) + F(x + 1);
                static double F(double t) => t / {|#5:t|};
            }
            private static double Helper(double t) => t;
        """),
        new DiagnosticResult("CHEAP001", DiagnosticSeverity.Error).WithLocation(0)
            .WithArguments("A call to the local function 'F'", "it calls itself, and a recursion has no polynomial of fixed degree"),
        new DiagnosticResult("CHEAP001", DiagnosticSeverity.Error).WithLocation(1)
            .WithArguments("A call to the local function 'F'", "only a local function of double or float parameters passed by value whose body is one expression (=> e, or { return e; }) is inlined as a polynomial"),
        new DiagnosticResult("CHEAP001", DiagnosticSeverity.Error).WithLocation(2)
            .WithArguments("A call to the local function 'F'", "only a local function of double or float parameters passed by value whose body is one expression (=> e, or { return e; }) is inlined as a polynomial"),
        new DiagnosticResult("CHEAP001", DiagnosticSeverity.Error).WithLocation(3)
            .WithArguments("A call to the local function 'F'", "the default value of 't' is NaN or infinite, so it is no polynomial coefficient"),
        new DiagnosticResult("CHEAP001", DiagnosticSeverity.Error).WithLocation(4)
            .WithArguments("A call to 'C.Helper'", "only Math.Pow with a non-negative integer constant exponent and Math.FusedMultiplyAdd are polynomial"),
        // Reported once in the body, not once per call.
        new DiagnosticResult("CHEAP001", DiagnosticSeverity.Error).WithLocation(5)
            .WithArguments("Division by 't'", "a polynomial can only be divided by a constant"));

    /// <summary>Helpers that call each other twice without being static cannot share their values: the work is bounded, not exponential.</summary>
    [Fact]
    public void Too_many_inlined_calls_are_CHEAP001_once()
    {
        var helpers = string.Join("\n", Enumerable.Range(1, 30).Select(k => $"        double F{k}(double t) => F{k - 1}(t) + F{k - 1}(t) + a;"));
        var source = FrontEndDiagnosticsTests.InClass($$"""
            [PolynomialNetwork] public static double Many(double x)
            {
                double a = 0;
                return F30(x);
                double F0(double t) => t + a;
        {{helpers}}
            }
        """);
        var diagnostics = TestCompilation.Analyze(source).Where(d => d.Id == "CHEAP001").ToList();
        Assert.Single(diagnostics);
        Assert.Contains("more than 10000 calls of its local functions", diagnostics[0].GetMessage(), System.StringComparison.Ordinal);
    }
}
