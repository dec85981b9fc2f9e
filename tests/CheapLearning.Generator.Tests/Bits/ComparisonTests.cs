using CheapLearning.Generator.Tests.Infrastructure;
using System;
using System.Linq;
using System.Reflection;
using System.Threading;
using CheapLearning.Generator.Algebra;
using CheapLearning.Generator.Bits;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace CheapLearning.Generator.Tests.Bits;

/// <summary>
/// Comparisons (== != &lt; &lt;= &gt; &gt;=) of values of the bits (README's known limit until round 7: s &gt;= 3 was CHEAP021).
/// A comparison is the bit [d op 0] of the exact difference, one threshold neuron (two for ==); it is accepted only when
/// C# compares exact values, so the network is checked against the C# method itself, compiled by the C# compiler, on
/// every input, for both forms and both activations.
/// </summary>
public class ComparisonTests
{
    private const string Source = """
        using CheapLearning;
        namespace Cmp;
        public static partial class T
        {
            [BitNetwork(Form = NetworkForm.Both)]
            public static bool Majority3(bool a, bool b, bool c) => (a ? 1 : 0) + (b ? 1 : 0) + (c ? 1 : 0) >= 2;

            [BitNetwork(Form = NetworkForm.Both, Activation = Activation.ReLU)]
            public static bool Majority5Relu(bool a, bool b, bool c, bool d, bool e)
            {
                int s = (a ? 1 : 0) + (b ? 1 : 0) + (c ? 1 : 0) + (d ? 1 : 0) + (e ? 1 : 0);
                return s > 2;
            }

            [BitNetwork(Form = NetworkForm.Both, ParametersAreBits = true)]
            public static int ExactlyTwo(int a, int b, int c, int d) => a + b + c + d == 2 ? 1 : 0;

            [BitNetwork(Form = NetworkForm.Both)]
            public static double Weighted(bool a, bool b, bool c, bool d)
            {
                double v = 0.5 * (a ? 1 : 0) + 0.25 * (b ? 1 : 0) - 0.75 * (c ? 1 : 0) + (d ? 1.5 : 0);
                return v < 0.5 ? v : -v;
            }

            [BitNetwork(Form = NetworkForm.Both)]
            public static bool NotEqualCounts(bool a, bool b, bool c, bool d) => (a ? 1 : 0) + (b ? 1 : 0) != (c ? 1 : 0) + (d ? 1 : 0);

            [BitNetwork(Form = NetworkForm.Both, Activation = Activation.ReLU)]
            public static bool Between(bool a, bool b, bool c, bool d, bool e, bool f)
            {
                int s = (a ? 1 : 0) + (b ? 2 : 0) + (c ? 4 : 0);
                int t = (d ? 1 : 0) + (e ? 2 : 0) + (f ? 4 : 0);
                return s <= t && !(s * t > 12) || s - t == 3;
            }

            [BitNetwork(Form = NetworkForm.Both)]
            public static bool Products(bool a, bool b, bool c) { int x = (a ? 3 : -1) * (b ? 2 : -5); return x > (c ? -4 : 1); }

            [BitNetwork(Form = NetworkForm.Both)]
            public static bool DecimalVote([Bit] int a, [Bit] int b, [Bit] int c) => 0.1m * a + 0.2m * b + 0.3m * c == 0.3m;

            [BitNetwork(Form = NetworkForm.Both)]
            public static bool BoolEquals(bool a, bool b, bool c) => (a == b) != c;

            [BitNetwork(Form = NetworkForm.Both, Digits = 12)]
            public static int Nested(bool a, bool b, bool c, bool d)
            {
                int s = (a ? 1 : 0) + (b ? 1 : 0);
                int t = (s >= 1 ? 2 : 0) + (c ? 1 : 0);
                return t > s == d ? t : -s;
            }

            [BitNetwork(Form = NetworkForm.Both)]
            public static bool FloatHalf(bool a, bool b, [Bit] double c) => 0.5f * (a ? 1 : 0) + (b ? 1.5f : 0f) >= c;

            [BitNetwork(Form = NetworkForm.Both)]
            public static bool Long(bool a, bool b) => (a ? 3000000000L : 0L) + (b ? 1 : 0) > 2999999999L;

            [BitNetwork(Form = NetworkForm.Both, Activation = Activation.ReLU)]
            public static bool Threshold9(bool x0, bool x1, bool x2, bool x3, bool x4, bool x5, bool x6, bool x7, bool x8)
                => 3 * (x0 ? 1 : 0) - 2 * (x1 ? 1 : 0) + (x2 ? 5 : 0) + (x3 ? 1 : 0) - (x4 ? 4 : 0) + (x5 ? 2 : 0) + (x6 ? 1 : 0) - (x7 ? 1 : 0) + (x8 ? 3 : 0) >= 4;

            [BitNetwork]
            public static bool Always(bool a) => (a ? 1 : 0) < 2;

            // Until round 7 these two were the CHEAP021 examples of BitDiagnosticsTests.
            [BitNetwork(Form = NetworkForm.Both)]
            public static bool SpinsEqual(bool a, bool b) { double s = a ? 1 : -1; double t = b ? 1 : -1; return s == t; }

            [BitNetwork(Form = NetworkForm.Both)]
            public static bool Negative(bool a, bool b) { double s = a ? 1 : -1; return s < 0; }
        }
        """;

