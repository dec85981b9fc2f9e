using System.Threading.Tasks;
using CheapLearning.CodeFixes;
using CheapLearning.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace CheapLearning.Generator.Tests.Polynomials;

public class FlatFormCodeFixTests
{
    private const string Body = "    public static double Product(double a, double b, double c, double d, double e, double f, double g, double h, double i, double j, double k, double l, double m) => a * b * c * d * e * f * g * h * i * j * k * l * m;\n}\n";

    private static string Source(string attribute) => "using CheapLearning;\npublic static partial class P\n{\n    " + attribute + "\n" + Body;

    private static CSharpCodeFixTest<PolynomialNetworkAnalyzer, FlatFormCodeFixProvider, DefaultVerifier> Test(string before, string after, string key)
        => CodeFixVerifier<FlatFormCodeFixProvider>.Test(before, after, key);

    [Fact]
    public async Task Use_the_deep_form_removes_the_Form_argument()
    {
        await Test(Source("[PolynomialNetwork({|CHEAP010:Form = NetworkForm.Both|}, Tolerance = 1e-6)]"),
                   Source("[PolynomialNetwork(Tolerance = 1e-6)]"),
                   FlatFormCodeFixProvider.DeepKey).RunAsync();
    }

    [Fact]
    public async Task Use_the_deep_form_drops_an_empty_argument_list()
    {
        const string before = "using CheapLearning;\npublic static partial class P\n{\n    [PolynomialNetwork({|CHEAP010:Form = NetworkForm.Flat|})]\n    public static double F(double x, double y) => x * y;\n}\n";
        const string after = "using CheapLearning;\npublic static partial class P\n{\n    [PolynomialNetwork]\n    public static double F(double x, double y) => x * y;\n}\n";
        var test = Test(before, after, FlatFormCodeFixProvider.DeepKey);
        // A per-file budget of 3 neurons (.editorconfig) is below the 4 of a flat x·y.
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*.cs]\ncheaplearning.max_flat_neurons = 3\n"));
        test.FixedState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*.cs]\ncheaplearning.max_flat_neurons = 3\n"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Use_HiddenLayers_sets_the_smallest_fitting_depth()
    {
        // 13 factors, budget 4096: depth 2 fits (groups of 3–4 factors, then one group of 4: 56 neurons).
        await Test(Source("[PolynomialNetwork({|CHEAP010:Form = NetworkForm.Flat|}, Tolerance = 1e-6)]"),
                   Source("[PolynomialNetwork(Tolerance = 1e-6, HiddenLayers = 2)]"),
                   FlatFormCodeFixProvider.DepthKey).RunAsync();
    }
}
