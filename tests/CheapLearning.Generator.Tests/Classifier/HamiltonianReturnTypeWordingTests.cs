using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using CheapLearning.Generator.Tests.Infrastructure;

namespace CheapLearning.Generator.Tests.Classifier;

/// <summary>
/// A Hamiltonian is read by the polynomial or the bit front end, but its messages name the attribute the user wrote:
/// "a [PolynomialNetwork] method returns double" on a [Hamiltonian] named an attribute that is nowhere in the code
/// (found by a consumer test, round 15).
/// </summary>
public class HamiltonianReturnTypeWordingTests
{
    [Theory]
    [InlineData("double x", "int", "'A' returns 'int'; a [Hamiltonian] method of doubles returns double")]
    [InlineData("bool x", "string", "'A' returns 'string'; a [Hamiltonian] method of bits returns bool, int or double")]
    public async Task A_Hamiltonian_s_return_type_message_names_Hamiltonian(string parameter, string returnType, string expected)
    {
        var source = $$"""
            using CheapLearning;
            [BayesClassifier]
            public static partial class K
            {
                [Hamiltonian] public static {{returnType}} A({{parameter}}) => default;
                [Hamiltonian] public static double B({{parameter}}) => 1;
            }
            """;
        var messages = (await Analyze(source)).Where(d => d.Id == "CHEAP003").Select(d => d.GetMessage()).ToList();
        Assert.Contains(expected, messages);
        Assert.DoesNotContain(messages, m => m.Contains("[PolynomialNetwork]") || m.Contains("[BitNetwork]"));
    }

    [Fact]
    public async Task The_method_features_keep_their_own_names()
    {
        var messages = (await Analyze("using CheapLearning; public static partial class K { [PolynomialNetwork] public static float A(double x) => 1; [BitNetwork] public static string B(bool x) => \"\"; }"))
            .Where(d => d.Id == "CHEAP003").Select(d => d.GetMessage()).ToList();
        Assert.Contains("'A' returns 'float'; a [PolynomialNetwork] method returns double", messages);
        Assert.Contains("'B' returns 'string'; a [BitNetwork] method returns bool, int or double", messages);
    }

    private static Task<ImmutableArray<Diagnostic>> Analyze(string source)
        => TestCompilation.Create(source).WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(
                new PolynomialNetworkAnalyzer(), new BitNetworkAnalyzer(), new BayesClassifierAnalyzer()))
            .GetAnalyzerDiagnosticsAsync();
}
