using System;
using System.IO;
using System.Linq;
using System.Reflection;
using CheapLearning.Generator.Tests.Infrastructure;
using CheapLearning.TestKit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CheapLearning.Generator.Tests.Polynomials;

/// <summary>
/// <c>static double F(double x, double y = 2)</c> lets a user call <c>F(1)</c>; the generated <c>Deep(...)</c> and
/// <c>Flat(...)</c> did not carry the defaults, so <c>FNetwork.Deep(1)</c> was CS7036. The scalar evaluators now repeat
/// the method's default values bit for bit; the batched overloads take one span per input, as before (a span has no
/// default other than empty, which is not "every point at y = 2").
/// </summary>
public class DefaultParameterTests
{
    // Block namespace: the same source is compiled at C# 7.3 below.
    private const string Source = """
        using System.Runtime.InteropServices;
        using CheapLearning;
        namespace Demo
        {
            public static partial class Defaults
            {
                private const double Half = -0.5;

                [PolynomialNetwork(InputBound = 2, Form = NetworkForm.Both)]
                public static double F(double x, double y = 2, float z = 0.1f, double w = Half * 3 + 1e-300) => x * y + z * z * w - y * x * x;

                [PolynomialNetwork(CheckInputs = false)]
                public static double Odd(double x, double a = -0.0, double b = double.NaN, float c = float.Epsilon, double d = double.Epsilon,
                                         double e = default(double), double f = 0.1 + 0.2, double g = 1e300, float h = -3.4e38f, double i = 'a')
                    => x * x;

                [PolynomialNetwork]
                public static double Marked([Optional] double a, double b, [Optional] double c, [Optional, DefaultParameterValue(0.25)] double d) => a * b + c * d;

                // What a consumer writes: the network called as the method is.
                public static double CallDeep(double x) => FNetwork.Deep(x);
                public static double CallDeepY(double x, double y) => FNetwork.Deep(x, y);
                public static double CallFlat(double x) => FNetwork.Flat(x);
                public static double CallMethod(double x) => F(x);
                public static double CallMarked(double a, double b) => MarkedNetwork.Deep(a, b);
            }
        }
        """;

    private static MethodInfo Consumer(Assembly assembly, string name) => assembly.GetType("Demo.Defaults")!.GetMethod(name)!;

    [Fact]
    public void Deep_and_Flat_called_without_the_defaulted_inputs_are_within_the_bound_of_the_exact_polynomial()
    {
        var assembly = TestCompilation.BuildAndLoad(Source);
        var network = assembly.GetType("Demo.Defaults+FNetwork")!;
        var oracle = PolynomialOracle.FromSource(Source, "Defaults", "F");
        var deepModel = (NetworkModel)network.GetProperty("DeepModel")!.GetValue(null)!;
        var flatModel = (NetworkModel)network.GetProperty("FlatModel")!.GetValue(null)!;
        var random = new Random(Seeds.Stable(nameof(Deep_and_Flat_called_without_the_defaulted_inputs_are_within_the_bound_of_the_exact_polynomial)));
        // Hand-derived defaults: y = 2, z = 0.1f (as a double), w = -0.5·3 + 1e-300, which rounds to -1.5.
        const double y = 2, z = 0.100000001490116119384765625, w = -1.5;
        for (int k = 0; k <= 600; k++)
        {
            double x = k <= 200 ? -2 + k / 50.0 : (2 * random.NextDouble() - 1) * 2, y2 = (2 * random.NextDouble() - 1) * 2;
            double exact = oracle.Value(new[] { x, y, z, w }).ToDouble();
            foreach (var (name, model) in new[] { ("CallDeep", deepModel), ("CallFlat", flatModel) })
            {
                double value = (double)Consumer(assembly, name).Invoke(null, new object[] { x })!;
                Assert.Equal(BitConverter.DoubleToInt64Bits(model.Evaluate(new[] { x, y, z, w })), BitConverter.DoubleToInt64Bits(value));
                double error = oracle.ExactError(value, new[] { x, y, z, w });
                Assert.True(error <= model.ErrorBound + PolynomialOracle.Slack(exact), $"{name}({x:R}): error {error:G3} > bound {model.ErrorBound:G3}");
            }
            double withY = (double)Consumer(assembly, "CallDeepY").Invoke(null, new object[] { x, y2 })!;
            double errorY = oracle.ExactError(withY, new[] { x, y2, z, w });
            Assert.True(errorY <= deepModel.ErrorBound + PolynomialOracle.Slack(oracle.Value(new[] { x, y2, z, w }).ToDouble()), $"Deep({x:R}, {y2:R}): error {errorY:G3}");
        }
        // The method called the same way uses the defaults the oracle was given (F rounds z * z to float, so compare F with F).
        double m = (double)Consumer(assembly, "CallMethod").Invoke(null, new object[] { 1.25 })!;
        double full = (double)Consumer(assembly, "F").Invoke(null, new object[] { 1.25, y, (float)z, w })!;
        Assert.Equal(BitConverter.DoubleToInt64Bits(full), BitConverter.DoubleToInt64Bits(m));
    }

