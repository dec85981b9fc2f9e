using System.Linq;
using CheapLearning.Generator.Tests.Bits;
using CheapLearning.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace CheapLearning.Generator.Tests.Common;

/// <summary>
/// The round-13 statement forms (increments, checked and nested blocks, constant ifs, FusedMultiplyAdd, local functions
/// in bit bodies) attacked as a user would write them (helper adv23). Polynomial networks are checked against the exact
/// oracle, bit networks on every input against the C# method.
/// </summary>
public class StatementFormAdversaryTests
{
    private readonly ITestOutputHelper _output;

    public StatementFormAdversaryTests(ITestOutputHelper output) => _output = output;

    private static string At(Diagnostic d) => d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan);

    /// <summary>
    /// The switch a constant if reads is most naturally a <c>const bool</c> (or <c>const string</c>) local, also inside a
    /// local function's block. A const local runs nothing (each use is the compiler's constant): it was parsed as a value,
    /// and a polynomial refused it ("The literal false is not a polynomial operation"), a local function refused its block.
    /// </summary>
    private const string ConstLocals = """
        #pragma warning disable CS0162
        using System;
        using CheapLearning;
        namespace Demo;
        public static partial class Switches
        {
            [PolynomialNetwork]
            public static double Bool(double x, double y)
            {
                const bool fast = false;
                const string mode = "cube";
                double s = x * y;
                if (fast) return s;
                if (mode == "cube") s *= x;
                return Scaled(s) + (fast ? 1 : 0);
                static double Scaled(double t) { const bool half = true; const double k = 3; if (half) return t / 2 + k; return Math.Sin(t); }
            }

            [BitNetwork]
            public static bool Bits(bool a, bool b, bool c)
            {
                const bool strict = true;
                const string name = "maj";
                if (name != "maj") return a;
                return AtLeast(a, b, c) && strict;
                static bool AtLeast(bool p, bool q, bool r) { const int k = 2; const bool any = false; if (any) return p | q | r; return (p ? 1 : 0) + (q ? 1 : 0) + (r ? 1 : 0) >= k; }
            }
        }
        """;

    [Fact]
    public void Const_locals_of_any_type_are_switches_not_values()
    {
        Assert.DoesNotContain(TestCompilation.Analyze(ConstLocals), d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.DoesNotContain(BitTestCompilation.Analyze(ConstLocals), d => d.Severity >= DiagnosticSeverity.Warning);
        var assembly = TestCompilation.BuildAndLoad(ConstLocals);
        var network = assembly.GetType("Demo.Switches+BoolNetwork")!;
        var model = (NetworkModel)network.GetProperty("DeepModel")!.GetValue(null)!;
        ExactChecks.AssertNetwork(ConstLocals, "Switches", "Bool", network.ScalarEvaluator("Deep")!, model, 1e-6, randomPoints: 100, seed: 23);
        // By hand at x = 1, y = 0.5: s = 0.5, Scaled(0.5) = 0.25 + 3.
        double value = (double)network.ScalarEvaluator("Deep")!.Invoke(null, new object[] { 1.0, 0.5 })!;
        Assert.InRange(value, 3.25 - 1e-6, 3.25 + 1e-6);
        var type = assembly.GetType("Demo.Switches")!;
        ExhaustiveBitNetworkTests.Check(type.GetMethod("Bits")!, type.GetNestedType("BitsNetwork")!, "Deep", 10, _output);
    }
}
