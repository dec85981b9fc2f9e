using System;
using System.Linq;
using System.Reflection;
using CheapLearning.Generator.Tests.Infrastructure;

namespace CheapLearning.Generator.Tests.Common;

/// <summary>
/// The named weight constants and activation forwarders a generated class shares (SharedMembers): parameters named
/// like them cannot shadow them, and the evaluators still equal their models bit for bit and meet their bounds
/// against the exact oracle (deep and flat, inline and span-mode, float inputs, every activation the emitter forwards).
/// </summary>
public class SharedMembersTests
{
    // Wide (30 inputs, ~435 multiplication gates) is large enough for the span-mode evaluator, whose helper methods
    // read the constants too.
    private static readonly string[] WideInputs = new[] { "_c0" }.Concat(Enumerable.Range(1, 29).Select(i => "x" + i)).ToArray();

    private static readonly string Source = $$"""
        using CheapLearning;
        namespace Demo;
        public static partial class Shared
        {
            [PolynomialNetwork(Form = NetworkForm.Both, Tolerance = 1e-6)]
            public static double Named(double _c0, double _Softplus, float c0) => _c0 * _Softplus * c0 - 0.75 * _c0 * _c0 + 2 * c0;

            [PolynomialNetwork(Activation = Activation.Tanh, Tolerance = 1e-6)]
            public static double Tanh(double _Tanh, double _c1) => _Tanh * _Tanh * _c1 - _c1;

            [PolynomialNetwork(Activation = Activation.Sigmoid, Tolerance = 1e-6, InputBound = 2)]
            public static double Sigmoid(double _Sigmoid, double __c0) => _Sigmoid * __c0 + 0.5 * __c0 * __c0;

            [PolynomialNetwork(Activation = Activation.Exp, Tolerance = 1e-6)]
            public static double Exp(double _Exp, double y) => _Exp * y * y;

            [PolynomialNetwork(Activation = Activation.ReLU, Tolerance = 1e-4)]
            public static double Relu(double _ReLU, double y) => _ReLU * y + y;

            [PolynomialNetwork(Tolerance = 1e-6)]
            public static double Wide({{string.Join(", ", WideInputs.Select(x => "double " + x))}})
                => {{string.Join(" + ", from i in Enumerable.Range(0, 30) from j in Enumerable.Range(i + 1, 29 - i) select $"{((i * 7 + j * 3) % 11 - 5) * 0.25:R} * {WideInputs[i]} * {WideInputs[j]}")}};
        }
        """;

    private static readonly Lazy<Assembly> Built = new(() => TestCompilation.BuildAndLoad(Source));

    [Theory]
    [InlineData("Named", "Deep", 1e-6)]
    [InlineData("Named", "Flat", 1e-6)]
    [InlineData("Tanh", "Deep", 1e-6)]
    [InlineData("Sigmoid", "Deep", 1e-6)]
    [InlineData("Exp", "Deep", 1e-6)]
    [InlineData("Relu", "Deep", 1e-4)]
    [InlineData("Wide", "Deep", 1e-6)]
    public void Parameters_named_like_shared_members_compile_and_evaluators_equal_their_models(string method, string form, double tolerance)
    {
        var type = Built.Value.GetType("Demo.Shared+" + method + "Network")!;
        var evaluator = type.ScalarEvaluator(form)!;
        var model = (NetworkModel)type.GetProperty(form + "Model")!.GetValue(null)!;
        ExactChecks.AssertNetwork(Source, "Shared", method, evaluator, model, tolerance, randomPoints: 200, seed: 17);
    }

    [Fact]
    public void Wide_is_written_in_span_mode_with_the_shared_constants()
    {
        var (output, run) = TestCompilation.RunGenerator(TestCompilation.Create(Source));
        Assert.Empty(TestCompilation.Problems(output));
        string wide = run.GeneratedTrees.Single(t => t.FilePath.Contains("Wide", StringComparison.Ordinal)).ToString();
        Assert.Contains("private static void __DeepLayer1Neurons_0(global::System.ReadOnlySpan<double> x, global::System.Span<double> y)", wide);
        Assert.Contains("= __Softplus(", wide);
        Assert.Contains("private const double __c0 = ", wide);
    }

    [Fact]
    public void Repeated_weights_are_declared_once_and_the_activation_is_forwarded()
    {
        const string product = """
            using CheapLearning;
            namespace Demo;
            public static partial class Gates
            {
                [PolynomialNetwork]
                public static double P(double x, double y, double z) => x * y * z;
            }
            """;
        var (output, run) = TestCompilation.RunGenerator(TestCompilation.Create(product));
        Assert.Empty(TestCompilation.Problems(output));
        string text = Assert.Single(run.GeneratedTrees).ToString();
        // Every gate of the product has the same λ and bias (paper Eqs 10–11): each literal appears once, in its declaration.
        var declarations = text.Split('\n').Where(l => l.TrimStart().StartsWith("private const double _c", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(declarations);
        foreach (var line in declarations)
        {
            string literal = line.Substring(line.IndexOf("= ", StringComparison.Ordinal) + 2).TrimEnd(';');
            Assert.Equal(1, CountOf(text, literal));
        }
        Assert.Equal(1, CountOf(text, "global::CheapLearning.ActivationFunctions.Softplus("));
    }

    private static int CountOf(string text, string part)
    {
        int count = 0;
        for (int at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
