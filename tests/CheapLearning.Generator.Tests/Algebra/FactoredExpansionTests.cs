using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading;
using CheapLearning.Generator.Algebra;
using CheapLearning.TestKit;

namespace CheapLearning.Generator.Tests.Algebra;

/// <summary>
/// <see cref="Expansion.TryExpand"/> keeps products over disjoint variables unexpanded (<see cref="ExpansionValue"/>);
/// against the eager expansion it replaced (<see cref="EagerExpansion"/>) it must give the same polynomial — the same
/// terms, the same exact coefficients, even the same dictionary order — and give up (null) on exactly the same graphs.
/// </summary>
public class FactoredExpansionTests
{
    private static readonly FieldInfo TermsField = typeof(Polynomial).GetField("_terms", BindingFlags.NonPublic | BindingFlags.Instance)!;

    [Fact]
    public void Random_graphs_expand_exactly_as_the_eager_expansion_within_the_same_limits()
    {
        int seed = Seeds.Stable(nameof(Random_graphs_expand_exactly_as_the_eager_expansion_within_the_same_limits));
        var random = new Random(seed);
        int[] limits = { 1, 2, 3, 8, 40, 300, 10_000 };
        int expanded = 0, refused = 0;
        for (int trial = 0; trial < 1500; trial++)
        {
            int n = random.Next(1, 13);
            var b = new ExprBuilder(n);
            var graph = b.Build(Generate(b, random, Enumerable.Range(0, n).ToArray(), random.Next(1, 5)));
            int maxTerms = limits[random.Next(limits.Length)];
            var expected = EagerExpansion.TryExpand(graph, maxTerms);
            var actual = Expansion.TryExpand(graph, maxTerms, CancellationToken.None);
            string where = $"trial {trial} (seed {seed}), {n} variables, limit {maxTerms}";
            Assert.True((expected is null) == (actual is null), where + (expected is null ? ": the eager expansion gave up" : ": the eager expansion succeeded"));
            if (expected is null) { refused++; continue; }
            expanded++;
            AssertSameDictionary(expected, actual!, where);
        }
        // Both outcomes must be exercised, or the comparison above proves little.
        Assert.True(expanded > 300 && refused > 100, $"{expanded} expanded, {refused} refused");
    }

    [Theory]
    [InlineData(5, false)]  // K ≈ 2^4983: every coefficient up to K³ fits 16,384 bits; stays unexpanded
    [InlineData(6, false)]  // K ≈ 2^5980: the bound passes the limit at the third factor; the eager product gives up on K³
    [InlineData(6, true)]   // (x₀ + K)(x₁ + 1/K)(x₂ + K): the bound passes, the eager product succeeds (K·(1/K) = 1)
    [InlineData(9, false)]  // K ≈ 2^8970: K² is already over
    public void Huge_coefficients_fall_back_to_the_eager_product_and_its_bit_limit(int power, bool reciprocal)
    {
        var b = new ExprBuilder(3);
        var k = b.Power(b.Constant(1e300), power);
        var middle = reciprocal ? b.Power(b.Constant(1e-300), power) : k;
        var product = b.Multiply(b.Multiply(b.Add(b.Variable(0), k), b.Add(b.Variable(1), middle)), b.Add(b.Variable(2), k));
        var graph = b.Build(product);
        var expected = EagerExpansion.TryExpand(graph, 10_000);
        var actual = Expansion.TryExpand(graph, 10_000, CancellationToken.None);
        Assert.Equal(expected is null, actual is null);
        Assert.Equal(power == 5 || reciprocal, actual is not null);
        if (expected is not null) AssertSameDictionary(expected, actual!, $"K = 1e300^{power}");
    }

    [Fact]
    public void A_product_of_9000_variables_is_one_monomial_with_coefficient_one()
    {
        // Past 8,192 leaves the coefficient bound of the unexpanded chain (2 bits per factor of 1) reaches the bit limit,
        // so the chain is expanded there once and continues from that single term.
        const int n = 9000;
        var (b, product) = Chain(n);
        var p = Expansion.TryExpand(b.Build(b.Scale(product, Rational.FromDouble(0.5))), 10_000, CancellationToken.None)!;
        var term = Assert.Single(p.ExactTerms);
        Assert.Equal(Rational.FromDouble(0.5), term.Value);
        Assert.Equal(n, term.Key.Degree);
        Assert.True(Enumerable.Range(0, n).All(i => term.Key[i] == 1));
    }

