using System.Collections.Immutable;
using System.Linq;
using CheapLearning.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CheapLearning.Generator.Tests.Classifier;

/// <summary>
/// The generated <c>Classifier</c> class and the names around it. Found by a consumer project: a [BayesClassifier] class
/// named <c>Classifier</c> broke the build with CS0542 in the generated file and no CheapLearning diagnostic, and a derived
/// classifier class warned CS0108 there (an error under TreatWarningsAsErrors), as <c>FNetwork</c> did for networks
/// (<see cref="Polynomials.InheritedNameTests"/>).
/// </summary>
public class ClassifierNameTests
{
    private static ImmutableArray<Diagnostic> Analyze(string source)
        => TestCompilation.Create(source)
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new BayesClassifierAnalyzer()))
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();

    [Fact]
    public void A_class_named_Classifier_is_CHEAP003_at_its_name_and_nothing_is_generated()
    {
        const string source = """
            using CheapLearning;
            [BayesClassifier]
            public static partial class Classifier
            {
                [Hamiltonian] public static double Cold(double s1, double s2) => -s1 * s2;
                [Hamiltonian] public static double Hot(double s1, double s2) => -0.1 * s1 * s2;
            }
            """;
        var d = Assert.Single(Analyze(source));
        Assert.Equal("CHEAP003", d.Id);
        Assert.Equal("Classifier", d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan));
        Assert.Equal(3, d.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Contains("named 'Classifier', the name of the generated class", d.GetMessage());

        var (output, run) = TestCompilation.RunAllGenerators(TestCompilation.Create(source));
        Assert.DoesNotContain(run.GeneratedTrees, t => t.FilePath.Contains(".Classifier.g.cs", System.StringComparison.Ordinal));
        Assert.Empty(output.GetDiagnostics().Where(x => x.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void A_derived_classifier_declares_its_Classifier_new_and_each_classifies_by_its_own_Hamiltonians()
    {
        const string source = """
            using CheapLearning;
            namespace Demo
            {
                [BayesClassifier]
                public partial class Base
                {
                    [Hamiltonian] public static double Low(double s) => s;
                    [Hamiltonian] public static double High(double s) => -s;
                }
                [BayesClassifier]
                public partial class Derived : Base
                {
                    [Hamiltonian] public static double Low2(double s) => -s;
                    [Hamiltonian] public static double High2(double s) => s;
                }
                public partial class Other
                {
                    protected static int Classifier;
                    public static int Touch() => Classifier;
                }
                [BayesClassifier]
                public partial class Hider : Other
                {
                    [Hamiltonian] public static double A(double s) => s;
                    [Hamiltonian] public static double B(double s) => -s;
                }
            }
            """;
        Assert.Empty(Analyze(source));
        var (output, run) = TestCompilation.RunAllGenerators(TestCompilation.Create(source));
        Assert.Empty(TestCompilation.Problems(output));
        string Class(string type) => run.GeneratedTrees.Single(t => System.IO.Path.GetFileName(t.FilePath).StartsWith("Demo." + type + ".", System.StringComparison.Ordinal)
                                                                         && t.FilePath.EndsWith(".Classifier.g.cs", System.StringComparison.Ordinal))
                                        .ToString().Split('\n').Single(l => l.Contains("static class Classifier", System.StringComparison.Ordinal)).Trim();
        Assert.Equal("public static class Classifier", Class("Base"));
        Assert.Equal("public new static class Classifier", Class("Derived"));
        Assert.Equal("public new static class Classifier", Class("Hider"));

        // Energy H(s): the class of lower energy wins. At s = 0.5 Base picks High (−0.5 < 0.5), Derived picks Low2.
        var assembly = TestCompilation.BuildAndLoad(source);
        int Classify(string type) => (int)assembly.GetType(type)!.GetMethod("Classify", new[] { typeof(double) })!.Invoke(null, new object[] { 0.5 })!;
        Assert.Equal(1, Classify("Demo.Base+Classifier"));
        Assert.Equal(0, Classify("Demo.Derived+Classifier"));
    }
}
