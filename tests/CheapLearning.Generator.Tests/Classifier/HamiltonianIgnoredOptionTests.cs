using Microsoft.CodeAnalysis.Diagnostics;
using CheapLearning.Generator.Tests.Bits;
using System;
using System.Linq;
using CheapLearning.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace CheapLearning.Generator.Tests.Classifier;

/// <summary>
/// Found by consumer tests (round 6): [Hamiltonian] on a local function, InputBound/Tolerance on a Hamiltonian of bits and
/// Digits on a Hamiltonian of doubles were all ignored without a diagnostic. Each is now an error at the exact place, and
/// no classifier is generated from a class whose Hamiltonian carries an option of the other kind.
/// </summary>
public class HamiltonianIgnoredOptionTests
{
    private static string Text(Diagnostic d) => d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan);

    [Theory]
    [InlineData("[Hamiltonian(InputBound = 3)] public static double A(bool x, bool y) => x ? 1 : 2;", "InputBound", "3", "bits")]
    [InlineData("[Hamiltonian(Prior = 0.5, Tolerance = 1e-6)] public static double A(bool x, bool y) => x ? 1 : 2;", "Tolerance", "1e-6", "bits")]
    [InlineData("[Hamiltonian(Digits = 5)] public static double A(double x, double y) => x * y;", "Digits", "5", "doubles")]
    public void An_option_of_the_other_kind_of_Hamiltonian_is_CHEAP005_at_its_value(string first, string option, string value, string kind)
    {
        string second = kind == "bits" ? "public static double B(bool x, bool y) => y ? 1 : 2;" : "public static double B(double x, double y) => x + y;";
        string prior = first.Contains("Prior", StringComparison.Ordinal) ? "(Prior = 0.5)" : "";
        string source = "using CheapLearning;\n[BayesClassifier]\npublic static partial class K\n{\n" + first + "\n[Hamiltonian" + prior + "] " + second + "\n}";
        var d = Assert.Single(ClassifierConsumerEdgeTests.AnalyzeSource(source));
        Assert.Equal("CHEAP005", d.Id);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal(value, Text(d));
        Assert.StartsWith($"{option} does not apply to 'A', a Hamiltonian of {kind}: ", d.GetMessage(), StringComparison.Ordinal);
        var (output, run) = TestCompilation.RunAllGenerators(TestCompilation.Create(source));
        Assert.Empty(run.GeneratedTrees);
        Assert.Empty(TestCompilation.Problems(output));
    }

    [Fact]
    public void The_options_of_each_kind_are_accepted()
    {
        const string source = "using CheapLearning;\n[BayesClassifier]\npublic static partial class K\n{\n"
            + "[Hamiltonian(Digits = 8)] public static double A(bool x) => x ? 1 : 2;\n[Hamiltonian(Digits = 8)] public static double B(bool x) => x ? 2 : 1;\n}\n"
            + "[BayesClassifier]\npublic static partial class D\n{\n"
            + "[Hamiltonian(InputBound = 2, Tolerance = 1e-6)] public static double A(double x) => x * x;\n[Hamiltonian(InputBound = 2, Tolerance = 1e-6)] public static double B(double x) => x;\n}";
        Assert.Empty(ClassifierConsumerEdgeTests.AnalyzeSource(source));
        var (output, run) = TestCompilation.RunAllGenerators(TestCompilation.Create(source));
        Assert.Equal(2, run.GeneratedTrees.Length);
        Assert.Empty(TestCompilation.Problems(output));
    }

    [Theory]
    [InlineData("public static partial class K", "")]
    [InlineData("[BayesClassifier]\npublic static partial class K", "[Hamiltonian] public static double A(bool x) => 1;\n[Hamiltonian] public static double B(bool x) => 0;\n")]
    public void A_Hamiltonian_local_function_is_CHEAP002_at_its_name(string type, string members)
    {
        string source = "using CheapLearning;\n" + type + "\n{\n" + members
            + "public static void M()\n{\n    [Hamiltonian] static double Local(bool a) => a ? 1 : 0;\n    Local(true);\n}\n}";
        var d = Assert.Single(ClassifierConsumerEdgeTests.AnalyzeSource(source));
        Assert.Equal("CHEAP002", d.Id);
        Assert.Equal("Local", Text(d));
        Assert.Equal("'Local' is a local function; a [Hamiltonian] is a static method of a [BayesClassifier] class, and nothing is generated from this one", d.GetMessage());
    }

    [Fact]
    public void A_local_function_without_the_attribute_is_not_reported()
        => Assert.Empty(ClassifierConsumerEdgeTests.AnalyzeSource(
            "using CheapLearning;\nusing System;\npublic static class K\n{\npublic static void M()\n{\n    [Obsolete] static double Local(bool a) => a ? 1 : 0;\n    Local(true);\n}\n}"));
}

