using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CheapLearning.Generator.Algebra;
using CheapLearning.Generator.Construction;
using CheapLearning.Generator.Tests.Infrastructure;
using CheapLearning.TestKit;

namespace CheapLearning.Generator.Tests.Construction;

public class FlatNetworkTests
{
    internal static Polynomial Poly(int variables, params (double C, int[] E)[] terms)
        => new(variables, terms.ToDictionary(t => new Monomial(t.E), t => Rational.FromDouble(t.C)));

    /// <summary>The same polynomial for the exact oracle (built from the terms, not from the generator's Polynomial).</summary>
    internal static ExactPolynomial Exact(int variables, params (double C, int[] E)[] terms)
        => ExactPolynomial.FromTerms(variables, terms.Select(t => (t.C, t.E)));

    /// <summary>Every exponent vector over 6 variables with total degree 1…6.</summary>
    public static IEnumerable<object[]> Monomials()
    {
        var e = new int[6];
        IEnumerable<int[]> Walk(int i, int left)
        {
            if (i == e.Length) { if (left < 6) yield return (int[])e.Clone(); yield break; }
            for (int r = 0; r <= left; r++)
            {
                e[i] = r;
                foreach (var x in Walk(i + 1, left - r)) yield return x;
            }
            e[i] = 0;
        }
        return Walk(0, 6).Where(x => x.Sum() > 0).GroupBy(x => x.Sum()).Select(g => new object[] { g.Key });
    }

    [Theory]
    [MemberData(nameof(Monomials))]
    public void Every_monomial_up_to_degree_6_in_6_variables_has_prod_r_plus_1_neurons_and_meets_its_bound(int degree)
    {
        var random = new System.Random(degree);
        foreach (var exponents in AllExponents(6, degree))
        {
            var p = Poly(6, (1.0, exponents));
            var plan = FlatNetworkBuilder.Build(p, ActivationCalculus.Softplus, 1.0, CancellationToken.None);
            long expected = exponents.Aggregate(1L, (acc, r) => acc * (r + 1));
            Assert.Equal(expected, plan.Network.Neurons);
            Assert.Equal(1, plan.Network.HiddenLayers);
            Assert.Equal(expected, FlatNetworkBuilder.CountNeurons(p));
            AssertMeetsBound(Exact(6, (1.0, exponents)), plan.Network, 1.0, random, $"x^({string.Join(",", exponents)})");
        }
    }

    private static IEnumerable<int[]> AllExponents(int variables, int degree)
    {
        if (variables == 1) { yield return new[] { degree }; yield break; }
        for (int r = degree; r >= 0; r--)
            foreach (var rest in AllExponents(variables - 1, degree - r))
                yield return new[] { r }.Concat(rest).ToArray();
    }

    /// <summary>
    /// Measures against the exact polynomial on the box's corners (up to 256) and random points; the
    /// bound must hold at every point (4 ulps of p(x) of slack), be within 1e4 of the measured error,
    /// and be at most 10^(d−8)·S for degree d (S exact): the flat form's measured reach on [−1, 1]ⁿ
    /// (README: 1.1e-10 at d = 2 up to 4.8e-4 at d = 8; Exp and odd degrees reach less) with margin, not an absolute "< 1e-2".
    /// </summary>
    internal static void AssertMeetsBound(ExactPolynomial p, BuiltNetwork network, double r, System.Random random, string what, int samples = 200)
    {
        var model = Models.ToModel(network, r);
        var oracle = new PolynomialOracle(p, what);
        int n = p.Variables;
        double worst = 0;
        var x = new double[n];
        int corners = Math.Min(1 << n, 256);
        for (int c = 0; c < corners + samples; c++)
        {
            for (int i = 0; i < n; i++)
                x[i] = c < corners ? ((c >> i) & 1) == 0 ? -r : r : r * (2 * random.NextDouble() - 1);
            double value = model.Evaluate(x), error = oracle.ExactError(value, x), reference = oracle.Value(x).ToDouble();
            Assert.True(error <= network.ErrorBound + PolynomialOracle.Slack(reference),
                $"{what}: |network − p| = {error:G3} > bound {network.ErrorBound:G3} at {oracle.Describe(x)}");
            worst = Math.Max(worst, error);
        }
        double s = oracle.Scale(r), ceiling = Math.Pow(10, p.Degree - 8) * s;
        Assert.True(network.ErrorBound <= ceiling, $"{what}: bound {network.ErrorBound:G3} > 10^(d−8)·S = {ceiling:G3}");
        Assert.True(network.ErrorBound <= 1e4 * Math.Max(worst, s * 1e-16), $"{what}: bound {network.ErrorBound:G3} far above measured {worst:G3}");
    }
}

