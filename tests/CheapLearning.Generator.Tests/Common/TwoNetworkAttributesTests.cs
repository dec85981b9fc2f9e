using System.Linq;
using CheapLearning.Generator.Tests.Bits;
using CheapLearning.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace CheapLearning.Generator.Tests.Common;

/// <summary>
/// [PolynomialNetwork] and [BitNetwork] on one method both generate <c>FNetwork</c>. Found by a consumer: the generated
/// files clashed (CS0102, CS0111, CS0579) and no CheapLearning diagnostic said why. The first attribute in the source
/// builds its network; the later one is CHEAP003 at that attribute, and nothing else is reported or generated for it.
/// </summary>
public class TwoNetworkAttributesTests
{
    private static string Text(Diagnostic d) => d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan);

    [Theory]
    [InlineData("[PolynomialNetwork]", "[BitNetwork(ParametersAreBits = true)]", "BitNetwork(ParametersAreBits = true)", "PolynomialNetwork")]
    [InlineData("[BitNetwork(ParametersAreBits = true)]", "[PolynomialNetwork]", "PolynomialNetwork", "BitNetwork")]
    public void The_later_network_attribute_is_CHEAP003_and_the_first_one_builds(string first, string second, string refused, string kept)
    {
        string source = $$"""
            using CheapLearning;
            namespace Demo;
            public static partial class Dual
            {
                {{first}}
                {{second}}
                public static double F(double a, double b) => a * b;

                public static double Use() => FNetwork.Deep(1, 1);
            }
            """;
        var ours = TestCompilation.Analyze(source).AddRange(BitTestCompilation.Analyze(source))
            .Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        var only = Assert.Single(ours);
        Assert.Equal("CHEAP003", only.Id);
        Assert.Equal(refused, Text(only));
        Assert.Contains($"'F' is also marked [{kept}], which comes first and generates 'FNetwork' too", only.GetMessage());

        var (output, run) = TestCompilation.RunAllGenerators(TestCompilation.Create(source));
        Assert.Empty(run.Diagnostics);
        Assert.Empty(TestCompilation.Problems(output).Select(d => d.ToString()));
        Assert.Single(run.GeneratedTrees, t => t.ToString().Contains("public static class FNetwork"));
    }

    /// <summary>The two attributes on the two parts of a partial method: the part first in the source keeps its network.</summary>
    [Fact]
    public void Attributes_on_two_parts_of_a_partial_method_are_ordered_by_file_then_position()
    {
        const string definition = """
            using CheapLearning;
            namespace Demo;
            public static partial class Dual
            {
                [PolynomialNetwork] public static partial double F(double a, double b);
            }
            """;
        const string implementation = """
            using CheapLearning;
            namespace Demo;
            public static partial class Dual
            {
                [BitNetwork(ParametersAreBits = true)] public static partial double F(double a, double b) => a * b;
            }
            """;
        var ours = TestCompilation.Analyze(definition, implementation).AddRange(BitTestCompilation.Analyze(definition, implementation))
            .Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        var only = Assert.Single(ours);
        Assert.Equal("CHEAP003", only.Id);
        Assert.Equal("BitNetwork(ParametersAreBits = true)", Text(only));
        var (output, run) = TestCompilation.RunAllGenerators(TestCompilation.Create(definition, implementation));
        Assert.Empty(TestCompilation.Problems(output).Select(d => d.ToString()));
    }
}
