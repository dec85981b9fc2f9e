using System;
using System.Linq;
using System.Reflection;
using CheapLearning.Generator.Tests.Bits;
using CheapLearning.Generator.Tests.Infrastructure;

namespace CheapLearning.Generator.Tests.Classifier;

/// <summary>
/// [BayesClassifier] (Eq 3–8): the generated posterior sums to 1 and matches Bayes' theorem computed here
/// directly from the plain C# Hamiltonians and the priors: exhaustively for bits, on random points for doubles.
/// </summary>
public class ClassifierTests
{
    private const string Source = """
        using CheapLearning;
        namespace Cls;

        [BayesClassifier]
        public static partial class Lattice
        {

            [Hamiltonian(Prior = 0.7)]
            public static double Cold(bool x0, bool x1, bool x2, bool x3, bool x4)
            {
                double s0 = x0 ? 1 : -1; double s1 = x1 ? 1 : -1; double s2 = x2 ? 1 : -1; double s3 = x3 ? 1 : -1; double s4 = x4 ? 1 : -1;
                return -(s0 * s1 + s1 * s2 + s2 * s3 + s3 * s4 + s4 * s0) / 0.5 + 3.25;
            }

            [Hamiltonian(Prior = 0.3)]
            public static double Hot(bool x0, bool x1, bool x2, bool x3, bool x4)
            {
                double s0 = x0 ? 1 : -1; double s1 = x1 ? 1 : -1; double s2 = x2 ? 1 : -1; double s3 = x3 ? 1 : -1; double s4 = x4 ? 1 : -1;
                return -(s0 * s1 + s1 * s2 + s2 * s3 + s3 * s4 + s4 * s0) / 4.0 + 3.5;
            }
        }

        [BayesClassifier]
        public static partial class Gaussians
        {
            [Hamiltonian(Prior = 0.25, InputBound = 2, Tolerance = 1e-10)]
            public static double Left(double u, double v) => ((u + 0.5) * (u + 0.5) + v * v) / (2 * 0.36) + 0.3;

            [Hamiltonian(Prior = 0.5, InputBound = 2, Tolerance = 1e-10)]
            public static double Right(double u, double v) => ((u - 0.5) * (u - 0.5) + (v - 0.25) * (v - 0.25)) / (2 * 0.25);

            [Hamiltonian(Prior = 0.25, InputBound = 2, Tolerance = 1e-10)]
            public static double Wide(double u, double v) => (u * u + v * v) / 2 + 1.1;
        }

        [BayesClassifier]
        public static partial class Extreme
        {
            [Hamiltonian(Mu = 800)]
            public static double A(bool a, [Bit] int b) => a ? 1000 : -1000 + b;

            [Hamiltonian(Mu = -800)]
            public static double B(bool a, [Bit] int b) => b == 1 ? 1500 : 900;
        }
        """;

    private static readonly Lazy<Assembly> Built = new(() => BitTestCompilation.BuildAndLoad(Source));

    /// <summary>Bayes' theorem directly: p(y|x) = p(y)e^(−H_y) / Σ p(y')e^(−H_y'), in log-sum-exp form.</summary>
    private static double[] Bayes(double[] h, double[] mu)
    {
        var z = h.Select((v, y) => -v - mu[y]).ToArray();
        double max = z.Max();
        var e = z.Select(v => Math.Exp(v - max)).ToArray();
        double sum = e.Sum();
        return e.Select(v => v / sum).ToArray();
    }

    private static (MethodInfo Probabilities, MethodInfo Classify, ClassifierModel Model, double Bound, MethodInfo[] Hamiltonians)
        Load(string type, params string[] methods)
    {
        var t = Built.Value.GetType("Cls." + type)!;
        var c = t.GetNestedType("Classifier")!;
        return (c.GetMethod("Probabilities")!, c.GetMethod("Classify")!, (ClassifierModel)c.GetProperty("Model")!.GetValue(null)!,
                (double)c.GetField("HamiltonianErrorBound")!.GetValue(null)!, methods.Select(m => t.GetMethod(m)!).ToArray());
    }

