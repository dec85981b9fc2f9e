using System.Globalization;
using System.Linq;
using CheapLearning.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CheapLearning.Generator.Tests.Common;

/// <summary>
/// What the shared core guarantees for every feature (issue 8, findings 4–7): case-safe hint names,
/// diagnostics naming the right attribute, output that compiles at the consumer's language version,
/// and a member with an error naming the reason where a requested form was not emitted.
/// </summary>
public class SharedCoreTests
{
    private static (Compilation Output, GeneratorDriverRunResult Run) Generate(LanguageVersion version, params string[] sources)
        => TestCompilation.RunAllGenerators(TestCompilation.Create(version, sources));

    [Fact]
    public void Bit_methods_F_and_f_in_one_class_both_generate()
    {
        var (output, run) = Generate(LanguageVersion.Latest, """
            using CheapLearning;
            namespace N
            {
                public static partial class C
                {
                    [BitNetwork] public static bool F(bool a, bool b) => a & b;
                    [BitNetwork] public static bool f(bool a, bool b) => a | b;
                }
            }
            """);
        Assert.Empty(run.Diagnostics);
        Assert.Equal(2, run.GeneratedTrees.Length);
        Assert.Empty(TestCompilation.Problems(output));
    }

    [Fact]
    public void Classifier_classes_K_and_k_both_generate()
    {
        const string classifier = """
                [BayesClassifier]
                public static partial class NAME
                {
                    [Hamiltonian] public static double A(bool x, bool y) => x & y ? 1 : 0;
                    [Hamiltonian] public static double B(bool x, bool y) => x | y ? 1 : 0;
                }
            """;
        var (output, run) = Generate(LanguageVersion.Latest,
            "using CheapLearning;\nnamespace N\n{\n" + classifier.Replace("NAME", "K") + classifier.Replace("NAME", "k") + "}\n");
        Assert.Empty(run.Diagnostics);
        Assert.Equal(2, run.GeneratedTrees.Length);
        Assert.Empty(TestCompilation.Problems(output));
    }

    [Fact]
    public void A_bit_network_in_an_interface_is_CHEAP002_naming_BitNetwork()
    {
        var diagnostics = Bits.BitTestCompilation.Analyze(
            "using CheapLearning;\npublic partial interface I { [BitNetwork] public static bool F(bool a) => !a; }");
        var d = Assert.Single(diagnostics, x => x.Id == "CHEAP002");
        string message = d.GetMessage(CultureInfo.InvariantCulture);
        Assert.Contains("[BitNetwork]", message);
        Assert.DoesNotContain("PolynomialNetwork", message);
        Assert.StartsWith("'I' is an interface;", message);
    }

    /// <summary>One of every kind of network: deep, flat, depth-k, a form that was not emitted, bits (both forms), classifiers of bits and of doubles.</summary>
    private const string EveryKind = """
        using CheapLearning;
        namespace Kinds
        {
            public static partial class Polynomials
            {
                [PolynomialNetwork]
                public static double Deep(double x, double y) => 0.5 * x * y - y + 1;

                [PolynomialNetwork(Form = NetworkForm.Flat, Tolerance = 1e-3)]
                public static double Flat(double t) => t * t * t - 2 * t;

                [PolynomialNetwork(HiddenLayers = 2, Tolerance = 1e-3)]
                public static double DepthK(double a, double b, double c, double d, double e, double f, double g, double h) => a * b * c * d * e * f * g * h;

                [PolynomialNetwork(Form = NetworkForm.Both)]
                public static double NoFlat(double a, double b, double c, double d, double e, double f, double g, double h, double i, double j, double k, double l, double m)
                    => a * b * c * d * e * f * g * h * i * j * k * l * m;
            }

            public static partial class Bits
            {
                [BitNetwork(Form = NetworkForm.Both)]
                public static bool Majority(bool a, bool b, bool c) => (a & b) | (a & c) | (b & c);

                [BitNetwork(ParametersAreBits = true)]
                public static int Sum(int a, int b) => a + b;

                [BitNetwork(Form = NetworkForm.Flat, MaxFlatNeurons = 2)]
                public static bool Parity(bool a, bool b, bool c) => a ^ b ^ c;
            }

            [BayesClassifier]
            public static partial class BitClasses
            {
                [Hamiltonian(Prior = 0.25)] public static double Low(bool x, bool y) => x & y ? 1 : 0;
                [Hamiltonian(Prior = 0.75)] public static double High(bool x, bool y) => x | y ? 0 : 2;
            }

            [BayesClassifier]
            public static partial class RealClasses
            {
                [Hamiltonian] public static double Near(double u) => u * u;
                [Hamiltonian] public static double Far(double u) => (u - 1) * (u - 1);
            }
        }
        """;

