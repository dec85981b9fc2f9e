using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using CheapLearning.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CheapLearning.Generator.Tests.Common;

/// <summary>
/// The analyzers resolve their attribute types at first use inside an action, not at compilation start
/// (<see cref="CompilationScoped{T}"/>): computed once, never stored when cancelled, and a project that does not
/// reference CheapLearning (its own attribute of the same name) gets nothing from any analyzer.
/// </summary>
public class CompilationScopedTests
{
    [Fact]
    public void The_value_is_computed_once_and_a_cancelled_computation_is_not_kept()
    {
        var scoped = new CompilationScoped<string>();
        int computed = 0;
        Assert.Throws<OperationCanceledException>(() => scoped.Get(CancellationToken.None, _ => { computed++; throw new OperationCanceledException(); }));
        Assert.Equal("first", scoped.Get(CancellationToken.None, _ => { computed++; return "first"; }));
        Assert.Equal("first", scoped.Get(CancellationToken.None, _ => { computed++; return "second"; }));
        Assert.Equal(2, computed);
    }

    [Fact]
    public async System.Threading.Tasks.Task Attributes_of_the_same_names_in_a_project_without_CheapLearning_get_no_diagnostic()
    {
        const string source = """
            namespace Other
            {
                public sealed class PolynomialNetworkAttribute : System.Attribute { }
                public sealed class BitNetworkAttribute : System.Attribute { }
                public sealed class BayesClassifierAttribute : System.Attribute { }
                public sealed class HamiltonianAttribute : System.Attribute { }

                [BayesClassifier]
                public static class C
                {
                    [PolynomialNetwork] public static double P(double x) => x * x;
                    [BitNetwork] public static bool B(bool a) => !a;
                    [Hamiltonian] public static double H(bool a) => a ? 1 : 0;
                    [PolynomialNetwork] static int NotEvenValid(string s) { [PolynomialNetwork] double Local(double y) => y; return 0; }
                }
            }
            """;
        var references = TestCompilation.MetadataReferences.Where(r => r.Display?.Contains("CheapLearning", StringComparison.Ordinal) != true);
        var compilation = CSharpCompilation.Create("NoCheapLearning", new[] { CSharpSyntaxTree.ParseText(source, TestCompilation.ParseOptions) },
            references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Null(compilation.GetTypeByMetadataName("CheapLearning.PolynomialNetworkAttribute"));
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new PolynomialNetworkAnalyzer(), new BitNetworkAnalyzer(), new BayesClassifierAnalyzer());
        var failures = new System.Collections.Concurrent.ConcurrentBag<Exception>();
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (e, _, _) => failures.Add(e), concurrentAnalysis: false, logAnalyzerExecutionTime: false);
        var result = await compilation.WithAnalyzers(analyzers, options).GetAnalysisResultAsync(CancellationToken.None);
        Assert.Empty(result.GetAllDiagnostics());
        Assert.Empty(failures);
    }
}
