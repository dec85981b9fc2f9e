using System.Collections.Immutable;
using System.Linq;
using CheapLearning.Generator.Tests.Bits;
using CheapLearning.Generator.Tests.Classifier;
using CheapLearning.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace CheapLearning.Generator.Tests.Common;

/// <summary>
/// The shared straight-line walker's messages speak the feature's language, and stay silent where C# itself already
/// reports an error at the same code (one diagnostic is enough).
/// </summary>
public class WalkerWordingTests
{
    private static string Text(Diagnostic d) => d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan);

    /// <summary>A recursive local function in a bit function (or a Hamiltonian of bits) is CHEAP022 at the call, in the bits' words.</summary>
    [Fact]
    public void Recursion_in_a_bit_function_is_reported_without_polynomial_wording()
    {
        const string source = """
            using CheapLearning;
            namespace Demo;
            public static partial class Logic
            {
                [BitNetwork]
                public static bool F(bool a, bool b)
                {
                    return G(a, b);
                    static bool G(bool x, bool y) => x ^ G(y, x);
                }
            }
            [BayesClassifier]
            public static partial class K
            {
                [Hamiltonian] public static double A(bool a) { return H(a); static double H(bool x) => x ? 1 : H(!x); }
                [Hamiltonian] public static double B(bool a) => 0;
            }
            """;
        var bits = BitTestCompilation.Analyze(source).Concat(ClassifierConsumerEdgeTests.AnalyzeSource(source))
            .Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.Equal(new[] { "G(y, x)", "H(!x)" }, bits.Select(Text).OrderBy(t => t, System.StringComparer.Ordinal));
        Assert.All(bits, d =>
        {
            Assert.Equal("CHEAP022", d.Id);
            Assert.Contains("it calls itself", d.GetMessage());
            Assert.DoesNotContain("polynomial", d.GetMessage());
        });

        // The polynomial wording stays the polynomial's.
        const string polynomial = """
            using CheapLearning;
            public static partial class P
            {
                [PolynomialNetwork] public static double F(double x) { return G(x); static double G(double t) => t * G(t); }
            }
            """;
        var diagnostic = Assert.Single(TestCompilation.Analyze(polynomial), d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("CHEAP001", diagnostic.Id);
        Assert.Contains("it calls itself, and a recursion has no polynomial of fixed degree", diagnostic.GetMessage());
    }

    /// <summary>
    /// Assigning to or incrementing a const local is C#'s own error (CS0131, CS1059); the analyzers add nothing to it,
    /// in polynomial, bit and Hamiltonian bodies alike.
    /// </summary>
    [Theory]
    [InlineData("c++;", "CS1059")]
    [InlineData("--c;", "CS1059")]
    [InlineData("c = 3;", "CS0131")]
    [InlineData("c += 1;", "CS0131")]
    [InlineData("(c, _) = (3, 0);", "CS0131")]
    public void Writing_to_a_const_local_is_only_the_compilers_error(string write, string compilerError)
    {
        string source = $$"""
            using CheapLearning;
            namespace Demo;
            public static partial class P
            {
                [PolynomialNetwork] public static double F(double x) { const double c = 2; {{write}} return c * x; }
                [BitNetwork] public static int G(bool a) { const int c = 2; {{write}} return a ? c : 0; }
            }
            [BayesClassifier]
            public static partial class K
            {
                [Hamiltonian] public static double A(bool a) { const double c = 2; {{write}} return a ? c : 0; }
                [Hamiltonian] public static double B(bool a) => 0;
            }
            """;
        var compiler = TestCompilation.Create(source).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.Equal(3, compiler.Count(d => d.Id == compilerError));
        ImmutableArray<Diagnostic> ours = TestCompilation.Analyze(source).AddRange(BitTestCompilation.Analyze(source))
            .AddRange(ClassifierConsumerEdgeTests.AnalyzeSource(source));
        Assert.Empty(ours.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.Id + " " + Text(d) + ": " + d.GetMessage()));
    }

    /// <summary>Writing to a static readonly field in a method is C#'s CS0198; the analyzers add nothing, while a plain field stays CHEAP001.</summary>
    [Fact]
    public void Writing_to_a_readonly_field_is_only_the_compilers_error()
    {
        const string source = """
            using CheapLearning;
            public static partial class P
            {
                private static readonly double Ro = 1;
                private static double s_plain;
                [PolynomialNetwork] public static double F(double x) { Ro = 2; return x; }
                [PolynomialNetwork] public static double G(double x) { Ro++; return x; }
                [PolynomialNetwork] public static double H(double x) { s_plain = 2; return x; }
            }
            """;
        Assert.Equal(2, TestCompilation.Create(source).GetDiagnostics().Count(d => d.Id == "CS0198"));
        var ours = TestCompilation.Analyze(source).Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        var only = Assert.Single(ours);
        Assert.Equal("CHEAP001", only.Id);
        Assert.Equal("s_plain", Text(only));
    }

    /// <summary>
    /// A call or name C# cannot bind (a misspelt method or constant, a wrong argument count) is C#'s own error (CS0103,
    /// CS0117, CS1501, CS7036): the analyzers add nothing there, in polynomial, bit and Hamiltonian bodies; a call C# binds
    /// but no network computes stays refused at the call.
    /// </summary>
    [Fact]
    public void Calls_and_names_CSharp_cannot_bind_are_only_the_compilers_error()
    {
        const string source = """
            using System;
            using CheapLearning;
            namespace Demo;
            public static partial class P
            {
                [PolynomialNetwork] public static double A(double x) => Math.Sinn(x) + x;
                [PolynomialNetwork] public static double B(double x) => Helper(x) * x;
                [PolynomialNetwork] public static double C(double x) => Math.PI2 * x;
                [PolynomialNetwork] public static double D(double x) => Math.Pow(x) + Unknown;
                [PolynomialNetwork] public static double E(double x) => Math.Sin(x);
                [BitNetwork] public static bool F(bool a) => Helper(a) & a;
                [BitNetwork] public static bool G(bool a) => Nope && a;
            }
            [BayesClassifier]
            public static partial class K
            {
                [Hamiltonian] public static double H0(double x) => Math.Sqr(x);
                [Hamiltonian] public static double H1(double x) => x;
            }
            """;
        var compiler = TestCompilation.Create(source).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id).ToList();
        Assert.Equal(new[] { "CS0103", "CS0103", "CS0103", "CS0103", "CS0117", "CS0117", "CS0117", "CS7036" }, compiler.OrderBy(id => id, System.StringComparer.Ordinal));
        var ours = TestCompilation.Analyze(source).AddRange(BitTestCompilation.Analyze(source)).AddRange(ClassifierConsumerEdgeTests.AnalyzeSource(source))
            .Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        var only = Assert.Single(ours);
        Assert.Equal("CHEAP001", only.Id);
        Assert.Equal("Math.Sin(x)", Text(only));
    }
}

