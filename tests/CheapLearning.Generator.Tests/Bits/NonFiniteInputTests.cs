using CheapLearning.Generator.Tests.Infrastructure;
using System;
using System.Linq;
using System.Reflection;

namespace CheapLearning.Generator.Tests.Bits;

/// <summary>
/// NaN and ±∞ found by consumer tests (round 6): a [BitNetwork]'s Deep(NaN) threw "is a bit" while its
/// DeepModel.Evaluate returned NaN, and a classifier's Classify(NaN) returned class 0 (an argmax over NaN scores).
/// Now a bit network's model throws as its Deep does, and Classify throws for a non-finite input, generated and model
/// alike; Probabilities keeps its NaN posteriors (as Deep keeps NaN for a polynomial).
/// </summary>
public class NonFiniteInputTests
{
    private const string Source = """
        using CheapLearning;

        public static partial class Gates
        {
            [BitNetwork]
            public static double And([Bit] double a, [Bit] double b) => a * b;
        }

        [BayesClassifier]
        public static partial class Weather
        {
            [Hamiltonian] public static double Rain(double x, float y) => x * x + y;
            [Hamiltonian] public static double Dry(double x, float y) => y * y + x;
        }
        """;

    private static readonly Lazy<Assembly> Built = new(() => BitTestCompilation.BuildAndLoad(Source));

    private static Type Nested(string outer, string inner) => Built.Value.GetType(outer)!.GetNestedType(inner)!;

    public static TheoryData<double> NonFinite => new() { double.NaN, double.PositiveInfinity, double.NegativeInfinity };

    [Theory]
    [MemberData(nameof(NonFinite))]
    public void A_bit_network_and_its_model_both_throw_for_a_non_finite_bit(double x)
    {
        var network = Nested("Gates", "AndNetwork");
        var deep = Assert.IsType<ArgumentOutOfRangeException>(Assert.Throws<TargetInvocationException>(
            () => network.ScalarEvaluator("Deep")!.Invoke(null, new object[] { x, 1.0 })).InnerException);
        Assert.Equal("a", deep.ParamName);
        Assert.StartsWith("a is a bit: 0 or 1.", deep.Message, StringComparison.Ordinal);

        var model = (NetworkModel)network.GetProperty("DeepModel")!.GetValue(null)!;
        var evaluate = Assert.Throws<ArgumentOutOfRangeException>(() => model.Evaluate(new[] { 1.0, x }));
        Assert.Equal("inputs", evaluate.ParamName);
        Assert.StartsWith("Input 1 is a bit: 0 or 1.", evaluate.Message, StringComparison.Ordinal);

        var rows = new[] { 0.0, 1.0, x, 1.0 };
        var destination = new[] { -7.0, -7.0 };
        var batch = Assert.Throws<ArgumentOutOfRangeException>(() => model.Evaluate(rows, destination));
        Assert.StartsWith("Row 1, input 0 is a bit: 0 or 1.", batch.Message, StringComparison.Ordinal);
        Assert.Equal(new[] { -7.0, -7.0 }, destination);

        // Unchecked, a non-finite input still marks its value NaN (as for a polynomial network).
        var unchecked_ = NetworkModel.ForBits(model.Activation, model.InputCount, model.Layers, model.ErrorBound, checkInputs: false);
        Assert.True(double.IsNaN(unchecked_.Evaluate(new[] { x, 1.0 })));
    }

    [Theory]
    [MemberData(nameof(NonFinite))]
    public void Classify_throws_for_a_non_finite_input_instead_of_naming_class_0(double x)
    {
        var classifier = Nested("Weather", "Classifier");
        var classify = classifier.GetMethod("Classify")!;
        var first = Assert.IsType<ArgumentOutOfRangeException>(Assert.Throws<TargetInvocationException>(
            () => classify.Invoke(null, new object[] { x, 0.5f })).InnerException);
        Assert.Equal("x", first.ParamName);
        Assert.StartsWith("x is not finite: no class is the most probable.", first.Message, StringComparison.Ordinal);
        var second = Assert.IsType<ArgumentOutOfRangeException>(Assert.Throws<TargetInvocationException>(
            () => classify.Invoke(null, new object[] { 0.5, (float)x })).InnerException);
        Assert.Equal("y", second.ParamName);

        var model = (ClassifierModel)classifier.GetProperty("Model")!.GetValue(null)!;
        var fromModel = Assert.Throws<ArgumentOutOfRangeException>(() => model.Classify(new[] { 0.5, x }));
        Assert.StartsWith("Input 1 is not finite: no class is the most probable.", fromModel.Message, StringComparison.Ordinal);

        // The posteriors stay NaN: no class is claimed.
        var p = new double[2];
        model.Probabilities(new[] { x, 0.5 }, p);
        Assert.All(p, v => Assert.True(double.IsNaN(v)));
    }

    [Fact]
    public void Classify_documents_the_exceptions_it_can_throw()
    {
        const string bools = "using CheapLearning;\n[BayesClassifier]\npublic static partial class B\n{\n[Hamiltonian] public static double A(bool x) => x ? 1 : 0;\n[Hamiltonian] public static double C(bool x) => x ? 0 : 1;\n}";
        var (_, run) = Infrastructure.TestCompilation.RunAllGenerators(Infrastructure.TestCompilation.Create(Source, bools));
        string doubles = run.GeneratedTrees.Single(t => t.FilePath.Contains("Weather", StringComparison.Ordinal)).ToString();
        Assert.Contains("/// <exception cref=\"global::System.ArgumentOutOfRangeException\">An input is NaN or infinite (no class is the most probable), or outside the Hamiltonians' input bound.</exception>", doubles, StringComparison.Ordinal);
        // Bool inputs cannot be out of range: no ArgumentOutOfRangeException is documented; only the NaN score (a network
        // beyond double's range, GeneratedClassifierNaNScoreTests), which every Classify documents.
        string boolText = run.GeneratedTrees.Single(t => System.IO.Path.GetFileName(t.FilePath).StartsWith("B.", StringComparison.Ordinal)).ToString();
        Assert.DoesNotContain("ArgumentOutOfRangeException\">", boolText, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(boolText, "<exception cref=\"global::System.ArgumentException\">A score"));
    }

    [Fact]
    public void Classify_still_answers_on_finite_inputs()
    {
        // H_Rain(x, y) = x² + y, H_Dry = y² + x, equal priors: the smaller H wins, hand-computed.
        var classify = Nested("Weather", "Classifier").GetMethod("Classify")!;
        Assert.Equal(1, (int)classify.Invoke(null, new object[] { 0.0, 0.5f })!);   // H: 0.5 against 0.25
        Assert.Equal(0, (int)classify.Invoke(null, new object[] { 0.5, 0.0f })!);   // H: 0.25 against 0.5
    }
}
