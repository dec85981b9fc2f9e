using CheapLearning.Generator.Tests.Infrastructure;
using System;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace CheapLearning.Generator.Tests.Bits;

/// <summary>
/// Found by consumer tests (round 5, "not yet changed"): an int [BitNetwork] whose C# arithmetic overflows, e.g.
/// (a*1000000+b) to the 5th power, wrapped in the method while the network computed the exact polynomial, and the
/// generated docs claimed |Deep(x) − F(x)| ≤ bound; only CHEAP024 (digits) spoke. Now an integer operation, compound
/// assignment or cast whose exact value can leave its type's range is CHEAP021 at the operator, and nothing is emitted.
/// </summary>
public class IntegerOverflowTests
{
    private static Diagnostic Single(string members)
    {
        string source = "using CheapLearning;\npublic static partial class C\n{\n" + members + "\n}";
        return Assert.Single(BitTestCompilation.Analyze(source));
    }

    private static string Text(Diagnostic d) => d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan);

    [Theory]
    [InlineData("[BitNetwork(ParametersAreBits = true)] public static int F(int a, int b) => (a * 1000000 + b) * (a * 1000000 + b) * (a * 1000000 + b);",
                "*", "The int operation '(a * 1000000 + b) * (a * 1000000 + b)'", "1000000000000 at a = 1, b = 0")]
    [InlineData("[BitNetwork] public static int F(bool a, bool b) => (a ? 2000000000 : 0) + (b ? 2000000000 : 0);",
                "+", "The int operation '(a ? 2000000000 : 0) + (b ? 200000000...'", "4000000000 at a = 1, b = 1")]
    [InlineData("[BitNetwork] public static int F(bool a, bool b) => (a ? -2000000000 : 0) - (b ? 2000000000 : 0);",
                "-", "The int operation '(a ? -2000000000 : 0) - (b ? 20000000...'", "-4000000000 at a = 1, b = 1")]
    [InlineData("[BitNetwork] public static int F(bool a) { int x = a ? 65536 : 1; x *= 65536; return x; }",
                "*=", "The int operation 'x *= 65536'", "4294967296 at a = 1")]
    [InlineData("[BitNetwork] public static double F(bool a) { long x = a ? 3000000000L : 0; return (int)x; }",
                "(int)x", "The int cast '(int)x'", "3000000000 at a = 1")]
    [InlineData("[BitNetwork] public static double F(bool a) { byte x = 200; x += (byte)(a ? 100 : 0); return x; }",
                "+=", "The byte operation 'x += (byte)(a ? 100 : 0)'", "300 at a = 1")]
    [InlineData("[BitNetwork] public static double F(bool a) { uint x = a ? 1u : 2u; return x - 2u; }",
                "-", "The uint operation 'x - 2u'", "-1 at a = 1")]
    [InlineData("[BitNetwork] public static double F(bool a, bool b) { long x = (a ? 1L : 0) * 3000000000L; return x * x * (b ? 3000000000L : 1); }",
                "*", "The long operation 'x * x * (b ? 3000000000L : 1)'", "2.7E+28 at a = 1, b = 1")]
    // The exact value in full: 2147483648 printed as 2.14748E+09, which reads as inside int's range.
    [InlineData("[BitNetwork] public static bool F(bool a, bool b) => (a ? int.MaxValue : 0) + (b ? 1 : 0) > 0;",
                "+", "The int operation '(a ? int.MaxValue : 0) + (b ? 1 : 0)'", "2147483648 at a = 1, b = 1")]
    public void An_integer_operation_that_can_overflow_is_CHEAP021_at_the_operator(string method, string span, string what, string reach)
    {
        var d = Single(method);
        Assert.Equal("CHEAP021", d.Id);
        Assert.Equal(span, Text(d));
        string type = what.Split(' ')[1];
        Assert.Equal($"{what} is not an operation of the bit algebra: its exact value is {reach}, outside {type}'s range, "
                     + "where C# wraps it (or throws when checked) but the network computes the exact value; compute in long or double", d.GetMessage());
    }

    [Fact]
    public void Above_twelve_bits_the_interval_bound_is_reported()
    {
        string parameters = string.Join(", ", Enumerable.Range(0, 13).Select(i => $"bool a{i}"));
        var d = Single($"[BitNetwork] public static int F({parameters}) => (a0 ? 2000000000 : 0) + (a12 ? 2000000000 : 0);");
        Assert.Equal("CHEAP021", d.Id);
        Assert.Equal("+", Text(d));
        Assert.Contains("its exact value may reach up to 4E+09 on some bit input, outside int's range, where C# wraps it", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_loose_interval_is_no_overflow_when_no_input_leaves_the_range()
        // The interval of (a ? k : 0) * (a ? 0 : k) is [0, k²], but the product is 0 on both inputs.
        => Assert.Empty(BitTestCompilation.Analyze("using CheapLearning;\npublic static partial class C\n{\n"
            + "[BitNetwork] public static int F(bool a, bool b) => (a ? 100000 : 0) * (a ? 0 : 100000) + (b ? 1 : 0);\n}"));

    [Fact]
    public void An_overflowing_method_gets_no_network()
    {
        var (output, run) = BitTestCompilation.RunGenerator(Infrastructure.TestCompilation.Create(
            "using CheapLearning;\npublic static partial class C\n{\n[BitNetwork(ParametersAreBits = true)] public static int F(int a, int b) => (a * 1000000 + b) * (a * 1000000 + b) * (a * 1000000 + b);\n}"));
        Assert.Empty(run.GeneratedTrees);
        Assert.Empty(Infrastructure.TestCompilation.Problems(output));
    }

    /// <summary>Integer methods that stay in range (some close to the edge, some through intermediate values that fit) are
    /// accepted, and their networks give the C# method's own value on every input.</summary>
    private const string InRange = """
        using CheapLearning;
        public static partial class Fits
        {
            [BitNetwork(ParametersAreBits = true, Activation = Activation.ReLU, Digits = 1)]
            public static int Edge(int a, int b, int c) => a * 2147483647 - b * 2147483647 - c;

            [BitNetwork(ParametersAreBits = true, Activation = Activation.ReLU, Digits = 1)]
            public static int Wide(int a, int b) { long x = a * 2000000000L + b * 2000000000L; return (int)(x - 2000000000L); }

            [BitNetwork(ParametersAreBits = true, Activation = Activation.ReLU, Digits = 1)]
            public static int Powers(int a, int b, int c) => (a * 1000 + b * 10 + c) * (a * 1000 + b * 10 + c) * (a + b + c + 1);

            [BitNetwork(Activation = Activation.ReLU, Digits = 1)]
            public static int Signed(bool a, bool b, bool c) { int s = a ? 46340 : -46340; s *= b ? 46340 : -46340; return s + (c ? 1 : 0); }
        }
        """;

    [Theory]
    [InlineData("Edge", 3)]
    [InlineData("Wide", 2)]
    [InlineData("Powers", 3)]
    [InlineData("Signed", 3)]
    public void Methods_in_range_are_accepted_and_exact_on_every_input(string name, int n)
    {
        string source = InRange;
        Assert.Empty(BitTestCompilation.Analyze(source));
        var type = BitTestCompilation.BuildAndLoad(source).GetType("Fits")!;
        Assert.Equal(n, type.GetMethod(name)!.GetParameters().Length);
        AgreesOnEveryInput(type, name);
    }

    /// <summary>On every bit input: the network's Deep within its DeepErrorBound of the C# method's own value, and DeepModel.Evaluate equal to Deep.</summary>
    internal static void AgreesOnEveryInput(Type type, string name)
    {
        var method = type.GetMethod(name)!;
        var network = type.GetNestedType(name + "Network")!;
        var deep = network.ScalarEvaluator("Deep")!;
        var model = (NetworkModel)network.GetProperty("DeepModel")!.GetValue(null)!;
        double bound = (double)network.GetField("DeepErrorBound")!.GetValue(null)!;
        var parameters = method.GetParameters();
        for (int x = 0; x < 1 << parameters.Length; x++)
        {
            bool[] bits = parameters.Select((_, i) => ((x >> i) & 1) == 1).ToArray();
            object[] args = parameters.Select((p, i) => p.ParameterType == typeof(bool) ? bits[i] : p.ParameterType == typeof(int) ? (object)(bits[i] ? 1 : 0) : bits[i] ? 1.0 : 0.0).ToArray();
            double expected = Convert.ToDouble(method.Invoke(null, args));
            double value = (double)deep.Invoke(null, args)!;
            Assert.True(Math.Abs(value - expected) <= bound, $"{name}({x}): {value} vs {expected}, bound {bound}");
            Assert.Equal(value, model.Evaluate(bits.Select(b => b ? 1.0 : 0.0).ToArray()));
        }
    }
}

/// <summary>
/// Found by consumer tests (round 6): a constant that C# folds to ∞ (1e308 * 10) was parsed operand by operand into the
/// exact 1e309, so Deep(false) gave NaN where the method gives 0 (only a CHEAP024 warning); double.NaN was reported as
/// "a field that is not const". Both are now CHEAP022 at the constant, as CHEAP001 is for a polynomial.
/// </summary>
public class NonFiniteConstantTests
{
    [Theory]
    [InlineData("[BitNetwork] public static double F(bool a) => a ? 1e308 * 10 : 0;", "1e308 * 10")]
    [InlineData("[BitNetwork] public static double F(bool a) => a ? double.NaN : 0;", "double.NaN")]
    [InlineData("const float Inf = float.PositiveInfinity;\n[BitNetwork] public static double F(bool a) => a ? 1 : -Inf;", "-Inf")]
    public void A_constant_that_is_NaN_or_infinite_is_CHEAP022_at_the_constant(string method, string span)
    {
        var d = Assert.Single(BitTestCompilation.Analyze("using CheapLearning;\npublic static partial class C\n{\n" + method + "\n}"));
        Assert.Equal("CHEAP022", d.Id);
        Assert.Equal(span, d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan));
        Assert.Equal($"The constant '{span}' is not allowed in a [BitNetwork] method: it is NaN or infinite, so it has no exact value", d.GetMessage());
    }
}

