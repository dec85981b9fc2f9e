using System;
using System.Linq;
using System.Reflection;
using System.Text;
using CheapLearning.Generator.Algebra;
using CheapLearning.Generator.Tests.Infrastructure;

namespace CheapLearning.Generator.Tests.Construction;

/// <summary>
/// Issue 8, findings 1–3, through the real generator: each method is compiled, its <c>Deep</c> evaluator
/// run on random points and corners, and measured against the exact polynomial written out here by hand
/// (rational arithmetic on the exact binary value of every constant, as the accuracy contract says;
/// nothing is taken from the generator but the network's output and its reported bound).
/// </summary>
public class ExactContractTests
{
    private readonly Xunit.Abstractions.ITestOutputHelper _output;

    public ExactContractTests(Xunit.Abstractions.ITestOutputHelper output) => _output = output;

    private static Rational Q(double d) => Rational.FromDouble(d);

    /// <summary>The exact polynomial as a list of (exact coefficient, exponents), and S = Σ|c|R^deg computed from it.</summary>
    private sealed record Exact(int Variables, (Rational C, int[] E)[] Terms)
    {
        public Rational At(double[] x)
        {
            var sum = Rational.Zero;
            foreach (var (c, e) in Terms)
            {
                var t = c;
                for (int i = 0; i < e.Length; i++)
                    for (int k = 0; k < e[i]; k++) t *= Q(x[i]);
                sum += t;
            }
            return sum;
        }

        public Rational Scale(double r)
        {
            var s = Rational.Zero;
            foreach (var (c, e) in Terms)
            {
                var t = c.Abs();
                for (int k = 0; k < e.Sum(); k++) t *= Q(r);
                s += t;
            }
            return s;
        }
    }

    /// <summary>What one case measured.</summary>
    private sealed record Measured(double Bound, double Scale, Rational MaxError, bool AllFinite, bool AllZero);

    private static readonly string[] Names = { "x", "y", "z", "w" };

    private Measured Run(string body, int n, double r, Exact p, int points = 400, string extra = "", string form = "Deep")
    {
        string parameters = string.Join(", ", Names.Take(n).Select(v => "double " + v));
        string source = $$"""
            using CheapLearning;
            using System;
            public static partial class C
            {
                [PolynomialNetwork(InputBound = {{r:R}}{{extra}})]
                public static double F({{parameters}}) => {{body}};
            }
            """;
        var assembly = TestCompilation.BuildAndLoad(source);
        var network = assembly.GetType("C+FNetwork")!;
        var deep = network.ScalarEvaluator(form)!;
        double bound = (double)network.GetField(form + "ErrorBound")!.GetValue(null)!;
        double scale = (double)network.GetField("Scale")!.GetValue(null)!;
        var random = new Random(8);
        Rational worst = Rational.Zero;
        bool finite = true, zero = true;
        void Check(double[] x)
        {
            double y = (double)deep.Invoke(null, x.Cast<object>().ToArray())!;
            finite &= !double.IsNaN(y) && !double.IsInfinity(y);
            if (!finite) return;
            zero &= y == 0;
            var error = (Q(y) - p.At(x)).Abs();
            if (error.CompareTo(worst) > 0) worst = error;
        }
        for (int i = 0; i < points; i++) Check(Enumerable.Range(0, n).Select(_ => (2 * random.NextDouble() - 1) * r).ToArray());
        for (int mask = 0; mask < 1 << n; mask++) Check(Enumerable.Range(0, n).Select(j => ((mask >> j) & 1) == 0 ? -r : r).ToArray());
        return new Measured(bound, scale, worst, finite, zero);
    }

    private void AssertContract(string name, Measured m, Exact p, double r, double tolerance)
    {
        double s = p.Scale(r).ToDouble();
        // The figures of the table: run with --logger "console;verbosity=detailed" to see them.
        _output.WriteLine($"| {name} | bound {m.Bound:E2} | measured {m.MaxError.ToDouble():E2} | S {m.Scale:E2} (exact {s:E2}) | finite {m.AllFinite} | all zero {m.AllZero} |");
        Assert.True(m.AllFinite, $"{name}: the network returned NaN or ∞");
        Assert.False(double.IsInfinity(m.Bound) || double.IsNaN(m.Bound), $"{name}: bound {m.Bound}");
        Assert.True(m.MaxError.CompareTo(Q(m.Bound)) <= 0, $"{name}: measured {m.MaxError.ToDouble():E3} > bound {m.Bound:E3}");
        // The reported S is the exact one (rounded once) and the bound is useful: within τ·S.
        Assert.True(Math.Abs(m.Scale - s) <= 1e-15 * s, $"{name}: reported S {m.Scale:R}, exact S {s:R}");
        Assert.True(m.Bound <= tolerance * s, $"{name}: bound {m.Bound:E3} > τ·S = {tolerance * s:E3}");
    }

