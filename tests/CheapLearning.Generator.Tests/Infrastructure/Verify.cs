using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace CheapLearning.Generator.Tests.Infrastructure;

/// <summary>
/// Microsoft.CodeAnalysis.Testing harnesses for the analyzer and the code fixes, compiled against the
/// running framework and the CheapLearning runtime (no reference-assembly download).
/// </summary>
public static class Verify
{
    public static ReferenceAssemblies References { get; } = new("net10.0");

    public static CSharpAnalyzerTest<PolynomialNetworkAnalyzer, DefaultVerifier> Analyzer(string source, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<PolynomialNetworkAnalyzer, DefaultVerifier>
        {
            TestCode = source,
            ReferenceAssemblies = References,
        };
        test.TestState.AdditionalReferences.AddRange(TestCompilation.MetadataReferences);
        test.ExpectedDiagnostics.AddRange(expected);
        test.DisabledDiagnostics.Add("CHEAP012"); // the hidden size report; tested on its own

        return test;
    }

    public static Task RunAsync(this CSharpAnalyzerTest<PolynomialNetworkAnalyzer, DefaultVerifier> test) => test.RunAsync();
}