/// <summary>
/// Found by consumer tests (round 6): float arithmetic in a [BitNetwork] body rounds to float in C# (about 1e-8 relative)
/// while the network computes the exact value, so Deep differed from the method by far more than the 10⁻ᴰ the docs
/// promise, silently. A float operation whose exact value is not a float on some input is now CHEAP021 at the operator.
/// </summary>
public class FloatRoundingTests
{
    private static string Text(Diagnostic d) => d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan);

    [Theory]
    [InlineData("[BitNetwork] public static double F(bool a) { float f = a ? 0.1f : 0.2f; return f * 3; }", "*",
                "The float operation 'f * 3' is not an operation of the bit algebra: its exact value is 0.6000000089406967 at a = 0, not a float")]
    [InlineData("[BitNetwork] public static double F(bool a) => (float)(a ? 0.1 : 0.5);", "(float)(a ? 0.1 : 0.5)",
                "The float cast '(float)(a ? 0.1 : 0.5)' is not an operation of the bit algebra: its exact value is 0.1 at a = 1, not a float")]
    [InlineData("[BitNetwork] public static double F(bool a, bool b) { float f = a ? 1f : 3f; f /= 3; return f + (b ? 1 : 0); }", "/=",
                "The float operation 'f /= 3' is not an operation of the bit algebra: its exact value is 0.3333333333333333 at a = 1, b = 0, not a float")]
    public void A_float_operation_that_rounds_is_CHEAP021_at_the_operator(string method, string span, string message)
    {
        var d = Assert.Single(BitTestCompilation.Analyze("using CheapLearning;\npublic static partial class C\n{\n" + method + "\n}"));
        Assert.Equal("CHEAP021", d.Id);
        Assert.Equal(span, Text(d));
        Assert.Equal(message + "; C# rounds it to float but the network computes the exact value; compute in double", d.GetMessage());
    }

    [Fact]
    public void Above_twelve_bits_a_float_operation_with_fractions_is_reported_as_possible()
    {
        string parameters = string.Join(", ", Enumerable.Range(0, 13).Select(i => $"bool a{i}"));
        var d = Assert.Single(BitTestCompilation.Analyze("using CheapLearning;\npublic static partial class C\n{\n"
            + $"[BitNetwork] public static double F({parameters}) {{ float f = a0 ? 0.5f : 0.25f; return f * (a12 ? 3 : 1); }}\n}}"));
        Assert.Equal("CHEAP021", d.Id);
        Assert.Contains("its exact value may not be a float on some bit input", d.GetMessage(), StringComparison.Ordinal);
    }

    private const string Exact = """
        using CheapLearning;
        public static partial class Floats
        {
            [BitNetwork] public static double Counts(bool a, bool b, bool c) { float s = (a ? 1f : 0f) + (b ? 2f : 0f); s *= 4; return s - (c ? 16777216f : 0f); }
            [BitNetwork] public static double Halves(bool a, bool b) { float h = a ? 0.5f : 0.25f; return h * h + (b ? 0.125f : 0f); }
        }
        """;

    [Theory]
    [InlineData("Counts", 3)]
    [InlineData("Halves", 2)]
    public void Float_operations_that_never_round_are_accepted_and_exact(string name, int n)
    {
        Assert.Empty(BitTestCompilation.Analyze(Exact).Where(d => d.Id != "CHEAP024"));
        var type = BitTestCompilation.BuildAndLoad(Exact).GetType("Floats")!;
        Assert.Equal(n, type.GetMethod(name)!.GetParameters().Length);
        IntegerOverflowTests.AgreesOnEveryInput(type, name);
    }
}

