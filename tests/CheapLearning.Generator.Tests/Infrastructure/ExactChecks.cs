using System;
using System.Linq;
using System.Reflection;
using CheapLearning.TestKit;

namespace CheapLearning.Generator.Tests.Infrastructure;

/// <summary>
/// Measures a generated evaluator against the exact polynomial its method denotes (TestKit oracle,
/// read from the test's own source): on every corner of the box (n ≤ 12) and on random points, the
/// evaluator equals its model bit for bit and is within the bound plus 4 ulps of p(x); the bound is
/// at most τ·S with S exact, unless the analyzer says CHEAP004.
/// </summary>
internal static class ExactChecks
{
    public static double AssertNetwork(string source, string typeName, string methodName, MethodInfo evaluator, NetworkModel model,
                                       double tolerance, int randomPoints, int seed)
    {
        var oracle = PolynomialOracle.FromSource(source, typeName, methodName);
        double tauS = oracle.ToleranceTimesScale(tolerance, model.InputBound);
        if (model.ErrorBound > tauS)
            Assert.True(TestCompilation.Analyze(source).Any(d => d.Id == "CHEAP004" && d.GetMessage().Contains(methodName, StringComparison.Ordinal)),
                        $"{methodName}: bound {model.ErrorBound:G3} > τ·S = {tauS:G3} without CHEAP004");
        var types = evaluator.GetParameters().Select(p => p.ParameterType).ToArray();
        int n = types.Length;
        double r = model.InputBound, worst = 0;
        var random = new Random(seed);
        int corners = n <= 12 ? 1 << n : 0;
        for (int k = 0; k < corners + randomPoints; k++)
        {
            var x = Enumerable.Range(0, n).Select(i => k < corners ? (((k >> i) & 1) == 0 ? -r : r) : (2 * random.NextDouble() - 1) * r)
                              .Select((v, i) => types[i] == typeof(float) ? (double)(float)v : v).ToArray();
            var args = x.Select((v, i) => types[i] == typeof(float) ? (object)(float)v : v).ToArray();
            double value = (double)evaluator.Invoke(null, args)!;
            Assert.Equal(BitConverter.DoubleToInt64Bits(model.Evaluate(x)), BitConverter.DoubleToInt64Bits(value));
            double error = oracle.ExactError(value, x), reference = oracle.Value(x).ToDouble();
            Assert.True(error <= model.ErrorBound + PolynomialOracle.Slack(reference),
                $"|{evaluator.Name} − p| = {error:G3} > bound {model.ErrorBound:G3} at {oracle.Describe(x)} (seed {seed}): value {value:R}, exact p {reference:R}");
            worst = Math.Max(worst, error);
        }
        return worst;
    }
}