    private static void Check(string type, string[] methods, double[] priors, object[] args, double[] inputs)
    {
        var (probabilities, classify, model, bound, hamiltonians) = Load(type, methods);
        var mu = priors.Select(p => -Math.Log(p)).ToArray();
        var h = hamiltonians.Select(m => Convert.ToDouble(m.Invoke(null, args))).ToArray();
        var expected = Bayes(h, mu);
        var actual = new double[methods.Length];
        // Span<double> cannot be boxed: call through the model for the values, then check the generated method agrees.
        model.Probabilities(inputs, actual);
        var generated = ProbabilitiesVia(probabilities, args, methods.Length);
        Assert.Equal(actual, generated);
        Assert.True(Math.Abs(actual.Sum() - 1) <= 1e-12, $"sum {actual.Sum()}");
        // Each −H_y is off by ≤ bound, so each posterior by ≤ p(e^(2·bound) − 1).
        for (int y = 0; y < methods.Length; y++)
            Assert.True(Math.Abs(actual[y] - expected[y]) <= 2.01 * bound * expected[y] + 1e-15,
                        $"{type} class {y}: {actual[y]} vs Bayes {expected[y]}");
        int best = (int)classify.Invoke(null, args)!;
        Assert.Equal(Array.IndexOf(actual, actual.Max()), best);
    }

    /// <summary>Invokes the generated Probabilities(…, Span&lt;double&gt;) through a dynamic method-free trampoline.</summary>
    private static double[] ProbabilitiesVia(MethodInfo probabilities, object[] args, int classes)
    {
        var trampoline = typeof(ClassifierTests).GetMethod(nameof(Trampoline), BindingFlags.NonPublic | BindingFlags.Static)!;
        return (double[])trampoline.Invoke(null, new object[] { probabilities, args, classes })!;
    }

    private static double[] Trampoline(MethodInfo probabilities, object[] args, int classes)
    {
        // Build a delegate over the exact signature with an expression tree that allocates the span from an array.
        var parameters = probabilities.GetParameters();
        var argExprs = parameters.Take(parameters.Length - 1).Select((p, i) =>
            (System.Linq.Expressions.Expression)System.Linq.Expressions.Expression.Constant(args[i], p.ParameterType)).ToList();
        var result = new double[classes];
        var span = System.Linq.Expressions.Expression.New(typeof(Span<double>).GetConstructor(new[] { typeof(double[]) })!,
            System.Linq.Expressions.Expression.Constant(result));
        argExprs.Add(span);
        var call = System.Linq.Expressions.Expression.Call(probabilities, argExprs);
        System.Linq.Expressions.Expression.Lambda<Action>(call).Compile()();
        return result;
    }

    [Fact]
    public void Bit_classifier_matches_Bayes_on_every_input()
    {
        for (int mask = 0; mask < 32; mask++)
        {
            var bits = Enumerable.Range(0, 5).Select(i => ((mask >> i) & 1) != 0).ToArray();
            Check("Lattice", new[] { "Cold", "Hot" }, new[] { 0.7, 0.3 }, bits.Cast<object>().ToArray(), bits.Select(b => b ? 1.0 : 0.0).ToArray());
        }
    }

    [Fact]
    public void Polynomial_classifier_matches_Bayes_on_random_points()
    {
        var random = new Random(42);
        for (int i = 0; i < 2000; i++)
        {
            double u = 4 * random.NextDouble() - 2, v = 4 * random.NextDouble() - 2;
            Check("Gaussians", new[] { "Left", "Right", "Wide" }, new[] { 0.25, 0.5, 0.25 }, new object[] { u, v }, new[] { u, v });
        }
    }