    /// <summary>
    /// Every default value of the generated evaluator is the method's, bit for bit: −0.0 keeps its sign, NaN, float.Epsilon,
    /// double.Epsilon, default, 0.1 + 0.2, 1e300, −3.4e38f, a char converted to double.
    /// </summary>
    [Theory]
    [InlineData("Odd", "Deep")]
    [InlineData("F", "Deep")]
    [InlineData("F", "Flat")]
    [InlineData("Marked", "Deep")]
    public void The_scalar_evaluator_repeats_each_default_bit_for_bit(string method, string evaluator)
    {
        var assembly = TestCompilation.BuildAndLoad(Source);
        var user = assembly.GetType("Demo.Defaults")!.GetMethod(method)!.GetParameters();
        var generated = assembly.GetType($"Demo.Defaults+{method}Network")!.ScalarEvaluator(evaluator)!.GetParameters();
        Assert.Equal(user.Length, generated.Length);
        for (int i = 0; i < user.Length; i++)
        {
            // [Optional] before a required parameter (Marked's a) cannot be repeated in C# syntax: that input is passed.
            bool expected = user[i].IsOptional && user.Skip(i).All(p => p.IsOptional);
            Assert.Equal(expected, generated[i].IsOptional);
            if (!expected) continue;
            object? want = user[i].HasDefaultValue ? user[i].DefaultValue : (user[i].ParameterType == typeof(float) ? 0f : 0.0);
            object? got = generated[i].DefaultValue;
            Assert.Equal(user[i].ParameterType, generated[i].ParameterType);
            Assert.True(want is double wd ? got is double gd && BitConverter.DoubleToInt64Bits(wd) == BitConverter.DoubleToInt64Bits(gd)
                                          : got is float gf && want is float wf && BitConverter.SingleToInt32Bits(wf) == BitConverter.SingleToInt32Bits(gf),
                        $"{method} parameter {user[i].Name}: default {want} vs generated {got}");
        }
    }

    [Fact]
    public void Marked_optional_parameters_follow_the_methods_call_rules()
    {
        var assembly = TestCompilation.BuildAndLoad(Source);
        var oracle = PolynomialOracle.FromSource(Source, "Defaults", "Marked");
        var model = (NetworkModel)assembly.GetType("Demo.Defaults+MarkedNetwork")!.GetProperty("DeepModel")!.GetValue(null)!;
        for (int k = 0; k <= 100; k++)
        {
            double a = -1 + k / 50.0, b = 1 - k / 50.0;
            double value = (double)Consumer(assembly, "CallMarked").Invoke(null, new object[] { a, b })!;
            // [Optional] c without a value is default(double) = 0; d is 0.25.
            var x = new[] { a, b, 0.0, 0.25 };
            Assert.True(oracle.ExactError(value, x) <= model.ErrorBound + PolynomialOracle.Slack(oracle.Value(x).ToDouble()));
        }
    }

    /// <summary>
    /// A default read from a constant of another file follows that constant: the front end's memo (SemanticFingerprint)
    /// covers the names a default uses, so an edit of the other file alone regenerates Deep with the new default.
    /// </summary>
    [Fact]
    public void A_default_from_a_constant_in_another_file_follows_an_edit_of_that_file()
    {
        const string method = "namespace D { public static partial class C { [CheapLearning.PolynomialNetwork] public static double F(double x, double y = K.Y) => x * y; } }";
        const string constants = "namespace D { public static class K { public const double Y = 0.5; } }";
        var compilation = TestCompilation.Create(method, constants);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { new PolynomialNetworkGenerator().AsSourceGenerator() }, parseOptions: TestCompilation.ParseOptions);
        driver = driver.RunGenerators(compilation);
        Assert.Contains("Deep(double x, double y = 0.5)", driver.GetRunResult().GeneratedTrees.Single().ToString());
        // A second run over the same trees, so the memo holds the method's spec under a fingerprint (a node's first
        // sighting takes none) and the edit below meets it.
        compilation = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("", TestCompilation.ParseOptions, "Empty.cs"));
        driver = driver.RunGenerators(compilation);
        var old = compilation.SyntaxTrees.Single(t => t.FilePath == "Test1.cs");
        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(old, old.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(constants.Replace("0.5", "-0.25", StringComparison.Ordinal)))));
        Assert.Contains("Deep(double x, double y = -0.25)", driver.GetRunResult().GeneratedTrees.Single().ToString());
    }

    /// <summary>The generated defaults compile at C# 7.3 (netstandard2.0's default) without a warning.</summary>
    [Fact]
    public void The_defaults_compile_at_CSharp_7_3_without_warnings()
    {
        var (output, run) = TestCompilation.RunAllGenerators(TestCompilation.Create(LanguageVersion.CSharp7_3, Source));
        Assert.Empty(run.Diagnostics);
        using var stream = new MemoryStream();
        var emit = output.Emit(stream);
        var problems = emit.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(emit.Success && problems.Count == 0, string.Join("\n", problems.Take(10)));
        string generated = string.Join("\n", run.GeneratedTrees.Select(t => t.ToString()));
        Assert.Contains("public static double Deep(double x, double a = -0.0, double b = double.NaN, float c = 1E-45f, double d = 5E-324, double e = 0.0, "
                        + "double f = 0.30000000000000004, double g = 1E+300, float h = -3.4E+38f, double i = 97.0)", generated);
        Assert.Contains("public static double Deep(double x, double y = 2.0, float z = 0.1f, double w = -1.5)", generated);
    }
}
