using System.Linq;
using System.Threading.Tasks;
using CheapLearning.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace CheapLearning.Generator.Tests.Polynomials;

public class FlatDiagnosticsTests
{
    internal static string Product(int n, string arguments)
    {
        var names = Enumerable.Range(0, n).Select(i => "x" + i).ToArray();
        return $$"""
            using CheapLearning;
            public static partial class P
            {
                [PolynomialNetwork({{arguments}})]
                public static double Product({{string.Join(", ", names.Select(x => "double " + x))}}) => {{string.Join(" * ", names)}};
            }
            """;
    }

    [Fact]
    public async Task CHEAP010_is_reported_at_the_Form_argument()
    {
        await Verify.Analyzer(Product(13, "{|CHEAP010:Form = NetworkForm.Both|}, Tolerance = 1e-6")).RunAsync();
    }

    [Fact]
    public async Task CHEAP011_is_reported_at_an_explicit_budget_below_the_minimum()
    {
        await Verify.Analyzer(Product(5, "Form = NetworkForm.Flat, MaxFlatNeurons = {|CHEAP011:31|}")).RunAsync();
    }

    [Fact]
    public async Task A_budget_at_the_minimum_builds_the_flat_form_without_diagnostics()
    {
        await Verify.Analyzer(Product(5, "Form = NetworkForm.Flat, MaxFlatNeurons = 32, Tolerance = 1e-3")).RunAsync();
    }