    [Fact]
    public void Polynomial_Hamiltonian_networks_meet_tau_times_S_against_the_exact_polynomial()
    {
        var (_, _, model, bound, _) = Load("Gaussians", "Left", "Right", "Wide");
        var names = new[] { "Left", "Right", "Wide" };
        var random = new Random(TestKit.Seeds.Stable(nameof(Polynomial_Hamiltonian_networks_meet_tau_times_S_against_the_exact_polynomial)));
        for (int y = 0; y < names.Length; y++)
        {
            var network = model.Hamiltonians[y];
            var oracle = TestKit.PolynomialOracle.FromSource(Source, "Gaussians", names[y]);
            // Tolerance = 1e-10 and InputBound = 2 on every Hamiltonian of the class; S from the exact polynomial.
            double tauS = oracle.ToleranceTimesScale(1e-10, 2);
            Assert.True(network.ErrorBound <= tauS, $"{names[y]}: bound {network.ErrorBound:G3} > τ·S = {tauS:G3}");
            Assert.True(network.ErrorBound <= bound, $"{names[y]}: bound {network.ErrorBound:G3} above HamiltonianErrorBound {bound:G3}");
            for (int k = 0; k < 2004; k++)
            {
                var x = k < 4 ? new[] { (k & 1) == 0 ? -2.0 : 2.0, (k & 2) == 0 ? -2.0 : 2.0 } : new[] { 4 * random.NextDouble() - 2, 4 * random.NextDouble() - 2 };
                double value = network.Evaluate(x), error = oracle.ExactError(value, x), reference = oracle.Value(x).ToDouble();
                Assert.True(error <= network.ErrorBound + TestKit.PolynomialOracle.Slack(reference),
                    $"|H − p| = {error:G3} > bound {network.ErrorBound:G3} at {oracle.Describe(x)}");
            }
        }
    }

    [Fact]
    public void Softmax_is_overflow_safe_for_large_Hamiltonians()
    {
        var (_, classify, model, _, _) = Load("Extreme", "A", "B");
        foreach (var (a, b) in new[] { (false, 0), (false, 1), (true, 0), (true, 1) })
        {
            var p = new double[2];
            model.Probabilities(new[] { a ? 1.0 : 0.0, b }, p);
            Assert.All(p, x => Assert.False(double.IsNaN(x)));
            Assert.True(Math.Abs(p.Sum() - 1) <= 1e-12);
            // −H − µ: A gives −1800 (a) or 200 − b, B gives 800 − 1500 = −700 (b) or −100: computed by hand.
            double za = a ? -1800 : 200 - b, zb = b == 1 ? -700 : -100;
            Assert.Equal(za > zb ? 0 : 1, (int)classify.Invoke(null, new object[] { a, b })!);
        }
    }

    [Fact]
    public void Bit_Hamiltonian_models_are_bit_models_like_a_BitNetwork_model()
    {
        // Their bounds hold on 0/1 inputs only: the model must say so and reject 0.5, as [BitNetwork]'s DeepModel does.
        var bits = Load("Lattice", "Cold", "Hot").Model;
        Assert.All(bits.Hamiltonians, h => Assert.True(h.InputsAreBits));
        Assert.Throws<ArgumentOutOfRangeException>(() => bits.Probabilities(new[] { 0.5, 0, 0, 0, 0 }, new double[2]));
        Assert.All(Load("Gaussians", "Left", "Right", "Wide").Model.Hamiltonians, h => Assert.False(h.InputsAreBits));
    }

    [Fact]
    public void Model_exposes_the_networks_and_priors()
    {
        var (_, _, model, _, _) = Load("Gaussians", "Left", "Right", "Wide");
        Assert.Equal(3, model.ClassCount);
        Assert.Equal(-Math.Log(0.5), model.Mu[1], 15);
        Assert.Equal(3 + model.Hamiltonians.Sum(h => h.Neurons), model.Neurons);
    }

    [Fact]
    public void Generated_classifier_compiles_without_warnings()
    {
        var (output, run) = BitTestCompilation.RunGenerator(TestCompilation.Create(Source));
        Assert.Equal(3, run.GeneratedTrees.Count(t => t.FilePath.EndsWith("Classifier.g.cs", StringComparison.Ordinal)));
        Assert.Empty(TestCompilation.Problems(output));
    }
}
