using System.Globalization;
using System.Linq;
using CheapLearning.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace CheapLearning.Generator.Tests.Polynomials;

/// <summary>
/// README, "Never lies": an ErrorBound that is not finite always comes with CHEAP004. The deep form kept that promise,
/// the flat form did not: with Form = Flat and no written Tolerance, 1e307·x³ (S fits, the flat weights do not), x²y² at
/// InputBound = 1e100 and a ReLU flat x³ at 1e100 (S beyond double) were emitted with FlatErrorBound = ∞ and NaN
/// outputs, and no diagnostic at all (found by adv16, session of 2026-11-30).
/// </summary>
public class FlatNonFiniteBoundTests
{
    private static string Source(string arguments, string signature, string body) => $$"""
        using CheapLearning;
        namespace Demo;
        public static partial class T
        {
            [PolynomialNetwork({{arguments}})]
            public static double F({{signature}}) => {{body}};
        }
        """;

    [Theory]
    [InlineData("Form = NetworkForm.Flat", "double x", "1e307 * x * x * x", "fits in a double, but the flat network's weights or sums do not")]
    [InlineData("Form = NetworkForm.Flat, InputBound = 1e100", "double x, double y", "x * x * y * y", "beyond double's range")]
    [InlineData("Form = NetworkForm.Flat, Activation = Activation.ReLU, Tolerance = 1e-2, InputBound = 1e100", "double x", "x * x * x * 1e10", "beyond double's range")]
    public void A_flat_form_with_an_infinite_bound_is_CHEAP004(string arguments, string signature, string body, string why)
    {
        string source = Source(arguments, signature, body);
        var type = TestCompilation.BuildAndLoad(source).GetType("Demo.T+FNetwork")!;
        double bound = (double)type.GetField("FlatErrorBound")!.GetValue(null)!;
        Assert.True(double.IsInfinity(bound), $"FlatErrorBound {bound}");
        var warning = Assert.Single(TestCompilation.Analyze(source), d => d.Id == "CHEAP004");
        string message = warning.GetMessage(CultureInfo.InvariantCulture);
        Assert.Contains("in the flat form", message);
        Assert.Contains(why, message);
        Assert.Contains(arguments.Contains("Tolerance") ? "Tolerance 0.01 cannot" : "(the default) cannot", message);
        // At the written Tolerance, else at Form (as the flat form's CHEAP004 for an unreachable Tolerance).
        Assert.Equal(arguments.Contains("Tolerance") ? "Tolerance = 1e-2" : "Form = NetworkForm.Flat", source.Substring(warning.Location.SourceSpan.Start, warning.Location.SourceSpan.Length));
        Assert.Empty(warning.Properties);   // no "Set Tolerance" fix: no tolerance can be met
    }

    /// <summary>With Form = Both each form's infinite bound is its own CHEAP004 (the deep one already was).</summary>
    [Fact]
    public void Both_infinite_bounds_are_reported()
    {
        var warnings = TestCompilation.Analyze(Source("Form = NetworkForm.Both", "double x", "1.5e307 * x * x")).Where(d => d.Id == "CHEAP004")
            .Select(d => d.GetMessage(CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Single(warnings, m => m.Contains("with Softplus in the flat form:"));
        Assert.Single(warnings, m => m.Contains("with Softplus:"));
    }

    /// <summary>A finite flat bound without a written Tolerance stays silent (the default never warns).</summary>
    [Fact]
    public void A_finite_flat_bound_without_a_tolerance_is_silent()
        => Assert.DoesNotContain(TestCompilation.Analyze(Source("Form = NetworkForm.Flat, InputBound = 1e100", "double x, double y", "x * y * 1e100")),
                                 d => d.Id == "CHEAP004");
}
