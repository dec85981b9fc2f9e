using System.Linq;
using CheapLearning.Generator.Tests.Bits;
using CheapLearning.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace CheapLearning.Generator.Tests.Polynomials;

/// <summary>
/// A stray ';' (an empty statement: <c>return x * x;;</c>, <c>double y = x;;</c>) compiles in C# without a warning and
/// does nothing, but the shared straight-line front end refused it: after the return it made the return "an early
/// 'return'" (CHEAP001 at a return that is the method's only one), before it "';' is not a polynomial operation". Now it
/// is skipped like a local function's declaration, for polynomials and bits alike (found by adv16, session of 2026-11-30).
/// </summary>
public class EmptyStatementTests
{
    private const string Source = """
        using CheapLearning;
        namespace Demo;
        public static partial class Stray
        {
            [PolynomialNetwork(InputBound = 2)]
            public static double Last(double x, double y) { return x * y - 3 * x;; }

            [PolynomialNetwork]
            public static double Between(double x) { ; double y = x * x;; y *= x; ; return y + 1; ; }
        }
        """;

    [Theory]
    [InlineData("Last")]
    [InlineData("Between")]
    public void Empty_statements_are_skipped_and_the_network_is_exact(string method)
    {
        Assert.DoesNotContain(TestCompilation.Analyze(Source), d => d.Severity >= DiagnosticSeverity.Warning);
        var type = TestCompilation.BuildAndLoad(Source).GetType("Demo.Stray+" + method + "Network")!;
        var model = (NetworkModel)type.GetProperty("DeepModel")!.GetValue(null)!;
        ExactChecks.AssertNetwork(Source, "Stray", method, type.ScalarEvaluator("Deep")!, model, 1e-9, randomPoints: 200, seed: 16);
    }

    /// <summary>
    /// A local function's block body with a stray ';' (<c>{ return t * t;; }</c>) was refused by the inliner (CHEAP001
    /// "whose body is one expression") although the method body skips it; both now use StraightLine.RunsNothing
    /// (found by adv16, fixed by adv19).
    /// </summary>
    [Fact]
    public void A_local_function_with_a_stray_semicolon_is_inlined()
    {
        const string source = """
            using CheapLearning;
            namespace Demo;
            public static partial class Stray
            {
                [PolynomialNetwork(InputBound = 1.5)]
                public static double Helper(double x, double y)
                {
                    return Sq(x) * y + Lead(y);
                    static double Sq(double t) { return t * t;; }
                    static double Lead(double t) { ; return 2 * t - Inner(t); static double Inner(double u) => u * u * u; ; }
                }
            }
            """;
        Assert.DoesNotContain(TestCompilation.Analyze(source), d => d.Severity >= DiagnosticSeverity.Warning);
        var type = TestCompilation.BuildAndLoad(source).GetType("Demo.Stray+HelperNetwork")!;
        var model = (NetworkModel)type.GetProperty("DeepModel")!.GetValue(null)!;
        ExactChecks.AssertNetwork(source, "Stray", "Helper", type.ScalarEvaluator("Deep")!, model, 1e-9, randomPoints: 200, seed: 19);
    }

    [Fact]
    public void A_bit_method_with_a_stray_semicolon_builds()
    {
        const string source = """
            using CheapLearning;
            namespace Demo;
            public static partial class Stray
            {
                [BitNetwork] public static bool Xor(bool a, bool b) { bool c = a ^ b;; return c;; }
            }
            """;
        Assert.Empty(BitTestCompilation.Analyze(source).Where(d => d.Severity >= DiagnosticSeverity.Warning));
        var deep = TestCompilation.BuildAndLoad(source).GetType("Demo.Stray+XorNetwork")!.ScalarEvaluator("Deep")!;
        foreach (var (a, b) in new[] { (false, false), (false, true), (true, false), (true, true) })
            Assert.Equal(a ^ b ? 1.0 : 0.0, (double)deep.Invoke(null, new object[] { a, b })!, 8);
    }
}
