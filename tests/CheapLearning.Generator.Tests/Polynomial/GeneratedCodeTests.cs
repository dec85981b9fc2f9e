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