    [Theory]
    [InlineData(LanguageVersion.CSharp7_3)]
    [InlineData(LanguageVersion.CSharp8)]
    [InlineData(LanguageVersion.Latest)]
    public void Every_kind_of_network_compiles_at_the_consumers_language_version(LanguageVersion version)
    {
        var (output, run) = Generate(version, EveryKind);
        Assert.Empty(run.Diagnostics);
        Assert.Equal(4 + 3 + 2, run.GeneratedTrees.Length);
        var problems = TestCompilation.Problems(output);
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(10)));
        bool nullable = version >= LanguageVersion.CSharp8;
        Assert.All(run.GeneratedTrees, t => Assert.Equal(nullable, t.ToString().Contains("#nullable enable")));
        Assert.All(run.GeneratedTrees, t => Assert.StartsWith("// <auto-generated/>", t.ToString()));
    }

    private static string UseErrors(string declarations, string use)
    {
        var (output, run) = Generate(LanguageVersion.Latest, "using CheapLearning;\nnamespace U\n{\n" + declarations + "\n    public static class Use { public static double Call() => " + use + "; }\n}\n");
        Assert.Empty(run.Diagnostics);
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.All(errors, e => Assert.Equal("CS0619", e.Id)); // obsolete with error: never CS0117
        return string.Join("\n", errors.Select(e => e.GetMessage(CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void A_flat_form_over_the_budget_is_a_member_whose_use_names_CHEAP010()
    {
        string message = UseErrors("""
                public static partial class C
                {
                    [PolynomialNetwork(Form = NetworkForm.Flat)]
                    public static double P(double a, double b, double c, double d, double e, double f, double g, double h, double i, double j, double k, double l, double m)
                        => a * b * c * d * e * f * g * h * i * j * k * l * m;
                }
            """, "C.PNetwork.Flat(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1) + C.PNetwork.FlatModel.ErrorBound");
        Assert.Contains("CHEAP010", message);
        Assert.Contains("8,192", message);
    }

    [Fact]
    public void A_flat_form_above_degree_12_is_a_member_whose_use_names_CHEAP013()
    {
        string message = UseErrors("""
                public static partial class C
                {
                    [PolynomialNetwork(Form = NetworkForm.Both, MaxFlatNeurons = 100000)]
                    public static double P(double x) => x * x * x * x * x * x * x * x * x * x * x * x * x;
                }
            """, "C.PNetwork.Flat(0.5) + C.PNetwork.Deep(0.5)");
        Assert.Contains("CHEAP013", message);
    }

    [Fact]
    public void A_flat_bit_network_over_the_budget_is_a_member_whose_use_names_CHEAP023()
    {
        string message = UseErrors("""
                public static partial class B
                {
                    [BitNetwork(Form = NetworkForm.Both, MaxFlatNeurons = 2)]
                    public static bool Parity(bool a, bool b, bool c) => a ^ b ^ c;
                }
            """, "B.ParityNetwork.Flat(true, false, true) + B.ParityNetwork.FlatModel.ErrorBound + B.ParityNetwork.FlatErrorBound");
        Assert.Contains("CHEAP023", message);
    }

    [Fact]
    public void A_default_tolerance_never_warns()
    {
        // A product of four variables: its flat form is proven to about 1e-7, above the old default
        // Tolerance of 1e-9; a Tolerance the user did not write must not produce CHEAP004.
        var diagnostics = TestCompilation.Analyze("""
            using CheapLearning;
            public static partial class C
            {
                [PolynomialNetwork(Form = NetworkForm.Both)]
                public static double P(double a, double b, double c, double d) => a * b * c * d;
            }
            """);
        Assert.DoesNotContain(diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
    }

    [Fact]
    public void An_explicit_tolerance_out_of_reach_still_warns()
    {
        var diagnostics = TestCompilation.Analyze("""
            using CheapLearning;
            public static partial class C
            {
                [PolynomialNetwork(Form = NetworkForm.Both, Tolerance = 1e-9)]
                public static double P(double a, double b, double c, double d) => a * b * c * d;
            }
            """);
        Assert.Contains(diagnostics, d => d.Id == "CHEAP004");
    }
}