/// <summary>
/// Found by consumer tests (round 6): a partial [Hamiltonian] was looked up by its defining part, which has no body, so it
/// was dropped: a classifier of two such classes was CHEAP029 "has 1 [Hamiltonian] method(s)" (or lost a class silently).
/// </summary>
public class PartialHamiltonianTests
{
    [Theory]
    [InlineData("[Hamiltonian(Prior = 0.25)] public static partial double A(bool x, bool y);\npublic static partial double A(bool x, bool y) => x ? 1 : 2;")]
    [InlineData("public static partial double A(bool x, bool y);\n[Hamiltonian(Prior = 0.25)] public static partial double A(bool x, bool y) => x ? 1 : 2;")]
    public void A_partial_Hamiltonian_is_a_class_of_its_classifier(string partial)
    {
        string source = "using CheapLearning;\n[BayesClassifier]\npublic static partial class K\n{\n" + partial
            + "\n[Hamiltonian(Prior = 0.75)] public static double B(bool x, bool y) => y ? 0.5 : 3;\n}";
        Assert.Empty(ClassifierConsumerEdgeTests.AnalyzeSource(source));
        var classifier = BitTestCompilation.BuildAndLoad(source).GetType("K")!.GetNestedType("Classifier")!;
        Assert.Equal(2, (int)classifier.GetField("ClassCount")!.GetValue(null)!);
        var model = (ClassifierModel)classifier.GetProperty("Model")!.GetValue(null)!;
        // Posterior by hand at x = 1, y = 0: H = (1, 3), µ = (−ln 0.25, −ln 0.75): p(A) = 0.25e⁻¹ / (0.25e⁻¹ + 0.75e⁻³).
        var p = new double[2];
        model.Probabilities(new[] { 1.0, 0.0 }, p);
        double a = 0.25 * Math.Exp(-1), b = 0.75 * Math.Exp(-3);
        Assert.True(Math.Abs(p[0] - a / (a + b)) < 1e-9, $"{p[0]} vs {a / (a + b)}");
    }
}

/// <summary>Found by consumer tests (round 6): a network attribute on a lambda (C# 10) was ignored without a diagnostic.</summary>
public class LambdaAttributeTests
{
    [Theory]
    [InlineData("Hamiltonian", "A lambda cannot be a [Hamiltonian]: a [Hamiltonian] is a static method of a [BayesClassifier] class, and nothing is generated from this one")]
    [InlineData("BitNetwork", "A lambda cannot receive generated members; networks are generated only for static methods of partial types")]
    [InlineData("PolynomialNetwork", "A lambda cannot receive generated members; networks are generated only for static methods of partial types")]
    public async System.Threading.Tasks.Task An_attribute_on_a_lambda_is_CHEAP002_at_the_attribute(string attribute, string message)
    {
        string source = "using CheapLearning;\npublic static class K\n{\n    public static object M() => [" + attribute + "] static (bool a) => 1.0;\n}";
        DiagnosticAnalyzer analyzer = attribute switch
        {
            "Hamiltonian" => new BayesClassifierAnalyzer(),
            "BitNetwork" => new BitNetworkAnalyzer(),
            _ => new PolynomialNetworkAnalyzer(),
        };
        var diagnostics = await TestCompilation.Create(source)
            .WithAnalyzers(System.Collections.Immutable.ImmutableArray.Create(analyzer)).GetAnalyzerDiagnosticsAsync();
        var d = Assert.Single(diagnostics);
        Assert.Equal("CHEAP002", d.Id);
        Assert.Equal(attribute, d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan));
        Assert.Equal(message, d.GetMessage());
    }
}

/// <summary>Found by consumer tests (round 6): an extern [Hamiltonian] (no body) was dropped, so a classifier of three classes silently had two.</summary>
public class BodilessHamiltonianTests
{
    [Theory]
    [InlineData("bool x", "CHEAP022")]
    [InlineData("double x", "CHEAP001")]
    public void A_Hamiltonian_without_a_body_is_reported_and_no_classifier_is_generated(string parameters, string id)
    {
        string source = "using CheapLearning;\n[BayesClassifier]\npublic static partial class K\n{\n"
            + $"[Hamiltonian] public static double A({parameters}) => 1;\n[Hamiltonian] public static extern double B({parameters});\n[Hamiltonian] public static double C({parameters}) => 2;\n}}";
        var d = Assert.Single(ClassifierConsumerEdgeTests.AnalyzeSource(source));
        Assert.Equal(id, d.Id);
        Assert.Equal(6, d.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Contains("without a body", d.GetMessage(), StringComparison.Ordinal);
        var (_, run) = TestCompilation.RunAllGenerators(TestCompilation.Create(source));
        Assert.Empty(run.GeneratedTrees);
    }
}
