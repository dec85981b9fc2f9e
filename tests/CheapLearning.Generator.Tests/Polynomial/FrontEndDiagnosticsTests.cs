using System.Threading.Tasks;
using CheapLearning.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace CheapLearning.Generator.Tests.Polynomials;

/// <summary>CHEAP001–CHEAP005, each at its exact span (markup {|ID:…|}) with a message naming what was seen.</summary>
public class FrontEndDiagnosticsTests
{
    /// <summary>The members inside a partial class C, with using System and CheapLearning.</summary>
    internal static string InClass(string members) => $$"""
        using System;
        using CheapLearning;
        public static partial class C
        {
        {{members}}
        }
        """;

    [Fact]
    public Task Valid_polynomials_have_no_diagnostics() => AnalyzerVerifier.VerifyAsync(InClass("""
            private const double K = 2.5;
            [PolynomialNetwork] public static double A(double x, double y) => K * x * x - y / 4 + Math.Pow(x - y, 3);
            [PolynomialNetwork] public static double B(double x) { const double h = 0.5; var t = x * h; double u = t + 1; u *= t; return u - (double)3; }
            [PolynomialNetwork] public static double D(float x) => -x * +x;
        """));

    [Fact]
    public Task Call_to_Math_Sin_is_reported_at_the_call() => AnalyzerVerifier.VerifyAsync(InClass("""
            [PolynomialNetwork] public static double F(double x) => x * {|#0:Math.Sin(x)|};
        """), new DiagnosticResult("CHEAP001", DiagnosticSeverity.Error).WithLocation(0)
            .WithArguments("A call to 'Math.Sin'", "only Math.Pow with a non-negative integer constant exponent and Math.FusedMultiplyAdd are polynomial"));

    [Fact]
    public Task Division_by_a_variable_is_reported_at_the_divisor() => AnalyzerVerifier.VerifyAsync(InClass("""
            [PolynomialNetwork] public static double F(double x, double y) => (x + 1) / {|#0:y|};
        """), new DiagnosticResult("CHEAP001", DiagnosticSeverity.Error).WithLocation(0)
            .WithArguments("Division by 'y'", "a polynomial can only be divided by a constant"));

    [Fact]
    public Task Fractional_power_is_reported_at_the_exponent() => AnalyzerVerifier.VerifyAsync(InClass("""
            [PolynomialNetwork] public static double F(double x) => Math.Pow(x, {|#0:0.5|});
        """), new DiagnosticResult("CHEAP001", DiagnosticSeverity.Error).WithLocation(0)
            .WithArguments("Math.Pow with exponent '0.5'", "the exponent must be a non-negative integer constant (at most 1000000)"));

    /// <summary>
    /// Found by a consumer project: Math.Pow's arguments were read by position, so <c>Math.Pow(y: x, x: 2)</c>, which is
    /// 2^x, got a network of x² with a "proven" bound, and <c>Math.Pow(y: 3, x: x)</c>, which is x³, was refused.
    /// </summary>
    [Fact]
    public Task Math_Pow_arguments_are_read_by_name() => AnalyzerVerifier.VerifyAsync(InClass("""
            [PolynomialNetwork] public static double TwoToX(double x) => Math.Pow(y: {|#0:x|}, x: 2);
            [PolynomialNetwork] public static double Cube(double x) => Math.Pow(y: 3, x: x) + Math.Pow(x, y: 2) + Math.Pow(x: x, y: 1);
        """), new DiagnosticResult("CHEAP001", DiagnosticSeverity.Error).WithLocation(0)
            .WithArguments("Math.Pow with exponent 'x'", "the exponent must be a non-negative integer constant (at most 1000000)"));

    [Fact]
    public Task Conditional_loop_and_field_are_reported_where_they_are() => AnalyzerVerifier.VerifyAsync(InClass("""
            private static double s_scale = 2;
            [PolynomialNetwork] public static double F(double x) => {|#0:x > 0 ? x : -x|};
            [PolynomialNetwork] public static double G(double x) { double y = x; {|#1:for (int i = 0; i < 3; i++) y *= x;|} return y; }
            [PolynomialNetwork] public static double H(double x) => {|#2:s_scale|} * x;
        """),
        new DiagnosticResult("CHEAP001", DiagnosticSeverity.Error).WithLocation(0).WithArguments("A conditional expression (?:) whose condition is not a constant", "the method may compute either branch, so it is piecewise, not one polynomial (a const condition picks one)"),
        new DiagnosticResult("CHEAP001", DiagnosticSeverity.Error).WithLocation(1).WithArguments("A 'for' loop", "the body must be locals, assignments to them, and one final return"),
        new DiagnosticResult("CHEAP001", DiagnosticSeverity.Error).WithLocation(2).WithArguments("The field 's_scale'", "only const fields are constants; a field or property that is not const can change at run time"));