    [Fact]
    public async Task CHEAP004_for_a_flat_form_that_cannot_reach_the_tolerance()
    {
        // A flat product of 8 variables is proven to about 5e-4 only (DESIGN.md measures 8e-4 at best).
        // Only a Tolerance the user wrote can be out of reach: the default asks for what double precision allows.
        await Verify.Analyzer(Product(8, "Form = NetworkForm.Flat")).RunAsync();
        await Verify.Analyzer(Product(8, "Form = NetworkForm.Flat, {|CHEAP004:Tolerance = 1e-9|}")).RunAsync();
        var d = Assert.Single(TestCompilation.Analyze(Product(8, "Form = NetworkForm.Flat, Tolerance = 1e-9")), x => x.Id == "CHEAP004");
        Assert.Contains("Softplus in the flat form", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    // S = R⁴ = 1e400 for a product of four variables at R = 1e100: |p| itself exceeds double on the box.
    [InlineData(4, "1e100", "beyond double's range")]
    [InlineData(8, "1e50", "beyond double's range")]
    public void CHEAP004_says_which_value_leaves_double_range_even_without_a_Tolerance(int n, string r, string why)
    {
        var d = Assert.Single(TestCompilation.Analyze(Product(n, "InputBound = " + r)), x => x.Id == "CHEAP004");
        string message = d.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(why, message);
        Assert.Contains("lower InputBound", message);
    }

    [Fact]
    public async Task CHEAP013_when_the_degree_is_above_12()
    {
        await Verify.Analyzer(Product(13, "{|CHEAP013:Form = NetworkForm.Flat|}, MaxFlatNeurons = 10000")).RunAsync();
    }

    [Fact]
    public void The_papers_example_32_variables_through_the_diagnostic_message()
    {
        var diagnostics = TestCompilation.Analyze(Product(32, "Form = NetworkForm.Both"));
        var d = Assert.Single(diagnostics, x => x.Id == "CHEAP010");
        string message = d.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("needs 4,294,967,296 neurons", message);
        Assert.Contains("against 124 in a deep tree", message);
        Assert.Contains("x0·x1·x2", message);
        Assert.Contains("MaxFlatNeurons = 4,096", message);
        // C_n = 2³² / 124 = 34,636,833.03…; C_s = 33·2³² / (20·32 − 28) = 141,733,920,768 / 612 ≈ 2.32e8.
        Assert.Contains("C_n = 3.46e7", message);
        Assert.Contains("C_s = 2.32e8", message);
        // Depth 2 (Thm III.1): 32 = 6 groups → best is 5,6-sized groups... the depth-2 optimum is far below 4096.
        Assert.Contains("HiddenLayers = 2 is the smallest depth", message);
        Assert.Equal("2", d.Properties["HiddenLayers"]);
        Assert.DoesNotContain(diagnostics, x => x.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void A_sum_of_monomials_uses_the_lower_bound_for_sums()
    {
        const string source = """
            using CheapLearning;
            public static partial class P
            {
                [PolynomialNetwork(Form = NetworkForm.Flat, MaxFlatNeurons = 10)]
                public static double F(double a, double b, double c, double d, double e) => a * b * c * d * e + a + b;
            }
            """;
        var d = Assert.Single(TestCompilation.Analyze(source), x => x.Id == "CHEAP011");
        string message = d.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        // max m₁ = 2⁵ = 32 over c = 3 monomials: ⌈32/3⌉ = 11 > 10.
        Assert.Contains("minimum of 11 neurons", message);
        Assert.Contains("c = 3 monomials", message);
    }

    [Fact]
    public async Task Pragma_disables_CHEAP010()
    {
        string source = Product(13, "Form = NetworkForm.Flat").Replace("    [PolynomialNetwork", "#pragma warning disable CHEAP010\n    [PolynomialNetwork").Replace("    public static double Product", "#pragma warning restore CHEAP010\n    public static double Product");
        var compilation = TestCompilation.Create(source);
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(System.Collections.Immutable.ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: true);
        var diagnostics = await compilation.WithAnalyzers(System.Collections.Immutable.ImmutableArray.Create<DiagnosticAnalyzer>(new PolynomialNetworkAnalyzer()), options)
            .GetAnalyzerDiagnosticsAsync();
        var d = Assert.Single(diagnostics, x => x.Id == "CHEAP010");
        Assert.True(d.IsSuppressed);
        Assert.False(Assert.Single(TestCompilation.Analyze(Product(13, "Form = NetworkForm.Flat")), x => x.Id == "CHEAP010").IsSuppressed);
    }

    [Fact]
    public async Task Editorconfig_sets_the_budget_per_file()
    {
        var test = Verify.Analyzer(Product(6, "Form = NetworkForm.Both, Tolerance = 1"));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*.cs]\ncheaplearning.max_flat_neurons = 64\n"));
        await test.RunAsync();

        var tight = Verify.Analyzer(Product(6, "{|CHEAP010:Form = NetworkForm.Both|}, Tolerance = 1"));
        tight.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*.cs]\ncheaplearning.max_flat_neurons = 63\n"));
        await tight.RunAsync();
    }

    [Fact]
    public async Task MSBuild_property_sets_the_budget_per_project_and_the_attribute_wins()
    {
        var test = Verify.Analyzer(Product(6, "{|CHEAP010:Form = NetworkForm.Flat|}, Tolerance = 1"));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.CheapLearningMaxFlatNeurons = 32\n"));
        await test.RunAsync();

        var attribute = Verify.Analyzer(Product(6, "Form = NetworkForm.Flat, Tolerance = 1, MaxFlatNeurons = 64"));
        attribute.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.CheapLearningMaxFlatNeurons = 32\n"));
        await attribute.RunAsync();
    }

    [Fact]
    public async Task CHEAP012_is_shown_when_enabled_in_editorconfig()
    {
        var test = Verify.Analyzer(Product(4, ""), new DiagnosticResult("CHEAP012", DiagnosticSeverity.Info).WithSpan(5, 26, 5, 33)
            .WithArguments("Product", "12", "2 hidden layers", "16", "1.33"));
        test.DisabledDiagnostics.Remove("CHEAP012");
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*.cs]\ndotnet_diagnostic.CHEAP012.severity = suggestion\n"));
        await test.RunAsync();
    }

    [Fact]
    public void CHEAP012_reports_sizes_when_enabled()
    {
        var diagnostics = TestCompilation.Analyze(Product(4, ""));
        var d = Assert.Single(diagnostics, x => x.Id == "CHEAP012");
        Assert.Equal(DiagnosticSeverity.Hidden, d.Severity);
        // One layer is singular (found by a consumer project: "deep 4 neurons in 1 hidden layers").
        Assert.Equal("'Product': deep 4 neurons in 1 hidden layer; flat 4 neurons in 1 hidden layer; C_n = 1",
                     Assert.Single(TestCompilation.Analyze(Product(2, "")), x => x.Id == "CHEAP012").GetMessage());
        Assert.Equal("'Product': deep 12 neurons in 2 hidden layers; flat 16 neurons in 1 hidden layer; C_n = 1.33",
            d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }
}

public class HiddenLayersDiagnosticsTests
{
    [Fact]
    public async Task CHEAP014_when_a_depth_1_network_would_be_too_large()
    {
        var names = Enumerable.Range(0, 24).Select(i => "x" + i).ToArray();
        string source = "using CheapLearning;\npublic static partial class P\n{\n    [PolynomialNetwork(HiddenLayers = {|CHEAP014:1|}, Tolerance = 1e-6)]\n    public static double F("
            + string.Join(", ", names.Select(x => "double " + x)) + ") => " + string.Join(" * ", names) + ";\n}\n";
        await Verify.Analyzer(source).RunAsync();
    }

    [Fact]
    public async Task No_diagnostic_when_HiddenLayers_is_honored()
    {
        await Verify.Analyzer("using CheapLearning;\npublic static partial class P\n{\n    [PolynomialNetwork(HiddenLayers = 2, Tolerance = 1e-6)]\n    public static double F(double a, double b, double c, double d, double e) => a * b * c * d * e;\n}\n").RunAsync();
    }

    /// <summary>The depth-k network's XML doc with k = 1 said "Built with at most 1 hidden layers".</summary>
    [Fact]
    public void A_one_layer_depth_network_is_documented_in_the_singular()
    {
        var (_, run) = TestCompilation.RunGenerator(TestCompilation.Create(FlatDiagnosticsTests.Product(3, "HiddenLayers = 1")));
        string text = string.Concat(run.GeneratedTrees.Select(t => t.ToString()));
        Assert.Contains("/// Built with at most 1 hidden layer from flat product blocks", text, System.StringComparison.Ordinal);
    }
}
