using System;
using CheapLearning.Generator.Tests.Infrastructure;

namespace CheapLearning.Generator.Tests.Polynomials;

/// <summary>
/// A local that is computed but never reaches the return value builds no gates. Found by the random
/// programs (seed 430783201): the dead product acc³·a formed a hidden layer above the output's last one,
/// and the output map pointed at neurons that layer did not have (CS0103 in the generated code).
/// </summary>
public class DeadLocalTests
{
    private const string Source = """
        using System;
        using CheapLearning;
        namespace Demo;
        public static partial class Dead
        {
            [PolynomialNetwork(InputBound = 0.5, Activation = Activation.Exp, Tolerance = 1e-6)]
            public static double M1(double a, double z, double acc, double q)
            {
                double t0 = Math.Pow(acc, 3);
                t0 *= a;
                return Math.Pow(-a - acc, 3) - (a / 3.0) * q;
            }

            [PolynomialNetwork(Tolerance = 1e-9)]
            public static double M2(double x, double y)
            {
                double unused = x * x * x * x * y;
                return x * y;
            }
        }
        """;

    [Theory]
    [InlineData("M1", 2)]   // (−a−acc)² in layer 1, times (−a−acc) in layer 2; a·q copied up
    [InlineData("M2", 1)]
    public void Dead_locals_build_no_gates_and_the_network_meets_its_bound(string method, int hiddenLayers)
    {
        var type = TestCompilation.BuildAndLoad(Source).GetType("Demo.Dead+" + method + "Network")!;
        var model = (NetworkModel)type.GetProperty("DeepModel")!.GetValue(null)!;
        Assert.Equal(hiddenLayers, model.HiddenLayers);
        ExactChecks.AssertNetwork(Source, "Dead", method, type.ScalarEvaluator("Deep")!, model, tolerance: method == "M1" ? 1e-6 : 1e-9, randomPoints: 500, seed: 17);
    }
}
