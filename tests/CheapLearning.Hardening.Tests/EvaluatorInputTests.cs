using System;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using CheapLearning.Hardening.Tests.Infrastructure;

namespace CheapLearning.Hardening.Tests;

/// <summary>
/// Evaluator inputs: outside InputBound → ArgumentOutOfRangeException naming the parameter and the
/// bound (unless CheckInputs = false); NaN or ∞ → NaN; Deep and DeepModel.Evaluate agree on all
/// of it; the generated XML docs say so.
/// </summary>
public sealed class EvaluatorInputTests : IDisposable
{
    private const string Source = """
        using CheapLearning;
        namespace E;
        public static partial class P
        {
            [PolynomialNetwork(InputBound = 2.5)]
            public static double Checked(double x, float y) => x * y - 3 * y * y + 1;

            [PolynomialNetwork(InputBound = 2.5, CheckInputs = false)]
            public static double Unchecked(double x, float y) => x * y - 3 * y * y + 1;

            [PolynomialNetwork(InputBound = 0.75)]
            public static double Named(double @class, double nameof) => @class * nameof + 1;
        }
        """;

    private readonly AssemblyLoadContext _context;
    private readonly Assembly _assembly;
    private readonly string _generated;

    public EvaluatorInputTests()
    {
        var outcome = Harness.Run(Harness.Create(Source));
        outcome.AssertNoCrash("evaluator inputs");
        _generated = string.Join("\n", outcome.Sources.Select(s => s.SourceText.ToString()));
        _assembly = Harness.EmitAndLoad(outcome.Output, out _context);
    }

    public void Dispose() => _context.Unload();

    private MethodInfo Deep(string name) => _assembly.GetType($"E.P+{name}Network")!.GetMethod("Deep", new[] { typeof(double), typeof(float) })!;

    private NetworkModel Model(string name) => (NetworkModel)_assembly.GetType($"E.P+{name}Network")!.GetProperty("DeepModel")!.GetValue(null)!;

    private static object? Call(MethodInfo m, double x, float y)
    {
        try
        {
            return m.Invoke(null, new object[] { x, y });
        }
        catch (TargetInvocationException e)
        {
            return e.InnerException;
        }
    }

    private static object? Evaluate(NetworkModel model, double x, float y)
    {
        try
        {
            return model.Evaluate(new[] { x, (double)y });
        }
        catch (Exception e)
        {
            return e;
        }
    }

    [Theory]
    [InlineData(2.6, 0f, "x")]
    [InlineData(-1e300, 0f, "x")]
    [InlineData(0.0, 2.75f, "y")]
    [InlineData(0.0, -3f, "y")]
    public void Outside_the_bound_throws_naming_parameter_and_bound(double x, float y, string parameter)
    {
        var e = Assert.IsType<ArgumentOutOfRangeException>(Call(Deep("Checked"), x, y));
        Assert.Equal(parameter, e.ParamName);
        Assert.Contains("2.5", e.Message);
        Assert.IsType<ArgumentOutOfRangeException>(Evaluate(Model("Checked"), x, y));
    }

    [Theory]
    [InlineData(0.8, 0.0, "class")]
    [InlineData(-0.75, -0.9, "nameof")]
    [InlineData(-1e300, double.NaN, "class")]
    public void A_keyword_or_nameof_parameter_is_named_as_it_is_called(double first, double second, string parameter)
    {
        var deep = _assembly.GetType("E.P+NamedNetwork")!.GetMethod("Deep", new[] { typeof(double), typeof(double) })!;
        object? outcome;
        try { outcome = deep.Invoke(null, new object[] { first, second }); }
        catch (TargetInvocationException e) { outcome = e.InnerException; }
        var error = Assert.IsType<ArgumentOutOfRangeException>(outcome);
        Assert.Equal(parameter, error.ParamName);
        Assert.StartsWith(parameter + " is outside the network's input bound ±0.75.", error.Message);
        Assert.Equal(first == 0.8 || first == -1e300 ? first : second, Assert.IsType<double>(error.ActualValue));
        // NaN and ±∞ give NaN, whichever input carries them.
        Assert.True(double.IsNaN((double)deep.Invoke(null, new object[] { double.NaN, 2.0 })!));
        Assert.True(double.IsNaN((double)deep.Invoke(null, new object[] { 0.5, double.NegativeInfinity })!));
    }

