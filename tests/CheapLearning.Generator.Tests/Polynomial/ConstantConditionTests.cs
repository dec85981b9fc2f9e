using System.Linq;
using CheapLearning.Generator.Tests.Bits;
using CheapLearning.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace CheapLearning.Generator.Tests.Polynomials;

/// <summary>
/// A conditional whose condition is a compile-time constant (<c>UseCube ? x * x * x : x * x</c> with a <c>const bool</c>
/// switch, or a literal <c>true</c>) is C#'s own choice: the method computes one branch only. It was CHEAP001 "A
/// conditional expression (?:)" like an input-dependent one (README Known limits, round 11). The chosen branch is now the
/// polynomial, and the other branch is never read (it may hold anything C# compiles, even a call no network has). Each
/// network is checked against the exact oracle, whose interpreter picks the branch by itself (TestKit MethodInterpreter).
/// </summary>
public class ConstantConditionTests
{
    private readonly ITestOutputHelper _output;

    public ConstantConditionTests(ITestOutputHelper output) => _output = output;

    private const string Source = """
        using System;
        using CheapLearning;
        namespace Demo;
        public static partial class Switches
        {
            private const bool UseCube = true;
            private const int Order = 2;

            [PolynomialNetwork(InputBound = 1.5)]
            public static double Chosen(double x, double y) => (UseCube ? x * x * x : Math.Sin(x)) - (Order > 3 ? y : 2 * y * x);

            [PolynomialNetwork(Form = NetworkForm.Both)]
            public static double Literal(double x) { double s = false ? x : x * x; s += (true ? 0 : x) * x; return !UseCube ? x : s * x; }

            [PolynomialNetwork]
            public static double Nested(double x, double y) => UseCube ? (Order == 2 ? x * y : x) : y;
        }
        """;

    [Theory]
    [InlineData("Chosen")]
    [InlineData("Literal")]
    [InlineData("Nested")]
    public void A_constant_condition_picks_its_branch_and_the_network_is_exact(string method)
    {
        Assert.DoesNotContain(TestCompilation.Analyze(Source), d => d.Severity >= DiagnosticSeverity.Warning);
        var type = TestCompilation.BuildAndLoad(Source).GetType("Demo.Switches+" + method + "Network")!;
        var model = (NetworkModel)type.GetProperty("DeepModel")!.GetValue(null)!;
        ExactChecks.AssertNetwork(Source, "Switches", method, type.ScalarEvaluator("Deep")!, model, 1e-9, randomPoints: 200, seed: 21);
    }

    [Fact]
    public void The_chosen_branch_sets_the_degree()
    {
        var type = TestCompilation.BuildAndLoad(Source).GetType("Demo.Switches+ChosenNetwork")!;
        // x³ − 2xy: degree 3 in 2 variables. Reading the other branches (Math.Sin, y) would have refused the method.
        Assert.Equal(3, (int)type.GetField("Degree")!.GetValue(null)!);
    }

    [Fact]
    public void A_condition_read_at_run_time_stays_CHEAP001_at_the_conditional()
    {
        const string source = """
            using CheapLearning;
            namespace Demo;
            public static partial class Switches
            {
                private static readonly bool s_flag = true;
                [PolynomialNetwork] public static double F(double x) => 2 * (s_flag ? x : x * x);
            }
            """;
        var diagnostic = Assert.Single(TestCompilation.Analyze(source), d => d.Id == "CHEAP001");
        Assert.Contains("whose condition is not a constant", diagnostic.GetMessage());
        Assert.Equal("s_flag ? x : x * x", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
    }

    /// <summary>
    /// Bit functions took every ?: as a gate, so a constant one read its dead branch too: <c>Strict ? a &amp;&amp; b : Fallback(a)</c>
    /// was CHEAP022 at the call C# never makes. Both parsers now take C#'s choice; the network is checked on all inputs
    /// against the C# method (exact on bits).
    /// </summary>
    [Fact]
    public void A_bit_function_reads_only_the_chosen_branch()
    {
        const string source = """
            using CheapLearning;
            namespace Bits;
            public static partial class Switches
            {
                private const bool Strict = true;
                private static bool Fallback(bool a) => !a;

                [BitNetwork(Form = NetworkForm.Both)]
                public static bool Vote(bool a, bool b, bool c) => Strict ? (a & b) | (b & c) | (a & c) : Fallback(a);
            }
            """;
        Assert.Empty(BitTestCompilation.Analyze(source).Where(d => d.Severity >= DiagnosticSeverity.Warning));
        var type = BitTestCompilation.BuildAndLoad(source).GetType("Bits.Switches")!;
        ExhaustiveBitNetworkTests.Check(type.GetMethod("Vote")!, type.GetNestedType("VoteNetwork")!, "Deep", 10, _output);
        ExhaustiveBitNetworkTests.Check(type.GetMethod("Vote")!, type.GetNestedType("VoteNetwork")!, "Flat", 10, _output);
    }
}
