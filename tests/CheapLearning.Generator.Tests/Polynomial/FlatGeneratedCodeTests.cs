using System;
using System.Linq;
using System.Reflection;
using CheapLearning.Generator.Tests.Infrastructure;

namespace CheapLearning.Generator.Tests.Polynomials;

public class FlatGeneratedCodeTests
{
    private const string Source = """
        using CheapLearning;
        namespace Demo;
        public static partial class Flat
        {
            [PolynomialNetwork(Form = NetworkForm.Both, Tolerance = 1e-3, InputBound = 1.5)]
            public static double Mixed(double x, double y, float z) => x * y * z - 0.5 * x * x + 2 * y + 1;

            [PolynomialNetwork(Form = NetworkForm.Flat, Tolerance = 1e-6)]
            public static double Cubic(double t) => t * t * t - 2 * t + 0.25;

            [PolynomialNetwork(Form = NetworkForm.Both, Tolerance = 1e-6, MaxFlatNeurons = 4096)]
            public static double Product12(double a, double b, double c, double d, double e, double f, double g, double h, double i, double j, double k, double l)
                => a * b * c * d * e * f * g * h * i * j * k * l;

            [PolynomialNetwork(Form = NetworkForm.Both)]
            public static double Product13(double a, double b, double c, double d, double e, double f, double g, double h, double i, double j, double k, double l, double m)
                => a * b * c * d * e * f * g * h * i * j * k * l * m;
        }
        """;

    private static readonly Lazy<Assembly> Built = new(() => TestCompilation.BuildAndLoad(Source));

    private static Type Network(string name) => Built.Value.GetType("Demo.Flat+" + name + "Network")!;

    [Fact]
    public void Golden_flat_and_deep_product_evaluators()
    {
        const string product = """
            using CheapLearning;
            namespace Demo;
            public static partial class Gates
            {
                [PolynomialNetwork(Form = NetworkForm.Both, Tolerance = 1e-9)]
                public static double P(double x, double y) => x * y;
            }
            """;
        var (output, run) = TestCompilation.RunGenerator(TestCompilation.Create(product));
        Assert.Empty(TestCompilation.Problems(output));
        Golden.Match("FlatProduct.g.cs", Assert.Single(run.GeneratedTrees).ToString());
    }

    /// <summary>
    /// Found by a consumer project: a Flat-only class lacked the InputBound, Scale and Degree constants that README's
    /// "What you get" promises for every annotated method (CS0117 on use).
    /// </summary>
    [Fact]
    public void A_flat_only_class_has_input_bound_scale_and_degree()
    {
        var type = Network("Cubic");
        Assert.Null(type.GetProperty("DeepModel"));
        Assert.Equal(1.0, (double)type.GetField("InputBound")!.GetValue(null)!);
        Assert.Equal(3.25, (double)type.GetField("Scale")!.GetValue(null)!);   // |1| + |−2| + |0.25| at R = 1
        Assert.Equal(3, (int)type.GetField("Degree")!.GetValue(null)!);
    }

    [Fact]
    public void Flat_evaluator_matches_its_model_bit_for_bit_and_meets_its_bound()
    {
        var type = Network("Mixed");
        var flat = type.ScalarEvaluator("Flat")!;
        var model = (NetworkModel)type.GetProperty("FlatModel")!.GetValue(null)!;
        double bound = (double)type.GetField("FlatErrorBound")!.GetValue(null)!;
        Assert.Equal(1, model.HiddenLayers);
        // xyz: 8, x²: 3, y: 2 neurons; x² and xyz have different degrees, so nothing is shared.
        Assert.Equal(13, model.Neurons);
        Assert.Equal(bound, model.ErrorBound);
        ExactChecks.AssertNetwork(Source, "Flat", "Mixed", flat, model, tolerance: 1e-3, randomPoints: 300, seed: 5);
        Assert.NotNull(type.ScalarEvaluator("Deep"));
    }