    [Fact]
    public Task Non_partial_and_generic_containers_are_CHEAP002() => AnalyzerVerifier.VerifyAsync("""
        using CheapLearning;
        public static class {|#0:NotPartial|}
        {
            [PolynomialNetwork] public static double F(double x) => x * x;
        }
        public static partial class {|#1:Generic|}<T>
        {
            [PolynomialNetwork] public static double G(double x) => x * x;
        }
        public static partial class {|#3:Outer|}<T>
        {
            public static partial class Inner
            {
                [PolynomialNetwork] public static double N(double x) => x * x;
            }
        }
        file static partial class {|#2:FileLocal|}
        {
            [PolynomialNetwork] public static double H(double x) => x * x;
        }
        """,
        new DiagnosticResult("CHEAP002", DiagnosticSeverity.Error).WithLocation(0)
            .WithArguments("The type 'NotPartial' containing 'F' must be declared partial so that 'FNetwork' can be generated inside it"),
        new DiagnosticResult("CHEAP002", DiagnosticSeverity.Error).WithLocation(1)
            .WithArguments("The type 'Generic' containing 'G' is generic; networks are generated only in non-generic types"),
        // Found by a consumer project: the non-generic class nested in a generic one was called generic too.
        new DiagnosticResult("CHEAP002", DiagnosticSeverity.Error).WithLocation(3)
            .WithArguments("The type 'Outer' containing 'N' is generic; networks are generated only in non-generic types"),
        // Found by a consumer project: a file-local type got a network in a separate type of the same name (CS0103 on use).
        new DiagnosticResult("CHEAP002", DiagnosticSeverity.Error).WithLocation(2)
            .WithArguments("The type 'FileLocal' containing 'H' is file-local; networks are generated in another file, which cannot extend it"));

    [Fact]
    public Task Unsupported_signatures_are_CHEAP003() => AnalyzerVerifier.VerifyAsync(InClass("""
            [PolynomialNetwork] public double Instance(double x) => x;
            [PolynomialNetwork] public static double IntParameter({|#1:int|} n) => n;
            [PolynomialNetwork] public static double RefParameter({|#2:ref double x|}) => x;
            [PolynomialNetwork] public static {|#3:float|} ReturnsFloat(double x) => (float)x;
            [PolynomialNetwork] public static double Twice(double x) => x;
            [PolynomialNetwork] public static double {|#4:Twice|}(double x, double y) => x * y;
        """),
        // C#'s CS0708 (an instance member in a static class) only: a CHEAP003 "must be static" at the same name would repeat it.
        new DiagnosticResult("CHEAP003", DiagnosticSeverity.Error).WithLocation(1).WithArguments("The parameter 'n' has type 'int'; polynomial inputs are double or float"),
        new DiagnosticResult("CHEAP003", DiagnosticSeverity.Error).WithLocation(2).WithArguments("The parameter 'x' is passed by reference; polynomial inputs are double or float values"),
        new DiagnosticResult("CHEAP003", DiagnosticSeverity.Error).WithLocation(3).WithArguments("'ReturnsFloat' returns 'float'; a [PolynomialNetwork] method returns double"),
        new DiagnosticResult("CHEAP003", DiagnosticSeverity.Error).WithLocation(4).WithArguments("Another [PolynomialNetwork] overload of 'Twice' comes first; both would generate 'TwiceNetwork'. Rename one of them"),
        DiagnosticResult.CompilerError("CS0708").WithSpan(5, 39, 5, 47).WithArguments("Instance"));

    [Fact]
    public Task Unreachable_tolerance_is_CHEAP004_at_the_argument() => AnalyzerVerifier.VerifyAsync(InClass("""
            [PolynomialNetwork({|#0:Tolerance = 1e-15|})] public static double F(double x, double y) => x * y;
        """), new DiagnosticResult("CHEAP004", DiagnosticSeverity.Warning).WithLocation(0));

    [Fact]
    public Task Invalid_arguments_are_CHEAP005_at_the_argument() => AnalyzerVerifier.VerifyAsync(InClass("""
            [PolynomialNetwork(InputBound = {|#0:-1|}, Tolerance = {|#1:double.NaN|}, Activation = {|#2:(Activation)9|})]
            public static double F(double x) => x * x;
        """),
        new DiagnosticResult("CHEAP005", DiagnosticSeverity.Error).WithLocation(0).WithArguments("InputBound = -1 must be a finite number between 1e-100 and 1e100"),
        new DiagnosticResult("CHEAP005", DiagnosticSeverity.Error).WithLocation(1).WithArguments("Tolerance = NaN must be a positive finite number"),
        new DiagnosticResult("CHEAP005", DiagnosticSeverity.Error).WithLocation(2).WithArguments("Activation = 9 is not an Activation (Softplus, Sigmoid, Tanh, Exp or ReLU)"));

    [Fact]
    public Task Local_function_is_CHEAP002() => AnalyzerVerifier.VerifyAsync(InClass("""
            public static double Outer(double x)
            {
                [PolynomialNetwork] static double {|#0:Inner|}(double y) => y * y;
                return Inner(x);
            }
        """), new DiagnosticResult("CHEAP002", DiagnosticSeverity.Error).WithLocation(0)
            .WithArguments("'Inner' is a local function; networks are generated only for static methods of partial types"));
}
