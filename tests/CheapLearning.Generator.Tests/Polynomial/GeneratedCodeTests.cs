using System;
using System.Linq;
using CheapLearning.Generator.Tests.Infrastructure;

namespace CheapLearning.Generator.Tests.Polynomials;

public class GeneratedCodeTests
{
    private const string Product = """
        using CheapLearning;
        namespace Demo;
        public static partial class Gates
        {
            [PolynomialNetwork(Tolerance = 1e-10)]
            public static double P(double x, double y) => x * y;
        }
        """;

    [Fact]
    public void Golden_product_evaluator()
    {
        var (output, run) = TestCompilation.RunGenerator(TestCompilation.Create(Product));
        Assert.Empty(TestCompilation.Problems(output));
        var generated = Assert.Single(run.GeneratedTrees);
        Golden.Match("Product.g.cs", generated.ToString());
    }

    /// <summary>Math.Pow with named arguments in either order is the power it names (FrontEndDiagnosticsTests has the 2^x case).</summary>
    [Fact]
    public void Math_Pow_with_named_arguments_builds_the_named_power()
    {
        var assembly = TestCompilation.BuildAndLoad("""
            using CheapLearning;
            public static partial class C
            {
                [PolynomialNetwork] public static double Cube(double x) => System.Math.Pow(y: 3, x: x) + System.Math.Pow(x, y: 2);
            }
            """);
        var type = assembly.GetType("C+CubeNetwork")!;
        var deep = type.ScalarEvaluator("Deep")!;
        double bound = (double)type.GetField("DeepErrorBound")!.GetValue(null)!;
        Assert.Equal(3, (int)type.GetField("Degree")!.GetValue(null)!);
        // Dyadic points: x³ + x² is exact in double there, so the reference carries no rounding of its own.
        foreach (double x in new[] { -1, -0.75, -0.5, -0.125, 0, 0.25, 0.625, 1 })
        {
            double exact = x * x * x + x * x, network = (double)deep.Invoke(null, new object[] { x })!;
            Assert.True(Math.Abs(network - exact) <= bound, $"x = {x}: network {network:R}, x³ + x² = {exact:R}, bound {bound:R}");
        }
    }

    [Theory]
    [InlineData("public static partial class C { [PolynomialNetwork] public static double F(double x) => 3 * x - 1; }")]
    [InlineData("public static partial class C { [PolynomialNetwork] public static double F() => 42; }")]
    [InlineData("public partial struct S { [PolynomialNetwork(Activation = Activation.Tanh)] internal static double F(float a, double b) => a * b * a; }")]
    [InlineData("public partial record R { public static partial class Inner { [PolynomialNetwork(CheckInputs = false)] private static double F(double @class, double y) { double t = @class + y; t *= t; return t - 1; } } }")]
    [InlineData("public partial record struct RS { [PolynomialNetwork(Activation = Activation.Exp)] public static double F(double x) => System.Math.Pow(x - 1, 5) / 4; }")]
    public void Generated_source_compiles_without_warnings(string type)
    {
        var (output, run) = TestCompilation.RunGenerator(TestCompilation.Create("using CheapLearning;\nnamespace N;\n" + type));
        Assert.Single(run.GeneratedTrees);
        Assert.Empty(TestCompilation.Problems(output));
    }

    [Fact]
    public void Global_namespace_and_nested_types_compile()
    {
        const string source = """
            using CheapLearning;
            partial class Outer
            {
                partial class Middle
                {
                    [PolynomialNetwork(InputBound = 3)]
                    public static double F(double x, double y) => x * x * y + y;
                }
            }
            """;
        var (output, run) = TestCompilation.RunGenerator(TestCompilation.Create(source));
        Assert.Single(run.GeneratedTrees);
        Assert.Empty(TestCompilation.Problems(output));
    }
}
