using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace CheapLearning.Generator.Tests.Infrastructure;

/// <summary>Runs <see cref="PolynomialNetworkAnalyzer"/> with Microsoft.CodeAnalysis.Testing: diagnostics at exact spans.</summary>
public static class AnalyzerVerifier
{
    public static Task VerifyAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<PolynomialNetworkAnalyzer, DefaultVerifier>
        {
            TestCode = source,
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
        };
        test.TestState.AdditionalReferences.Add(typeof(CheapLearning.NetworkModel).Assembly);
        test.DisabledDiagnostics.Add("CHEAP012"); // the hidden size report, tested on its own
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    public static DiagnosticResult Diagnostic(string id) => new DiagnosticResult(id, Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
}