    private static readonly Lazy<Assembly> Built = new(() => BitTestCompilation.BuildAndLoad(Source));
    private readonly ITestOutputHelper _output;

    public ComparisonTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void The_comparison_methods_have_no_diagnostics()
        => Assert.Empty(BitTestCompilation.Analyze(Source));

    [Theory]
    [InlineData("Majority3", 10)]
    [InlineData("Majority5Relu", 10)]
    [InlineData("ExactlyTwo", 10)]
    [InlineData("Weighted", 10)]
    [InlineData("NotEqualCounts", 10)]
    [InlineData("Between", 10)]
    [InlineData("Products", 10)]
    [InlineData("DecimalVote", 10)]
    [InlineData("BoolEquals", 10)]
    [InlineData("Nested", 12)]
    [InlineData("FloatHalf", 10)]
    [InlineData("Long", 10)]
    [InlineData("Threshold9", 10)]
    [InlineData("Always", 10)]
    [InlineData("SpinsEqual", 10)]
    [InlineData("Negative", 10)]
    public void A_comparison_is_exact_to_its_digits_on_every_input(string name, int digits)
    {
        var type = Built.Value.GetType("Cmp.T")!;
        var network = type.GetNestedType(name + "Network")!;
        foreach (var form in network.GetMethods().Where(m => m.Name is "Deep" or "Flat").Select(m => m.Name))
            ExhaustiveBitNetworkTests.Check(type.GetMethod(name)!, network, form, digits, _output);
        Assert.Equal(name != "Always", network.ScalarEvaluator("Flat") is not null);
    }

    /// <summary>Majority of 3 counted with int: one threshold neuron [s &gt; 1.5] (the paper's Eq 13 unit), and the exact polynomial ab + ac + bc − 2abc.</summary>
    [Fact]
    public void Majority_by_count_is_one_threshold_neuron_and_its_exact_polynomial()
    {
        var type = Built.Value.GetType("Cmp.T")!.GetNestedType("Majority3Network")!;
        var deep = (NetworkModel)type.GetProperty("DeepModel")!.GetValue(null)!;
        Assert.Equal(1, deep.Neurons);
        Assert.Equal(1, deep.HiddenLayers);
        var polynomial = BitTestCompilation.Reduce("public static partial class C { [BitNetwork] public static bool F(bool a, bool b, bool c) => (a ? 1 : 0) + (b ? 1 : 0) + (c ? 1 : 0) >= 2; }");
        Assert.Equal("a·b + a·c + b·c − 2·a·b·c", polynomial.ToString(new[] { "a", "b", "c" }));
    }

