using System;
using System.Collections.Immutable;
using System.Linq;
using CheapLearning.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using GeneratorDriver = Microsoft.CodeAnalysis.GeneratorDriver;

namespace CheapLearning.Generator.Tests.Common;

/// <summary>
/// IDE sessions: the generator ran on one compilation, then a file other than the annotated method's was edited, and
/// the analyzers run on the edited compilation (the generator's memo still holds the answer read before the edit).
/// Whatever the edit, the analyzers must report what a fresh analysis of the edited sources reports.
/// </summary>
public class FrontEndReuseEditTests
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers =
        ImmutableArray.Create<DiagnosticAnalyzer>(new PolynomialNetworkAnalyzer(), new BitNetworkAnalyzer(), new BayesClassifierAnalyzer());

    /// <summary>Runs the generators on <paramref name="sources"/>, edits file <paramref name="file"/> (first <paramref name="from"/> to <paramref name="to"/>), returns the analyzed compilation.</summary>
    internal static Compilation EditAfterGenerators(string[] sources, int file, string from, string to)
    {
        var before = TestCompilation.Create(sources);
        var (output, _) = TestCompilation.RunAllGenerators(before);
        Analyze(output); // the generator's answers are in the memo, and the analyzers have seen them once
        var tree = before.SyntaxTrees.ElementAt(file);
        var text = tree.GetText();
        int at = text.ToString().IndexOf(from, StringComparison.Ordinal);
        Assert.True(at >= 0, from + " is not in file " + file);
        return output.ReplaceSyntaxTree(tree, tree.WithChangedText(text.WithChanges(new TextChange(new TextSpan(at, from.Length), to))));
    }

    internal static ImmutableArray<Diagnostic> Analyze(Compilation compilation)
        => compilation.WithAnalyzers(Analyzers).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();

    /// <summary>What the analyzers report on a fresh parse of the same files: new trees, nothing remembered.</summary>
    internal static string[] Fresh(Compilation compilation)
        => Describe(Analyze(compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(compilation.SyntaxTrees.Select(t =>
            CSharpSyntaxTree.ParseText(t.GetText(), (CSharpParseOptions)t.Options, t.FilePath)))));

    internal static string[] Describe(ImmutableArray<Diagnostic> diagnostics)
        => diagnostics.Select(d => $"{d.Id} {d.Location.SourceTree?.FilePath}{d.Location.SourceSpan} {d.GetMessage()}")
            .OrderBy(s => s, StringComparer.Ordinal).ToArray();

    private static void AssertAsFresh(Compilation edited, string expectedId)
    {
        var fresh = Fresh(edited);
        Assert.Contains(fresh, d => d.StartsWith(expectedId, StringComparison.Ordinal)); // the edit matters: else this checks nothing
        Assert.Equal(fresh, Describe(Analyze(edited)));
    }

    /// <summary>
    /// The method reads K.P, whose initializer reads D.Q from another file; D.Q is edited to -1. The method's text never
    /// names Q, yet the exponent is now negative (CHEAP001).
    /// </summary>
    [Fact]
    public void An_edit_of_a_constant_that_another_constant_reads_makes_the_method_be_analyzed_anew()
    {
        var edited = EditAfterGenerators(new[]
        {
            "using CheapLearning; namespace N; public static partial class C { [PolynomialNetwork] public static double F(double x) => System.Math.Pow(x, K.P); }",
            "namespace N; public static class K { public const int P = D.Q; }",
            "namespace N; public static class D { public const int Q = 2; }",
        }, 2, "= 2", "= -1");
        AssertAsFresh(edited, "CHEAP001");
    }

    /// <summary>The same through the attribute: the tolerance is a constant read through another one, edited to be unreachable.</summary>
    [Fact]
    public void An_edit_of_a_tolerance_read_through_another_constant_makes_the_method_be_analyzed_anew()
    {
        var edited = EditAfterGenerators(new[]
        {
            "using CheapLearning; namespace N; public static partial class C { [PolynomialNetwork(Tolerance = K.Tol)] public static double F(double x) => x * x; }",
            "namespace N; public static class K { public const double Tol = D.T; }",
            "namespace N; public static class D { public const double T = 1e-3; }",
        }, 2, "1e-3", "1e-300");
        AssertAsFresh(edited, "CHEAP004");
    }

    /// <summary>
    /// The method's class derives from B, declared in another file; the edit makes B derive from Q, whose field K now
    /// hides the constant K the method read through <c>using static</c>. Neither B nor Q is named in the method.
    /// </summary>
    [Fact]
    public void An_edit_of_a_base_class_s_base_list_makes_the_method_be_analyzed_anew()
    {
        var edited = EditAfterGenerators(new[]
        {
            "using CheapLearning; using static N.Consts; namespace N; public partial class C : B { [PolynomialNetwork] public static double F(double x) => x * K; }",
            "namespace N; public class B { }",
            "namespace N; public class Q { public static double K = 3; } public static class Consts { public const double K = 2; }",
        }, 1, "class B { }", "class B : Q { }");
        AssertAsFresh(edited, "CHEAP001");
    }

    /// <summary>The method reads A.S through a using alias of E, which derives from the edited B: A.S did not exist (C#'s error alone); B now derives from Q, whose S is a field.</summary>
    [Fact]
    public void An_edit_behind_a_using_alias_makes_the_method_be_analyzed_anew()
    {
        var edited = EditAfterGenerators(new[]
        {
            "using CheapLearning; using A = N.E; namespace N; public static partial class C { [PolynomialNetwork] public static double F(double x) => x * A.S; }",
            "namespace N; public class B { }",
            "namespace N; public class E : B { } public class Q { public static double S = 3; }",
        }, 1, "class B { }", "class B : Q { }");
        AssertAsFresh(edited, "CHEAP001");
    }

    /// <summary>
    /// In a build: a constant of the user's reads a constant of the network class generated for F; G's exponent is that
    /// constant. The generator read it before F's class existed; the analyzers' compilation has it. (Until round 17 the
    /// fresh analysis reported G's sizes, CHEAP012, as if its network existed; it is CHEAP033: GeneratedMemberReadTests.)
    /// </summary>
    [Fact]
    public void A_constant_that_reads_our_generated_class_makes_the_method_be_analyzed_anew()
    {
        var (output, _) = TestCompilation.RunAllGenerators(TestCompilation.Create(
            "using CheapLearning; namespace N; public static partial class C { [PolynomialNetwork] public static double F(double x) => x * x; [PolynomialNetwork] public static double G(double x) => System.Math.Pow(x, K.P); }",
            "namespace N; public static class K { public const int P = C.FNetwork.Degree; }"));
        var fresh = Fresh(output);
        Assert.Contains(fresh, d => d.StartsWith("CHEAP033", StringComparison.Ordinal) && d.Contains("'G'", StringComparison.Ordinal));
        Assert.Equal(fresh, Describe(Analyze(output)));
    }

    /// <summary>
    /// C# binds some names the method never writes: deconstructing a double calls a Deconstruct method. The edit declares
    /// one (an extension in another file): 'var (a, b) = x' was C#'s error alone, now it compiles and is refused (CHEAP001).
    /// </summary>
    [Fact]
    public void An_edit_declaring_a_Deconstruct_the_method_binds_unwritten_makes_it_be_analyzed_anew()
    {
        var edited = EditAfterGenerators(new[]
        {
            "using CheapLearning; namespace N; public static partial class C { [PolynomialNetwork] public static double F(double x) { var (a, b) = x; return a * b; } }",
            "namespace N; public static class Ext { public static void Unrelated(this double d) { } }",
        }, 1, "Unrelated(this double d) { }", "Deconstruct(this double d, out double a, out double b) { a = d; b = d; }");
        AssertAsFresh(edited, "CHEAP001");
    }

    /// <summary>The same in a bit function (CHEAP022), through a positional pattern: 'x is (true, true)' calls Deconstruct too.</summary>
    [Fact]
    public void An_edit_declaring_a_Deconstruct_a_bit_function_binds_unwritten_makes_it_be_analyzed_anew()
    {
        var edited = EditAfterGenerators(new[]
        {
            "using CheapLearning; namespace N; public static partial class C { [BitNetwork] public static bool F(bool x, bool y) => x is (true, true) && y; }",
            "namespace N; public static class Ext { public static void Unrelated(this bool d) { } }",
        }, 1, "Unrelated(this bool d) { }", "Deconstruct(this bool d, out bool a, out bool b) { a = d; b = d; }");
        AssertAsFresh(edited, "CHEAP022");
    }

    /// <summary>
    /// The IDE's default session: one generator driver runs on every version (v1, v2 with an unrelated edit, v3), and
    /// the analyzers on each output. From the second sighting on the generator reuses its answer while the method's
    /// <see cref="SemanticFingerprint"/> is unchanged, and tells the memo the answer holds on the new compilation.
    /// </summary>
    private static Compilation ThreeVersions(string[] sources, string from3, string to3)
    {
        var v1 = TestCompilation.Create(sources);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(TestCompilation.AllGenerators(), parseOptions: (CSharpParseOptions)v1.SyntaxTrees.First().Options);
        driver = driver.RunGeneratorsAndUpdateCompilation(v1, out var o1, out _);
        Analyze(o1);
        var v2 = Edit(v1, 1, "Unrelated(", "Unrelated2(");
        driver = driver.RunGeneratorsAndUpdateCompilation(v2, out var o2, out _);
        Analyze(o2);
        driver.RunGeneratorsAndUpdateCompilation(Edit(v2, 1, from3, to3), out var o3, out _);
        return o3;
    }

    private static Compilation Edit(Compilation c, int file, string from, string to)
    {
        var tree = c.SyntaxTrees.ElementAt(file);
        var text = tree.GetText();
        int at = text.ToString().IndexOf(from, StringComparison.Ordinal);
        Assert.True(at >= 0, from + " is not in file " + file);
        return c.ReplaceSyntaxTree(tree, tree.WithChangedText(text.WithChanges(new TextChange(new TextSpan(at, from.Length), to))));
    }

    /// <summary>
    /// An IDE session: a constant the method reads is edited to read a constant of our generated network class. The
    /// generator (its driver kept from v1) cannot see that class; the analyzers must report CHEAP033 as a fresh analysis
    /// does, for a polynomial, a bit function and a Hamiltonian alike.
    /// </summary>
    [Theory]
    [InlineData("[PolynomialNetwork] public static double G(double x) => System.Math.Pow(x, K.P);")]
    [InlineData("[BitNetwork] public static double G(bool a) => a ? K.P : 0;")]
    [InlineData("} [BayesClassifier] public static partial class T { [Hamiltonian] public static double A(bool a) => a ? K.P : 0; [Hamiltonian] public static double B(bool a) => 1;")]
    public void A_constant_edited_to_read_our_generated_class_is_CHEAP033_in_an_IDE_session(string member)
    {
        var output = ThreeVersions(new[]
        {
            "using CheapLearning; namespace N; public static partial class C { [PolynomialNetwork] public static double F(double x) => x * x; " + member + " }",
            "namespace N; public static class K { public const int P = 2; public static void Unrelated() { } }",
        }, "P = 2", "P = C.FNetwork.Degree");
        AssertAsFresh(output, "CHEAP033");
    }

    /// <summary>The fingerprint did not cover the Deconstruct that 'var (a, b) = x' binds: v3 declares one, the generator kept v2's answer.</summary>
    [Fact]
    public void A_Deconstruct_declared_between_two_generator_runs_makes_the_method_be_analyzed_anew()
    {
        var output = ThreeVersions(new[]
        {
            "using CheapLearning; namespace N; public static partial class C { [PolynomialNetwork] public static double F(double x) { var (a, b) = x; return a * b; } }",
            "namespace N; public static class Ext { public static void Unrelated(this double d) { } }",
        }, "Unrelated2(this double d) { }", "Deconstruct(this double d, out double a, out double b) { a = d; b = d; }");
        AssertAsFresh(output, "CHEAP001");
    }

    /// <summary>Nor the extension method that x.Sq() binds: what x denotes (a parameter) does not decide what .Sq is.</summary>
    [Fact]
    public void An_extension_method_declared_between_two_generator_runs_makes_the_method_be_analyzed_anew()
    {
        var output = ThreeVersions(new[]
        {
            "using CheapLearning; namespace N; public static partial class C { [BitNetwork] public static bool F(bool x, bool y) => x.Flip() ^ y; }",
            "namespace N; public static class Ext { public static bool Unrelated(this bool d) => d; }",
        }, "Unrelated2(", "Flip(");
        AssertAsFresh(output, "CHEAP022");
    }

    private const string Classifier = "using CheapLearning; using static N.Q; namespace N; [BayesClassifier] public static partial class T { [Hamiltonian(Prior = 0.5)] public static double A(bool a, bool b) => a.Cost() + W; [Hamiltonian(Prior = 0.5, Digits = Q.D)] public static double B(bool a, bool b) => b ? 1 : 2; }";

    /// <summary>
    /// A classifier's answer, in both sessions: the analyzers on the edited sources with the previous generated files
    /// (the generator not yet run again), and after the generator ran on them. The edits reach a Hamiltonian through a
    /// chain of constants (NaN: CHEAP022; Digits 400: CHEAP005) and through an extension method (CHEAP022).
    /// </summary>
    [Theory]
    [InlineData(1, "E = 10", "E = 400", "CHEAP005")]
    [InlineData(1, "V = 1", "V = double.NaN", "CHEAP022")]
    [InlineData(2, "Unrelated", "Cost", "CHEAP022")]
    public void A_classifier_s_answer_follows_edits_elsewhere_in_both_sessions(int file, string from, string to, string expectedId)
    {
        var v1 = TestCompilation.Create(Classifier,
            "namespace N; public static class Q { public const double W = R.V; public const int D = R.E; } public static class R { public const double V = 1; public const int E = 10; }",
            "namespace N; public static class Ext { public static double Unrelated(this bool b) => 1; }");
        GeneratorDriver driver = CSharpGeneratorDriver.Create(TestCompilation.AllGenerators(), parseOptions: (CSharpParseOptions)v1.SyntaxTrees.First().Options);
        driver = driver.RunGeneratorsAndUpdateCompilation(v1, out var o1, out _);
        Analyze(o1);
        var v2 = Edit(v1, 2, "=> 1;", "=> 1 ;");
        driver = driver.RunGeneratorsAndUpdateCompilation(v2, out var o2, out _);
        Analyze(o2);
        var v3 = Edit(v2, file, from, to);
        AssertAsFresh(o2.ReplaceSyntaxTree(o2.SyntaxTrees.ElementAt(file), v3.SyntaxTrees.ElementAt(file)), expectedId);
        driver.RunGeneratorsAndUpdateCompilation(v3, out var o3, out _);
        AssertAsFresh(o3, expectedId);
    }

    /// <summary>
    /// Toggling the project's nullable context keeps every syntax tree, so the generator found the same node with the
    /// same fingerprint and kept the message naming the local's type with its annotation ('Func&lt;double, double&gt;?').
    /// </summary>
    [Theory]
    [InlineData("using CheapLearning; namespace N; public static partial class C { [PolynomialNetwork] public static double F(double x) { var f = (System.Func<double, double>)(t => t * t); return f(x); } }", "CHEAP001")]
    [InlineData("using CheapLearning; namespace N; public static partial class C { [BitNetwork] public static bool F(bool x) { var o = (object)x; return x; } }", "CHEAP022")]
    public void Toggling_the_nullable_context_makes_the_method_be_analyzed_anew(string source, string expectedId)
    {
        var v1 = TestCompilation.Create(source, "namespace N; public static class Ext { public static double Unrelated(this double d) => d; }");
        GeneratorDriver driver = CSharpGeneratorDriver.Create(TestCompilation.AllGenerators(), parseOptions: (CSharpParseOptions)v1.SyntaxTrees.First().Options);
        driver = driver.RunGeneratorsAndUpdateCompilation(v1, out var o1, out _);
        Analyze(o1);
        var v2 = Edit(v1, 1, "Unrelated(", "Unrelated2(");
        driver = driver.RunGeneratorsAndUpdateCompilation(v2, out var o2, out _);
        Analyze(o2);
        driver.RunGeneratorsAndUpdateCompilation(v2.WithOptions(((CSharpCompilationOptions)v2.Options).WithNullableContextOptions(NullableContextOptions.Disable)), out var o3, out _);
        AssertAsFresh(o3, expectedId);
        Assert.DoesNotContain(Fresh(o3), d => d.Contains("?'", StringComparison.Ordinal)); // the fresh message has no annotation: the toggle matters
    }

    /// <summary>Allowing unsafe code keeps every syntax tree too: a pointer local was C#'s error alone (CS0227), now it is refused.</summary>
    [Fact]
    public void Allowing_unsafe_code_makes_the_method_be_analyzed_anew()
    {
        var v1 = TestCompilation.Create(
            "using CheapLearning; namespace N; public static partial class C { [PolynomialNetwork] public static unsafe double F(double x) { double* p = &x; return *p; } }",
            "namespace N; public static class Ext { public static double Unrelated(this double d) => d; }");
        GeneratorDriver driver = CSharpGeneratorDriver.Create(TestCompilation.AllGenerators(), parseOptions: (CSharpParseOptions)v1.SyntaxTrees.First().Options);
        driver = driver.RunGeneratorsAndUpdateCompilation(v1, out var o1, out _);
        Analyze(o1);
        var v2 = Edit(v1, 1, "Unrelated(", "Unrelated2(");
        driver = driver.RunGeneratorsAndUpdateCompilation(v2, out var o2, out _);
        Analyze(o2);
        driver.RunGeneratorsAndUpdateCompilation(v2.WithOptions(((CSharpCompilationOptions)v2.Options).WithAllowUnsafe(true)), out var o3, out _);
        AssertAsFresh(o3, "CHEAP001");
    }
}