    [Theory]
    [InlineData(2.5, -2.5f)]
    [InlineData(-2.5, 2.5f)]
    [InlineData(0.0, 0f)]
    public void The_bound_itself_is_inside(double x, float y)
    {
        var value = Assert.IsType<double>(Call(Deep("Checked"), x, y));
        // Against the exact polynomial, 4 ulps of slack; and the bound meets the default τ = 1e-9: ≤ τ·S.
        var oracle = TestKit.PolynomialOracle.FromSource(Source, "P", "Checked");
        var inputs = new[] { x, (double)y };
        double reference = oracle.Value(inputs).ToDouble();
        Assert.True(oracle.ExactError(value, inputs) <= Model("Checked").ErrorBound + TestKit.PolynomialOracle.Slack(reference),
                    $"{oracle.Describe(inputs)}: {value:R} vs exact {reference:R}");
        Assert.True(Model("Checked").ErrorBound <= oracle.ToleranceTimesScale(1e-9, 2.5));
    }

    [Theory]
    [InlineData(2.6, 0f)]
    [InlineData(0.0, -3f)]
    [InlineData(100.0, 100f)]
    public void CheckInputs_false_turns_the_check_off(double x, float y)
    {
        Assert.IsType<double>(Call(Deep("Unchecked"), x, y));
        Assert.IsType<double>(Evaluate(Model("Unchecked"), x, y));
        Assert.False(Model("Unchecked").CheckInputs);
        Assert.True(Model("Checked").CheckInputs);
    }

    [Theory]
    [InlineData(double.NaN, 0f)]
    [InlineData(double.PositiveInfinity, 0f)]
    [InlineData(double.NegativeInfinity, 1f)]
    [InlineData(0.5, float.NaN)]
    [InlineData(0.5, float.PositiveInfinity)]
    [InlineData(double.NaN, float.NaN)]
    public void NaN_and_infinity_give_NaN(double x, float y)
    {
        foreach (var name in new[] { "Checked", "Unchecked" })
        {
            Assert.True(double.IsNaN(Assert.IsType<double>(Call(Deep(name), x, y))), name);
            Assert.True(double.IsNaN(Assert.IsType<double>(Evaluate(Model(name), x, y))), name);
        }
    }

    [Fact]
    public void Deep_and_DeepModel_Evaluate_agree_everywhere()
    {
        var random = new Random(5);
        double[] specials = { 0, -0.0, 2.5, -2.5, 2.6, -7, 1e-300, double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.Epsilon };
        for (int i = 0; i < 400; i++)
        {
            double x = i < 121 ? specials[i % 11] : (random.NextDouble() * 2 - 1) * 3;
            float y = i < 121 ? (float)specials[i / 11] : (float)((random.NextDouble() * 2 - 1) * 3);
            foreach (var name in new[] { "Checked", "Unchecked" })
            {
                object? deep = Call(Deep(name), x, y), model = Evaluate(Model(name), x, y);
                if (deep is double d) Assert.Equal(BitConverter.DoubleToInt64Bits(d), BitConverter.DoubleToInt64Bits(Assert.IsType<double>(model)));
                else Assert.Equal(deep!.GetType(), model!.GetType());
            }
        }
    }

    [Fact]
    public void The_generated_docs_state_the_input_contract()
    {
        Assert.Contains("<returns>The network's value; NaN when an input is NaN or infinite.</returns>", _generated);
        Assert.Contains("<exception cref=\"global::System.ArgumentOutOfRangeException\">A finite input is outside ±2.5 (turn off with CheckInputs = false).</exception>", _generated);
        // Only the checked networks' evaluators throw for a range: each one's scalar Deep and batched overload.
        Assert.Equal(4, _generated.Split("<exception cref=\"global::System.ArgumentOutOfRangeException\">").Length - 1);
        Assert.Equal(2, _generated.Split("<exception cref=\"global::System.ArgumentOutOfRangeException\">A finite input is outside ±0.75").Length - 1);
    }
}
