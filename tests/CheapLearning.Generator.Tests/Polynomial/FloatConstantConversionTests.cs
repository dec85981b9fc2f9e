using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using CheapLearning.Generator.Tests.Infrastructure;
using CheapLearning.TestKit;

namespace CheapLearning.Generator.Tests.Polynomials;

/// <summary>
/// An integer constant where C# expects a float is converted by the compiler, and above 2^24 that rounds:
/// <c>float t = 16777217;</c> holds 16777216. The front end took the integer itself (the compiler's constant value of
/// the literal), so <c>t * x</c> became a network for 16777217·x, off by |x| from what the method computes while its
/// bound said 7e-9: a silent wrong answer in a double method. Expected values below are derived by hand (float spacing
/// is 2 on [2^24, 2^25) and 8 on [2^26, 2^27)).
/// </summary>
public class FloatConstantConversionTests
{
    private const string Source = """
        using CheapLearning;
        namespace Demo
        {
            public static partial class Conversions
            {
                [PolynomialNetwork]
                public static double Local(double x) { float t = 16777217; return t * x; }

                [PolynomialNetwork]
                public static double Widened(double x) { float t = 123456789; double u = t; return u * x - t; }

                [PolynomialNetwork]
                public static double Assigned(double x) { float t; t = 16777219L; return x * t; }

                [PolynomialNetwork]
                public static double FloatInput(float x) => x * 16777217 + 2;
            }
        }
        """;

    [Theory]
    // 16777217 → 16777216 (ties to even); 123456789 → 123456792; 16777219 → 16777220 (ties to even); 16777217 → 16777216.
    [InlineData("Local", 16777216.0, 0.0)]
    [InlineData("Widened", 123456792.0, -123456792.0)]
    [InlineData("Assigned", 16777220.0, 0.0)]
    [InlineData("FloatInput", 16777216.0, 2.0)]
    public void An_integer_constant_converted_to_float_is_the_float_CSharp_computes_with(string method, double slope, double offset)
    {
        var assembly = TestCompilation.BuildAndLoad(Source);
        var network = assembly.GetType("Demo.Conversions+" + method + "Network")!;
        var deep = network.ScalarEvaluator("Deep")!;
        var model = (NetworkModel)network.GetProperty("DeepModel")!.GetValue(null)!;
        var original = assembly.GetType("Demo.Conversions")!.GetMethod(method)!;
        bool isFloat = deep.GetParameters()[0].ParameterType == typeof(float);
        var random = new Random(Seeds.Stable(method));
        for (int k = 0; k < 300; k++)
        {
            double x = k < 2 ? (k == 0 ? -1 : 1) : 2 * random.NextDouble() - 1;
            if (isFloat) x = (float)x;
            object argument = isFloat ? (object)(float)x : x;
            double value = (double)deep.Invoke(null, new[] { argument })!;
            // p(x) = slope·x + offset, in exact arithmetic.
            var exact = ExactNumber.FromDouble(slope) * ExactNumber.FromDouble(x) + ExactNumber.FromDouble(offset);
            double error = (ExactNumber.FromDouble(value) - exact).Abs().RoundUp();
            Assert.True(error <= model.ErrorBound + PolynomialOracle.Slack(exact.ToDouble()), $"{method}({x:R}) = {value:R}, p = {exact.ToDouble():R}, error {error:G3} > bound {model.ErrorBound:G3}");
            if (!isFloat)
            {
                // A double method computes exactly this p up to its own rounding: the network agrees with the method.
                double csharp = (double)original.Invoke(null, new[] { argument })!;
                Assert.True(Math.Abs(csharp - value) <= model.ErrorBound + 4 * Math.Abs(csharp) * 1.1102230246251565E-16, $"{method}({x:R}): C# {csharp:R}, network {value:R}");
            }
        }
    }

    [Fact]
    public void The_oracle_reads_the_converted_constant_too()
    {
        var oracle = PolynomialOracle.FromSource(Source, "Conversions", "Local");
        Assert.Equal(ExactNumber.FromDouble(16777216.0 * 0.75), oracle.Value(new[] { 0.75 }));
    }

    [Fact]
    public void A_float_sum_that_rounds_because_of_the_conversion_is_CHEAP007()
    {
        // 1f + 16777216f is 16777217, not a float: the method's t is 16777216, the network's 16777217 (CHEAP007, as for any rounding float operation).
        var diagnostics = TestCompilation.Analyze(FrontEndDiagnosticsTests.InClass("""
                [PolynomialNetwork] public static double Sum(double x) { float t = 1; t += 16777217; return t * x; }
            """));
        var d = Assert.Single(diagnostics, d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning);
        Assert.Equal("CHEAP007", d.Id);
        Assert.Contains("'t += 16777217' rounds its exact value 16777217 to float", d.GetMessage(), StringComparison.Ordinal);
    }

    /// <summary>
    /// <c>MathF.Pow(0.1f, 2)</c> in a method of double inputs returns 0.1f² rounded to float, a float operation like
    /// <c>0.1f * 0.1f</c> on a float local (CHEAP007 there); the network took the exact square silently, 4e-10·|x| from
    /// the method with a bound of 4e-18. Now CHEAP007 at 'Pow'. Silent where nothing rounds (0.5f³) and in a float method.
    /// </summary>
    [Fact]
    public Task A_MathF_Pow_of_constants_that_rounds_is_CHEAP007_at_Pow() => AnalyzerVerifier.VerifyAsync(FrontEndDiagnosticsTests.InClass("""
            [PolynomialNetwork] public static double Square(double x) => MathF.{|#0:Pow|}(0.1f, 2) * x;
            [PolynomialNetwork] public static double Local(double x) { float t = 0.1f; return x * MathF.{|#1:Pow|}(y: 3, x: t); }
            [PolynomialNetwork] public static double Exact(double x) => MathF.Pow(0.5f, 3) * x + Math.Pow(0.1, 2) * x;
            [PolynomialNetwork] public static double FloatMethod(float x) => MathF.Pow(0.1f, 2) * x;
        """),
        new DiagnosticResult("CHEAP007", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("The float operation 'MathF.Pow(0.1f, 2)'", "rounds its exact value 0.010000000298023226 to float"),
        // 0.1f³ = 13421773³·2^-81 (an odd number of 72 bits, no double holds it) is ≈ 0.0010000000447034842 (Python Fraction).
        new DiagnosticResult("CHEAP007", DiagnosticSeverity.Warning).WithLocation(1).WithArguments("The float operation 'MathF.Pow(y: 3, x: t)'", "rounds its exact value ≈ 0.0010000000447034842 to float"));
}
