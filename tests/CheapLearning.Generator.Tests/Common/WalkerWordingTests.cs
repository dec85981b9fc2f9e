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
}
