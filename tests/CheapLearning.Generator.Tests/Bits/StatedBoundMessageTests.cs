using System;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using CheapLearning.Generator.Tests.Infrastructure;

namespace CheapLearning.Generator.Tests.Bits;

/// <summary>
/// A diagnostic that states a proven bound must not state less than it, as CHEAP004 (ToleranceMessageTests), the XML docs
/// and NetworkModel.ToString already did: CHEAP024 ("the best bound is b") and CHEAP031 ("has error bound ε … each
/// probability within e^(2ε) − 1") rounded to nearest, so 3 digits could understate the bound. Each stated number is read
/// back and compared with the generated constant it describes.
/// </summary>
public class StatedBoundMessageTests
{
    private static double Stated(string message, string pattern)
    {
        var m = Regex.Match(message, pattern);
        Assert.True(m.Success, message);
        return double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static void AssertAtLeast(double stated, double proven, string message)
    {
        Assert.True(stated >= proven, $"states {stated:R} < proven {proven:R}: {message}");
        Assert.True(stated <= proven * 1.01, $"states {stated:R}, far above {proven:R}: {message}");
    }

    [Theory]
    [InlineData("public static bool P(bool a, bool b, bool c) => a ^ b ^ c;", 15)]
    [InlineData("public static double W(bool a, bool b) => 1e6 * (a ? 1 : 0) + 500 * (b ? 1 : 0);", 10)]
    [InlineData("public static double E(bool a, bool b, bool c) => 0.3 * (a ? 1 : -1) * (b ? 1 : -1) - 123.7 * (c ? 1 : 0);", 13)]
    [InlineData("public static double H(bool a, bool b) => (a ? 1e12 : 0) + (b ? 3 : 0);", 10)]
    public void CHEAP024_states_at_least_the_proven_bound(string member, int digits)
    {
        string source = $"using CheapLearning;\npublic static partial class L\n{{\n[BitNetwork(Digits = {digits})] {member}\n}}";
        string name = Regex.Match(member, @" (\w+)\(").Groups[1].Value;
        var warning = Assert.Single(BitTestCompilation.Analyze(source), d => d.Id == "CHEAP024");
        double proven = (double)BitTestCompilation.BuildAndLoad(source).GetType("L+" + name + "Network")!.GetField("DeepErrorBound")!.GetValue(null)!;
        AssertAtLeast(Stated(warning.GetMessage(), @"the best bound is ([0-9.E+-]+) \("), proven, warning.GetMessage());
    }

    [Theory]
    [InlineData("1e5")]
    [InlineData("3e5")]
    [InlineData("1e6")]
    public void CHEAP031_states_at_least_the_proven_bound_and_its_probability_error(string inputBound)
    {
        string source = $"using CheapLearning;\n[BayesClassifier]\npublic static partial class K\n{{\n" +
                        $"[Hamiltonian(InputBound = {inputBound})] public static double A(double x) => x * x;\n[Hamiltonian] public static double B(double x) => 1 - x;\n}}";
        var warning = Assert.Single(Classifier.ClassifierConsumerEdgeTests.AnalyzeSource(source), d => d.Id == "CHEAP031");
        double epsilon = (double)TestCompilation.BuildAndLoad(source).GetType("K+Classifier")!.GetField("HamiltonianErrorBound")!.GetValue(null)!;
        string message = warning.GetMessage();
        AssertAtLeast(Stated(message, @"has error bound ([0-9.E+-]+),"), epsilon, message);
        // e^(2ε) − 1, computed here from the generated ε (Math.Exp is within an ulp; the 1 % band above dwarfs that).
        AssertAtLeast(Stated(message, @"each probability within ([0-9.E+-]+)\)"), Math.Exp(2 * epsilon) - 1, message);
    }
}