    /// <summary>The Möbius transform of the truth table, checked against the comparison's value on every input of 10 bits.</summary>
    [Fact]
    public void The_polynomial_of_a_weighted_threshold_is_its_truth_table()
    {
        string parameters = string.Join(", ", Enumerable.Range(0, 10).Select(i => $"bool x{i}"));
        string sum = string.Join(" + ", Enumerable.Range(0, 10).Select(i => $"(x{i} ? {(i % 3 == 0 ? -(i + 1) : i + 2)} : 0)"));
        var spec = BitTestCompilation.Spec($"public static partial class C {{ [BitNetwork] public static bool F({parameters}) => {sum} > 7; }}");
        var polynomial = MultilinearReduction.TryReduce(spec.Graph, 1 << 17, CancellationToken.None)!;
        int[] weights = Enumerable.Range(0, 10).Select(i => i % 3 == 0 ? -(i + 1) : i + 2).ToArray();
        for (ulong x = 0; x < 1 << 10; x++)
        {
            int s = Enumerable.Range(0, 10).Where(i => (x >> i & 1) != 0).Sum(i => weights[i]);
            Assert.Equal(s > 7 ? Rational.One : Rational.Zero, polynomial.Evaluate(x));
            Assert.Equal(s > 7 ? Rational.One : Rational.Zero, spec.Graph.Evaluate(x));
        }
    }

    private static Diagnostic Single(string members)
        => Assert.Single(BitTestCompilation.Analyze("using CheapLearning;\npublic static partial class C\n{\n" + members + "\n}"));

