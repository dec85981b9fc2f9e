using System;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using CheapLearning.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;

namespace CheapLearning.Generator.Tests.Polynomials;

/// <summary>
/// CHEAP015: <c>[PolynomialNetwork(InputBound = 1)] static double F(double x, double y = 1e10)</c> compiled silently,
/// and <c>FNetwork.Deep(x)</c>, which repeats the default, threw ArgumentOutOfRangeException (or returned NaN for a NaN
/// or infinite default, or evaluated outside the proven box with CheckInputs = false). A warning at the default value.
/// </summary>
public class DefaultOutsideInputBoundTests
{
    private static DiagnosticResult Cheap015(int location, string parameter, string value, string bound, string evaluators, string outcome)
        => new DiagnosticResult("CHEAP015", DiagnosticSeverity.Warning).WithLocation(location).WithArguments(parameter, value, bound, evaluators, outcome);

    private const string Throws = "throws ArgumentOutOfRangeException";
    private const string Nan = "returns NaN";
    private const string Unproven = "evaluates outside the box, where no error bound is proven (CheckInputs = false)";

    [Fact]
    public Task A_finite_default_outside_the_box_is_reported_at_the_value() => AnalyzerVerifier.VerifyAsync(FrontEndDiagnosticsTests.InClass("""
            [PolynomialNetwork(InputBound = 1)] public static double F(double x, double y = {|#0:1e10|}) => x * y;
            [PolynomialNetwork(InputBound = 2)] public static double G(double x, double y = 0.5, double z = {|#1:-2.0000000000000004|}) => x * y * z;
            [PolynomialNetwork] public static double H(double x = {|#2:1.5|}, double y = {|#3:-3|}) => x + y;
        """),
        Cheap015(0, "y", "10000000000.0", "1", "FNetwork.Deep", Throws),
        Cheap015(1, "z", "-2.0000000000000004", "2", "GNetwork.Deep", Throws),
        Cheap015(2, "x", "1.5", "1", "HNetwork.Deep", Throws),
        Cheap015(3, "y", "-3.0", "1", "HNetwork.Deep", Throws));

    [Fact]
    public Task NaN_and_infinite_defaults_are_reported_whatever_the_bound() => AnalyzerVerifier.VerifyAsync(FrontEndDiagnosticsTests.InClass("""
            [PolynomialNetwork(InputBound = 1e100)] public static double F(double x, double y = {|#0:double.NaN|}, double z = {|#1:double.PositiveInfinity|}, double w = {|#2:-1.0 / 0|}) => x * y + z * w;
            [PolynomialNetwork(CheckInputs = false)] public static double G(double x, float y = {|#3:float.NaN|}) => x * y;
        """),
        Cheap015(0, "y", "double.NaN", "1E+100", "FNetwork.Deep", Nan),
        Cheap015(1, "z", "double.PositiveInfinity", "1E+100", "FNetwork.Deep", Nan),
        Cheap015(2, "w", "double.NegativeInfinity", "1E+100", "FNetwork.Deep", Nan),
        Cheap015(3, "y", "float.NaN", "1", "GNetwork.Deep", Nan));

    [Fact]
    public Task The_message_names_the_evaluators_of_the_form_and_what_they_do() => AnalyzerVerifier.VerifyAsync(FrontEndDiagnosticsTests.InClass("""
            [PolynomialNetwork(Form = NetworkForm.Both)] public static double F(double x, double y = {|#0:2|}) => x * y;
            [PolynomialNetwork(Form = NetworkForm.Flat)] public static double G(double x, double y = {|#1:2|}) => x * y;
            [PolynomialNetwork(CheckInputs = false)] public static double H(double x, double y = {|#2:2|}) => x * y;
        """),
        Cheap015(0, "y", "2.0", "1", "FNetwork.Deep or FNetwork.Flat", Throws),
        Cheap015(1, "y", "2.0", "1", "GNetwork.Flat", Throws),
        Cheap015(2, "y", "2.0", "1", "HNetwork.Deep", Unproven));

    /// <summary>
    /// Inside the box, on its boundary, ±0, no default, a default of the type ([Optional], default), and a default the
    /// evaluators do not repeat ([Optional] before a required parameter, which C# syntax cannot repeat): silent.
    /// </summary>
    [Fact]
    public Task Defaults_inside_the_box_or_not_repeated_are_silent() => AnalyzerVerifier.VerifyAsync("""
        using System.Runtime.InteropServices;
        using CheapLearning;
        public static partial class C
        {
            private const double R = 2.5;
            [PolynomialNetwork(InputBound = R)] public static double A(double x, double y = R, double z = -R, double w = 0.5) => x * y * z * w;
            [PolynomialNetwork] public static double B(double x, double y = 0.0, double z = -0.0, float w = -0.0f, double v = default(double)) => x * y * z * w * v;
            [PolynomialNetwork] public static double D(double x, double y) => x * y;
            [PolynomialNetwork] public static double E(double x, [Optional] double y, [Optional] float z) => x * y * z;
            [PolynomialNetwork] public static double G([Optional, DefaultParameterValue(5.0)] double x, double y) => x * y;
            [PolynomialNetwork(InputBound = 1e-100)] public static double H(double x, double y = 1e-100, double z = -1e-100) => x * y * z;
        }
        """);

