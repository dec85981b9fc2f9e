using System;
using System.Collections.Generic;
using System.Linq;
using CheapLearning.Generator.Algebra;
using CheapLearning.Generator.Construction;
using CheapLearning.TestKit;

namespace CheapLearning.Generator.Tests.Infrastructure;

/// <summary>A polynomial written as an explicit list of terms, evaluated by the test itself.</summary>
public sealed record TermList(int Variables, (double Coefficient, int[] Exponents)[] Terms)
{
    /// <summary>The polynomial with exact coefficients (the TestKit oracle; independent of the generator).</summary>
    public ExactPolynomial ToExact() => ExactPolynomial.FromTerms(Variables, Terms);

    /// <summary>The polynomial's value, exact, rounded to the nearest double.</summary>
    public double Evaluate(ReadOnlySpan<double> x) => ToExact().Evaluate(x).ToDouble();

    internal ExprGraph ToGraph()
    {
        var b = new ExprBuilder(Variables);
        var sum = b.Constant(0);
        foreach (var (c, e) in Terms)
        {
            var term = b.Constant(c);
            for (int i = 0; i < e.Length; i++)
                if (e[i] > 0) term = b.Multiply(term, b.Power(b.Variable(i), e[i]));
            sum = b.Add(sum, term);
        }
        return b.Build(sum);
    }

    public static TermList Random(Random r, int variables, int maxDegree, int terms)
    {
        var list = new List<(double, int[])>();
        for (int t = 0; t < terms; t++)
        {
            var e = new int[variables];
            int degree = r.Next(0, maxDegree + 1);
            for (int k = 0; k < degree; k++) e[r.Next(variables)]++;
            double magnitude = Math.Pow(10, r.NextDouble() * 4 - 2);
            list.Add((r.Next(2) == 0 ? magnitude : -magnitude, e));
        }
        return new TermList(variables, list.ToArray());
    }
}

internal static class Networks
{
    /// <summary>The runtime model of a built network (the same conversion the model emitter writes as code).</summary>
    public static NetworkModel ToModel(BuiltNetwork n, double inputBound)
    {
        static SparseAffineMap Map(Stage s) => new(s.InputCount, s.OutputCount, s.RowStarts, s.Columns, s.Weights, s.Bias);
        var layers = n.Layers.Select(l => l.GateInputs is { } g ? new AffineLayer(Map(g), Map(l.Map)) : new AffineLayer(Map(l.Map))).ToList();
        return new NetworkModel((global::CheapLearning.Activation)(int)n.Activation, n.InputCount, layers, inputBound, n.ErrorBound);
    }

    /// <summary>
    /// Max |model − p| against the exact polynomial (rounded up) over <paramref name="points"/> random
    /// points of the box and all its corners (n ≤ 12). Fails with the input if an error exceeds the
    /// model's bound by more than 4 ulps of p(x), the only slack a test grants.
    /// </summary>
    public static double MaxError(NetworkModel model, ExactPolynomial p, int points, int seed)
        => MaxError(model, x => p.Evaluate(x), points, seed);

    /// <summary>As above, for a reference given as an exact function (a polynomial too large to expand).</summary>
    public static double MaxError(NetworkModel model, Func<double[], ExactNumber> p, int points, int seed)
    {
        var r = new Random(seed);
        int n = model.InputCount;
        double worst = 0;
        var x = new double[n];
        void Measure()
        {
            double value = model.Evaluate(x);
            var exact = p(x);
            double error = double.IsFinite(value) ? (ExactNumber.FromDouble(value) - exact).Abs().RoundUp() : double.PositiveInfinity;
            double reference = exact.ToDouble();
            Assert.True(error <= model.ErrorBound + PolynomialOracle.Slack(reference),
                $"|network − p| = {error:G3} > bound {model.ErrorBound:G3} at ({string.Join(", ", x.Select(v => v.ToString("R")))}): network {value:R}, exact p {reference:R} (seed {seed})");
            worst = Math.Max(worst, error);
        }
        for (int i = 0; i < points; i++)
        {
            for (int j = 0; j < n; j++) x[j] = (2 * r.NextDouble() - 1) * model.InputBound;
            Measure();
        }
        if (n <= 12)
            for (int mask = 0; mask < 1 << n; mask++)
            {
                for (int j = 0; j < n; j++) x[j] = ((mask >> j) & 1) == 0 ? -model.InputBound : model.InputBound;
                Measure();
            }
        return worst;
    }
}