    private static int[] E(params int[] e) => e;

    [Fact]
    public void Cancelling_constants_are_folded_exactly()
    {
        // 0.1·x·1e20 + 0.2·x·1e20 − 0.3·x·1e20 = (0.1 + 0.2 − 0.3)·1e20·x with the doubles' exact values ≈ 2775.56·x.
        var c = Q(0.1) * Q(1e20) + Q(0.2) * Q(1e20) - Q(0.3) * Q(1e20);
        var p = new Exact(1, new[] { (c, E(1)) });
        var m = Run("0.1*x*1e20 + 0.2*x*1e20 - 0.3*x*1e20", 1, 1, p);
        AssertContract("0.1x·1e20+…", m, p, 1, 1e-9);
    }

    [Fact]
    public void Cancelling_expansion_of_a_product_is_exact()
    {
        Rational a = Q(1e8), b = Q(0.1), c = Q(0.3), d = Q(1e16), e = Q(3e7), f = Q(1e7);
        var p = new Exact(2, new[] { (a * a - d, E(1, 1)), (a * c - e, E(1, 0)), (a * b - f, E(0, 1)), (b * c, E(0, 0)) });
        var m = Run("(1e8*x + 0.1)*(1e8*y + 0.3) - 1e16*x*y - 3e7*x - 1e7*y", 2, 1, p);
        AssertContract("(1e8x+0.1)(1e8y+0.3)−…", m, p, 1, 1e-9);
    }

    [Fact]
    public void Cancelling_square_is_exact()
    {
        Rational a = Q(1e8), b = Q(0.1), d = Q(1e16), g = Q(2e7);
        var p = new Exact(2, new[] { (a * a - d, E(2, 0)), (2 * a * b - g, E(1, 1)), (b * b, E(0, 2)) });
        var m = Run("(1e8*x + 0.1*y)*(1e8*x + 0.1*y) - 1e16*x*x - 2e7*x*y", 2, 1, p);
        AssertContract("(1e8x+0.1y)²−…", m, p, 1, 1e-9);
    }

    [Fact]
    public void A_sum_of_4000_terms_counts_every_fold()
    {
        var body = new StringBuilder("0.1*x");
        for (int i = 1; i < 4000; i++) body.Append(" + 0.1*x");
        var p = new Exact(1, new[] { ((Rational)4000 * Q(0.1), E(1)) });
        var m = Run(body.ToString(), 1, 1, p);
        AssertContract("4000 × 0.1x", m, p, 1, 1e-9);
    }

    [Theory]
    [InlineData("x*y*z", 3, 1e50)]
    [InlineData("x*y", 2, 1e31)]
    [InlineData("x*y", 2, 1e100)]
    [InlineData("x*y*z*w", 4, 1e-60)]
    [InlineData("Math.Pow(x, 3)", 1, 1e-100)]
    [InlineData("x*y*z", 3, 1e-25)]
    [InlineData("x*y*z", 3, 1e-100)]
    [InlineData("x*x*y - 3*y*y*y + 0.5", 2, 1e100)]
    public void Extreme_input_bounds_give_finite_outputs_and_true_bounds(string body, int n, double r)
    {
        var exponents = body switch
        {
            "Math.Pow(x, 3)" => new[] { (Rational.One, E(3)) },
            "x*x*y - 3*y*y*y + 0.5" => new[] { (Rational.One, E(2, 1)), ((Rational)(-3), E(0, 3)), (Q(0.5), E(0, 0)) },
            _ => new[] { (Rational.One, Enumerable.Repeat(1, n).ToArray()) },
        };
        var p = new Exact(n, exponents);
        var m = Run(body, n, r, p);
        AssertContract($"{body} at R = {r:R}", m, p, r, 1e-9);
        Assert.False(m.AllZero, $"{body} at R = {r:R}: the network is identically 0");
    }

