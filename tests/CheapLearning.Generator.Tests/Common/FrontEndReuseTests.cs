using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CheapLearning.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using CheapLearning.Generator.Model;

namespace CheapLearning.Generator.Tests.Common;

/// <summary>
/// The method analyzers take the front end's answer (spec and diagnostics) that the generator left in its memo when it
/// holds on the analyzer's compilation (<see cref="FrontEndReuse"/>), and analyze anew when the compilation gained or
/// lost a declaration the method may read. Each refusal below has a case where a reused answer would be wrong: the
/// analyzer must then report what a fresh analysis of its own compilation reports.
/// </summary>
public class FrontEndReuseTests
{
    private const string Methods = """
        using CheapLearning;
        namespace N;
        public static partial class C
        {
            [PolynomialNetwork] public static double F(double x, double y) => x * y + 1;
            [PolynomialNetwork(Tolerance = 1e-300)] public static double G(double x) => x * x;
            [PolynomialNetwork] public static double H(double x) => System.Math.Sin(x);
            [BitNetwork] public static bool B(bool a, bool b) => a ^ b;
        }
        """;

    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new PolynomialNetworkAnalyzer(), new BitNetworkAnalyzer());

    [Fact]
    public void After_a_build_s_generators_every_annotated_method_s_answer_is_reused()
    {
        var (output, _) = TestCompilation.RunAllGenerators(TestCompilation.Create(Methods));
        var reuse = new FrontEndReuse(output);
        foreach (var (method, syntax) in Annotated(output))
        {
            var entry = syntax.Identifier.Text == "B"
                ? (object?)reuse.Remembered<BitMethodSpec>(method, syntax, CancellationToken.None)
                : reuse.Remembered<MethodSpec>(method, syntax, CancellationToken.None);
            Assert.True(entry is not null, syntax.Identifier.Text + " was not reused");
        }
        // H is not a polynomial: its CHEAP001 comes from the generator's memo, and G's CHEAP004 from the generator's plan.
        var ids = Analyze(output).Select(d => d.Id).OrderBy(i => i, StringComparer.Ordinal).ToArray();
        Assert.Contains("CHEAP001", ids);
        Assert.Contains("CHEAP004", ids);
    }

    /// <summary>
    /// csc drops the generators' input compilation once it has added the generated files, before the analyzers run: the
    /// memo must not depend on that compilation staying alive (a weak reference to it reused nothing in a real build).
    /// </summary>
    [Fact]
    public void The_answer_is_reused_after_the_generator_s_input_compilation_is_collected()
    {
        var (output, inputAlive) = RunAndDropInput(Methods);
        for (int i = 0; i < 3 && inputAlive.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        Assert.False(inputAlive.IsAlive, "the input compilation is still referenced somewhere: this test checks nothing");
        var reuse = new FrontEndReuse(output);
        var (method, syntax) = Annotated(output).First(m => m.Syntax.Identifier.Text == "F");
        Assert.NotNull(reuse.Remembered<MethodSpec>(method, syntax, CancellationToken.None));
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static (Compilation Output, WeakReference Input) RunAndDropInput(string source)
    {
        var input = TestCompilation.Create(source);
        var (output, _) = TestCompilation.RunAllGenerators(input);
        return (output, new WeakReference(input));
    }

    /// <summary>A classifier's answer is the generator's too; one of its Hamiltonians reads an unreachable Digits (CHEAP024).</summary>
    [Fact]
    public async Task A_classifier_s_answer_is_reused_and_its_findings_still_reported()
    {
        var source = """
            using CheapLearning;
            namespace N;
            [BayesClassifier]
            public static partial class K
            {
                [Hamiltonian(Prior = 0.5)] public static double A(double x) => x * x;
                [Hamiltonian(Prior = 0.5, Tolerance = 1e-300)] public static double B(double x) => (x - 1) * (x - 1);
            }
            """;
        var (output, _) = TestCompilation.RunAllGenerators(TestCompilation.Create(source));
        var type = output.GetTypeByMetadataName("N.K")!;
        Assert.NotNull(new FrontEndReuse(output).Remembered<ClassifierSpec>(type, FrontEndReuse.UserDeclaration(type)!.GetSyntax(), CancellationToken.None));
        var classifier = ImmutableArray.Create<DiagnosticAnalyzer>(new BayesClassifierAnalyzer());
        var reported = await output.WithAnalyzers(classifier).GetAnalyzerDiagnosticsAsync();
        var fresh = await output.RemoveAllSyntaxTrees().AddSyntaxTrees(output.SyntaxTrees.Select(t => CSharpSyntaxTree.ParseText(t.GetText(), (CSharpParseOptions)t.Options, t.FilePath)))
            .WithAnalyzers(classifier).GetAnalyzerDiagnosticsAsync();
        Assert.Equal(Describe(fresh), Describe(reported));
        Assert.Contains(reported, d => d.Id == "CHEAP004");
    }

    /// <summary>
    /// Another generator's file declares the field that the method reads: on the generator's compilation the name did
    /// not bind (C#'s error alone), on the analyzer's it is a field that is not constant (CHEAP001).
    /// </summary>
    [Fact]
    public void A_name_another_generator_declares_makes_the_method_be_analyzed_anew()
    {
        var source = """
            using CheapLearning;
            namespace N;
            public static partial class C
            {
                [PolynomialNetwork] public static double F(double x) => x * K;
            }
            """;
        var (output, _) = TestCompilation.RunAllGenerators(TestCompilation.Create(source));
        var other = CSharpSyntaxTree.ParseText("namespace N; public static partial class C { public static double K = 2; }",
            TestCompilation.ParseOptions, path: "Other.Generator/Other.Generator.KGenerator/K.g.cs");
        var analyzed = output.AddSyntaxTrees(other);

        var (method, syntax) = Annotated(analyzed).Single();
        Assert.Null(new FrontEndReuse(analyzed).Remembered<MethodSpec>(method, syntax, CancellationToken.None));
        Assert.Equal(Fresh(analyzed), Describe(Analyze(analyzed)));
        Assert.Contains(Analyze(analyzed), d => d.Id == "CHEAP001");
    }

    /// <summary>
    /// A method that names another method's generated network class: unbound where the generator read it, a class
    /// (not a polynomial) where the analyzer reads it. Our own generated classes count as declarations too.
    /// </summary>
    [Fact]
    public void A_name_of_our_own_generated_class_makes_the_method_be_analyzed_anew()
    {
        var source = """
            using CheapLearning;
            namespace N;
            public static partial class C
            {
                [PolynomialNetwork] public static double F(double x) => x * x;
                [PolynomialNetwork] public static double G(double x) => FNetwork.Deep(x) + x;
            }
            """;
        var (output, _) = TestCompilation.RunAllGenerators(TestCompilation.Create(source));
        var (method, syntax) = Annotated(output).Single(m => m.Syntax.Identifier.Text == "G");
        Assert.Null(new FrontEndReuse(output).Remembered<MethodSpec>(method, syntax, CancellationToken.None));
        Assert.Equal(Fresh(output), Describe(Analyze(output)));
        Assert.Contains(Analyze(output), d => d.Id == "CHEAP001" && d.GetMessage().Contains("FNetwork", StringComparison.Ordinal));
    }

    /// <summary>
    /// An IDE edit between the generator's run and the analyzer's: the constant the method reads became a field. The
    /// memo's answer was read from the compilation before the edit; the edited file's declarations refuse it.
    /// </summary>
    [Fact]
    public void An_edit_of_a_declaration_the_method_reads_makes_the_method_be_analyzed_anew()
    {
        var before = TestCompilation.Create(
            "using CheapLearning; namespace N; public static partial class C { [PolynomialNetwork] public static double F(double x) => x * K; }",
            "namespace N; public static partial class C { public const double K = 2; }");
        var (output, _) = TestCompilation.RunAllGenerators(before);
        var constant = before.SyntaxTrees.ElementAt(1);
        var edited = output.ReplaceSyntaxTree(constant, constant.WithChangedText(constant.GetText().Replace(
            constant.GetText().ToString().IndexOf("const ", StringComparison.Ordinal), "const ".Length, "static ")));

        var (method, syntax) = Annotated(edited).Single();
        Assert.Null(new FrontEndReuse(edited).Remembered<MethodSpec>(method, syntax, CancellationToken.None));
        Assert.Contains(Analyze(edited), d => d.Id == "CHEAP001");
        Assert.Equal(Fresh(edited), Describe(Analyze(edited)));
    }

    /// <summary>An edit elsewhere, of declarations the method does not read, keeps the answer.</summary>
    [Fact]
    public void An_edit_of_an_unrelated_declaration_keeps_the_answer()
    {
        var before = TestCompilation.Create(
            "using CheapLearning; namespace N; public static partial class C { [PolynomialNetwork] public static double F(double x) => x * K; }",
            "namespace N; public static partial class C { public const double K = 2; }",
            "namespace N; public static class D { public const int Unrelated = 1; }");
        var (output, _) = TestCompilation.RunAllGenerators(before);
        var other = before.SyntaxTrees.ElementAt(2);
        var text = other.GetText();
        var edited = output.ReplaceSyntaxTree(other, other.WithChangedText(text.Replace(text.ToString().IndexOf("= 1", StringComparison.Ordinal), 3, "= 3")));

        var (method, syntax) = Annotated(edited).Single();
        Assert.NotNull(new FrontEndReuse(edited).Remembered<MethodSpec>(method, syntax, CancellationToken.None));
        Assert.Equal(Fresh(edited), Describe(Analyze(edited)));
    }

    [Theory]
    [InlineData("obj/generated/CheapLearning.Generator/CheapLearning.Generator.Polynomials.PolynomialNetworkGenerator/N.C.F.Network.g.cs", true)]
    [InlineData(@"C:\p\obj\generated\CheapLearning.Generator\CheapLearning.Generator.Bits.BitNetworkGenerator\N.C.B.Network.g.cs", true)]
    [InlineData("CheapLearning.Generator/CheapLearning.Generator.Classifier.BayesClassifierGenerator/N.T.Classifier.g.cs", true)]
    [InlineData("System.Text.RegularExpressions.Generator/System.Text.RegularExpressions.Generator.RegexGenerator/RegexGenerator.g.cs", false)]
    [InlineData("CheapLearning.Generator.Polynomials.PolynomialNetworkGenerator.g.cs", false)]
    [InlineData("src/CheapLearning.Generator.Polynomials.PolynomialNetworkGeneratorX/F.g.cs", false)]
    [InlineData("", false)]
    public void Our_generated_files_are_known_by_their_generator_s_folder(string path, bool ours)
        => Assert.Equal(ours, CompilationDelta.IsOurs(path));

    private static (IMethodSymbol Method, MethodDeclarationSyntax Syntax)[] Annotated(Compilation compilation)
        => compilation.SyntaxTrees.Where(t => !t.FilePath.EndsWith(".g.cs", StringComparison.Ordinal))
            .SelectMany(t => t.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>()
                .Where(m => m.AttributeLists.Count > 0)
                .Select(m => ((IMethodSymbol)compilation.GetSemanticModel(t).GetDeclaredSymbol(m)!, m)))
            .ToArray();

    private static ImmutableArray<Diagnostic> Analyze(Compilation compilation)
        => compilation.WithAnalyzers(Analyzers).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();

    /// <summary>What the analyzers report on a fresh parse of the same files: new trees, nothing remembered.</summary>
    private static string[] Fresh(Compilation compilation)
        => Describe(Analyze(compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(compilation.SyntaxTrees.Select(t =>
            CSharpSyntaxTree.ParseText(t.GetText(), (CSharpParseOptions)t.Options, t.FilePath)))));

    private static string[] Describe(ImmutableArray<Diagnostic> diagnostics)
        => diagnostics.Select(d => $"{d.Id} {d.Location.SourceTree?.FilePath}{d.Location.SourceSpan} {d.GetMessage()}")
            .OrderBy(s => s, StringComparer.Ordinal).ToArray();

    /// <summary>
    /// A class <c>XAttribute</c> declared in the difference refuses a method whose attribute is written <c>[X]</c> (C#
    /// binds it to XAttribute), whether the name is qualified or not; an identifier X elsewhere in the body does not
    /// bind to XAttribute, so it alone refuses nothing.
    /// </summary>
    [Theory]
    [InlineData("[PolynomialNetwork, Marker] public static double F(double x) => x * x;", false)]
    [InlineData("[PolynomialNetwork, N.Marker] public static double F(double x) => x * x;", false)]
    [InlineData("[PolynomialNetwork, global::N.Marker] public static double F(double x) => x * x;", false)]
    [InlineData("[PolynomialNetwork] public static double F(double Marker) => Marker * Marker;", true)]
    public void A_class_named_like_an_attribute_with_the_suffix_refuses_only_methods_that_write_that_attribute(string method, bool allowed)
    {
        var source = "using CheapLearning;\nnamespace N;\npublic static partial class C\n{\n" + method + "\n}";
        var before = TestCompilation.Create(source);
        var after = before.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace N; public sealed class MarkerAttribute : System.Attribute { }",
            (CSharpParseOptions)before.SyntaxTrees.First().Options, path: "Other.cs"));
        var delta = CompilationDelta.Between(after, new CompilationShape(before), CancellationToken.None);
        Assert.NotNull(delta);
        Assert.Contains("MarkerAttribute", delta!.Others);
        var (symbol, syntax) = Annotated(after).Single();
        Assert.Equal(allowed, delta.Allows(symbol, syntax, Array.Empty<Diagnostic>()));
    }
}
