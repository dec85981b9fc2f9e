using System;
using System.ComponentModel;
using System.Reflection;

namespace CheapLearning.Package.Tests;

/// <summary>What a user sees of the runtime: summaries that fit the kind of network, and no generated-code helpers in IntelliSense.</summary>
public sealed class RuntimeSurfaceTests
{
    // x·y as the paper's Eq 11 gate would be laid out is irrelevant here: a 2 → 2 → 1 network with known counts is enough.
    private static SparseAffineMap Hidden() => new(2, 2, new[] { 0, 2, 3 }, new[] { 0, 1, 1 }, new[] { 1.0, 0.5, -2.0 }, new[] { 0.0, 0.25 });
    private static SparseAffineMap Output() => new(2, 1, new[] { 0, 2 }, new[] { 0, 1 }, new[] { 1.0, 1.0 }, new[] { 0.0 });
    private static AffineLayer[] Layers() => new[] { new AffineLayer(Hidden()), new AffineLayer(Output()) };

    [Fact]
    public void A_polynomial_network_states_its_box()
    {
        var model = new NetworkModel(Activation.Softplus, 2, Layers(), inputBound: 1.5, errorBound: 9.1e-11);
        Assert.Equal("2 inputs, 1 hidden layer, 2 neurons, 5 synapses, Softplus; error ≤ 9.1E-11 for |xᵢ| ≤ 1.5", model.ToString());
        Assert.False(model.InputsAreBits);
    }