/// <summary>
/// Code C# refuses with an error at the node (a wrong type, an operator C# cannot apply, a constant that overflows,
/// division by constant zero, a const without a constant value, a body or local function without a return, an unbound
/// assignment target): the feature's diagnostic would only repeat C#'s there, in polynomial, bit and Hamiltonian bodies
/// alike, so the analyzers add nothing until C#'s error is fixed. (adv25, from a consumer of the packed package.)
/// </summary>
public class CompilerErrorSilenceTests
{
    private const string Header = """
        using System;
        using CheapLearning;
        namespace Demo;
        public class Foo {}
        """;

    public static TheoryData<string> PolynomialBodies() => new()
    {
        "public static double F(double x) => \"a\";",
        "public static double F(double x) => x + true;",
        "public static double F(double x) => -\"a\" * x;",
        "public static double F(double x) => x * default;",
        "public static double F(double x) => x * (double)null;",
        "public static double F(double x) => x * new Foo();",
        "public static double F(double x) => !x;",
        "public static double F(double x) => x << 1;",
        "public static double F(double x) => (x, x);",
        "public static double F(double x) => x * (1 / 0);",
        "public static double F(double x) => (byte)300 * x;",
        "public static double F(double x) => (int)\"a\" * x;",
        "public static double F(double x) { x *= \"a\"; return x; }",
        "public static double F(double x) { double y = \"s\"; return y * x; }",
        "public static double F(double x) { double t = x; t.y = 1; return t; }",
        "public static double F(double x) { z += x; return x; }",
        "public static double F(double x) { z++; return x; }",
        "public static double F(double x) { return; }",
        "public static double F(double x) { double y = x; }",
        "public static double F(double x) { const double c = x; return c * x; }",
        "public static double F(double x) { const int c = 1 / 0; return c * x; }",
        "const double K = Math.Sqrt(2); public static double F(double x) => K * x;",
        "public static double F(double x) { var (a, b) = x; return a * b; }",
        "public static double F(double x) { return G(x) * x; static double G(double t) { double u = t; } }",
    };