/// <summary>
/// Found by consumer tests (round 6): every integer division by a constant was CHEAP021 "it truncates", also
/// s * (s - 1) / 2 (pairs among set bits), whose quotient is an integer on every input, so C# computes it exactly. It is
/// now accepted when no input truncates (checked on the inputs up to 12 bits), and otherwise names an input that does.
/// </summary>
public class ExactIntegerDivisionTests
{
    private const string Source = """
        using CheapLearning;
        public static partial class Pairs
        {
            [BitNetwork(Activation = Activation.ReLU)]
            public static int Count(bool a, bool b, bool c, bool d) { int s = (a ? 1 : 0) + (b ? 1 : 0) + (c ? 1 : 0) + (d ? 1 : 0); return s * (s - 1) / 2; }
        }
        """;

    [Fact]
    public void A_division_exact_on_every_input_is_accepted_and_matches_the_method()
    {
        Assert.Empty(BitTestCompilation.Analyze(Source));
        var type = BitTestCompilation.BuildAndLoad(Source).GetType("Pairs")!;
        var deep = type.GetNestedType("CountNetwork")!.ScalarEvaluator("Deep")!;
        double bound = (double)type.GetNestedType("CountNetwork")!.GetField("DeepErrorBound")!.GetValue(null)!;
        for (int x = 0; x < 16; x++)
        {
            var args = Enumerable.Range(0, 4).Select(i => (object)(((x >> i) & 1) == 1)).ToArray();
            int set = System.Numerics.BitOperations.PopCount((uint)x);
            Assert.Equal(set * (set - 1) / 2, (int)type.GetMethod("Count")!.Invoke(null, args)!);
            Assert.True(Math.Abs((double)deep.Invoke(null, args)! - set * (set - 1) / 2) <= bound);
        }
    }

