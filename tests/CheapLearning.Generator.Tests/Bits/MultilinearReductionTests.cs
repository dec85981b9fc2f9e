using System.Linq;
using System.Threading;
using CheapLearning.Generator.Algebra;

namespace CheapLearning.Generator.Tests.Bits;

/// <summary>The reduction to Eq 12's exact multilinear polynomial, against polynomials worked out by hand.</summary>
public class MultilinearReductionTests
{
    private static string Poly(string parameters, string body, string returns = "bool", string attribute = "[BitNetwork]")
    {
        string source = $"static partial class C {{ {attribute} static {returns} F({parameters}) {body} }}";
        var spec = BitTestCompilation.Spec(source);
        var poly = BitTestCompilation.Reduce(source);
        return poly.ToString(spec.Target.Parameters.Select(p => p.Name).ToArray());
    }

    [Theory]
    [InlineData("=> x & y;", "x·y")]
    [InlineData("=> x && y;", "x·y")]
    [InlineData("=> !x;", "1 − x")]
    [InlineData("=> x | y;", "x + y − x·y")]
    [InlineData("=> x || y;", "x + y − x·y")]
    [InlineData("=> x ^ y;", "x + y − 2·x·y")]
    [InlineData("=> x != y;", "x + y − 2·x·y")]
    [InlineData("=> x == y;", "1 − x − y + 2·x·y")]
    [InlineData("=> x ? y : !y;", "1 − x − y + 2·x·y")]
    [InlineData("=> x ^ x;", "0")]
    [InlineData("=> x & !x;", "0")]
    [InlineData("=> x | true;", "1")]
    [InlineData("=> (x & y) | (x & !y);", "x")]
    public void Boolean_operators_follow_Eq_12(string body, string expected)
        => Assert.Equal(expected, Poly("bool x, bool y", body));

    [Fact]
    public void Majority_is_ab_plus_ac_plus_bc_minus_2abc()
        => Assert.Equal("a·b + a·c + b·c − 2·a·b·c", Poly("bool a, bool b, bool c", "=> (a & b) | (a & c) | (b & c);"));

    [Fact]
    public void Three_bit_parity_has_all_seven_monomials()
        => Assert.Equal("a + b + c − 2·a·b − 2·a·c − 2·b·c + 4·a·b·c", Poly("bool a, bool b, bool c", "=> a ^ b ^ c;"));

    [Fact]
    public void Ising_chain_energy_with_spins_from_conditionals()
    {
        // s = 2x − 1; −(s0 s1 + s1 s2) = −4x0x1 − 4x1x2 + 2x0 + 4x1 + 2x2 − 2
        string body = "{ double s0 = x0 ? 1 : -1; double s1 = x1 ? 1 : -1; double s2 = x2 ? 1 : -1; return -(s0 * s1 + s1 * s2); }";
        Assert.Equal("−2 + 2·x0 + 4·x1 + 2·x2 − 4·x0·x1 − 4·x1·x2", Poly("bool x0, bool x1, bool x2", body, "double"));
    }

    [Fact]
    public void Coefficients_stay_exact_rationals()
    {
        // 0.5·x·y + x/3: one half and one third exactly, not rounded doubles.
        Assert.Equal("1/3·x + 1/2·x·y", Poly("[Bit] double x, [Bit] double y", "=> 0.5 * x * y + x / 3;", "double"));
        // 0.1·x·3 keeps the exact binary value of the literal 0.1 (3602879701896397 / 2^55), times 3.
        Assert.Equal("10808639105689191/36028797018963968·x", Poly("[Bit] double x", "=> 0.1 * x * 3;", "double"));
    }

    [Fact]
    public void Int_bits_with_arithmetic_and_squares()
        // x² = x: (a + b)² = a + b + 2ab
        => Assert.Equal("a + b + 2·a·b", Poly("int a, int b", "=> (a + b) * (a + b);", "int", "[BitNetwork(ParametersAreBits = true)]"));

    [Fact]
    public void Conditional_is_c_a_plus_one_minus_c_b()
        // c ? a : b with a = 3 and b = 2·d: 2d + c(3 − 2d) = 3c + 2d − 2cd
        => Assert.Equal("3·c + 2·d − 2·c·d", Poly("bool c, [Bit] int d", "=> c ? 3 : 2 * d;", "int"));

    [Fact]
    public void Locals_and_compound_assignments()
        => Assert.Equal("x + y − x·y", Poly("bool x, bool y", "{ bool r = x; r |= y; return r; }"));

    [Theory]
    [InlineData(4)]
    [InlineData(10)]
    [InlineData(16)]
    public void Parity_of_n_bits_has_2_to_the_n_minus_1_monomials(int n)
    {
        string parameters = string.Join(", ", Enumerable.Range(0, n).Select(i => $"bool x{i}"));
        string body = "=> " + string.Join(" ^ ", Enumerable.Range(0, n).Select(i => $"x{i}")) + ";";
        var poly = BitTestCompilation.Reduce($"static partial class C {{ [BitNetwork] static bool F({parameters}) {body} }}");
        Assert.Equal((1 << n) - 1, poly.MonomialCount);
        // Coefficient of a degree-k monomial is (−2)^(k−1).
        Assert.Equal((Rational)(-2), poly.Coefficient(0b11));
        Assert.Equal((Rational)4, poly.Coefficient(0b111));
    }

    [Fact]
    public void The_term_guard_gives_up_in_bounded_time()
    {
        string parameters = string.Join(", ", Enumerable.Range(0, 20).Select(i => $"bool x{i}"));
        string body = "=> " + string.Join(" ^ ", Enumerable.Range(0, 20).Select(i => $"x{i}")) + ";";
        var spec = BitTestCompilation.Spec($"static partial class C {{ [BitNetwork] static bool F({parameters}) {body} }}");
        Assert.Null(MultilinearReduction.TryReduce(spec.Graph, 4096, CancellationToken.None));
    }

    [Fact]
    public void Rational_from_double_is_exact()
    {
        Assert.Equal(Rational.Create(1, 4), Rational.FromDouble(0.25));
        Assert.Equal(Rational.Create(3602879701896397, System.Numerics.BigInteger.Pow(2, 55)), Rational.FromDouble(0.1));
        Assert.Equal(0.1, Rational.FromDouble(0.1).ToDouble());
        Assert.Equal(1.0 / 3, Rational.Create(1, 3).ToDouble());
        Assert.Equal(-2.5e-300, Rational.FromDouble(-2.5e-300).ToDouble());
    }
}
