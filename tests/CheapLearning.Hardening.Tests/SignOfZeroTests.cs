using System;
using System.Linq;
using CheapLearning.Hardening.Tests.Infrastructure;

namespace CheapLearning.Hardening.Tests;

/// <summary>
/// Found by a consumer project: <c>Deep</c> and <c>DeepModel.Evaluate</c> are promised bit for bit, but where a row's
/// bias is zero the evaluator writes the sum from its first term while the model started from the bias, so at a
/// zero result the evaluator gave −0 and the model +0 (e.g. −1e10·x − 1e10·y at the origin). Fix:
/// SparseAffineMap.Apply starts such rows as the evaluators do.
/// </summary>
public class SignOfZeroTests
{
    [Fact]
    public void Deep_and_its_model_agree_on_the_sign_of_a_zero_result()
    {
        const string source = """
            using CheapLearning;
            namespace Z;
            public static partial class P
            {
                [PolynomialNetwork] public static double Linear(double x, double y) => -1e10 * x - 1e10 * y;
                [PolynomialNetwork] public static double Negated(double x, double y) => -x + 0 * y;
                [PolynomialNetwork(Activation = Activation.ReLU)] public static double Relu(double x, double y) => -x * y;
                [BitNetwork(Activation = Activation.ReLU)] public static int Bits(bool a, bool b) => (a & !b ? 1 : 0) - (b ? 1 : 0);
            }
            """;
        var outcome = Harness.Run(Harness.Create(source));
        outcome.AssertNoCrash("sign of zero");
        var assembly = Harness.EmitAndLoad(outcome.Output, out var context);
        try
        {
            int zeros = 0;
            double[] values = { -1, -0.5, -0.0, 0.0, 0.5, 1 };
            foreach (var name in new[] { "Linear", "Negated", "Relu", "Bits" })
            {
                var type = assembly.GetType($"Z.P+{name}Network")!;
                var deep = type.GetMethods().Single(m => m.Name == "Deep" && m.GetParameters().Length == 2);
                var model = (NetworkModel)type.GetProperty("DeepModel")!.GetValue(null)!;
                bool bits = deep.GetParameters()[0].ParameterType == typeof(bool);
                foreach (double x in bits ? new[] { 0.0, 1.0 } : values)
                    foreach (double y in bits ? new[] { 0.0, 1.0 } : values)
                    {
                        var args = bits ? new object[] { x == 1, y == 1 } : new object[] { x, y };
                        double fromDeep = (double)deep.Invoke(null, args)!, fromModel = model.Evaluate(new[] { x, y });
                        Assert.True(BitConverter.DoubleToInt64Bits(fromDeep) == BitConverter.DoubleToInt64Bits(fromModel),
                                    $"{name}({x:R}, {y:R}): Deep {fromDeep:R}, Evaluate {fromModel:R}");
                        if (fromDeep == 0) zeros++;
                    }
            }
            Assert.True(zeros >= 10, $"only {zeros} zero results: the test no longer reaches the case it is about");
        }
        finally
        {
            context.Unload();
        }
    }
}
