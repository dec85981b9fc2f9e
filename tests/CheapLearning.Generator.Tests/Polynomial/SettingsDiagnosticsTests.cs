using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace CheapLearning.Generator.Tests.Polynomials;

/// <summary>The MSBuild property CheapLearningMaxExpandedTerms bounds expansion; past it CHEAP006 says the structure is used.</summary>
public class SettingsDiagnosticsTests
{
    private const string Source = """
        using CheapLearning;
        public static partial class C
        {
            [PolynomialNetwork] public static double {|#0:F|}(double a, double b, double c) => (a + b + c) * (a - b + c) * (a + 2 * c);
        }
        """;

    private static Task Run(string? globalConfig, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<PolynomialNetworkAnalyzer, DefaultVerifier>
        {
            TestCode = Source,
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
        };
        test.TestState.AdditionalReferences.Add(typeof(CheapLearning.NetworkModel).Assembly);
        test.DisabledDiagnostics.Add("CHEAP012"); // the hidden size report, tested on its own
        if (globalConfig is not null) test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", globalConfig));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Fact]
    public Task Default_limit_expands_small_polynomials() => Run(null);

    [Fact]
    public Task A_low_term_limit_reports_CHEAP006() => Run(
        "is_global = true\nbuild_property.CheapLearningMaxExpandedTerms = 4\n",
        new DiagnosticResult("CHEAP006", DiagnosticSeverity.Info).WithLocation(0).WithArguments("F", "4"));
}