    private static string Text(Diagnostic d) => d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan);

    /// <summary>
    /// 0.1 + 0.2 is 0.30000000000000004 in C#: a comparison of values C# rounds may be decided differently from the exact
    /// values the network compares, so it is CHEAP021 at the operator, naming the rounded operation and an input.
    /// </summary>
    [Fact]
    public void A_comparison_of_values_CSharp_rounds_is_CHEAP021_naming_the_rounding()
    {
        var d = Single("[BitNetwork] public static bool F(bool a, bool b) { double x = 0.1 * (a ? 1 : 0) + 0.2 * (b ? 1 : 0); return x == 0.3; }");
        Assert.Equal("CHEAP021", d.Id);
        Assert.Equal("==", Text(d));
        Assert.Equal("The comparison 'x == 0.3' is not an operation of the bit algebra: "
            + "C# computes '0.1 * (a ? 1 : 0) + 0.2 * (b ? 1 : 0)' in double, which rounds it: at a = 1, b = 1 its exact value is "
            + "0.300000000000000016653…, not a double, so C# may decide it differently from the exact values the network uses; "
            + "compute it with integers (count with int) or with values C# represents exactly", d.GetMessage());
    }

    /// <summary>
    /// Found while adding comparisons: (int)(x + 0.4 − 0.4) of a double bit x is 0 in C# at x = 1 (1.4 − 0.4 is
    /// 0.9999999999999999), but the graph folded it to x and the network gave 1, silently. Now CHEAP021 at the cast.
    /// </summary>
    [Fact]
    public void An_integer_cast_of_a_bit_CSharp_rounds_is_CHEAP021()
    {
        var d = Single("[BitNetwork] public static int F(bool a) { double x = a ? 1.0 : 0.0; return (int)(x + 0.4 - 0.4); }");
        Assert.Equal("CHEAP021", d.Id);
        Assert.Equal("(int)(x + 0.4 - 0.4)", Text(d));
        Assert.StartsWith("The cast '(int)(x + 0.4 - 0.4)' is not an operation of the bit algebra: C# computes 'x + 0.4' in double, which rounds it: at a = 1 its exact value is 1.40000000000000002220…, not a double, so C# may truncate it",
            d.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(0, (int)(1.0 + 0.4 - 0.4)); // what C# does, against the exact 1
    }

    [Fact]
    public void A_long_converted_to_double_for_a_comparison_is_checked()
    {
        var d = Single("[BitNetwork] public static bool F(bool a) => (a ? 9007199254740993L : 0L) > 9007199254740992.0;");
        Assert.Equal("CHEAP021", d.Id);
        Assert.Equal(">", Text(d));
        Assert.Contains("C# computes '(a ? 9007199254740993L : 0L)' in double, which rounds it: at a = 1 its exact value is 9007199254740993, not a double", d.GetMessage(), StringComparison.Ordinal);
        Assert.False(9007199254740993L > 9007199254740992.0); // C#: the long rounds to 2^53; exactly it is larger
    }

    [Fact]
    public void Above_twelve_bits_a_possible_rounding_is_reported_as_such()
    {
        string parameters = string.Join(", ", Enumerable.Range(0, 13).Select(i => $"bool a{i}"));
        var d = Single($"[BitNetwork] public static bool F({parameters}) => 0.1 * (a0 ? 1 : 0) + 0.2 * (a12 ? 1 : 0) > 0.25;");
        Assert.Equal("CHEAP021", d.Id);
        Assert.Contains("C# computes '0.1 * (a0 ? 1 : 0) + 0.2 * (a12 ? 1 : 0)' in double, which may round it on some bit input, so C# may decide it differently", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Exact_floating_values_compare_without_diagnostics_above_twelve_bits()
    {
        string parameters = string.Join(", ", Enumerable.Range(0, 20).Select(i => $"bool a{i}"));
        string sum = string.Join(" + ", Enumerable.Range(0, 20).Select(i => $"(a{i} ? 0.25 : 0.0)"));
        Assert.Empty(BitTestCompilation.Analyze($"using CheapLearning;\npublic static partial class C\n{{\n[BitNetwork] public static bool F({parameters}) => {sum} >= 2.5;\n}}"));
    }

    [Fact]
    public void A_comparison_needing_weights_above_2_to_the_40_is_CHEAP021()
    {
        var d = Single("[BitNetwork] public static bool F(bool a, bool b) => (a ? 1e15 : 0) + (b ? 0.5 : 0) > 3;");
        Assert.Equal("CHEAP021", d.Id);
        Assert.Equal(">", Text(d));
        Assert.Equal("The comparison '(a ? 1e15 : 0) + (b ? 0.5 : 0) > 3' is not an operation of the bit algebra: its sides differ by multiples of 1/2 "
            + "up to 1E+15, so its threshold neuron needs integer weights above 2^40, beyond what the network computes exactly; "
            + "compare integer-valued expressions (count with int, or scale the weights to integers)", d.GetMessage());
    }

}

/// <summary>
/// Random comparison programs (fixed seed): integer-weighted counts compared to each other and to constants, combined with
/// ! &amp;&amp; || ?: and compared again, on 6 bits, sigmoid and ReLU; every one is checked on all 64 inputs against the C#
/// method compiled by the C# compiler.
/// </summary>
public class RandomComparisonTests
{
    private static string Program(Random random, int index)
    {
        string Count() => string.Join(" + ", Enumerable.Range(0, random.Next(2, 5)).Select(_ => $"(x{random.Next(6)} ? {random.Next(-3, 4)} : {random.Next(-1, 2)})"));
        string[] ops = { "==", "!=", "<", "<=", ">", ">=" };
        string Compare() => $"({Count()} {ops[random.Next(ops.Length)]} {(random.Next(2) == 0 ? random.Next(-3, 4).ToString() : Count())})";
        string Bool(int depth) => depth == 0 || random.Next(3) == 0 ? Compare() : random.Next(4) switch
        {
            0 => $"!{Bool(depth - 1)}",
            1 => $"({Bool(depth - 1)} && {Bool(depth - 1)})",
            2 => $"({Bool(depth - 1)} || {Bool(depth - 1)})",
            _ => $"(({Bool(depth - 1)} ? {random.Next(-2, 3)} : {random.Next(-2, 3)}) {ops[random.Next(ops.Length)]} ({Count()}))",
        };
        string activation = index % 2 == 0 ? "Sigmoid" : "ReLU";
        return $"[BitNetwork(Form = NetworkForm.Both, Activation = Activation.{activation})] public static bool F{index}(bool x0, bool x1, bool x2, bool x3, bool x4, bool x5) => {Bool(3)};";
    }

    [Fact]
    public void Random_comparison_programs_agree_with_the_method_on_every_input()
    {
        var random = new Random(20261130);
        var methods = Enumerable.Range(0, 40).Select(i => Program(random, i)).ToArray();
        string source = "using CheapLearning;\nnamespace Rnd;\npublic static partial class P\n{\n" + string.Join("\n", methods) + "\n}";
        Assert.Empty(BitTestCompilation.Analyze(source));
        var type = BitTestCompilation.BuildAndLoad(source).GetType("Rnd.P")!;
        for (int i = 0; i < methods.Length; i++)
        {
            var method = type.GetMethod("F" + i)!;
            var network = type.GetNestedType($"F{i}Network")!;
            foreach (var form in new[] { "Deep", "Flat" })
            {
                var evaluator = network.ScalarEvaluator(form)!;
                double bound = (double)network.GetField(form + "ErrorBound")!.GetValue(null)!;
                Assert.True(bound <= 1e-10, $"{methods[i]}: {form} bound {bound}");
                for (int x = 0; x < 64; x++)
                {
                    var args = Enumerable.Range(0, 6).Select(k => (object)(((x >> k) & 1) != 0)).ToArray();
                    double expected = (bool)method.Invoke(null, args)! ? 1 : 0;
                    double actual = (double)evaluator.Invoke(null, args)!;
                    Assert.True(Math.Abs(actual - expected) <= bound, $"{methods[i]}: {form} at {x} = {actual}, method {expected}");
                }
            }
        }
    }
}

public class ComparisonOverflowTests
{
    /// <summary>
    /// Majority of 21 bits is one threshold neuron deep, and its flat form (Eq 13) needs more than 65,536 monomials:
    /// CHEAP023 at Form, in the singular ("the deep form has 1 neurons" before).
    /// </summary>
    [Fact]
    public void Majority_of_21_bits_flat_is_CHEAP023_against_one_deep_neuron()
    {
        string parameters = string.Join(", ", Enumerable.Range(0, 21).Select(i => $"bool x{i}"));
        string count = string.Join(" + ", Enumerable.Range(0, 21).Select(i => $"(x{i} ? 1 : 0)"));
        var d = Assert.Single(BitTestCompilation.Analyze($"using CheapLearning;\npublic static partial class C\n{{\n[BitNetwork(Form = NetworkForm.Both)] public static bool F({parameters}) => {count} >= 11;\n}}"));
        Assert.Equal("CHEAP023", d.Id);
        Assert.Equal("Form = NetworkForm.Both", d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan));
        Assert.Equal("The flat form of 'F' needs more than 65,536 neurons (one per non-constant monomial of Eq 12), above MaxFlatNeurons = 4096; "
            + "the deep form has 1 neuron. The flat evaluator is not emitted.", d.GetMessage());
    }

    /// <summary>
    /// All 20 bits counted (s ≥ 20) is their AND, one monomial x0·…·x19 (Eq 12): its flat form is one neuron. The truth
    /// table of 2^20 entries was charged to the products' budget and the flat form refused as "more than 65,536 neurons"
    /// (CHEAP023, a false count); it is now computed in long arithmetic.
    /// </summary>
    [Fact]
    public void And_of_20_bits_by_count_has_its_one_monomial_flat_form()
    {
        string parameters = string.Join(", ", Enumerable.Range(0, 20).Select(i => $"bool x{i}"));
        string count = string.Join(" + ", Enumerable.Range(0, 20).Select(i => $"(x{i} ? 1 : 0)"));
        string members = $"[BitNetwork(Form = NetworkForm.Both)] public static bool F({parameters}) => {count} >= 20;";
        Assert.Empty(BitTestCompilation.Analyze($"using CheapLearning;\npublic static partial class C\n{{\n{members}\n}}"));
        var polynomial = BitTestCompilation.Reduce($"public static partial class C {{ {members} }}");
        Assert.Equal(string.Join("·", Enumerable.Range(0, 20).Select(i => $"x{i}")), polynomial.ToString(Enumerable.Range(0, 20).Select(i => $"x{i}").ToArray()));
        var network = BitTestCompilation.BuildAndLoad($"using CheapLearning;\nnamespace A20;\npublic static partial class C\n{{\n{members}\n}}").GetType("A20.C+FNetwork")!;
        Assert.Equal(1, (int)network.GetField("FlatMonomials")!.GetValue(null)!);
        var flat = network.ScalarEvaluator("Flat")!;
        double bound = (double)network.GetField("FlatErrorBound")!.GetValue(null)!;
        for (int zero = -1; zero < 20; zero++) // all ones (the AND is 1), then each single zero (0)
        {
            var args = Enumerable.Range(0, 20).Select(i => (object)(i != zero)).ToArray();
            Assert.True(Math.Abs((double)flat.Invoke(null, args)! - (zero < 0 ? 1 : 0)) <= bound, $"zero at {zero}");
        }
    }

    /// <summary>
    /// A function of 16 bits has at most 2^16 − 1 = 65,535 monomials, but the AND of two comparisons of a 16-bit count
    /// exceeded the symbolic reduction's budget and CHEAP023 said its flat form "needs more than 65,536 neurons". Its
    /// polynomial now comes from the truth table (BitTruthTable: long arithmetic for integer weights, exact rationals for
    /// halves), and CHEAP023 states the exact count. Expected by hand: f depends on the count c = Σx only, so the
    /// coefficient of every monomial of k bits is h_k = Σ_j (−1)^(k−j) C(k, j) f(j), and the count is Σ_k C(n, k)·[h_k ≠ 0].
    /// </summary>
    [Theory]
    [InlineData(16, "1", "8", "12", 8, 12)]
    [InlineData(14, "0.5", "3.5", "5", 7, 10)]
    public void Two_comparisons_of_a_count_of_up_to_16_bits_get_their_exact_flat_size(int n, string weight, string atLeast, string not, int cAtLeast, int cNot)
    {
        static long Choose(int m, int k) { long c = 1; for (int i = 0; i < k; i++) c = c * (m - i) / (i + 1); return c; }
        int F(int c) => c >= cAtLeast && c != cNot ? 1 : 0;
        var h = new long[n + 1];
        long expected = 0;
        for (int k = 0; k <= n; k++)
        {
            for (int j = 0; j <= k; j++) h[k] += ((k - j) % 2 == 0 ? 1 : -1) * Choose(k, j) * F(j);
            if (k > 0 && h[k] != 0) expected += Choose(n, k);
        }
        string parameters = string.Join(", ", Enumerable.Range(0, n).Select(i => $"bool x{i}"));
        string count = string.Join(" + ", Enumerable.Range(0, n).Select(i => $"(x{i} ? {weight} : 0)"));
        string source = $"using CheapLearning;\npublic static partial class C\n{{\n[BitNetwork(Form = NetworkForm.Both)] public static bool F({parameters}) {{ var s = {count}; return s >= {atLeast} && !(s == {not}); }}\n}}";
        var d = Assert.Single(BitTestCompilation.Analyze(source));
        Assert.Equal("CHEAP023", d.Id);
        Assert.Contains($"The flat form of 'F' needs {expected:N0} neurons (one per non-constant monomial of Eq 12), above MaxFlatNeurons = 4096",
            d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        // Every coefficient, not only the count: monomial K's is h_|K|.
        var polynomial = BitTruthTable.TryReduce(BitTestCompilation.Spec(source).Graph, 1 << 17, CancellationToken.None)!;
        for (ulong mask = 0; mask < 1UL << n; mask++)
            Assert.Equal((Rational)h[Multilinear.Degree(mask)], polynomial.Coefficient(mask));
    }

    /// <summary>
    /// decimal.MaxValue + decimal.MaxValue throws OverflowException in C#; the message said decimal "rounds" it. Since round
    /// 10 the addition itself is refused (DecimalOverflowTests), before the comparison above it.
    /// </summary>
    [Fact]
    public void A_decimal_beyond_its_range_is_CHEAP021_saying_CSharp_throws()
    {
        var d = Assert.Single(BitTestCompilation.Analyze("using CheapLearning;\npublic static partial class C\n{\n[BitNetwork] public static bool F(bool a, bool b) => (a ? decimal.MaxValue : 0m) + (b ? decimal.MaxValue : 0m) > 0;\n}"));
        Assert.Equal("CHEAP021", d.Id);
        // 2 · 79228162514264337593543950335 = 158456325028528675187087900670.
        Assert.Equal("+", d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan));
        Assert.Contains("its exact value is 1.58456325028528675187…E+29 at a = 1, b = 1, outside decimal's range, where C# throws OverflowException",
            d.GetMessage(), StringComparison.Ordinal);
    }

    /// <summary>A relational pattern (C# 9) is not an operator comparison: CHEAP022 says comparisons are the supported way.</summary>
    [Fact]
    public void A_relational_pattern_is_CHEAP022_pointing_to_comparisons()
    {
        var d = Assert.Single(BitTestCompilation.Analyze("using CheapLearning;\npublic static partial class C\n{\n[BitNetwork] public static bool F(bool a, bool b) { int s = (a ? 1 : 0) + (b ? 1 : 0); return s is >= 1; }\n}"));
        Assert.Equal("CHEAP022", d.Id);
        Assert.Equal("s is >= 1", d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan));
        Assert.EndsWith("only parameters, locals, constants, Boolean operators, comparisons, + - * and ?: are supported", d.GetMessage(), StringComparison.Ordinal);
    }

    /// <summary>double.MaxValue * 2 is ∞ in C#: the comparison is refused, and the message shows the exact value briefly.</summary>
    [Fact]
    public void A_compared_value_beyond_double_range_is_CHEAP021_with_a_short_exact_value()
    {
        var d = Assert.Single(BitTestCompilation.Analyze("using CheapLearning;\npublic static partial class C\n{\n[BitNetwork] public static bool F(bool a) => (a ? double.MaxValue : 0) * 2 > 1;\n}"));
        Assert.Equal("CHEAP021", d.Id);
        Assert.Contains("which rounds it: at a = 1 its exact value is 3.59538626972463141629…E+308, not a double", d.GetMessage(), StringComparison.Ordinal);
    }

    /// <summary>
    /// 1e-300 * 1e-300 underflows to 0 in C#: refused, and the message shows the tiny exact value briefly (it printed 600 zeros).
    /// Expected digits: the exact square of the double nearest 1e-300, by Python's fractions.Fraction(1e-300)**2.
    /// </summary>
    [Fact]
    public void A_compared_value_below_a_millionth_is_shown_with_its_power_of_ten()
    {
        var d = Assert.Single(BitTestCompilation.Analyze("using CheapLearning;\npublic static partial class C\n{\n[BitNetwork] public static bool F(bool a, bool b) => (a ? 1e-300 : 0) * (b ? 1e-300 : 0) > 0;\n}"));
        Assert.Equal("CHEAP021", d.Id);
        Assert.Contains("at a = 1, b = 1 its exact value is 1.00000000000000005011…E-600, not a double", d.GetMessage(), StringComparison.Ordinal);
        Assert.False(1e-300 * 1e-300 > 0); // what C# decides, against the exact product's positive sign
    }
}
