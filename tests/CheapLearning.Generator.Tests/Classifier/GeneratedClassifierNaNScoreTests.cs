using System;
using System.Linq;
using System.Reflection;
using CheapLearning.Generator.Tests.Infrastructure;

namespace CheapLearning.Generator.Tests.Classifier;

/// <summary>
/// A generated Classify whose Hamiltonian network gives NaN (A's values ±1.7e308: its exact polynomial's coefficient
/// 3.4e308 is beyond double, the network returns NaN at a = 0 and +∞ at a = 1; CHEAP031 warns, ε = ∞). Before the
/// shared Softmax.ArgMax change, the bounded argmax skipped the NaN score and named class 1 at a = 0 silently; now it
/// throws, and the generated Classify documents it. At a = 1 A's score is −∞ (probability 0): class 1, by hand.
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
    public void Classify_throws_for_a_NaN_score_and_says_so()
    {
        var classifier = TestCompilation.BuildAndLoad(Source).GetType("NaNScores.K+Classifier")!;
        var classify = classifier.GetMethod("Classify")!;
        Assert.Equal(1, (int)classify.Invoke(null, new object[] { true })!);
        var e = Assert.Throws<TargetInvocationException>(() => classify.Invoke(null, new object[] { false }));
        Assert.IsType<ArgumentException>(e.InnerException);
        var model = (ClassifierModel)classifier.GetProperty("Model")!.GetValue(null)!;
        Assert.Throws<ArgumentException>(() => model.Classify(new[] { 0.0 }));
        var text = string.Concat(TestCompilation.RunAllGenerators(TestCompilation.Create(Source)).Result.GeneratedTrees.Select(t => t.ToString()));
        Assert.Contains("<exception cref=\"global::System.ArgumentException\">A score −H_y(x) − µ_y is NaN", text);
    }
}