    /// <summary>
    /// A float default is compared as the generated check compares it: 0.1f is 0.100000001490116…, inside the float
    /// method's box (InputBound = 0.1 becomes the float 0.1f), which then covers a double parameter's 0.1f too; in a method
    /// of doubles R stays 0.1 and the same 0.1f is outside. float.MaxValue against InputBound = 1e100 is inside.
    /// </summary>
    [Fact]
    public Task Float_defaults_are_compared_as_the_generated_check_compares() => AnalyzerVerifier.VerifyAsync(FrontEndDiagnosticsTests.InClass("""
            [PolynomialNetwork(InputBound = 0.1)] public static double F(float x, float y = 0.1f, double z = 0.1f, float w = -0.1f) => x * y * z * w;
            [PolynomialNetwork(InputBound = 0.1)] public static double G(double x, double y = {|#0:0.1f|}) => x * y;
            [PolynomialNetwork(InputBound = 0.1)] public static double H(float x, float y = {|#1:0.100000009f|}) => x * y;
            [PolynomialNetwork(InputBound = 1e100)] public static double K(float x, float y = float.MaxValue, float z = {|#2:float.NegativeInfinity|}) => x * y * z;
        """),
        Cheap015(0, "y", "0.10000000149011612", "0.1", "GNetwork.Deep", Throws),
        Cheap015(1, "y", "0.10000001f", "0.1", "HNetwork.Deep", Throws),
        Cheap015(2, "z", "float.NegativeInfinity", "1E+100", "KNetwork.Deep", Nan));

    /// <summary>[Optional, DefaultParameterValue(v)] has no '= v' to point at: the parameter.</summary>
    [Fact]
    public Task A_default_given_by_attribute_is_reported_at_the_parameter() => AnalyzerVerifier.VerifyAsync("""
        using System.Runtime.InteropServices;
        using CheapLearning;
        public static partial class C
        {
            [PolynomialNetwork] public static double F(double x, {|#0:[Optional, DefaultParameterValue(5.0)] double y|}) => x * y;
        }
        """, Cheap015(0, "y", "5.0", "1", "FNetwork.Deep", Throws));

    /// <summary>A partial method's defaults are its defining declaration's (C# reads them there): the warning is there.</summary>
    [Fact]
    public Task A_partial_methods_default_is_reported_on_its_defining_declaration() => AnalyzerVerifier.VerifyAsync(FrontEndDiagnosticsTests.InClass("""
            [PolynomialNetwork] public static partial double F(double x, double y = {|#0:7|});
            public static partial double F(double x, double y) => x * y;
        """), Cheap015(0, "y", "7.0", "1", "FNetwork.Deep", Throws));

    /// <summary>The same diagnostics in a C# 7.3 project (netstandard2.0's default language version).</summary>
    [Fact]
    public Task The_warning_is_reported_at_CSharp_7_3()
    {
        var test = Verify.Analyzer("""
            using CheapLearning;
            namespace Demo
            {
                public static partial class C
                {
                    [PolynomialNetwork(InputBound = 1)] public static double F(double x, double y = {|#0:1e10|}, double z = 1) => x * y * z;
                    [PolynomialNetwork(InputBound = 1)] public static double G(double x, double y = {|#1:double.NaN|}) => x * y;
                }
            }
            """, Cheap015(0, "y", "10000000000.0", "1", "FNetwork.Deep", Throws), Cheap015(1, "y", "double.NaN", "1", "GNetwork.Deep", Nan));
        test.SolutionTransforms.Add((solution, project) =>
            solution.WithProjectParseOptions(project, ((CSharpParseOptions)solution.GetProject(project)!.ParseOptions!).WithLanguageVersion(LanguageVersion.CSharp7_3)));
        return test.RunAsync();
    }

    /// <summary>
    /// A [Hamiltonian]'s defaults are not warned about: the classifier's Probabilities and Classify take every input
    /// (they repeat no default), so no generated call passes one.
    /// </summary>
    [Fact]
    public void A_hamiltonians_default_is_not_repeated_by_the_classifier()
    {
        const string source = """
            using CheapLearning;
            [BayesClassifier]
            public static partial class K
            {
                [Hamiltonian] public static double A(double x, double y = 1e10) => x * y;
                [Hamiltonian] public static double B(double x, double y = 1e10) => x - y;
            }
            """;
        var (output, run) = TestCompilation.RunAllGenerators(TestCompilation.Create(source));
        string generated = string.Join("\n", run.GeneratedTrees.Select(t => t.ToString()));
        Assert.Contains("public static int Classify(double x, double y)", generated);
        Assert.Contains("public static void Probabilities(double x, double y, global::System.Span<double> destination)", generated);
        Assert.DoesNotContain("1E+10", generated);
        Assert.DoesNotContain("10000000000", generated);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    /// <summary>What the message says Deep does without the argument, checked on the generated code.</summary>
    [Fact]
    public void The_evaluators_do_what_the_message_says()
    {
        const string source = """
            using CheapLearning;
            public static partial class C
            {
                [PolynomialNetwork(InputBound = 1)] public static double F(double x, double y = 1e10) => x * y;
                [PolynomialNetwork(InputBound = 1)] public static double G(double x, double y = double.NaN) => x * y;
                [PolynomialNetwork(InputBound = 1, CheckInputs = false)] public static double H(double x, double y = 2) => x * y;
                public static double CallF(double x) => FNetwork.Deep(x);
                public static double CallG(double x) => GNetwork.Deep(x);
                public static double CallH(double x) => HNetwork.Deep(x);
            }
            """;
        var type = TestCompilation.BuildAndLoad(source).GetType("C")!;
        double Call(string name) => (double)type.GetMethod(name)!.Invoke(null, new object[] { 0.5 })!;
        var thrown = Assert.Throws<TargetInvocationException>(() => Call("CallF"));
        Assert.IsType<ArgumentOutOfRangeException>(thrown.InnerException);
        Assert.True(double.IsNaN(Call("CallG")));
        // Outside the box, no bound holds; the value is finite and not NaN (x·y = 1 there, the network's is whatever it is).
        Assert.False(double.IsNaN(Call("CallH")));
    }
}
