using System;
using System.Linq;
using System.Reflection;
using CheapLearning.Generator.Tests.Infrastructure;

namespace CheapLearning.Generator.Tests.Classifier;

/// <summary>
/// A classifier over a bit Hamiltonian whose values are near double's limit (A: ±1.7e308, its exact polynomial's coefficient
/// 3.4e308 is beyond double). Until round 15 A's network returned NaN at a = 0 and +∞ at a = 1 (ε = ∞, CHEAP031), and the
/// generated Classify threw ArgumentException for the NaN score at a = 0. Now A's output row is scaled by a power of two
/// (OutputScaling): its network is within a finite ε of ±1.7e308 and Classify names a class on both inputs. By hand:
/// at a = 0 A's score −H − µ is about +1.7e308, far above B's (class 0); at a = 1 about −1.7e308 (class 1).
/// </summary>
public class GeneratedClassifierNaNScoreTests
{
    private const string Source = """
        using CheapLearning;
        namespace NaNScores;
        [BayesClassifier]
        public static partial class K
        {
            [Hamiltonian] public static double A(bool a) => a ? 1.7e308 : -1.7e308;
            [Hamiltonian] public static double B(bool a) => a ? 1.0 : 0.0;
        }
        """;

    [Fact]
    public void Classify_names_a_class_on_every_input_of_a_Hamiltonian_near_doubles_limit()
    {
        var classifier = TestCompilation.BuildAndLoad(Source).GetType("NaNScores.K+Classifier")!;
        var classify = classifier.GetMethod("Classify")!;
        Assert.True(double.IsFinite((double)classifier.GetField("HamiltonianErrorBound")!.GetValue(null)!));
        Assert.Equal(1, (int)classify.Invoke(null, new object[] { true })!);
        Assert.Equal(0, (int)classify.Invoke(null, new object[] { false })!);
        var model = (ClassifierModel)classifier.GetProperty("Model")!.GetValue(null)!;
        Assert.Equal(1, model.Classify(new[] { 1.0 }));
        Assert.Equal(0, model.Classify(new[] { 0.0 }));
        Assert.DoesNotContain(TestCompilation.Analyze(Source), d => d.GetMessage().Contains("NaN") || d.GetMessage().Contains("∞") || d.GetMessage().Contains("Infinity"));
    }
}
