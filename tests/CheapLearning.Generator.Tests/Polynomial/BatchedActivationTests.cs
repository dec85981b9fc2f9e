using System;
using System.Linq;
using System.Reflection;
using CheapLearning.Generator.Tests.Infrastructure;

namespace CheapLearning.Generator.Tests.Polynomials;

/// <summary>
/// The batch engine (vectorized affine maps and σ) behind the generated batched overloads and
/// NetworkModel.Evaluate(rows, destination), for every activation and both forms: every value on random points and
/// the box's corners is within the network's proven bound of the exact polynomial (TestKit oracle), with the only
/// slack the tests grant anywhere (4 ulps of p(x) for the final rounding).
/// </summary>
public class BatchedActivationTests
{
    private static readonly string[] Methods = { "Product", "Cubic", "Product4" };

    private static string Source(string activation) => $$"""
        using CheapLearning;
        namespace A
        {
            public static partial class C
            {
                [PolynomialNetwork(Activation = Activation.{{activation}}, Form = NetworkForm.Both, Tolerance = 1e-6)]
                public static double Product(double x, double y) => x * y;

                [PolynomialNetwork(Activation = Activation.{{activation}}, Form = NetworkForm.Both, Tolerance = 1e-5, InputBound = 2)]
                public static double Cubic(double a, double b, double c) => (a + b) * (a - b) * c - 3 * a * c + 0.5;

                [PolynomialNetwork(Activation = Activation.{{activation}}, Form = NetworkForm.Both, Tolerance = 1e-4)]
                public static double Product4(double a, double b, double c, double d) => a * b * c * d;
            }

        }
        """;

    public static TheoryData<string> Activations => new() { "Softplus", "Sigmoid", "Tanh", "Exp", "ReLU" };

    [Theory]
    [MemberData(nameof(Activations))]
    public void Batched_values_are_within_the_proven_bound_of_the_exact_polynomial_for_every_form(string activation)
    {
        string source = Source(activation);
        // A flat form that was not built (over budget) is a stand-in whose use is an error: the driver calls only built forms.
        var (_, run) = TestCompilation.RunGenerator(TestCompilation.Create(source));
        var calls = from method in Methods
                    let file = run.GeneratedTrees.Select(t => t.ToString()).Single(t => t.Contains($"class {method}Network"))
                    from form in new[] { "Deep", "Flat" }
                    where form == "Deep" || !file.Contains("Obsolete(")
                    select $"if (name == \"{method}.{form}\") {{ C.{method}Network.{form}({string.Join(", ", Enumerable.Range(0, method == "Product" ? 2 : method == "Cubic" ? 3 : 4).Select(c => $"x[{c}]"))}, d); return; }}";
        var assembly = TestCompilation.BuildAndLoad(source + "\nnamespace A { public static class Driver { public static void Run(string name, double[][] x, double[] d) { "
                                                    + string.Join(" ", calls) + " throw new System.ArgumentException(name); } } }");
        var random = new Random(TestKit.Seeds.Stable(nameof(BatchedActivationTests) + activation));
        int checkedValues = 0;
        foreach (var method in Methods)
        {
            var network = assembly.GetType($"A.C+{method}Network")!;
            var oracle = TestKit.PolynomialOracle.FromSource(source, "C", method);
            foreach (var form in new[] { "Deep", "Flat" })
            {
                if (network.ScalarEvaluator(form) is not { } scalar || scalar.GetCustomAttribute<ObsoleteAttribute>() is not null) continue;
                var model = (NetworkModel)network.GetProperty(form + "Model")!.GetValue(null)!;
                int n = model.InputCount, points = 1500;
                double r = model.InputBound;
                // Corners first (every sign pattern of ±R), then random points of the box, half of them near 0.
                var columns = Enumerable.Range(0, n).Select(c => Enumerable.Range(0, points).Select(i =>
                    i < (1 << n) ? ((i >> c & 1) == 0 ? -r : r) : (2 * random.NextDouble() - 1) * r * (i % 2 == 0 ? 1 : 1e-3)).ToArray()).ToArray();
                var generated = new double[points];
                Invoke(assembly.GetType("A.Driver")!.GetMethod("Run")!, method + "." + form, columns, generated);
                var rows = Enumerable.Range(0, points).SelectMany(i => columns.Select(c => c[i])).ToArray();
                var fromModel = new double[points];
                model.Evaluate(rows, fromModel);
                for (int i = 0; i < points; i++)
                {
                    var x = columns.Select(c => c[i]).ToArray();
                    double slack = model.ErrorBound + TestKit.PolynomialOracle.Slack(oracle.Value(x).ToDouble());
                    Assert.True(oracle.ExactError(generated[i], x) <= slack,
                        $"{activation} {method}.{form} batched: |y − p| = {oracle.ExactError(generated[i], x):G3} > bound {model.ErrorBound:G3} at {oracle.Describe(x)}");
                    Assert.True(oracle.ExactError(fromModel[i], x) <= slack,
                        $"{activation} {method}.{form}Model rows: |y − p| = {oracle.ExactError(fromModel[i], x):G3} > bound {model.ErrorBound:G3} at {oracle.Describe(x)}");
                    checkedValues += 2;
                }
            }
        }
        Assert.True(checkedValues >= 2 * 3 * 1500, $"only {checkedValues} values checked"); // at least every Deep form
    }

    private static void Invoke(MethodInfo driver, string name, double[][] columns, double[] destination)
    {
        try
        {
            driver.Invoke(null, new object[] { name, columns, destination });
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
        }
    }
}
