using System;
using System.Linq;
using System.Threading.Tasks;
using CheapLearning.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace CheapLearning.Generator.Tests.Polynomials;

/// <summary>
/// C# a consumer writes in polynomial methods (found by packed-package consumer projects, session of 2026-11-30):
/// locals declared before they are assigned, a refused local used afterwards, casts to float, MathF.Pow and a
/// user class named Math. Each diagnostic at its exact span, each accepted method checked against the exact oracle.
/// </summary>
public class ConsumerConstructTests
{
    private const string Source = """
        using System;
        using CheapLearning;
        namespace Demo;
        public static partial class Late
        {
            [PolynomialNetwork(InputBound = 2)]
            public static double Assigned(double x, double y)
            {
                double a, b = x;
                a = x * y;
                b *= a;
                double c;
                c = b - 3 * y;
                return c + a;
            }

            [PolynomialNetwork(Tolerance = 1e-6)]
            public static double FloatPow(float x, float y) => MathF.Pow(x - y, 3) + MathF.Pow(y: 2, x: x) * y;
        }
        """;

    /// <summary>
    /// <c>double a; a = x * y;</c> was CHEAP001 "without an initializer", plus a false "'a' is not a local of this
    /// method" at every later use. In straight-line code C#'s definite assignment puts the first assignment before any
    /// read, so it binds the local; and MathF.Pow, a float method's power, is a polynomial like Math.Pow.
    /// </summary>
    [Theory]
    [InlineData("Assigned", 1e-9)]
    [InlineData("FloatPow", 1e-6)]
    public void Late_assigned_locals_and_MathF_Pow_build_networks_within_their_bounds(string method, double tolerance)
    {
        var type = TestCompilation.BuildAndLoad(Source).GetType("Demo.Late+" + method + "Network")!;
        var model = (NetworkModel)type.GetProperty("DeepModel")!.GetValue(null)!;
        ExactChecks.AssertNetwork(Source, "Late", method, type.ScalarEvaluator("Deep")!, model, tolerance, randomPoints: 400, seed: 31);
    }

    [Fact]
    public Task Late_assigned_locals_have_no_diagnostics() => AnalyzerVerifier.VerifyAsync(Source);

    private static string InClass(string members) => FrontEndDiagnosticsTests.InClass(members);

    /// <summary>
    /// A local whose declaration or value was refused is reported once: its later uses and assignments said "'t' is not
    /// a parameter, a local of this method or a numeric constant" and "only the method's own locals … can be assigned",
    /// both false for a local of the method.
    /// </summary>
    [Fact]
    public Task A_refused_local_is_reported_once() => AnalyzerVerifier.VerifyAsync(InClass("""
            [PolynomialNetwork] public static double IntLocal(double x) { {|#0:int|} t = 3; t *= 2; return t * x; }
            [PolynomialNetwork] public static double SinLocal(double x) { double s = {|#1:Math.Sin(x)|}; s += x; return s * s; }
            [PolynomialNetwork] public static double LateSin(double x) { double s; s = {|#2:Math.Abs(x)|}; return s * x; }
            [PolynomialNetwork] public static double Tuple(double x, double y) { {|#3:var (a, b)|} = Pair(x, y); return a * b; }
            private static (double, double) Pair(double x, double y) => (x, y);
        """),
        new DiagnosticResult("CHEAP001", DiagnosticSeverity.Error).WithLocation(0).WithArguments("A local of type 'int'", "only double (or float) locals can hold polynomial values"),
        new DiagnosticResult("CHEAP001", DiagnosticSeverity.Error).WithLocation(1).WithArguments("A call to 'Math.Sin'", "only Math.Pow with a non-negative integer constant exponent and Math.FusedMultiplyAdd are polynomial"),
        new DiagnosticResult("CHEAP001", DiagnosticSeverity.Error).WithLocation(2).WithArguments("A call to 'Math.Abs'", "only Math.Pow with a non-negative integer constant exponent and Math.FusedMultiplyAdd are polynomial"),
        new DiagnosticResult("CHEAP001", DiagnosticSeverity.Error).WithLocation(3).WithArguments("Deconstructing into 'var (a, b)'", "only a tuple literal of the same shape, (a, b) = (e1, e2), is read element by element"));