    [Fact]
    public void A_division_that_truncates_names_an_input()
    {
        var d = Assert.Single(BitTestCompilation.Analyze("using CheapLearning;\npublic static partial class C\n{\n[BitNetwork] public static int F([Bit] int a, [Bit] int b) => (a + 2 * b) / 2;\n}"));
        Assert.Equal("CHEAP021", d.Id);
        Assert.Equal("Integer division '(a + 2 * b) / 2' is not an operation of the bit algebra: it truncates 0.5 at a = 1, b = 0; divide a double instead", d.GetMessage());
    }
}

/// <summary>
/// Found by consumer tests (round 7): a float operation whose exact value leaves float's range (3e38f * 10) crashed the
/// generator and the analyzer (Rational.IsFloat converted C#'s ∞ back to a rational: ArgumentOutOfRangeException), so the
/// user got CS8785/AD0001 and no diagnostic at the operation. Now CHEAP021 at the operator, as for any float rounding.
/// </summary>
public class FloatOverflowTests
{
    [Fact]
    public void A_float_operation_beyond_float_range_is_CHEAP021_not_a_crash()
    {
        var diagnostics = BitTestCompilation.Analyze("using CheapLearning;\npublic static partial class C\n{\n"
            + "[BitNetwork] public static double F(bool a) { float f = a ? 3e38f : 0f; return f * 10; }\n}");
        var d = Assert.Single(diagnostics);
        Assert.Equal("CHEAP021", d.Id);
        Assert.Equal("*", d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan));
        Assert.StartsWith("The float operation 'f * 10' is not an operation of the bit algebra: its exact value is 3.0000000", d.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("at a = 1, not a float; C# rounds it to float", d.GetMessage(), StringComparison.Ordinal);
        var (output, run) = BitTestCompilation.RunGenerator(Infrastructure.TestCompilation.Create(
            "using CheapLearning;\npublic static partial class C\n{\n[BitNetwork] public static double F(bool a) { float f = a ? 3e38f : 0f; return f * 10; }\n}"));
        Assert.Empty(run.GeneratedTrees);
        Assert.All(run.Results, r => Assert.Null(r.Exception));
        Assert.Empty(Infrastructure.TestCompilation.Problems(output));
    }
}

