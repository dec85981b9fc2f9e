using System.Linq;
using CheapLearning.Generator.Tests.Bits;
using CheapLearning.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace CheapLearning.Generator.Tests.Common;

/// <summary>
/// Straight-line C# the shared front end refused (README Known limits, round 12): <c>n++;</c> and <c>--t;</c> as statements,
/// <c>checked { … }</c> / <c>unchecked { … }</c> and plain nested blocks, <c>Math.FusedMultiplyAdd</c>, and calls of local
/// functions inside bit functions (polynomials had them, bits refused every call). Each now means what C# computes, in every
/// feature: polynomial networks are checked against the exact oracle (TestKit's interpreter reads these forms by itself),
/// bit networks on all inputs against the C# method (exact on bits).
/// </summary>
public class StatementFormTests
{
    private readonly ITestOutputHelper _output;

    public StatementFormTests(ITestOutputHelper output) => _output = output;

    // A constant if's dead branch is C#'s own warning CS0162 (the tests' compilations turn warnings into errors).
    private const string PolynomialSource = """
        #pragma warning disable CS0162
        using System;
        using CheapLearning;
        namespace Demo;
        public static partial class Forms
        {
            [PolynomialNetwork(InputBound = 1.5)]
            public static double Steps(double x, double y)
            {
                double t = x * y;
                t++;
                ++t;
                double u = y;
                u--;
                --u;
                x++;
                return t * u - x;
            }

            [PolynomialNetwork(Form = NetworkForm.Both)]
            public static double Blocks(double x, double y)
            {
                double s = 0;
                checked
                {
                    double t = x + y;
                    s += t * t;
                }
                unchecked
                {
                    double t = x - y;
                    s -= t * x;
                }
                {
                    s *= 2;
                    checked { return s + 1; }
                }
            }

            [PolynomialNetwork(InputBound = 2)]
            public static double Fused(double x, double y, double z)
                => Math.FusedMultiplyAdd(x, y, z) - Math.FusedMultiplyAdd(z: 0.5, y: x, x: Math.FusedMultiplyAdd(y, y, -1));

            [PolynomialNetwork]
            public static double FusedFloat(float x) => MathF.FusedMultiplyAdd(x, x, 0.25f) * 3;

            private const bool UseCube = true;
            private const int Order = 2;

            [PolynomialNetwork(Form = NetworkForm.Both)]
            public static double Switched(double x, double y)
            {
                double s = x * y;
                if (Order > 3) s = Math.Sin(x);
                else if (Order == 2) { s += y * y; }
                if (!UseCube) return s;
                if (UseCube)
                    s *= x;
                else
                    s = Math.Cos(s);
                return Helper(s);
                static double Helper(double t) { if (UseCube) return t - 1; return Math.Sin(t); }
            }

            [PolynomialNetwork(InputBound = 1.5)]
            public static double Tuples(double x, double y)
            {
                var (u, v) = (x + y, x - y);
                (double w, _) = (u * v, x * x);
                (u, v) = (v, u);
                double a;
                (a, (y, double b)) = (2 * u, (y * y, 3));
                return w - u * a + v * y * b;
            }

            [PolynomialNetwork]
            public static double EarlyReturn(double x)
            {
                if (UseCube) return x * x * x;
                return Math.Sin(x);
            }
        }
        """;

    [Theory]
    [InlineData("Steps")]
    [InlineData("Blocks")]
    [InlineData("Fused")]
    [InlineData("FusedFloat")]
    [InlineData("Switched")]
    [InlineData("EarlyReturn")]
    [InlineData("Tuples")]
    public void Increments_blocks_and_fused_multiply_add_are_exact_polynomials(string method)
    {
        Assert.DoesNotContain(TestCompilation.Analyze(PolynomialSource), d => d.Severity >= DiagnosticSeverity.Warning);
        var type = TestCompilation.BuildAndLoad(PolynomialSource).GetType("Demo.Forms+" + method + "Network")!;
        foreach (var form in new[] { "Deep", "Flat" })
        {
            if (type.ScalarEvaluator(form) is not { } evaluator) continue;
            var model = (NetworkModel)type.GetProperty(form + "Model")!.GetValue(null)!;
            ExactChecks.AssertNetwork(PolynomialSource, "Forms", method, evaluator, model, 1e-6, randomPoints: 200, seed: 53);
        }
    }