    private static Exact Parse(string body, int n) => body switch
    {
        "Math.Pow(x, 3) - 2*x" => new Exact(1, new[] { (Rational.One, E(3)), ((Rational)(-2), E(1)) }),
        "x*x*y - 3*y*y*y + 0.5" => new Exact(2, new[] { (Rational.One, E(2, 1)), ((Rational)(-3), E(0, 3)), (Q(0.5), E(0, 0)) }),
        "(1e8*x + 0.1)*(1e8*y + 0.3) - 1e16*x*y - 3e7*x - 1e7*y" => new Exact(2, new[]
        {
            (Q(1e8) * Q(1e8) - Q(1e16), E(1, 1)), (Q(1e8) * Q(0.3) - Q(3e7), E(1, 0)), (Q(1e8) * Q(0.1) - Q(1e7), E(0, 1)), (Q(0.1) * Q(0.3), E(0, 0)),
        }),
        "(1e8*x + 0.1*y)*(1e8*x + 0.1*y) - 1e16*x*x - 2e7*x*y" => new Exact(2, new[]
        {
            (Q(1e8) * Q(1e8) - Q(1e16), E(2, 0)), (2 * Q(1e8) * Q(0.1) - Q(2e7), E(1, 1)), (Q(0.1) * Q(0.1), E(0, 2)),
        }),
        "(1e8*x + 0.1*y)*(1e8*x + 0.1*y)*z - 1e16*x*x*z - 2e7*x*y*z" => new Exact(3, new[]
        {
            (Q(1e8) * Q(1e8) - Q(1e16), E(2, 0, 1)), (2 * Q(1e8) * Q(0.1) - Q(2e7), E(1, 1, 1)), (Q(0.1) * Q(0.1), E(0, 2, 1)),
        }),
        _ => new Exact(n, new[] { (Rational.One, Enumerable.Repeat(1, n).ToArray()) }),
    };

    /// <summary>The flat form (Eq 28) and the depth-k form get the same exact coefficients and the same normalisation.</summary>
    [Theory]
    [InlineData("Flat", "x*y", 2, 1e100)]
    [InlineData("Flat", "x*y", 2, 1e-100)]
    [InlineData("Flat", "x*x*y - 3*y*y*y + 0.5", 2, 1e50)]
    [InlineData("Flat", "Math.Pow(x, 3) - 2*x", 1, 1e-100)]
    [InlineData("Flat", "Math.Pow(x, 3) - 2*x", 1, 3e90)]
    [InlineData("Flat", "(1e8*x + 0.1)*(1e8*y + 0.3) - 1e16*x*y - 3e7*x - 1e7*y", 2, 1)]
    [InlineData("Flat", "(1e8*x + 0.1*y)*(1e8*x + 0.1*y) - 1e16*x*x - 2e7*x*y", 2, 1)]
    [InlineData("Depth1", "x*y*z*w", 4, 1e-60)]
    [InlineData("Depth1", "x*y*z*w", 4, 1e60)]
    [InlineData("Depth1", "(1e8*x + 0.1*y)*(1e8*x + 0.1*y)*z - 1e16*x*x*z - 2e7*x*y*z", 3, 3)]
    public void Flat_and_depth_k_forms_keep_the_exact_contract(string kind, string body, int n, double r)
    {
        var p = Parse(body, n);
        var m = kind == "Flat"
            ? Run(body, n, r, p, points: 300, extra: ", Form = NetworkForm.Both", form: "Flat")
            : Run(body, n, r, p, points: 300, extra: ", HiddenLayers = 1");
        AssertContract($"{kind} {body} at R = {r:R}", m, p, r, 1e-4);
        Assert.False(m.AllZero, $"{kind} {body} at R = {r:R}: the network is identically 0");
    }

    [Theory]
    [InlineData("(x + 1)*(x + 1) - x*x - 2*x - 1", 1e30)]
    [InlineData("0.5*x*y*4 - 2*y*x", 1)]
    [InlineData("(x*0.25)*(x*4) - x*x", 7)]
    public void An_exactly_zero_polynomial_gives_an_exactly_zero_network(string body, double r)
    {
        var zero = new Exact(1, Array.Empty<(Rational, int[])>());
        var m = Run(body, body.Contains('y') ? 2 : 1, r, zero, points: 100);
        Assert.True(m.AllFinite && m.AllZero, $"{body}: the network is not identically 0");
        Assert.Equal(0.0, m.Bound);
        Assert.Equal(0.0, m.Scale);
    }
}