/// <summary>
/// Found by consumer tests (round 7): an implicit conversion to float (float f = a ? 16777217 : 0) rounds like a float
/// operation (to 16777216), but only operations and casts were checked: the network returned 16777217 where the method
/// returns 16777216, far outside the stated bound. Now CHEAP021 at the converted expression.
/// </summary>
public class FloatConversionTests
{
    [Fact]
    public void An_implicit_conversion_to_float_that_rounds_is_CHEAP021()
    {
        var d = Assert.Single(BitTestCompilation.Analyze("using CheapLearning;\npublic static partial class C\n{\n"
            + "[BitNetwork] public static double F(bool a) { float f = a ? 16777217 : 0; return f; }\n}"));
        Assert.Equal("CHEAP021", d.Id);
        Assert.Equal("a ? 16777217 : 0", d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan));
        Assert.Equal("The float conversion 'a ? 16777217 : 0' is not an operation of the bit algebra: its exact value is 16777217 at a = 1, not a float; "
            + "C# rounds it to float but the network computes the exact value; compute in double", d.GetMessage());
        Assert.Equal(16777216f, (float)16777217); // what C# does
    }

    [Fact]
    public void An_exact_conversion_to_float_is_accepted_and_exact_on_every_input()
    {
        const string source = "using CheapLearning;\npublic static partial class FloatConversion\n{\n"
            + "[BitNetwork(Activation = Activation.ReLU, Digits = 1)] public static double F(bool a, bool b) { float f = (a ? 16777216 : 3) + (b ? 1 : 0) * 2; return f; }\n}";
        Assert.Empty(BitTestCompilation.Analyze(source));
        IntegerOverflowTests.AgreesOnEveryInput(BitTestCompilation.BuildAndLoad(source).GetType("FloatConversion")!, "F");
    }
}

/// <summary>Found by a random bit-function fuzzer (round 10): a decimal operation or cast beyond decimal's range.</summary>
public class DecimalOverflowTests
{
    private static Diagnostic Single(string members)
        => Assert.Single(BitTestCompilation.Analyze("using CheapLearning;\npublic static partial class C\n{\n" + members + "\n}"));