    [Fact]
    public void A_bit_network_states_bit_inputs_and_rejects_other_values()
    {
        var model = NetworkModel.ForBits(Activation.Sigmoid, 2, Layers(), errorBound: 1e-10);
        Assert.Equal("2 inputs, 1 hidden layer, 2 neurons, 5 synapses, Sigmoid; error ≤ 1E-10 on every 0/1 input", model.ToString());
        Assert.DoesNotContain("|x", model.ToString());
        Assert.True(model.InputsAreBits);
        Assert.Equal(1.0, model.InputBound);
        model.Evaluate(new[] { 0.0, 1.0 });
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => model.Evaluate(new[] { 0.5, 1.0 }));
        Assert.Contains("Input 0 is a bit", error.Message);
        var unchecked_ = NetworkModel.ForBits(Activation.Sigmoid, 2, Layers(), 1e-10, checkInputs: false);
        Assert.Equal(new NetworkModel(Activation.Sigmoid, 2, Layers(), 1.0, 1e-10).Evaluate(new[] { 0.5, 1.0 }), unchecked_.Evaluate(new[] { 0.5, 1.0 }));
    }

    [Fact]
    public void A_bit_network_rejects_other_values_in_batches_as_for_one_point()
    {
        var model = NetworkModel.ForBits(Activation.Sigmoid, 2, Layers(), errorBound: 1e-10);
        // 20 points (past the vector width and the generated overloads' scalar crossover), all bits but one.
        var rows = new double[40];
        for (int k = 0; k < 20; k++) (rows[2 * k], rows[2 * k + 1]) = (k & 1, (k >> 1) & 1);
        var destination = new double[20];
        model.Evaluate(rows, destination);
        for (int k = 0; k < 20; k++)
            Assert.Equal(model.Evaluate(new[] { rows[2 * k], rows[2 * k + 1] }), destination[k], 1e-12);

        rows[2 * 13 + 1] = 0.5;
        Array.Fill(destination, -7.0);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => model.Evaluate(rows, destination));
        Assert.Equal("rows", error.ParamName);
        Assert.Contains("Row 13, input 1 is a bit", error.Message);
        Assert.All(destination, v => Assert.Equal(-7.0, v)); // nothing written before the throw

        var columns = new double[40];
        for (int k = 0; k < 20; k++) (columns[k], columns[20 + k]) = (rows[2 * k], rows[2 * k + 1]);
        error = Assert.Throws<ArgumentOutOfRangeException>(() => model.EvaluateColumns(columns, destination));
        Assert.Equal("columns", error.ParamName);
        Assert.Contains("Point 13, input 1 is a bit", error.Message);

        // Unchecked, the same batch is evaluated, and NaN still marks a non-finite point.
        var unchecked_ = NetworkModel.ForBits(Activation.Sigmoid, 2, Layers(), 1e-10, checkInputs: false);
        rows[0] = double.NaN;
        unchecked_.Evaluate(rows, destination);
        Assert.True(double.IsNaN(destination[0]));
        Assert.Equal(unchecked_.Evaluate(new[] { rows[26], rows[27] }), destination[13], 1e-12);
    }

    [Fact]
    public void The_summary_never_states_an_error_bound_below_the_proven_one()
    {
        // x·y's proven bound 9.103774260930247e-11 was printed "error ≤ 9.1E-11": a false statement about the network.
        Assert.Contains("error ≤ 9.11E-11 ", new NetworkModel(Activation.Softplus, 2, Layers(), 1, 9.103774260930247e-11).ToString());
        Assert.Contains("error ≤ 9.96E-11 ", NetworkModel.ForBits(Activation.Sigmoid, 2, Layers(), 9.953613732955068e-11).ToString());
        Assert.Contains("error ≤ 1E-09 ", new NetworkModel(Activation.Softplus, 2, Layers(), 1, 9.9961e-10).ToString());
        Assert.Contains("error ≤ 0 ", new NetworkModel(Activation.Softplus, 2, Layers(), 1, 0).ToString());
        var random = new Random(20261130);
        for (int i = 0; i < 20_000; i++)
        {
            double bound = Math.Pow(10, random.NextDouble() * 600 - 300) * (1 + random.NextDouble());
            string summary = new NetworkModel(Activation.Softplus, 2, Layers(), 1, bound).ToString();
            int start = summary.IndexOf("error ≤ ", StringComparison.Ordinal) + "error ≤ ".Length;
            string printed = summary.Substring(start, summary.IndexOf(' ', start) - start);
            // Exact decimal comparison: the printed decimal, not its nearest double, must be ≥ the bound.
            var stated = ExactDecimal(printed);
            var proven = ExactDouble(bound);
            Assert.True(stated.CompareTo(proven) >= 0, $"{printed} < {bound:R}");
            Assert.True(double.Parse(printed, System.Globalization.CultureInfo.InvariantCulture) <= bound * (1 + 1.01e-2), $"{printed} is far above {bound:R}");
        }
    }

    /// <summary>A decimal string as an exact fraction scaled to a common 10^1000 denominator (numerator only).</summary>
    private static System.Numerics.BigInteger ExactDecimal(string s)
    {
        int e = s.IndexOfAny(new[] { 'E', 'e' });
        int exponent = e < 0 ? 0 : int.Parse(s.Substring(e + 1), System.Globalization.CultureInfo.InvariantCulture);
        string digits = e < 0 ? s : s.Substring(0, e);
        int dot = digits.IndexOf('.');
        if (dot >= 0) { exponent -= digits.Length - dot - 1; digits = digits.Remove(dot, 1); }
        return System.Numerics.BigInteger.Parse(digits) * System.Numerics.BigInteger.Pow(10, 1000 + exponent);
    }

    /// <summary>A positive double's exact value on the same 10^1000 scale, rounded up (so a printed value that passes is ≥ the exact bound).</summary>
    private static System.Numerics.BigInteger ExactDouble(double v)
    {
        long bits = BitConverter.DoubleToInt64Bits(v);
        int rawExponent = (int)((bits >> 52) & 0x7FF);
        long mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (rawExponent != 0) mantissa |= 1L << 52; else rawExponent = 1;
        int exponent = rawExponent - 1075;
        var scaled = new System.Numerics.BigInteger(mantissa) * System.Numerics.BigInteger.Pow(10, 1000);
        return exponent >= 0 ? scaled << exponent : (scaled + (System.Numerics.BigInteger.One << -exponent) - 1) >> -exponent;
    }

    [Fact]
    public void Summaries_do_not_depend_on_the_current_culture()
    {
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("sv-SE");
            var model = new NetworkModel(Activation.Tanh, 2, Layers(), 2.5, 1.25e-9);
            Assert.EndsWith("error ≤ 1.25E-09 for |xᵢ| ≤ 2.5", model.ToString());
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void Layers_and_maps_print_their_shape()
    {
        Assert.Equal("sparse affine map 2 → 2, 3 stored weights", Hidden().ToString());
        Assert.Equal("affine map 2 → 2, 3 weights", new AffineLayer(Hidden()).ToString());
        // Factored: composed weights 2 → 1 through 2 gate inputs; W = [1 1]·[[1 .5],[0 −2]] = [1 −1.5].
        Assert.Equal("affine map 2 → 1, 2 weights, factored through 2 gate inputs", new AffineLayer(Hidden(), Output()).ToString());
        var single = new SparseAffineMap(1, 1, new[] { 0, 1 }, new[] { 0 }, new[] { 3.0 }, new[] { 0.0 });
        Assert.Equal("sparse affine map 1 → 1, 1 stored weight", single.ToString());
    }

    [Fact]
    public void A_classifier_states_classes_inputs_and_size()
    {
        var h = new NetworkModel(Activation.Softplus, 2, Layers(), 1, 1e-10);
        var classifier = new ClassifierModel(new[] { h, h, h }, new[] { 1.0, 1.0, 1.0 });
        // 3 classes: 3 × 2 hidden neurons + 3 softmax neurons; 3 × 5 synapses + 3.
        Assert.Equal("Bayes classifier: 3 classes, 2 inputs, 9 neurons, 18 synapses (Hamiltonian networks + softmax layer)", classifier.ToString());
    }

    [Theory]
    [InlineData(typeof(ActivationFunctions))]
    [InlineData(typeof(Softmax))]
    public void Helpers_only_generated_code_calls_are_hidden_from_IntelliSense(Type type)
    {
        var attribute = type.GetCustomAttribute<EditorBrowsableAttribute>();
        Assert.Equal(EditorBrowsableState.Never, attribute?.State);
    }

    [Theory]
    [InlineData(typeof(NetworkModel))]
    [InlineData(typeof(ClassifierModel))]
    [InlineData(typeof(AffineLayer))]
    [InlineData(typeof(SparseAffineMap))]
    public void Types_a_user_prints_override_ToString(Type type)
    {
        Assert.Equal(type, type.GetMethod(nameof(ToString), Type.EmptyTypes)!.DeclaringType);
        Assert.Null(type.GetCustomAttribute<EditorBrowsableAttribute>());
    }
}
