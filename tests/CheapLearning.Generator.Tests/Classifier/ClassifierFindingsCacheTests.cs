using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using CheapLearning.Generator.Model;
using CheapLearning.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CheapLearning.Generator.Tests.Classifier;

/// <summary>
/// The classifier analyzer reads the plan's findings the generator stored (<see cref="Plans.ClassifierFindings"/>)
/// instead of building every Hamiltonian's network again, as the polynomial and bit analyzers do. Each test uses its
/// own class name, so its spec is its own key in the process-wide cache.
/// </summary>
public class ClassifierFindingsCacheTests
{
    private static string Source(string name) =>
        "using CheapLearning;\n[BayesClassifier]\npublic static partial class " + name + "\n{\n"
        + "    [Hamiltonian(Prior = 0.25)] public static double A(bool a, bool b) => a && b ? 1 : 0;\n"
        + "    [Hamiltonian(Prior = 0.75)] public static double B(bool a, bool b) => a ^ b ? 2 : 0.5;\n}\n";

    private static ClassifierSpec Spec(Compilation compilation, string name)
    {
        var type = compilation.GetTypeByMetadataName(name)!;
        return ClassifierFrontEnd.Analyze(type, compilation, CancellationToken.None).Spec!;
    }

    private static ImmutableArray<Diagnostic> Analyze(Compilation compilation)
        => compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new BayesClassifierAnalyzer()))
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();

    [Fact]
    public void The_generator_stores_the_plans_outcome_for_the_analyzer()
    {
        var compilation = TestCompilation.Create(Source("StoredByGenerator"));
        TestCompilation.RunAllGenerators(compilation);
        bool planned = false;
        var findings = Plans.ClassifierFindings.GetOrAdd(Spec(TestCompilation.Create(Source("StoredByGenerator")), "StoredByGenerator"),
            () => { planned = true; return Array.Empty<Finding>(); });
        Assert.False(planned);
        Assert.Empty(findings);
    }

    [Fact]
    public void The_analyzer_reports_the_stored_findings_of_an_equal_spec_instead_of_planning()
    {
        // A finding no real plan of this valid classifier makes: the analyzer can only have it from the cache.
        var stored = TestCompilation.Create(Source("ReadFromCache"));
        var marker = new Finding(DiagnosticDescriptors.InternalError, new[] { Place.Name }, "ReadFromCache", "stored by the test");
        Plans.ClassifierFindings.Add(Spec(stored, "ReadFromCache"), new[] { marker });

        var analyzed = TestCompilation.Create(Source("ReadFromCache")); // another compilation: an equal spec, not the same one
        var d = Assert.Single(Analyze(analyzed));
        Assert.Equal("CHEAP009", d.Id);
        Assert.Contains("stored by the test", d.GetMessage());
        Assert.Equal("ReadFromCache", d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan));
    }

    [Fact]
    public void Without_a_stored_outcome_the_analyzer_plans_and_reports_nothing_for_a_valid_classifier()
        => Assert.Empty(Analyze(TestCompilation.Create(Source("PlannedByAnalyzer"))));
}
