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
            [PolynomialNetwork] public static double Tuple(double x, double y) { {|#3:var (a, b)|} = (x, y); return a * b; }
        """),
        new DiagnosticResult("CHEAP001", DiagnosticSeverity.Error).WithLocation(0).WithArguments("A local of type 'int'", "only double (or float) locals can hold polynomial values"),
        new DiagnosticResult("CHEAP001", DiagnosticSeverity.Error).WithLocation(1).WithArguments("A call to 'Math.Sin'", "only Math.Pow with a non-negative integer constant exponent is polynomial"),
        new DiagnosticResult("CHEAP001", DiagnosticSeverity.Error).WithLocation(2).WithArguments("A call to 'Math.Abs'", "only Math.Pow with a non-negative integer constant exponent is polynomial"),
        new DiagnosticResult("CHEAP001", DiagnosticSeverity.Error).WithLocation(3).WithArguments("Assigning to 'var (a, b)'", "only the method's own locals and parameters can be assigned"));

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
        new DiagnosticResult("CHEAP007", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("(float)x"),
        new DiagnosticResult("CHEAP007", DiagnosticSeverity.Warning).WithLocation(1).WithArguments("(float)(x * y)"),
        new DiagnosticResult("CHEAP007", DiagnosticSeverity.Warning).WithLocation(2).WithArguments("(float)(x + 1)"));

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
        new DiagnosticResult("CHEAP001", DiagnosticSeverity.Error).WithLocation(0).WithArguments("A call to 'Mine.Math.Pow'", "only Math.Pow with a non-negative integer constant exponent is polynomial"),
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
}
