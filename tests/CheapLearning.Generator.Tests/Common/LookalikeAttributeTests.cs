using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using CheapLearning.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CheapLearning.Generator.Tests.Common;

/// <summary>
/// An attribute type with our full name from another assembly (a copied <c>CheapLearning.PolynomialNetworkAttribute</c>
/// reached through <c>extern alias</c>) is not ours: ours is the type the compilation resolves under that name
/// (<c>GetTypeByMetadataName</c>), as the analyzers decide. The generators found annotated methods by metadata name and took
/// the look-alike for ours (a network for it, and the real overload refused with CHEAP003), and the classifier front end
/// compared display strings (a look-alike [Hamiltonian] was a third class, CHEAP026). Polynomial, bit and classifier alike.
/// </summary>
public class LookalikeAttributeTests
{
    private static MetadataReference Lookalike(string alias)
    {
        var library = CSharpCompilation.Create("Lookalike",
            new[] { CSharpSyntaxTree.ParseText("""
                namespace CheapLearning
                {
                    public sealed class PolynomialNetworkAttribute : System.Attribute { }
                    public sealed class BitNetworkAttribute : System.Attribute { }
                    public sealed class BayesClassifierAttribute : System.Attribute { }
                    public sealed class HamiltonianAttribute : System.Attribute { }
                    public sealed class BitAttribute : System.Attribute { }
                }
                """) },
            TestCompilation.MetadataReferences, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var stream = new MemoryStream();
        Assert.True(library.Emit(stream).Success);
        return MetadataReference.CreateFromImage(stream.ToArray()).WithAliases(new[] { alias });
    }

    private const string Source = """
        extern alias Fake;
        using CheapLearning;
        public static partial class K
        {
            [Fake::CheapLearning.PolynomialNetwork] public static double F(double x, double y) => x * y;
            [PolynomialNetwork] public static double F(double x) => x * x;
            [Fake::CheapLearning.BitNetwork] public static bool G(bool a, bool b) => a && b;
            [BitNetwork] public static bool G(bool a) => !a;
            [Fake::CheapLearning.PolynomialNetwork] public static double H(double x) => x;
            [Fake::CheapLearning.BitNetwork] public static bool I(bool a) => a;
            [BitNetwork] public static int J([Fake::CheapLearning.Bit] int a, bool b) => b ? 1 : 0;
        }
        [Fake::CheapLearning.BayesClassifier] public static partial class NotOurs
        {
            [Hamiltonian] public static double A(double x) => x;
            [Hamiltonian] public static double B(double x) => x * x;
        }
        [BayesClassifier] public static partial class Ours
        {
            [Hamiltonian] public static double A(double x) => x;
            [Hamiltonian] public static double B(double x) => x * x;
            [Fake::CheapLearning.Hamiltonian] public static double Z(double x, double y) => 0;
        }
        """;

    private static ImmutableArray<Diagnostic> Analyzers(Compilation compilation)
        => compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new PolynomialNetworkAnalyzer(), new BitNetworkAnalyzer(), new BayesClassifierAnalyzer()))
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();

    private static string Text(Diagnostic d) => d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan);

    [Fact]
    public void A_lookalike_from_an_aliased_assembly_is_not_ours_in_the_generators_nor_in_the_analyzers()
    {
        var compilation = TestCompilation.Create(Source).AddReferences(Lookalike("Fake"));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        // The analyzers: no CHEAP003 on the real overloads, no CHEAP026 for Z; J's look-alike [Bit] int is no bit (CHEAP020);
        // our [Hamiltonian]s in a class with a look-alike [BayesClassifier] are orphans (CHEAP030).
        var reported = Analyzers(compilation).Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .Select(d => d.Id + " " + Text(d)).OrderBy(s => s, System.StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { "CHEAP020 int", "CHEAP030 Hamiltonian", "CHEAP030 Hamiltonian" }, reported);

        // The generators agree: one network per real overload (of its one parameter), none for H or I, Ours' classifier of A and B.
        var (output, run) = TestCompilation.RunAllGenerators(compilation);
        Assert.Empty(run.Diagnostics);
        var hints = run.Results.SelectMany(r => r.GeneratedSources).Select(s => s.HintName).OrderBy(s => s, System.StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { "K.F.0-2.Network.g.cs", "K.G.0-2.BitNetwork.g.cs", "Ours.0.Classifier.g.cs" }, hints);
        Assert.Empty(TestCompilation.Problems(output));
        var k = output.GetTypeByMetadataName("K")!;
        // Deep(x) of the real F(double x) and G(bool a): no Deep of two scalars (the look-alike overloads').
        string Scalars(string network) => string.Join(" ", Assert.Single(k.GetTypeMembers(network)).GetMembers("Deep").OfType<IMethodSymbol>()
            .Where(m => m.Parameters.All(p => p.Type.SpecialType != SpecialType.None)).Select(m => m.ToDisplayString()));
        Assert.Equal("K.FNetwork.Deep(double)", Scalars("FNetwork"));
        Assert.Equal("K.GNetwork.Deep(bool)", Scalars("GNetwork"));
        string classifier = run.Results.SelectMany(r => r.GeneratedSources).Single(s => s.HintName.StartsWith("Ours.", System.StringComparison.Ordinal)).SourceText.ToString();
        string classes = classifier.Split('\n').Single(l => l.Contains("Classes in declaration order", System.StringComparison.Ordinal));
        Assert.Contains("0 = <see cref=", classes);
        Assert.Contains("1 = <see cref=", classes);
        Assert.DoesNotContain("2 = ", classes);
        Assert.DoesNotContain("Z(", classifier);
    }

    /// <summary>
    /// Without an alias the two types are ambiguous (CS0433 at each attribute, and GetTypeByMetadataName resolves none):
    /// the analyzers say nothing, and the generators now build nothing either (they built three files for attributes C# refuses).
    /// </summary>
    [Fact]
    public void Ambiguous_attributes_are_only_the_compilers_error_and_build_nothing()
    {
        string source = Source.Replace("extern alias Fake;\n", "").Replace("Fake::CheapLearning.", "global::CheapLearning.");
        var compilation = TestCompilation.Create(source).AddReferences(Lookalike("global"));
        Assert.Contains(compilation.GetDiagnostics(), d => d.Id == "CS0433");
        Assert.Empty(Analyzers(compilation).Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()));
        var (_, run) = TestCompilation.RunAllGenerators(compilation);
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.GeneratedTrees.Select(t => t.FilePath));
    }

    /// <summary>
    /// The front-end memo (keyed by the unchanged method and its semantic fingerprint) must see which assembly an overload's
    /// attribute comes from: a global alias in another file switched from ours to the look-alike makes the real F(double x)
    /// the only [PolynomialNetwork] F, although no text around it changed and the attribute's full name is the same.
    /// </summary>
    [Fact]
    public void Switching_an_overloads_attribute_to_the_lookalike_in_another_file_is_seen_by_the_memo()
    {
        string[] sources =
        {
            """
            using CheapLearning;
            public static partial class K
            {
                [PN] public static double F(double x, double y) => x * y;
                [PolynomialNetwork] public static double F(double x) => x * x;
            }
            """,
            "extern alias Fake;\nglobal using PN = global::CheapLearning.PolynomialNetworkAttribute;\n",
        };
        var fake = Lookalike("Fake");
        string Deep(GeneratorDriverRunResult run)
            => string.Join(" | ", run.Results.SelectMany(r => r.GeneratedSources).Select(g => g.HintName + ": " + string.Join(" ", g.SourceText.ToString().Split('\n')
                .Where(l => l.Contains("public static double Deep(double", System.StringComparison.Ordinal)).Select(l => l.Trim()))));
        var compilation = TestCompilation.Create(sources).AddReferences(fake);
        var driver = Incremental.AllGeneratorsDriver().RunGenerators(compilation);
        string first = Deep(driver.GetRunResult());
        Assert.Contains("double y", first);
        // A second run over the same trees remembers each method under its fingerprint (see FrontEndMemoTests).
        compilation = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("", TestCompilation.ParseOptions, "Empty.cs"));
        driver = driver.RunGenerators(compilation);
        Assert.Equal(first, Deep(driver.GetRunResult()));

        var edited = Incremental.ReplaceTree(compilation, 1, text => text.Replace("global::CheapLearning", "Fake::CheapLearning", System.StringComparison.Ordinal));
        Assert.Empty(edited.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        string rerun = Deep(driver.RunGenerators(edited).GetRunResult());
        string scratch = Deep(Incremental.AllGeneratorsDriver().RunGenerators(
            TestCompilation.Create(edited.SyntaxTrees.Select(t => t.ToString()).ToArray()).AddReferences(fake)).GetRunResult());
        Assert.Equal("K.F.0-2.Network.g.cs: public static double Deep(double x)", scratch);
        Assert.Equal(scratch, rerun);
    }
}