    [Fact]
    public void Form_Flat_emits_no_deep_evaluator_and_a_univariate_cubic_uses_4_neurons()
    {
        var type = Network("Cubic");
        Assert.Null(type.ScalarEvaluator("Deep"));
        var model = (NetworkModel)type.GetProperty("FlatModel")!.GetValue(null)!;
        Assert.Equal(4, model.Neurons);
        ExactChecks.AssertNetwork(Source, "Flat", "Cubic", type.ScalarEvaluator("Flat")!, model, tolerance: 1e-6, randomPoints: 300, seed: 6);
    }

    [Fact]
    public void A_product_of_12_fits_the_default_budget_with_4096_neurons_and_13_does_not()
    {
        var twelve = (NetworkModel)Network("Product12").GetProperty("FlatModel")!.GetValue(null)!;
        Assert.Equal(4096, twelve.Neurons);
        Assert.Equal(1, twelve.HiddenLayers);
        // All 4096 corners (where |p| = S) and random points, against the exact product.
        ExactChecks.AssertNetwork(Source, "Flat", "Product12", Network("Product12").ScalarEvaluator("Flat")!, twelve, tolerance: 1e-6, randomPoints: 200, seed: 12);
        var thirteen = Network("Product13");
        // Not built, yet present: a use is a compile error naming why (CHEAP010: 2¹³ neurons over the budget), not CS0117.
        foreach (var member in new MemberInfo[] { thirteen.ScalarEvaluator("Flat")!, thirteen.GetProperty("FlatModel")!, thirteen.GetField("FlatErrorBound")! })
        {
            var obsolete = member.GetCustomAttribute<ObsoleteAttribute>()!;
            Assert.True(obsolete.IsError);
            Assert.StartsWith("CHEAP010: The flat form of 'Product13' needs 8,192 neurons", obsolete.Message);
        }
        Assert.NotNull(thirteen.ScalarEvaluator("Deep"));
    }
}

public class DepthGeneratedCodeTests
{
    [Theory]
    [InlineData("[PolynomialNetwork(Form = NetworkForm.Flat)] public static double F(double x) => 3;")]
    [InlineData("[PolynomialNetwork(Form = NetworkForm.Both)] public static double F(double x) => x - x;")]
    [InlineData("[PolynomialNetwork(Form = NetworkForm.Flat, CheckInputs = false, Activation = Activation.Tanh)] public static double F(float x, double @class) => x * @class - @class;")]
    [InlineData("[PolynomialNetwork(Form = NetworkForm.Flat)] public static double F(double x) => System.Math.Pow(x, 20);")]
    [InlineData("[PolynomialNetwork(HiddenLayers = 1, Activation = Activation.Exp)] public static double F(double x, double y, double z) => x * y * z + x * x;")]
    [InlineData("[PolynomialNetwork(HiddenLayers = 2, Form = NetworkForm.Both)] public static double F(double x) => System.Math.Pow(x + 1, 9);")]
    public void Edge_cases_generate_compilable_code(string member)
    {
        var (output, run) = TestCompilation.RunGenerator(TestCompilation.Create("using CheapLearning;\nnamespace N;\npublic static partial class C { " + member + " }"));
        Assert.Empty(run.Diagnostics);
        Assert.Single(run.GeneratedTrees);
        Assert.Empty(TestCompilation.Problems(output));
    }

    [Fact]
    public void HiddenLayers_k_builds_the_deep_evaluator_with_at_most_k_hidden_layers()
    {
        const string source = """
            using CheapLearning;
            namespace Demo;
            public static partial class D
            {
                [PolynomialNetwork(HiddenLayers = 2, Tolerance = 1e-6)]
                public static double P(double a, double b, double c, double d, double e, double f, double g, double h, double i)
                    => a * b * c * d * e * f * g * h * i + a;
            }
            """;
        var type = TestCompilation.BuildAndLoad(source).GetType("Demo.D+PNetwork")!;
        var model = (NetworkModel)type.GetProperty("DeepModel")!.GetValue(null)!;
        Assert.Equal(2, model.HiddenLayers);
        // a·…·i: 9 → 3 groups of 3 (24) → 1 (8); a: two 2-neuron copies.
        Assert.Equal(24 + 8 + 2 + 2, model.Neurons);
        ExactChecks.AssertNetwork(source, "D", "P", type.ScalarEvaluator("Deep")!, model, tolerance: 1e-6, randomPoints: 200, seed: 2);
    }
}
