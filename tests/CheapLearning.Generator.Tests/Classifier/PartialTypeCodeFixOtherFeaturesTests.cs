using System.Threading.Tasks;
using CheapLearning.CodeFixes;
using CheapLearning.Generator.Bits;
using CheapLearning.Generator.Classifier;
using CheapLearning.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace CheapLearning.Generator.Tests.Classifier;

/// <summary>
/// "Make 'T' partial" (CHEAP002) is offered for [BitNetwork] and [BayesClassifier] types too, not only for
/// [PolynomialNetwork]: every feature's analyzer reports CHEAP002 where the fix looks for it.
/// </summary>
public class PartialTypeCodeFixOtherFeaturesTests
{
    private static CSharpCodeFixTest<TAnalyzer, PartialTypeCodeFixProvider, DefaultVerifier> Test<TAnalyzer>(string before, string after)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = CodeFixVerifier<PartialTypeCodeFixProvider>.Test<TAnalyzer>(before, after, PartialTypeCodeFixProvider.Key);
        test.CodeFixTestBehaviors = CodeFixTestBehaviors.SkipLocalDiagnosticCheck; // as in PartialTypeCodeFixTests
        return test;
    }

    [Fact]
    public async Task Bit_network_type_is_made_partial()
        => await Test<BitNetworkAnalyzer>(
            "using CheapLearning;\npublic static class {|CHEAP002:Logic|}\n{\n    [BitNetwork]\n    public static bool And(bool a, bool b) => a & b;\n}\n",
            "using CheapLearning;\npublic static partial class Logic\n{\n    [BitNetwork]\n    public static bool And(bool a, bool b) => a & b;\n}\n").RunAsync();

    [Fact]
    public async Task Classifier_type_is_made_partial()
        => await Test<BayesClassifierAnalyzer>(
            "using CheapLearning;\n[BayesClassifier]\npublic static class {|CHEAP002:{|CHEAP002:K|}|}\n{\n    [Hamiltonian] public static double A(bool a) => a ? 1 : 0;\n    [Hamiltonian] public static double B(bool a) => a ? 0 : 1;\n}\n",
            "using CheapLearning;\n[BayesClassifier]\npublic static partial class K\n{\n    [Hamiltonian] public static double A(bool a) => a ? 1 : 0;\n    [Hamiltonian] public static double B(bool a) => a ? 0 : 1;\n}\n").RunAsync();
}