    /// <summary>One point by hand, so the test does not rest on the oracle alone: x = 1, y = 0.5: t = 2.5, u = −1.5, x = 2.</summary>
    [Fact]
    public void Increments_take_effect_in_order()
    {
        var type = TestCompilation.BuildAndLoad(PolynomialSource).GetType("Demo.Forms+StepsNetwork")!;
        double value = (double)type.ScalarEvaluator("Deep")!.Invoke(null, new object[] { 1.0, 0.5 })!;
        Assert.InRange(value, 2.5 * -1.5 - 2 - 1e-6, 2.5 * -1.5 - 2 + 1e-6);
    }

    [Fact]
    public void Bit_functions_take_local_functions_increments_blocks_and_fused_multiply_add()
    {
        const string source = """
            #pragma warning disable CS0162
            using System;
            using CheapLearning;
            namespace Bits;
            public static partial class Forms
            {
                private const bool Strict = true;

                [BitNetwork(Form = NetworkForm.Both)]
                public static bool Majority(bool a, bool b, bool c, bool d, bool e)
                {
                    int n = One(a) + One(b);
                    checked
                    {
                        n += One(c) + One(d);
                    }
                    n--;
                    ++n;
                    if (Strict) { n += 0; } else return false;
                    return AtLeast(n + One(e), 3);
                    static int One(bool bit) => bit ? 1 : 0;
                    static bool AtLeast(int count, int k = 2) { return count >= k; }
                }

                [BitNetwork]
                public static bool Fused(bool a, bool b, bool c)
                {
                    double s = Math.FusedMultiplyAdd(a ? 2 : 0, b ? 1.5 : 0.5, c ? 1 : 0);
                    return s > 1.5 && Xor(a, c);
                    bool Xor(bool p, bool q) => p ^ q;
                }
            }
            """;
        Assert.Empty(BitTestCompilation.Analyze(source).Where(d => d.Severity >= DiagnosticSeverity.Warning));
        var type = BitTestCompilation.BuildAndLoad(source).GetType("Bits.Forms")!;
        ExhaustiveBitNetworkTests.Check(type.GetMethod("Majority")!, type.GetNestedType("MajorityNetwork")!, "Deep", 10, _output);
        ExhaustiveBitNetworkTests.Check(type.GetMethod("Majority")!, type.GetNestedType("MajorityNetwork")!, "Flat", 10, _output);
        ExhaustiveBitNetworkTests.Check(type.GetMethod("Fused")!, type.GetNestedType("FusedNetwork")!, "Deep", 10, _output);
    }

    /// <summary>x = 1, y = 0.5 by hand: s = 0.5 + 0.25, then times 1, Helper(0.75) = −0.25 (the oracle reads the same ifs, so not only it).</summary>
    [Fact]
    public void A_constant_if_runs_the_branch_CSharp_runs()
    {
        var type = TestCompilation.BuildAndLoad(PolynomialSource).GetType("Demo.Forms+SwitchedNetwork")!;
        double value = (double)type.ScalarEvaluator("Deep")!.Invoke(null, new object[] { 1.0, 0.5 })!;
        Assert.InRange(value, -0.25 - 1e-6, -0.25 + 1e-6);
    }

    /// <summary>
    /// x = 1, y = 0.5 by hand: u = 1.5, v = 0.5, w = 0.75; swapped u = 0.5, v = 1.5; a = 1, y = 0.25, b = 3:
    /// 0.75 − 0.5 + 1.5·0.25·3 = 1.375.
    /// </summary>
    [Fact]
    public void Tuple_deconstruction_assigns_after_reading_every_value()
    {
        var type = TestCompilation.BuildAndLoad(PolynomialSource).GetType("Demo.Forms+TuplesNetwork")!;
        double value = (double)type.ScalarEvaluator("Deep")!.Invoke(null, new object[] { 1.0, 0.5 })!;
        Assert.InRange(value, 1.375 - 1e-6, 1.375 + 1e-6);
    }

