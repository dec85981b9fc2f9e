using CheapLearning.Generator.Common;
using CheapLearning.Generator.Polynomials;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace CheapLearning.Generator.Tests.Infrastructure;

/// <summary>A code-fix test of <typeparamref name="TFix"/> against the real <see cref="PolynomialNetworkAnalyzer"/>.</summary>
public static class CodeFixVerifier<TFix> where TFix : CodeFixProvider, new()
{
    public static CSharpCodeFixTest<PolynomialNetworkAnalyzer, TFix, DefaultVerifier> Test(string before, string after, string key)
        => Test<PolynomialNetworkAnalyzer>(before, after, key);

    /// <summary>The same against another feature's analyzer (bits, classifier).</summary>
    public static CSharpCodeFixTest<TAnalyzer, TFix, DefaultVerifier> Test<TAnalyzer>(string before, string after, string key)
        where TAnalyzer : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TFix, DefaultVerifier>
        {
            TestCode = before,
            FixedCode = after,
            CodeActionEquivalenceKey = key,
            ReferenceAssemblies = Verify.References,
        };
        test.TestState.AdditionalReferences.AddRange(TestCompilation.MetadataReferences);
        test.FixedState.AdditionalReferences.AddRange(TestCompilation.MetadataReferences);
        test.DisabledDiagnostics.Add("CHEAP012"); // the hidden size report, tested on its own
        return test;
    }
}