    /// <summary>
    /// <c>(float)x</c> in a method of double parameters rounds x to float, and the network (proven against the exact
    /// polynomial, which reads the cast as x) does not: silent before, CHEAP007 at the cast now. No warning where the cast
    /// changes nothing the contract covers: a constant (the compiler's value), a float operand, a float method.
    /// </summary>
    [Fact]
    public Task A_float_cast_of_a_double_value_is_CHEAP007_at_the_cast() => AnalyzerVerifier.VerifyAsync(InClass("""
            [PolynomialNetwork] public static double Rounds(double x, double y) => {|#0:(float)x|} * y + {|#1:(float)(x * y)|};
            [PolynomialNetwork] public static double Local(double x) { float t = {|#2:(float)(x + 1)|}; return t * x; }
            [PolynomialNetwork] public static double Constant(double x) => (float)0.1 * x + (double)x;
            [PolynomialNetwork] public static double FloatMethod(float x, double y) => (float)(x * y) * (float)x;
        """),
        new DiagnosticResult("CHEAP007", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("The cast '(float)x'", "rounds a double value to float"),
        new DiagnosticResult("CHEAP007", DiagnosticSeverity.Warning).WithLocation(1).WithArguments("The cast '(float)(x * y)'", "rounds a double value to float"),
        new DiagnosticResult("CHEAP007", DiagnosticSeverity.Warning).WithLocation(2).WithArguments("The cast '(float)(x + 1)'", "rounds a double value to float"));

    /// <summary>
    /// A float operation in a method of double parameters (<c>float t = 0.1f; t *= 3;</c>) rounds in C# to float, while
    /// the network computes its exact value: silent before, CHEAP007 at the operator now, naming the exact value, once
    /// per method. Silent where nothing rounds: an exact float operation (0.5f * 3, 1.5f / 4 − 0.25f), a C# constant
    /// expression (the compiler's folded float, which the network reads too), a double operation on a float, a float method.
    /// </summary>
    [Fact]
    public Task An_inexact_float_operation_is_CHEAP007_at_the_operator() => AnalyzerVerifier.VerifyAsync(InClass("""
            [PolynomialNetwork] public static double Times(double x) { float t = 0.1f; t {|#0:*=|} 3; t *= 3; return x * t; }
            [PolynomialNetwork] public static double Sum(double x) { float a = 0.1f, b = 0.2f; float s = a {|#1:+|} b; return s * x; }
            [PolynomialNetwork] public static double Quotient(double x) { float t = 1; return x * (t {|#2:/|} 3); }
            [PolynomialNetwork] public static double Chain(double x) { float a = 0.5f; return x * (a * 3 - a {|#3:-|} 0.1f); }
            [PolynomialNetwork] public static double Exact(double x) { float h = 0.5f; h *= 3; float q = h / 4 - 0.25f; return x * h + q * -x; }
            [PolynomialNetwork] public static double Folded(double x) { const float c = 0.1f * 3; return x * c + x * (0.1f + 0.2f); }
            [PolynomialNetwork] public static double InDouble(double x) { float t = 0.1f; return x * (t * 3.0) + t / 3.0; }
            [PolynomialNetwork] public static double FloatMethod(float x) { float t = 0.1f; t *= 3; return x * t; }
        """),
        new DiagnosticResult("CHEAP007", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("The float operation 't *= 3'", "rounds its exact value 0.30000000447034836 to float"),
        new DiagnosticResult("CHEAP007", DiagnosticSeverity.Warning).WithLocation(1).WithArguments("The float operation 'a + b'", "rounds its exact value 0.30000000447034836 to float"),
        new DiagnosticResult("CHEAP007", DiagnosticSeverity.Warning).WithLocation(2).WithArguments("The float operation 't / 3'", "rounds its exact value ≈ 0.3333333333333333 to float"),
        new DiagnosticResult("CHEAP007", DiagnosticSeverity.Warning).WithLocation(3).WithArguments("The float operation 'a * 3 - a - 0.1f'", "rounds its exact value 0.8999999985098839 to float"));

    private const string FoldedSource = """
        namespace Demo;
        public static partial class Folded
        {
            [CheapLearning.PolynomialNetwork(InputBound = 2, Tolerance = 1e-13)]
            public static double F(double x) { const float c = 0.1f * 3; float h = 0.5f; h *= 3; return x * c + x * x * (0.1f + 0.2f) - h * x; }
        }
        """;

    /// <summary>
    /// The silent cases compute what the C# method computes: a constant float expression is the compiler's folded float
    /// (0.3f, not the exact 0.30000000447…, which would differ by 7.5e-9·x), an exact float operation is its value.
    /// </summary>
    [Fact]
    public void A_folded_float_constant_is_the_compilers_float_in_the_network()
    {
        var assembly = TestCompilation.BuildAndLoad(FoldedSource);
        var method = assembly.GetType("Demo.Folded")!.GetMethod("F")!;
        var type = assembly.GetType("Demo.Folded+FNetwork")!;
        var model = (NetworkModel)type.GetProperty("DeepModel")!.GetValue(null)!;
        var deep = type.ScalarEvaluator("Deep")!;
        Assert.True(model.ErrorBound < 1e-10, $"bound {model.ErrorBound:G3}");
        for (int k = 0; k <= 400; k++)
        {
            double x = -2 + k / 100.0;
            // Hand-derived: 0.1f * 3 and 0.1f + 0.2f fold to the float 0.3f = 0.300000011920928955078125; h = 1.5.
            double exact = 0.300000011920928955078125 * x + 0.300000011920928955078125 * x * x - 1.5 * x;
            double method_ = (double)method.Invoke(null, new object[] { x })!;
            Assert.True(Math.Abs(method_ - exact) <= 1e-14, $"method {method_:R} vs hand-derived {exact:R} at {x}");
            double network = (double)deep.Invoke(null, new object[] { x })!;
            Assert.True(Math.Abs(network - exact) <= model.ErrorBound + 1e-14, $"network {network:R} vs {exact:R} at {x} (bound {model.ErrorBound:G3})");
        }
    }

    /// <summary>A Pow of the user's own class named Math was refused as "A call to 'Math.Pow' …: only Math.Pow … is polynomial".</summary>
    [Fact]
    public Task A_user_class_named_Math_is_named_with_its_namespace() => AnalyzerVerifier.VerifyAsync("""
        using CheapLearning;
        namespace Mine
        {
            public static class Math { public static double Pow(double a, double b) => a + b; }
            public static partial class C
            {
                [PolynomialNetwork] public static double F(double x) => {|#0:Math.Pow(x, 2)|};
                [PolynomialNetwork] public static double G(float x) => System.MathF.Pow(x, {|#1:-1|});
            }
        }
        """,
        new DiagnosticResult("CHEAP001", DiagnosticSeverity.Error).WithLocation(0).WithArguments("A call to 'Mine.Math.Pow'", "only Math.Pow with a non-negative integer constant exponent and Math.FusedMultiplyAdd are polynomial"),
        new DiagnosticResult("CHEAP001", DiagnosticSeverity.Error).WithLocation(1).WithArguments("MathF.Pow with exponent '-1'", "the exponent must be a non-negative integer constant (at most 1000000)"));

    private const string DepthSource = """
        using System;
        using CheapLearning;
        namespace Demo;
        public static partial class Depth
        {
            [PolynomialNetwork(HiddenLayers = 1)]
            public static double Power13(double x) => Math.Pow(x, 13) - x;

            [PolynomialNetwork(HiddenLayers = 1, InputBound = 0.9)]
            public static double Product13(double a, double b, double c, double d, double e, double f, double g, double h, double i, double j, double k, double l, double m)
                => a * b * c * d * e * f * g * h * i * j * k * l * m;
        }
        """;

    /// <summary>
    /// <c>HiddenLayers = 1</c> on a degree-13 monomial built one flat block of degree 13, past the degree-12 limit of the
    /// flat error bound: Deep was emitted with DeepErrorBound = ∞ and CHEAP004 blamed "intermediate sums … lower
    /// InputBound" (S = 1). Now k is not honored (CHEAP014 at the value, saying why) and Deep is the fully deep network,
    /// within its finite bound.
    /// </summary>
    [Theory]
    [InlineData("Power13", 1e-9)]
    [InlineData("Product13", 1e-8)]   // the default τ (no CHEAP004 by design) is not reached: 2.9e-10 against τ·S = 2.5e-10
    public void HiddenLayers_needing_a_flat_block_above_degree_12_is_CHEAP014_and_deep_is_emitted(string method, double tolerance)
    {
        var diagnostics = TestCompilation.Analyze(DepthSource).Where(d => d.GetMessage().Contains("'" + method + "'", System.StringComparison.Ordinal)).ToList();
        var notHonored = Assert.Single(diagnostics, d => d.Id == "CHEAP014");
        Assert.DoesNotContain(diagnostics, d => d.Id == "CHEAP004");
        Assert.Equal("1", notHonored.Location.SourceTree!.GetText().ToString(notHonored.Location.SourceSpan));
        Assert.StartsWith($"HiddenLayers = 1 is not honored for '{method}': its flat product blocks would multiply 13 factors, more than 12, the highest degree whose one-hidden-layer error CheapLearning can bound; Deep(...) is the fully deep network with",
            notHonored.GetMessage(System.Globalization.CultureInfo.InvariantCulture));

        var type = TestCompilation.BuildAndLoad(DepthSource).GetType("Demo.Depth+" + method + "Network")!;
        var model = (NetworkModel)type.GetProperty("DeepModel")!.GetValue(null)!;
        Assert.True(model.HiddenLayers > 1);
        Assert.True(model.ErrorBound < 1e-8, $"bound {model.ErrorBound}");
        ExactChecks.AssertNetwork(DepthSource, "Depth", method, type.ScalarEvaluator("Deep")!, model, tolerance, randomPoints: 300, seed: 13);
    }

    private const string FloatBoundSource = """
        using CheapLearning;
        namespace Demo;
        public static partial class FloatBox
        {
            [PolynomialNetwork(InputBound = 0.3)]
            public static double Product(float x, float y) => x * y - 2 * y;

            [PolynomialNetwork(InputBound = 0.3)]
            public static double Mixed(float x, double y) => x * y * y;

            [PolynomialNetwork(InputBound = 0.3)]
            public static double Doubles(double x, double y) => x * y;
        }
        """;

    /// <summary>
    /// A float method with InputBound = 0.3 refused its own bound written as a float: Deep(0.3f, …) threw "y is outside
    /// the network's input bound ±0.3" (0.3f = 0.300000011920929 &gt; 0.3). Now a method with a float parameter is built
    /// for the box of the smallest float ≥ R, so ±0.3f is inside, and the corners of that box (where ExactChecks measures)
    /// meet the bound against the exact polynomial. A double method keeps R as written.
    /// </summary>
    [Theory]
    [InlineData("Product", (double)0.3f)]
    [InlineData("Mixed", (double)0.3f)]
    [InlineData("Doubles", 0.3)]
    public void A_float_method_accepts_its_input_bound_written_as_a_float(string method, double bound)
    {
        var type = TestCompilation.BuildAndLoad(FloatBoundSource).GetType("Demo.FloatBox+" + method + "Network")!;
        var model = (NetworkModel)type.GetProperty("DeepModel")!.GetValue(null)!;
        Assert.Equal(bound, model.InputBound);
        Assert.Equal(bound, (double)type.GetField("InputBound")!.GetValue(null)!);
        ExactChecks.AssertNetwork(FloatBoundSource, "FloatBox", method, type.ScalarEvaluator("Deep")!, model, 1e-9, randomPoints: 300, seed: 3);
    }

    /// <summary>
    /// Nested powers multiply exponents: <c>Math.Pow(Math.Pow(x, 65536), 32768)</c> (x^2³¹) overflowed the monomials' int
    /// exponents and recursed without end, a stack overflow that killed the compiler; 32 squarings of x (x^2³²) wrapped to
    /// degree 0 and got a network returning 1 with a "proven" bound of 2.2e-16. Degrees above 1,000,000 (one Math.Pow's
    /// limit) are now CHEAP001 at the method's name; exactly 1,000,000 is still built.
    /// </summary>
    [Fact]
    public Task A_degree_above_one_million_is_CHEAP001_at_the_method_name() => AnalyzerVerifier.VerifyAsync(InClass("""
            [PolynomialNetwork] public static double {|#0:Nested|}(double x) => Math.Pow(Math.Pow(x, 65536), 32768);
            [PolynomialNetwork] public static double {|#1:Squared|}(double x) { var a = x * x; a *= a; a *= a; a *= a; a *= a; a *= a; a *= a; a *= a; a *= a; a *= a; a *= a; a *= a; a *= a; a *= a; a *= a; a *= a; a *= a; a *= a; a *= a; a *= a; a *= a; a *= a; a *= a; a *= a; a *= a; a *= a; a *= a; a *= a; a *= a; a *= a; a *= a; a *= a; return a; }
            [PolynomialNetwork] public static double {|#2:JustAbove|}(double x, double y) => Math.Pow(x, 1000000) * y;
            [PolynomialNetwork] public static double AtTheLimit(double x) => Math.Pow(Math.Pow(x, 1000), 1000) - x;
        """),
        new DiagnosticResult("CHEAP001", DiagnosticSeverity.Error).WithLocation(0).WithArguments("A polynomial of degree 2,147,483,647 or more", "the degree (nested powers and repeated products multiply their exponents) must be at most 1,000,000"),
        new DiagnosticResult("CHEAP001", DiagnosticSeverity.Error).WithLocation(1).WithArguments("A polynomial of degree 2,147,483,647 or more", "the degree (nested powers and repeated products multiply their exponents) must be at most 1,000,000"),
        new DiagnosticResult("CHEAP001", DiagnosticSeverity.Error).WithLocation(2).WithArguments("A polynomial of degree 1,000,001", "the degree (nested powers and repeated products multiply their exponents) must be at most 1,000,000"));

    /// <summary>The generator side of the same methods: nothing is emitted for a refused degree, and the run does not throw.</summary>
    [Fact]
    public void The_generator_emits_nothing_for_a_degree_above_the_limit()
    {
        var (_, result) = TestCompilation.RunAllGenerators(TestCompilation.Create(InClass("""
            [PolynomialNetwork] public static double Nested(double x) => Math.Pow(Math.Pow(x, 65536), 32768);
            [PolynomialNetwork] public static double AtTheLimit(double x) => Math.Pow(x, 1000000);
        """)));
        Assert.All(result.Results, r => Assert.Null(r.Exception));
        var hints = result.Results.SelectMany(r => r.GeneratedSources).Select(g => g.HintName).ToList();
        Assert.DoesNotContain(hints, h => h.Contains("Nested", System.StringComparison.Ordinal));
        Assert.Contains(hints, h => h.Contains("AtTheLimit", System.StringComparison.Ordinal));
    }

    /// <summary>A char constant is a number in C# ('a' * x is 97·x): it was refused as "The field 'Letter' … is not const", and 'b' as a non-numeric literal.</summary>
    [Fact]
    public Task Char_constants_are_numbers() => AnalyzerVerifier.VerifyAsync(InClass("""
            private const char Letter = 'a';
            [PolynomialNetwork] public static double Chars(double x) => Letter * x + 'b' * x * x;
        """));

    private const string CharSource = """
        namespace Demo;
        public static partial class Chars
        {
            private const char Letter = 'a';
            [CheapLearning.PolynomialNetwork(InputBound = 2)]
            public static double Weighted(double x, double y) => Letter * x * y - '0' * y + 0.5;
        }
        """;

    [Fact]
    public void A_char_constant_is_its_code_in_the_network()
    {
        var type = TestCompilation.BuildAndLoad(CharSource).GetType("Demo.Chars+WeightedNetwork")!;
        var model = (NetworkModel)type.GetProperty("DeepModel")!.GetValue(null)!;
        ExactChecks.AssertNetwork(CharSource, "Chars", "Weighted", type.ScalarEvaluator("Deep")!, model, 1e-9, randomPoints: 200, seed: 97);
    }

    /// <summary>
    /// A Hamiltonian on doubles goes through the polynomial front end, so the classifier's analyzer reports its CHEAP007:
    /// without the descriptor in its SupportedDiagnostics the analyzer driver dropped it with an AD0001 warning.
    /// </summary>
    [Fact]
    public void A_float_cast_in_a_Hamiltonian_is_CHEAP007_from_the_classifier_analyzer()
    {
        var diagnostics = Classifier.ClassifierConsumerEdgeTests.AnalyzeSource("""
            using CheapLearning;
            [BayesClassifier]
            public static partial class K
            {
                [Hamiltonian] public static double A(double x) => (float)x * x;
                [Hamiltonian] public static double B(double x) => x;
            }
            """);
        var d = Assert.Single(diagnostics);
        Assert.Equal("CHEAP007", d.Id);
        Assert.Equal("(float)x", d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan));
    }

    /// <summary>
    /// Found by a consumer project (round 13): a call with an omitted optional argument, <c>x * Helper(x)</c> with
    /// <c>Helper(double t, double k = 0.5)</c>, was read as the constant 0.5 (the default value's implicit operation sits on the
    /// call's own syntax and overwrote its entry in the semantic index): no diagnostic, and a network of 0.5·x for 0.5·x².
    /// Likewise a [CallerLineNumber] parameter made a call the constant line number. Both are calls: CHEAP001 at the call.
    /// </summary>
    [Fact]
    public Task A_call_with_omitted_optional_arguments_is_CHEAP001_not_its_default_value() => AnalyzerVerifier.VerifyAsync(InClass("""
            [PolynomialNetwork] public static double M(double x) => x * {|#0:Helper(x)|};
            [PolynomialNetwork] public static double N(double x) { double t = x + 1; return t * {|#1:Line(t)|}; }
            static double Helper(double t, double k = 0.5) => t * k;
            static double Line(double t, [System.Runtime.CompilerServices.CallerLineNumber] int line = 0) => t;
        """),
        new DiagnosticResult("CHEAP001", DiagnosticSeverity.Error).WithLocation(0)
            .WithArguments("A call to 'C.Helper'", "only Math.Pow with a non-negative integer constant exponent and Math.FusedMultiplyAdd are polynomial"),
        new DiagnosticResult("CHEAP001", DiagnosticSeverity.Error).WithLocation(1)
            .WithArguments("A call to 'C.Line'", "only Math.Pow with a non-negative integer constant exponent and Math.FusedMultiplyAdd are polynomial"));
}