    public static TheoryData<string> BitBodies() => new()
    {
        "public static bool F(bool a) => a + 1;",
        "public static bool F(bool a) { a++; return a; }",
        "public static bool F(bool a) { a += 1; return a; }",
        "public static bool F(bool a) => a == \"x\";",
        "public static int F(bool a) => a ? int.MaxValue + 1 : 0;",
        "public static int F(bool a) => a ? (byte)300 : 0;",
        "public static int F(bool a) => a ? (int)1e20 : 0;",
        "public static int F(bool a) => a ? 1 / 0 : 0;",
        "public static bool F(bool a) { c = a; return a; }",
        "public static bool F(bool a) { return; }",
        "public static bool F(bool a) { bool b = a; }",
        "const int K = 1 / 0; public static int F(bool a) => a ? K : 0;",
    };

    private static void AssertOnlyCompilerErrors(string source, ImmutableArray<Diagnostic> ours)
    {
        var compiler = TestCompilation.Create(source).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.NotEmpty(compiler);
        Assert.Empty(ours.Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .Select(d => d.Id + " at '" + d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan) + "': " + d.GetMessage()));
        // The generators stay quiet too: no output for the refused method, no CS8785.
        var (_, result) = TestCompilation.RunAllGenerators(TestCompilation.Create(source));
        Assert.Empty(result.Diagnostics);
    }

    [Theory]
    [MemberData(nameof(PolynomialBodies))]
    public void Polynomial_and_Hamiltonian_bodies_CSharp_rejects_are_only_the_compilers_error(string member)
    {
        string marked = member.Replace("public static double F", "[PolynomialNetwork] public static double F");
        string source = Header + "public static partial class P\n{\n    " + marked + "\n}\n";
        AssertOnlyCompilerErrors(source, TestCompilation.Analyze(source));
        string hamiltonian = Header + "[BayesClassifier] public static partial class K0\n{\n    "
            + member.Replace("public static double F", "[Hamiltonian] public static double F")
            + "\n    [Hamiltonian] public static double G0(double x) => x * x;\n}\n";
        AssertOnlyCompilerErrors(hamiltonian, ClassifierConsumerEdgeTests.AnalyzeSource(hamiltonian));
    }

    [Theory]
    [MemberData(nameof(BitBodies))]
    public void Bit_and_Hamiltonian_bodies_CSharp_rejects_are_only_the_compilers_error(string member)
    {
        string marked = member.Replace("public static bool F", "[BitNetwork] public static bool F").Replace("public static int F", "[BitNetwork] public static int F");
        string source = Header + "public static partial class P\n{\n    " + marked + "\n}\n";
        AssertOnlyCompilerErrors(source, BitTestCompilation.Analyze(source));
        if (!member.Contains("public static int F", System.StringComparison.Ordinal)) return;
        // A Hamiltonian of bits returns double: the int bodies read the same there.
        string hamiltonian = Header + "[BayesClassifier] public static partial class K0\n{\n    "
            + member.Replace("public static int F", "[Hamiltonian] public static double F")
            + "\n    [Hamiltonian] public static double G0(bool a) => a ? 1 : 0;\n}\n";
        AssertOnlyCompilerErrors(hamiltonian, ClassifierConsumerEdgeTests.AnalyzeSource(hamiltonian));
    }

    /// <summary>
    /// Signatures and attribute arguments C# refuses (a type it cannot bind, CS0246; a value it cannot convert to the
    /// argument's type, CS0266): CHEAP003/CHEAP005/CHEAP020/CHEAP026 would only
    /// repeat C#'s error at the same type, name or value, for polynomial, bit and classifier targets alike.
    /// </summary>
    [Theory]
    [InlineData("public static partial class P { [PolynomialNetwork] public static double F(Dbl x) => 0; }")]
    [InlineData("public static partial class P { [PolynomialNetwork] public static Dbl F(double x) => x; }")]
    [InlineData("public static partial class P { [PolynomialNetwork] public static double F(System.Collections.Generic.List<Dbl> x) => 0; }")]
    [InlineData("public static partial class P { [PolynomialNetwork(Activation = 7)] public static double F(double x) => x; }")]
    [InlineData("public static partial class P { [BitNetwork] public static bool F(Bol a) => true; }")]
    [InlineData("public static partial class P { [BitNetwork] public static Bol F(bool a) => a; }")]
    [InlineData("public static partial class P { [BitNetwork(Form = 5)] public static bool F(bool a) => a; }")]
    [InlineData("[BayesClassifier] public static partial class P { [Hamiltonian] public static double A(Dbl x) => 0; [Hamiltonian] public static double B(double x) => x; }")]
    [InlineData("[BayesClassifier] public static partial class P { [Hamiltonian] public static double A(double x) => 0; [Hamiltonian] public static double B(Dbl x) => 0; }")]
    [InlineData("[BayesClassifier] public static partial class P { [Hamiltonian] public static Dbl A(double x) => 0; [Hamiltonian] public static double B(double x) => x; }")]
    [InlineData("[BayesClassifier] public static partial class P { [Hamiltonian] public static double A(bool a) => 0; [Hamiltonian] public static double B(Bol a) => 0; }")]
    // An instance method in a static class is CS0708 at its name; "must be static" (CHEAP003) there only repeated it.
    [InlineData("public static partial class P { [PolynomialNetwork] public double F(double x) => x; }")]
    [InlineData("public static partial class P { [BitNetwork] public bool F(bool a) => a; }")]
    [InlineData("[BayesClassifier] public static partial class P { [Hamiltonian] public double A(double x) => x; [Hamiltonian] public static double B(double x) => x; }")]
    [InlineData("[BayesClassifier] public static partial class P { [Hamiltonian] public static double A(bool a) => 0; [Hamiltonian] public double B(bool a) => 1; }")]
    public void Signatures_CSharp_rejects_are_only_the_compilers_error(string code)
    {
        string source = Header + code + "\n";
        AssertOnlyCompilerErrors(source, TestCompilation.Analyze(source).AddRange(BitTestCompilation.Analyze(source))
            .AddRange(ClassifierConsumerEdgeTests.AnalyzeSource(source)));
    }

    /// <summary>The same signatures without C#'s error keep their diagnostic (the silence is not a blanket one).</summary>
    [Fact]
    public void Refused_signatures_that_compile_keep_their_diagnostic()
    {
        string source = Header + """
            public static partial class P
            {
                [PolynomialNetwork] public static double F(int x) => 0;
                [PolynomialNetwork] public static int G(double x) => 0;
                [BitNetwork] public static bool H(string a) => true;
            }
            public partial class Q { [PolynomialNetwork] public double I(double x) => x; }
            public partial class R { [BitNetwork] public bool J(bool a) => a; }
            [BayesClassifier] public partial class S { [Hamiltonian] public double A(double x) => 0; [Hamiltonian] public static double B(double x) => x; }
            [BayesClassifier] public static partial class K { [Hamiltonian] public static double A(double x) => 0; [Hamiltonian] public static double B(double x, double y) => 0; }
            """;
        Assert.Empty(TestCompilation.Create(source).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var ours = TestCompilation.Analyze(source).AddRange(BitTestCompilation.Analyze(source)).AddRange(ClassifierConsumerEdgeTests.AnalyzeSource(source))
            .Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id).OrderBy(id => id, System.StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { "CHEAP003", "CHEAP003", "CHEAP003", "CHEAP003", "CHEAP003", "CHEAP020", "CHEAP026" }, ours);
    }

    /// <summary>
    /// A delegate local is refused at its declaration (its type); calling it is not reported again: one diagnostic per
    /// cause, in polynomial, bit and Hamiltonian bodies. A delegate call that is not through a refused local stays refused.
    /// </summary>
    [Fact]
    public void Calling_a_refused_delegate_local_is_not_reported_twice()
    {
        string source = Header + """
            public static partial class P
            {
                [PolynomialNetwork] public static double F(double x) { var f = (Func<double, double>)(t => t * t); return f(x); }
                [BitNetwork] public static bool G(bool a) { Func<bool, bool> g = t => !t; return g(a); }
                [PolynomialNetwork] public static double H(double x) => ((Func<double, double>)(t => t))(x);
            }
            [BayesClassifier]
            public static partial class K
            {
                [Hamiltonian] public static double A(double x) { Func<double, double> f = t => t; return f(x); }
                [Hamiltonian] public static double B(double x) => x;
            }
            """;
        Assert.Empty(TestCompilation.Create(source).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var ours = TestCompilation.Analyze(source).AddRange(BitTestCompilation.Analyze(source)).AddRange(ClassifierConsumerEdgeTests.AnalyzeSource(source))
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => d.Id + " " + d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan)).OrderBy(s => s, System.StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { "CHEAP001 ((Func<double, double>)(t => t))(x)", "CHEAP001 Func<double, double>", "CHEAP001 var", "CHEAP022 Func<bool, bool>" }, ours);
    }
}
