using System;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace CheapLearning.Generator.Tests.Classifier;

/// <summary>
/// Known limit until round 15: in a classifier mixing a Hamiltonian of doubles and one of bits, the bit one's option of the
/// other kind (InputBound, CHEAP005) was not reported, hidden behind CHEAP026 (different parameters): the front end skipped
/// a mismatched Hamiltonian before checking its options, so fixing CHEAP026 revealed a second error. Both are independent
/// (the option is wrong for that Hamiltonian whatever the others take): both are reported, each at its own place.
/// </summary>
public class MixedHamiltonianOptionTests
{
    private static string Text(Diagnostic d) => d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan);

    [Theory]
    [InlineData("[Hamiltonian] public static double A(double x) => x * x;", "[Hamiltonian(InputBound = 3)] public static double B(bool x) => x ? 1 : 0;", "InputBound", "3", "bits")]
    [InlineData("[Hamiltonian] public static double A(bool x) => x ? 1 : 0;", "[Hamiltonian(Digits = 5)] public static double B(double x) => x * x;", "Digits", "5", "doubles")]
    public void A_mismatched_Hamiltonians_option_of_the_other_kind_is_CHEAP005_besides_CHEAP026(string first, string second, string option, string value, string kind)
    {
        string source = "using CheapLearning;\n[BayesClassifier]\npublic static partial class K\n{\n" + first + "\n" + second + "\n}";
        var diagnostics = ClassifierConsumerEdgeTests.AnalyzeSource(source);
        var mismatch = Assert.Single(diagnostics, d => d.Id == "CHEAP026");
        Assert.StartsWith("(", Text(mismatch), StringComparison.Ordinal);
        var option_ = Assert.Single(diagnostics, d => d.Id == "CHEAP005");
        Assert.Equal(value, Text(option_));
        Assert.StartsWith($"{option} does not apply to 'B', a Hamiltonian of {kind}: ", option_.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(2, diagnostics.Length);
    }
}
