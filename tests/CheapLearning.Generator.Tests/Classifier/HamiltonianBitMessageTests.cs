using System;
using System.Linq;
using CheapLearning.Generator.Tests.Infrastructure;

namespace CheapLearning.Generator.Tests.Classifier;

/// <summary>
/// A bit [Hamiltonian] runs [BitNetwork]'s front end, whose messages named "[BitNetwork] method" there too: CHEAP022 said
/// "… is not allowed in a [BitNetwork] method" at a Hamiltonian that has no such attribute. The bit-algebra messages
/// (CHEAP020, 021, 022) now name the attribute written, and their descriptions both features.
/// </summary>
public class HamiltonianBitMessageTests
{
    /// <summary>A classifier of A and a B with A's parameters (else CHEAP026 stops before A's body is read).</summary>
    private static string Classifier(string a)
    {
        string parameters = a.Substring(a.IndexOf('('), a.IndexOf(')') - a.IndexOf('(') + 1);
        return "using CheapLearning;\n[BayesClassifier]\npublic static partial class K\n{\n    public static double Field = 2;\n"
               + $"    [Hamiltonian] {a}\n    [Hamiltonian] public static double B{parameters} => 0;\n}}";
    }

    [Theory]
    [InlineData("public static double A(bool a) => Field * (a ? 1 : 0);", "CHEAP022")]
    [InlineData("public static double A(bool a) => a ? double.NaN : 0;", "CHEAP022")]
    [InlineData("public static double A(bool a) { double s = 0; for (int i = 0; i < 2; i++) s += 1; return s; }", "CHEAP022")]
    [InlineData("public static double A(bool a) => (a ? 3 : 1) % 2;", "CHEAP021")]
    [InlineData("public static double A([Bit] int a = 2) => a;", "CHEAP020")]
    public void A_bit_Hamiltonian_message_names_Hamiltonian_not_BitNetwork(string a, string id)
    {
        var found = ClassifierConsumerEdgeTests.AnalyzeSource(Classifier(a));
        Assert.Contains(found, d => d.Id == id);
        foreach (var d in found.Where(d => d.Id == id))
        {
            string message = d.GetMessage();
            Assert.DoesNotContain("BitNetwork", message, StringComparison.Ordinal);
            if (id == "CHEAP022") Assert.Contains("is not allowed in a [Hamiltonian] method", message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_BitNetwork_message_still_names_BitNetwork()
    {
        var d = Assert.Single(Bits.BitTestCompilation.Analyze("using CheapLearning;\npublic static partial class L\n{\n    public static double Field = 2;\n    [BitNetwork] public static double A(bool a) => Field * (a ? 1 : 0);\n}"));
        Assert.Equal("CHEAP022", d.Id);
        Assert.StartsWith("The field 'Field' is not allowed in a [BitNetwork] method: ", d.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CHEAP020")]
    [InlineData("CHEAP022")]
    public void The_descriptions_name_both_attributes(string id)
    {
        var descriptor = new BayesClassifierAnalyzer().SupportedDiagnostics.Single(d => d.Id == id);
        string description = descriptor.Description.ToString();
        Assert.Contains("[BitNetwork]", description, StringComparison.Ordinal);
        Assert.Contains("[Hamiltonian]", description, StringComparison.Ordinal);
    }
}