public class FlatPolynomialTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(6)]
    public void Univariate_polynomial_of_degree_d_uses_at_most_d_plus_1_neurons(int degree)
    {
        var terms = Enumerable.Range(0, degree + 1).Select(k => (C: (k % 2 == 0 ? 1.0 : -0.5) * (k + 1), E: new[] { 0, k })).ToArray();
        var p = FlatNetworkTests.Poly(2, terms);
        var plan = FlatNetworkBuilder.Build(p, ActivationCalculus.Softplus, 1.0, CancellationToken.None);
        Assert.True(plan.Network.Neurons <= degree + 1, $"{plan.Network.Neurons} neurons");
        Assert.Equal(plan.Network.Neurons, FlatNetworkBuilder.CountNeurons(p));
        FlatNetworkTests.AssertMeetsBound(FlatNetworkTests.Exact(2, terms), plan.Network, 1.0, new System.Random(degree), $"univariate degree {degree}");
    }

    [Fact]
    public void Neurons_with_equal_weights_are_shared_across_monomials()
    {
        // x⁴ has weights (4,0),(2,0),(0,0),(−2,0),(−4,0); x²y² has (±2|0, ±2|0): (2,0),(0,0),(−2,0) are shared.
        var terms = new[] { (1.0, new[] { 4, 0 }), (2.0, new[] { 2, 2 }), (-3.0, new[] { 0, 0 }) };
        var p = FlatNetworkTests.Poly(2, terms);
        var plan = FlatNetworkBuilder.Build(p, ActivationCalculus.Softplus, 1.0, CancellationToken.None);
        Assert.Equal(5 + 9 - 3, plan.Network.Neurons);
        Assert.Equal(11, FlatNetworkBuilder.CountNeurons(p));
        FlatNetworkTests.AssertMeetsBound(FlatNetworkTests.Exact(2, terms), plan.Network, 1.0, new System.Random(7), "x⁴ + 2x²y² − 3");
    }

    [Theory]
    [InlineData(3)]  // keys packed into a long
    [InlineData(9)]  // more than 7 variables: keys kept as vectors
    public void Counted_neurons_share_equal_weights_only_within_a_degree(int variables)
    {
        int[] E(params int[] leading) => leading.Concat(new int[variables - leading.Length]).ToArray();
        // x⁴ + 2x²y²: (2,0,…), (0,0,…), (−2,0,…) shared, 5 + 9 − 3 = 11 (as above).
        Assert.Equal(11, FlatNetworkBuilder.CountNeurons(FlatNetworkTests.Poly(variables, (1.0, E(4)), (2.0, E(2, 2)))));
        // xy has (±1, ±1, 0); xyz² has (±1, ±1, 2|0|−2): (±1, ±1, 0) recur, but at degree 4 (other bias and λ), so 4 + 12.
        var p = FlatNetworkTests.Poly(variables, (1.0, E(1, 1)), (-0.5, E(1, 1, 2)));
        Assert.Equal(16, FlatNetworkBuilder.CountNeurons(p));
        Assert.Equal(16, FlatNetworkBuilder.Build(p, ActivationCalculus.Softplus, 1.0, CancellationToken.None).Network.Neurons);
    }

    [Theory]
    [InlineData(0, 2.0)] // softplus
    [InlineData(1, 1.0)] // sigmoid
    [InlineData(2, 0.5)] // tanh
    [InlineData(3, 1.0)] // exp
    public void Mixed_polynomials_meet_their_bounds_for_every_activation(int activationNumber, double r)
    {
        var terms = new[] { (1.5, new[] { 1, 1, 0 }), (-0.25, new[] { 0, 2, 1 }), (2.0, new[] { 1, 0, 0 }), (0.5, new[] { 0, 0, 0 }), (1.0, new[] { 1, 1, 1 }) };
        var p = FlatNetworkTests.Poly(3, terms);
        var sigma = new[] { ActivationCalculus.Softplus, ActivationCalculus.Sigmoid, ActivationCalculus.Tanh, ActivationCalculus.Exp }[activationNumber];
        var plan = FlatNetworkBuilder.Build(p, sigma, r, CancellationToken.None);
        Assert.Equal(1, plan.Network.HiddenLayers);
        Assert.Equal(4 + 6 + 2 + 8, plan.Network.Neurons);
        FlatNetworkTests.AssertMeetsBound(FlatNetworkTests.Exact(3, terms), plan.Network, r, new System.Random(3), sigma.Kind.ToString());
    }
}