    private static string Text(Diagnostic d) => d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan);

    /// <summary>
    /// decimal arithmetic is always checked: beyond ±decimal.MaxValue C# throws OverflowException, and so does a cast of a
    /// larger double. Found by a random bit-function fuzzer: without a comparison above it the generator built a network
    /// (Deep(true) returned 5e299 where the method throws). Now CHEAP021 at the operator saying C# throws.
    /// </summary>
    [Theory]
    [InlineData("[BitNetwork] public static double F(bool a) { decimal v = (decimal)(a ? 1e300 : 1.5); return (double)v; }",
                "(decimal)(a ? 1e300 : 1.5)", "The decimal cast '(decimal)(a ? 1e300 : 1.5)'", "1.00000000000000005250…E+300 at a = 1")]
    [InlineData("[BitNetwork] public static double F(bool a, bool b) => (double)((a ? decimal.MaxValue : 0m) + (b ? decimal.MaxValue : 0m));",
                "+", "The decimal operation '(a ? decimal.MaxValue : 0m) + (b ? de...'", "1.58456325028528675187…E+29 at a = 1, b = 1")]
    [InlineData("[BitNetwork] public static double F(bool a) { decimal v = a ? 1e28m : 1m; v *= 10; return (double)v; }",
                "*=", "The decimal operation 'v *= 10'", "1E+29 at a = 1")]
    public void A_decimal_operation_beyond_its_range_is_CHEAP021_saying_CSharp_throws(string method, string span, string what, string reach)
    {
        var d = Single(method);
        Assert.Equal("CHEAP021", d.Id);
        Assert.Equal(span, Text(d));
        Assert.Equal($"{what} is not an operation of the bit algebra: its exact value is {reach}, outside decimal's range, "
                     + "where C# throws OverflowException but the network computes the exact value; compute in double", d.GetMessage());
    }

    [Fact]
    public void A_decimal_within_its_range_is_accepted()
        => Assert.Empty(BitTestCompilation.Analyze("using CheapLearning;\npublic static partial class C\n{\n[BitNetwork] public static double F(bool a, bool b) => (double)((a ? 2.5m : 1m) * (b ? 10m : 3m));\n}"));
}

/// <summary>
/// Found in round 10: C# converts a double to decimal keeping 15 significant digits and a float keeping 7
/// ((decimal)16777215f is 16777220, (decimal)2⁻²⁴ is 5.96046447753906E-08), but the front end took such a conversion as
/// exact whenever the value fits decimal's 28 digits. A comparison above it was then decided on the exact value: the
/// networks of the methods below returned 1 (resp. 5) where the methods return false (resp. 7), with no diagnostic.
/// Now CHEAP021 at the comparison, naming the conversion; conversions C# keeps exactly are still accepted.
/// </summary>
public class DecimalConversionTests
{
    [Theory]
    [InlineData("[BitNetwork] public static bool F(bool a) => (decimal)(a ? 16777215f : 0f) == 16777215m;", "==", "(a ? 16777215f : 0f)", "float", 7, "16777215")]
    [InlineData("[BitNetwork] public static int F(bool a) => (decimal)(a ? 16777215f : 0f) == 16777215m ? 5 : 7;", "==", "(a ? 16777215f : 0f)", "float", 7, "16777215")]
    [InlineData("[BitNetwork] public static bool F(bool a) => (decimal)(a ? 1.0 / 16777216 : 0.0) * 16777216 == 1m;", "==", "(a ? 1.0 / 16777216 : 0.0)", "double", 15, "5.9604644775390625E-8")]
    public void A_conversion_to_decimal_that_drops_digits_is_CHEAP021_below_a_comparison(string method, string span, string operand, string from, int digits, string exact)
    {
        var d = Assert.Single(BitTestCompilation.Analyze("using CheapLearning;\npublic static partial class C\n{\n" + method + "\n}"));
        Assert.Equal("CHEAP021", d.Id);
        Assert.Equal(span, d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan));
        Assert.Contains($"C# converts '{operand}' from {from} to decimal, keeping {digits} significant digits, which rounds it: at a = 1 its exact value is {exact}, which the conversion does not keep",
            d.GetMessage(), StringComparison.Ordinal);
        // What C# does, by hand: the digits are dropped.
        Assert.Equal(16777220m, (decimal)16777215f);
        Assert.Equal(5.96046447753906E-08m, (decimal)(1.0 / 16777216));
    }

    [Fact]
    public void A_conversion_to_decimal_that_keeps_every_digit_is_accepted_and_exact_on_every_input()
    {
        const string source = "using CheapLearning;\npublic static partial class DecimalConversion\n{\n"
            + "[BitNetwork] public static bool F(bool a, bool b) => (decimal)(a ? 123456789012.5 : 0.25) * 4 + (decimal)(b ? 1.5f : 0f) > 2m;\n}";
        Assert.Empty(BitTestCompilation.Analyze(source));
        IntegerOverflowTests.AgreesOnEveryInput(BitTestCompilation.BuildAndLoad(source).GetType("DecimalConversion")!, "F");
    }
}
