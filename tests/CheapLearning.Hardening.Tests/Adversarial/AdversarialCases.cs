using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace CheapLearning.Hardening.Tests.Adversarial;

/// <summary>One adversarial polynomial: parameters, body (an expression) and input bound.</summary>
public sealed record AdversarialCase(string Parameters, string Body, double InputBound)
{
    public int Variables => Parameters.Split(',').Length;
}

/// <summary>
/// The families of issue 8's "Tests and figures": cancellation, coefficients 1e-12…1e12, input
/// bounds 1e-30…1e30, degree up to 64, plus a moderate control family that must pass today. Each
/// family is a fixed list drawn from a stable seed (the family's name), so a failure names a case
/// that replays.
/// </summary>
public static class AdversarialCases
{
    public const string Moderate = "Moderate", Cancellation = "Cancellation", Coefficients = "Coefficients",
                        InputBounds = "InputBounds", HighDegree = "HighDegree";

    private static readonly string[] Names = { "x", "y", "z", "w" };

    public static IReadOnlyList<AdversarialCase> Family(string family)
    {
        var random = new Random(TestKit.Seeds.Stable(family));
        return family switch
        {
            Moderate => Enumerable.Range(0, 8).Select(_ => RandomPolynomial(random, 3, 4, -2, 2, new[] { 0.5, 1, 2 }[random.Next(3)])).ToList(),
            Coefficients => Enumerable.Range(0, 8).Select(_ => RandomPolynomial(random, 3, 4, -12, 12, 1)).ToList(),
            Cancellation => CancellationCases(random),
            InputBounds => InputBoundCases(),
            HighDegree => new List<AdversarialCase>
            {
                new("double x", "Math.Pow(x, 16)", 1), new("double x", "Math.Pow(x, 32) - Math.Pow(x, 31)", 1),
                new("double x", "Math.Pow(x, 64)", 1), new("double x", "Math.Pow(x, 64) + 0.5 * x", 0.9),
                new("double x, double y", "Math.Pow(x * y, 32)", 1), new("double x, double y", "Math.Pow(x + 0.5 * y, 8)", 1),
            },
            _ => throw new ArgumentOutOfRangeException(nameof(family)),
        };
    }

    private static AdversarialCase RandomPolynomial(Random random, int maxVariables, int maxDegree, int minExponent, int maxExponent, double r)
    {
        int n = random.Next(1, maxVariables + 1);
        var terms = new List<string>();
        for (int t = random.Next(1, 5); t > 0; t--)
        {
            double c = Math.Pow(10, minExponent + random.NextDouble() * (maxExponent - minExponent)) * (random.Next(2) == 0 ? 1 : -1);
            var factors = new List<string> { Literal(c) };
            for (int k = random.Next(0, maxDegree + 1); k > 0; k--) factors.Add(Names[random.Next(n)]);
            terms.Add(string.Join(" * ", factors));
        }
        return new AdversarialCase(Parameters(n), string.Join(" + ", terms), r);
    }

    private static List<AdversarialCase> CancellationCases(Random random)
    {
        // Issue 8, finding 1, verbatim; then generated a·x·K + b·x·K − c·x·K with c the double nearest a + b.
        var cases = new List<AdversarialCase>
        {
            new("double x", "0.1*x*1e20 + 0.2*x*1e20 - 0.3*x*1e20", 1),
            new("double x, double y", "(1e8*x + 0.1)*(1e8*y + 0.3) - 1e16*x*y - 3e7*x - 1e7*y", 1),
            new("double x, double y", "(1e8*x + 0.1*y)*(1e8*x + 0.1*y) - 1e16*x*x - 2e7*x*y", 1),
            new("double x", string.Join(" + ", Enumerable.Repeat("0.1*x", 4000)), 1),
        };
        for (int i = 0; i < 4; i++)
        {
            double a = random.NextDouble(), b = random.NextDouble(), k = Math.Pow(10, 5 + 15 * random.NextDouble());
            cases.Add(new("double x, double y", $"{Literal(a)}*x*{Literal(k)} + {Literal(b)}*x*{Literal(k)} - {Literal(a + b)}*x*{Literal(k)} + x*y", 1));
        }
        return cases;
    }

    private static List<AdversarialCase> InputBoundCases()
    {
        var cases = new List<AdversarialCase>();
        foreach (var r in new[] { 1e-30, 1e-20, 1e-10, 1e-5, 1e5, 1e10, 1e20, 1e30 })
        {
            cases.Add(new("double x, double y", "x * y", r));
            cases.Add(new("double x, double y, double z", "x * y * z", r));
            cases.Add(new("double x", "Math.Pow(x, 3) - x", r));
        }
        return cases;
    }

    private static string Parameters(int n) => string.Join(", ", Names.Take(n).Select(v => "double " + v));

    private static string Literal(double d) => d.ToString("R", CultureInfo.InvariantCulture);
}