    [Fact]
    public void A_product_of_1000_variables_matches_the_eager_expansion()
    {
        var (b, product) = Chain(1000);
        var graph = b.Build(product);
        AssertSameDictionary(EagerExpansion.TryExpand(graph, 10_000)!, Expansion.TryExpand(graph, 10_000, CancellationToken.None)!, "x0⋯x999");
    }

    /// <summary>x₀·x₁⋯x_{n−1}, multiplied left to right as the front end reads it.</summary>
    private static (ExprBuilder Builder, LinearForm Product) Chain(int n)
    {
        var b = new ExprBuilder(n);
        var product = b.Variable(0);
        for (int i = 1; i < n; i++) product = b.Multiply(product, b.Variable(i));
        return (b, product);
    }

    private static void AssertSameDictionary(Polynomial expected, Polynomial actual, string where)
    {
        var e = ((Dictionary<Monomial, Rational>)TermsField.GetValue(expected)!).ToList();
        var a = ((Dictionary<Monomial, Rational>)TermsField.GetValue(actual)!).ToList();
        Assert.True(e.Count == a.Count, $"{where}: {a.Count} terms, expected {e.Count}");
        for (int i = 0; i < e.Count; i++)
        {
            Assert.True(e[i].Key.Equals(a[i].Key), $"{where}: term {i} is a different monomial (or in a different order)");
            Assert.True(e[i].Value == a[i].Value, $"{where}: term {i}: coefficient {a[i].Value}, expected {e[i].Value}");
        }
    }

    /// <summary>
    /// A random expression over the given variables: products of parts over disjoint variables (the unexpanded case)
    /// and over shared ones, sums, powers, scalings by dyadic, non-dyadic and ≈2^1000 constants, and sums that cancel to 0.
    /// </summary>
    private static LinearForm Generate(ExprBuilder b, Random r, int[] vars, int depth)
    {
        if (depth == 0 || r.Next(6) == 0) return Leaf(b, r, vars);
        switch (r.Next(9))
        {
            case 0:
            case 1:
            case 2:
                if (vars.Length < 2) return b.Multiply(Leaf(b, r, vars), Generate(b, r, vars, depth - 1));
                var shuffled = vars.OrderBy(_ => r.Next()).ToArray();
                int cut = r.Next(1, shuffled.Length);
                return b.Multiply(Generate(b, r, shuffled.Take(cut).ToArray(), depth - 1), Generate(b, r, shuffled.Skip(cut).ToArray(), depth - 1));
            case 3:
                return b.Multiply(Generate(b, r, vars, depth - 1), Generate(b, r, vars, depth - 1));
            case 4:
                return b.Add(Generate(b, r, vars, depth - 1), Generate(b, r, vars, depth - 1));
            case 5:
                return b.Power(Generate(b, r, vars, depth - 1), r.Next(2, 4));
            case 6:
                return b.Scale(Generate(b, r, vars, depth - 1), Constant(r));
            case 7:
                // (u + v)² − u² − 2uv − v² = 0, built from distinct atoms, so only the expansion finds it is zero.
                var u = Leaf(b, r, vars);
                var v = Leaf(b, r, vars);
                var zero = b.Subtract(b.Power(b.Add(u, v), 2), b.Add(b.Add(b.Power(u, 2), b.Scale(b.Multiply(u, v), 2)), b.Power(v, 2)));
                return b.Multiply(zero, Generate(b, r, vars, depth - 1));
            default:
                return b.Add(Generate(b, r, vars, depth - 1), b.Constant(r.Next(-3, 4)));
        }
    }

    private static LinearForm Leaf(ExprBuilder b, Random r, int[] vars)
    {
        var x = b.Variable(vars[r.Next(vars.Length)]);
        return r.Next(3) == 0 ? b.Scale(x, Constant(r)) : x;
    }

    private static Rational Constant(Random r) => r.Next(5) switch
    {
        0 => Rational.FromDouble(0.1),
        1 => Rational.FromDouble(-3),
        2 => Rational.FromDouble(1e300),
        3 => Rational.FromDouble(0.375),
        _ => Rational.FromDouble(r.Next(1, 100) / 7.0),
    };
}
