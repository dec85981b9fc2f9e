using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using CheapLearning.Generator.Bits;
using CheapLearning.Generator.Classifier;
using CheapLearning.Generator.Polynomials;
using CheapLearning.TestKit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CheapLearning.Benchmarks;

/// <summary>
/// The annotated members whose per-keystroke analyzer cost issue 12 measures (a quartic in 4 and in 6 variables,
/// <c>Math.Pow(a+…+h, 40)</c>, a 10-bit parity, the sample's Bayes classifier), each alone in a file beside an
/// unrelated one, and the two keystrokes typed in them: a comment (the member's spec stays equal) and a rename
/// (the spec changes: the generated class's name), shared by <see cref="AnalyzerBenchmarks"/> and
/// <see cref="AnalyzerKeystrokeTimes"/>.
/// </summary>
internal sealed class AnalyzerCase
{
    public static readonly string[] Names = { "Quartic4", "Quartic6", "Power40", "Parity10", "Classifier" };

    /// <summary>CheapLearning's three analyzers, as the IDE loads them.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Ours() =>
        ImmutableArray.Create<DiagnosticAnalyzer>(new PolynomialNetworkAnalyzer(), new BitNetworkAnalyzer(), new BayesClassifierAnalyzer());

    /// <summary>The floor: one analyzer registering the same kinds of actions and doing nothing.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Floor() => ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyAnalyzer());

    private readonly string _source;
    private readonly SyntaxTree[] _comments;
    private int _keystroke;

    public AnalyzerCase(string name)
    {
        Name = name;
        _source = "using System;\nusing CheapLearning;\n\nnamespace Demo\n{\n" + Member(name) + "}\n";
        Compilation = BenchmarkCompilation.Create(_source, AnnotatedProject.UnrelatedFile);
        var tree = Compilation.SyntaxTrees.First();
        int arrow = _source.IndexOf("=>", System.StringComparison.Ordinal);
        int at = arrow >= 0 ? arrow + 2 : _source.IndexOf("return ", System.StringComparison.Ordinal);
        // Two texts that differ by a typed character inside the member, alternated so every call sees a new tree.
        _comments = new[] { "/*1*/", "/*2*/" }
            .Select(c => CSharpSyntaxTree.ParseText(_source.Insert(at, c), (CSharpParseOptions)tree.Options, tree.FilePath)).ToArray();
    }

    public string Name { get; }

    /// <summary>The compilation before any keystroke: the member's file first, then the unrelated file.</summary>
    public Compilation Compilation { get; }

    /// <summary>The member's file after the next keystroke: a comment typed in the body, or the member renamed (a new name each time).</summary>
    public SyntaxTree Keystroke(bool changeSpec)
    {
        var options = (CSharpParseOptions)_comments[0].Options;
        return changeSpec
            ? CSharpSyntaxTree.ParseText(Regex.Replace(_source, $@"\b{MemberName}\b", MemberName + _keystroke++), options, _comments[0].FilePath)
            : _comments[_keystroke++ & 1];
    }

    /// <summary>The member's name: renaming it is a keystroke that changes its spec (the generated class's name).</summary>
    private string MemberName => Name switch { "Power40" => "Power40", "Parity10" => "Parity10", "Classifier" => "Temperature", _ => "F" };

    private static string Member(string name) => name switch
    {
        "Quartic4" => $"public static partial class Q\n{{\n    [PolynomialNetwork]\n    public static double F(double a, double b, double c, double d) => {AnnotatedProject.PolynomialBody(2)};\n}}\n",
        "Quartic6" => $"public static partial class Q\n{{\n    [PolynomialNetwork]\n    public static double F(double a, double b, double c, double d, double e, double f) => {AnnotatedProject.PolynomialBody(4)};\n}}\n",
        "Power40" => "public static partial class Q\n{\n    [PolynomialNetwork(InputBound = 0.1, Tolerance = 1e-6)]\n"
                     + "    public static double Power40(double a, double b, double c, double d, double e, double f, double g, double h)\n"
                     + "        => Math.Pow(a + b + c + d + e + f + g + h, 40);\n}\n",
        "Parity10" => "public static partial class Q\n{\n    [BitNetwork(Form = NetworkForm.Both, Digits = 8)]\n"
                      + "    public static bool Parity10(bool x0, bool x1, bool x2, bool x3, bool x4, bool x5, bool x6, bool x7, bool x8, bool x9)\n"
                      + "        => x0 ^ x1 ^ x2 ^ x3 ^ x4 ^ x5 ^ x6 ^ x7 ^ x8 ^ x9;\n}\n",
        // The sample's classifier (samples/BitsAndClassifier): two 9-bit Ising Hamiltonians at two temperatures.
        _ => "[BayesClassifier]\npublic static partial class Temperature\n{\n" + Hamiltonian("Cold", "1.5", "9.265341870900809")
             + Hamiltonian("Hot", "4.0", "6.624712558924657") + "}\n",
    };

    private static string Hamiltonian(string name, string temperature, string lnZ)
        => $"    [Hamiltonian(Prior = 0.5)]\n    public static double {name}(bool x0, bool x1, bool x2, bool x3, bool x4, bool x5, bool x6, bool x7, bool x8)\n    {{\n"
           + "        double s0 = x0 ? 1 : -1; double s1 = x1 ? 1 : -1; double s2 = x2 ? 1 : -1;\n"
           + "        double s3 = x3 ? 1 : -1; double s4 = x4 ? 1 : -1; double s5 = x5 ? 1 : -1;\n"
           + "        double s6 = x6 ? 1 : -1; double s7 = x7 ? 1 : -1; double s8 = x8 ? 1 : -1;\n"
           + "        double energy = -(s0 * s1 + s1 * s2 + s3 * s4 + s4 * s5 + s6 * s7 + s7 * s8 + s0 * s3 + s3 * s6 + s1 * s4 + s4 * s7 + s2 * s5 + s5 * s8);\n"
           + $"        return energy / {temperature} + {lnZ};\n    }}\n";

    /// <summary>Registers what CheapLearning's analyzers register (method and local-function syntax, named types) and does nothing.</summary>
    /// <remarks>Not an analyzer the compiler loads (no attribute): CompilationWithAnalyzers takes the instance.</remarks>
#pragma warning disable RS1001 // see remarks
    private sealed class EmptyAnalyzer : DiagnosticAnalyzer
    {
#pragma warning disable RS2008 // release tracking is for shipped analyzers; this one only measures the driver
        private static readonly DiagnosticDescriptor Never = new("FLOOR001", "never", "never", "floor", DiagnosticSeverity.Hidden, true);
#pragma warning restore RS2008

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Never);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterSyntaxNodeAction(static _ => { }, SyntaxKind.MethodDeclaration, SyntaxKind.LocalFunctionStatement);
            context.RegisterSymbolAction(static _ => { }, SymbolKind.NamedType);
        }
    }
#pragma warning restore RS1001
}