    /// <summary>An element converts to its target's type as C# converts it: 16777217 into a float local is 16777216.</summary>
    [Fact]
    public void A_tuple_element_takes_its_targets_type()
    {
        const string source = """
            using CheapLearning;
            namespace Demo;
            public static partial class Forms
            {
                [PolynomialNetwork] public static double F(double x) { (float t, double u) = (16777217, x); return (t - 16777216) * u + u; }
            }
            """;
        var type = TestCompilation.BuildAndLoad(source).GetType("Demo.Forms+FNetwork")!;
        double value = (double)type.ScalarEvaluator("Deep")!.Invoke(null, new object[] { 0.5 })!;
        Assert.InRange(value, 0.5 - 1e-6, 0.5 + 1e-6);
    }

    /// <summary>A tuple that is not a literal of the same shape is refused at the left side, and its locals are not reported again.</summary>
    [Fact]
    public void Deconstructing_anything_but_a_tuple_literal_is_refused_at_the_targets()
    {
        const string source = """
            using CheapLearning;
            namespace Demo;
            public static partial class Forms
            {
                private static (double, double) Pair(double x) => (x, x);
                [PolynomialNetwork] public static double F(double x) { var (a, b) = Pair(x); return a * b; }
                [PolynomialNetwork] public static double G(double x) { (int n, double t) = (2, x); return t * n; }
            }
            """;
        var errors = TestCompilation.Analyze(source).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        string At(Diagnostic d) => d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan);
        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, d => At(d) == "var (a, b)" && d.GetMessage().Contains("only a tuple literal of the same shape"));
        Assert.Contains(errors, d => At(d) == "n" && d.GetMessage().Contains("A local of type 'int'"));
    }

    /// <summary>An if read at run time is piecewise: refused at the statement, saying its condition is not a constant.</summary>
    [Fact]
    public void An_if_read_at_run_time_stays_refused_at_the_statement()
    {
        const string source = """
            using CheapLearning;
            namespace Demo;
            public static partial class Forms
            {
                [PolynomialNetwork] public static double F(double x) { double s = x; if (x > 0) s = x * x; return s; }
                [BitNetwork] public static bool G(bool a, bool b) { bool s = a; if (b) s = !a; return s; }
            }
            """;
        var errors = TestCompilation.Analyze(source).Concat(BitTestCompilation.Analyze(source)).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.Equal(new[] { "CHEAP001", "CHEAP022" }, errors.Select(d => d.Id).OrderBy(id => id));
        Assert.All(errors, d => Assert.Contains("An 'if' statement whose condition is not a constant", d.GetMessage()));
        Assert.All(errors, d => Assert.StartsWith("if (", d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan)));
    }

    /// <summary>An increment inside an expression, or of something not the method's own, stays refused at that node.</summary>
    [Fact]
    public void Increments_of_fields_and_inside_expressions_stay_refused_where_they_are()
    {
        const string source = """
            using CheapLearning;
            namespace Demo;
            public static partial class Forms
            {
                private static double s_count;
                [PolynomialNetwork] public static double Field(double x) { s_count++; return x; }
                [PolynomialNetwork] public static double Inside(double x) { double t = x; return t++ * 2; }
            }
            """;
        var diagnostics = TestCompilation.Analyze(source).Where(d => d.Id == "CHEAP001").ToList();
        Assert.Equal(2, diagnostics.Count);
        string At(Diagnostic d) => d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan);
        Assert.Contains(diagnostics, d => At(d) == "s_count" && d.GetMessage().Contains("Incrementing 's_count'"));
        Assert.Contains(diagnostics, d => At(d) == "t++");
    }

    /// <summary>A bit function's local function that C# could call but no network can hold (a string parameter) is CHEAP022 at the call.</summary>
    [Fact]
    public void A_bit_local_function_of_other_types_is_refused_at_the_call()
    {
        const string source = """
            using CheapLearning;
            namespace Bits;
            public static partial class Forms
            {
                [BitNetwork]
                public static bool F(bool a, bool b)
                {
                    return a && Named("x", b);
                    static bool Named(string s, bool t) => t;
                }
            }
            """;
        var diagnostic = Assert.Single(BitTestCompilation.Analyze(source), d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("CHEAP022", diagnostic.Id);
        Assert.Contains("A call to the local function 'Named'", diagnostic.GetMessage());
        Assert.Equal("Named(\"x\", b)", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
    }
}
