using System.Threading.Tasks;
using CheapLearning.Generator.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace CheapLearning.Generator.Tests.Polynomials;

/// <summary>
/// CHEAP008: a CheapLearning setting whose value the generator cannot read was ignored in silence (a typo such as
/// "1e6" left the default budget in force). Project-wide ones are reported once without a location, a file's
/// .editorconfig key at each method whose flat budget it would set; empty MSBuild properties mean "not set".
/// </summary>
public class InvalidSettingTests
{
    private const string FlatSource = """
        using CheapLearning;
        public static partial class C
        {
            [PolynomialNetwork(Form = NetworkForm.Both)] public static double {|#0:F|}(double a, double b) => a * b;
            [PolynomialNetwork] public static double G(double a, double b) => a * b + 1;
        }
        """;

    private static Task Run<TAnalyzer>(string? globalConfig, string? editorConfig, params DiagnosticResult[] expected)
        where TAnalyzer : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            TestCode = FlatSource,
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
        };
        test.TestState.AdditionalReferences.Add(typeof(CheapLearning.NetworkModel).Assembly);
        test.DisabledDiagnostics.Add("CHEAP012");
        if (globalConfig is not null) test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + globalConfig));
        if (editorConfig is not null) test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*.cs]\n" + editorConfig));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static DiagnosticResult Cheap008(string name, string value, string expected, string instead)
        => new DiagnosticResult("CHEAP008", DiagnosticSeverity.Warning).WithArguments(name, value, "is not " + expected, instead);

    private static DiagnosticResult OutOfRange(string name, string value, string instead)
        => new DiagnosticResult("CHEAP008", DiagnosticSeverity.Warning)
            .WithArguments(name, value, "is out of range: the largest value accepted is 2,147,483,647", instead);

    [Theory]
    [InlineData("1e6")]
    [InlineData("-1")]
    [InlineData("lots")]
    [InlineData("-99999999999")]
    public Task An_unreadable_MSBuild_flat_budget_is_reported_once(string value) => Run<ProjectSettingsAnalyzer>(
        $"build_property.CheapLearningMaxFlatNeurons = {value}\n", null,
        Cheap008("CheapLearningMaxFlatNeurons (MSBuild)", value, "a non-negative integer", "the default 4,096 applies where no .editorconfig sets one"));

    [Theory]
    [InlineData("0")]
    [InlineData("ten")]
    public Task A_term_limit_that_is_not_positive_is_reported(string value) => Run<ProjectSettingsAnalyzer>(
        $"build_property.CheapLearningMaxExpandedTerms = {value}\n", null,
        Cheap008("CheapLearningMaxExpandedTerms (MSBuild)", value, "a positive integer", "the default 10,000 applies"));

    /// <summary>
    /// An integer too large for an int is a count, just out of range: it was "'2147483648' is not a positive integer"
    /// (found by adv16/adv19). The limit itself is readable.
    /// </summary>
    [Theory]
    [InlineData("2147483648")]
    [InlineData("99_999_999_999")]
    [InlineData("+4,294,967,296")]
    public Task An_integer_beyond_int_is_reported_out_of_range(string value) => Run<ProjectSettingsAnalyzer>(
        $"build_property.CheapLearningMaxExpandedTerms = {value}\nbuild_property.CheapLearningMaxFlatNeurons = 2147483647\n", null,
        OutOfRange("CheapLearningMaxExpandedTerms (MSBuild)", value, "the default 10,000 applies"));

    [Fact]
    public Task A_file_budget_beyond_int_is_reported_out_of_range() => Run<PolynomialNetworkAnalyzer>(
        null, "cheaplearning.max_flat_neurons = 3000000000\n",
        OutOfRange("cheaplearning.max_flat_neurons (.editorconfig)", "3000000000",
            "a global .editorconfig's value, else MSBuild CheapLearningMaxFlatNeurons, else the default 4,096 applies").WithLocation(0));

    /// <summary>
    /// The project-wide CHEAP008 comes from a compilation action, which Roslyn runs at the compilation's end: its
    /// descriptor carries WellKnownDiagnosticTags.CompilationEnd (it did not). The per-method one for a file's key is
    /// reported by live analysis and does not.
    /// </summary>
    [Fact]
    public void The_project_wide_descriptor_is_tagged_compilation_end()
    {
        var project = Assert.Single(new ProjectSettingsAnalyzer().SupportedDiagnostics);
        Assert.Equal("CHEAP008", project.Id);
        Assert.Contains(WellKnownDiagnosticTags.CompilationEnd, project.CustomTags);
        var perMethod = Assert.Single(new PolynomialNetworkAnalyzer().SupportedDiagnostics, d => d.Id == "CHEAP008");
        Assert.DoesNotContain(WellKnownDiagnosticTags.CompilationEnd, perMethod.CustomTags);
    }

    [Fact]
    public Task Readable_and_empty_settings_are_not_reported() => Run<ProjectSettingsAnalyzer>(
        "build_property.CheapLearningMaxFlatNeurons = \nbuild_property.CheapLearningMaxExpandedTerms = 1_000\ncheaplearning.max_flat_neurons = 4,096\n", null);

    [Fact]
    public Task A_global_editorconfig_budget_is_reported() => Run<ProjectSettingsAnalyzer>(
        "cheaplearning.max_flat_neurons = 12.5\n", null,
        Cheap008("cheaplearning.max_flat_neurons (global .editorconfig)", "12.5", "a non-negative integer", "MSBuild CheapLearningMaxFlatNeurons, else the default 4,096 applies"));

    [Fact]
    public Task A_file_budget_is_reported_at_the_methods_that_read_it() => Run<PolynomialNetworkAnalyzer>(
        null, "cheaplearning.max_flat_neurons = many\n",
        Cheap008("cheaplearning.max_flat_neurons (.editorconfig)", "many", "a non-negative integer",
            "a global .editorconfig's value, else MSBuild CheapLearningMaxFlatNeurons, else the default 4,096 applies").WithLocation(0));

    /// <summary>
    /// A global .editorconfig's key also reaches every file's options; it is the project-wide setting, reported once by
    /// ProjectSettingsAnalyzer, not again at every method that reads its file's options.
    /// </summary>
    [Fact]
    public Task A_global_budget_is_not_reported_again_at_the_methods() => Run<PolynomialNetworkAnalyzer>(
        "cheaplearning.max_flat_neurons = 12.5\n", null);

    /// <summary>The value Read uses when it ignores a setting is the one CHEAP008 names.</summary>
    [Fact]
    public void The_ignored_setting_leaves_the_default_CHEAP008_names()
    {
        var options = new DictionaryOptions(new() { ["build_property.CheapLearningMaxExpandedTerms"] = "-3" });
        var setting = Assert.Single(ProjectSettings.Invalid(null, options));
        Assert.Equal("the default 10,000 applies", setting.Instead);
        Assert.Equal(10_000, ProjectSettings.Read(null, options).MaxExpandedTerms);
    }

    private sealed class DictionaryOptions(System.Collections.Generic.Dictionary<string, string> values) : Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
