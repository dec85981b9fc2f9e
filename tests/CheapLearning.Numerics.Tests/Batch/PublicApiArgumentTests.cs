using System;
using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace CheapLearning.Numerics.Tests.Batch;

/// <summary>
/// NetworkModel's public entry points as a user calls them: bad lengths, empty batches, a destination overlapping the
/// inputs, and pictures of tiny and huge networks with names that need escaping. The model is affine (no hidden layer),
/// f(x, y) = 2x + 3y + 1, so every expected value below is exact small-integer arithmetic, derived by hand.
/// </summary>
public class PublicApiArgumentTests
{
    private static NetworkModel Affine(double inputBound = 1e6)
        => new NetworkModel(Activation.Softplus, 2,
            new[] { new AffineLayer(new SparseAffineMap(2, 1, new[] { 0, 2 }, new[] { 0, 1 }, new[] { 2.0, 3.0 }, new[] { 1.0 })) },
            inputBound, errorBound: 0);

    private static double F(double x, double y) => 2 * x + 3 * y + 1;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(1000)]
    [InlineData(2999)]
    [InlineData(3000)]
    [InlineData(4500)]
    public void Columns_give_the_right_values_when_the_destination_overlaps_them(int offset)
    {
        // 3,000 points span several tiles; the destination starts anywhere inside the inputs (or right after them).
        const int n = 3000;
        var buffer = new double[2 * n + n];
        for (int j = 0; j < n; j++) { buffer[j] = j % 17 - 8; buffer[n + j] = j % 5 - 2; }
        var x = buffer.Take(n).ToArray();
        var y = buffer.Skip(n).Take(n).ToArray();
        Affine().EvaluateColumns(buffer.AsSpan(0, 2 * n), buffer.AsSpan(offset, n));
        for (int j = 0; j < n; j++) Assert.Equal(F(x[j], y[j]), buffer[offset + j]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2500)]
    [InlineData(3001)]
    public void Rows_give_the_right_values_when_the_destination_overlaps_them(int offset)
    {
        const int n = 3000;
        var buffer = new double[2 * n + n];
        for (int j = 0; j < n; j++) { buffer[2 * j] = j % 13 - 6; buffer[2 * j + 1] = j % 7 - 3; }
        var rows = buffer.Take(2 * n).ToArray();
        Affine().Evaluate(buffer.AsSpan(0, 2 * n), buffer.AsSpan(offset, n));
        for (int j = 0; j < n; j++) Assert.Equal(F(rows[2 * j], rows[2 * j + 1]), buffer[offset + j]);
    }

    [Fact]
    public void An_overlapping_destination_still_gets_NaN_for_a_point_with_a_NaN_input()
    {
        // Point 3's first input is NaN; the destination is the first column itself, so its output overwrites that NaN.
        const int n = 40;
        var buffer = new double[2 * n];
        for (int j = 0; j < n; j++) { buffer[j] = 1; buffer[n + j] = 1; }
        buffer[3] = double.NaN;
        var model = new NetworkModel(Activation.Softplus, 2,
            new[] { new AffineLayer(new SparseAffineMap(2, 1, new[] { 0, 1 }, new[] { 1 }, new[] { 3.0 }, new[] { 1.0 })) }, 10, 0);
        model.EvaluateColumns(buffer, buffer.AsSpan(0, n));
        Assert.True(double.IsNaN(buffer[3]));
        Assert.Equal(4.0, buffer[4]);
    }

    [Fact]
    public void Empty_batches_write_nothing_and_do_not_throw()
    {
        var model = Affine();
        model.Evaluate(ReadOnlySpan<double>.Empty, Span<double>.Empty);
        model.EvaluateColumns(ReadOnlySpan<double>.Empty, Span<double>.Empty);
    }

    [Fact]
    public void Bad_lengths_name_the_right_parameter()
    {
        var model = Affine();
        Assert.Equal("inputs", Assert.Throws<ArgumentException>(() => model.Evaluate(new double[3])).ParamName);
        Assert.Equal("rows", Assert.Throws<ArgumentException>(() => model.Evaluate(new double[3], new double[2])).ParamName);
        Assert.Equal("columns", Assert.Throws<ArgumentException>(() => model.EvaluateColumns(new double[5], new double[3])).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => model.Evaluate(new double[6], new double[2])).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => model.EvaluateColumns(new double[6], new double[2])).ParamName);
        var outside = Assert.Throws<ArgumentOutOfRangeException>(() => Affine(1).Evaluate(new[] { 0.5, 1.5 }));
        Assert.Equal("inputs", outside.ParamName);
        Assert.True(double.IsNaN(model.Evaluate(new[] { double.PositiveInfinity, 0 })));
    }

    [Fact]
    public void Constructor_rejects_null_layers_with_their_parameter_name()
    {
        Assert.Equal("layers", Assert.Throws<ArgumentNullException>(() => new NetworkModel(Activation.Tanh, 1, null!, 1, 0)).ParamName);
        Assert.Equal("layers", Assert.Throws<ArgumentNullException>(() => new NetworkModel(Activation.Tanh, 1, new AffineLayer[] { null! }, 1, 0)).ParamName);
        Assert.Equal("layers", Assert.Throws<ArgumentException>(() => new NetworkModel(Activation.Tanh, 1, Array.Empty<AffineLayer>(), 1, 0)).ParamName);
    }

    [Theory]
    [InlineData("a<b & \"c\"", "y'<>")]
    [InlineData("x\\n", "\\")]
    public void Pictures_of_a_network_without_hidden_layers_escape_names(string name, string output)
    {
        var model = Affine();
        var svg = XDocument.Parse(model.ToSvg(new[] { name, "q" }, output));
        var texts = svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToList();
        Assert.Contains(name, texts);
        Assert.Contains(output, texts);
        string dot = model.ToDot(new[] { name, "q" }, output);
        Assert.Contains("label=\"" + name.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"", dot);
        Assert.Equal(dot.Count(c => c == '{'), dot.Count(c => c == '}'));
    }

    [Fact]
    public void Characters_XML_forbids_are_drawn_as_replacement_characters()
    {
        // A control character or a lone surrogate cannot appear in XML even escaped; a surrogate pair is kept.
        var svg = XDocument.Parse(Affine().ToSvg(new[] { "a\u0001\uD800", "\uD83D\uDE00" }, "\uFFFF\t"));
        var texts = svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToList();
        Assert.Contains("a\uFFFD\uFFFD", texts);
        Assert.Contains("\uD83D\uDE00", texts);
        Assert.Contains("\uFFFD\t", texts);
    }

    [Fact]
    public void Pictures_of_a_huge_network_are_summaries_and_well_formed()
    {
        // One input, 5,000 neurons: far above MaxDrawnNodes, so one box per column.
        const int width = 5000;
        var hidden = new AffineLayer(new SparseAffineMap(1, width, Enumerable.Range(0, width + 1).ToArray(), new int[width],
            Enumerable.Repeat(1.0, width).ToArray(), new double[width]));
        var output = new AffineLayer(new SparseAffineMap(width, 1, new[] { 0, width }, Enumerable.Range(0, width).ToArray(),
            Enumerable.Repeat(1.0 / width, width).ToArray(), new[] { 0.0 }));
        var model = new NetworkModel(Activation.Tanh, 1, new[] { hidden, output }, 1, 0);
        var svg = XDocument.Parse(model.ToSvg(new[] { "<x>" }, "&"));
        Assert.Contains(svg.Descendants().Where(e => e.Name.LocalName == "text"), e => e.Value == "5,000");
        string dot = model.ToDot();
        Assert.Contains("c1 [shape=box, fixedsize=false, label=\"hidden layer 1 (σ, one map)\\n5000 neurons\"]", dot);
        Assert.StartsWith("1 input, 1 hidden layer, 5000 neurons", model.ToString());
    }
}

/// <summary>The affine maps' public Apply: short spans are argument errors naming the span, raised before anything is written.</summary>
public class AffineApplyArgumentTests
{
    [Fact]
    public void Short_spans_throw_ArgumentException_before_writing()
    {
        // y = (x0 + x1, x1 − 1), then gate-factored: z = 2·g0 with g = (y0).
        var map = new SparseAffineMap(2, 2, new[] { 0, 2, 3 }, new[] { 0, 1, 1 }, new[] { 1.0, 1.0, 1.0 }, new[] { 0.0, -1.0 });
        var destination = new[] { 9.0, 9.0 };
        Assert.Equal("source", Assert.Throws<ArgumentException>(() => map.Apply(new[] { 1.0 }, destination)).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => map.Apply(new[] { 1.0, 2.0 }, destination.AsSpan(0, 1))).ParamName);
        Assert.Equal(new[] { 9.0, 9.0 }, destination);
        map.Apply(new[] { 1.0, 2.0 }, destination);
        Assert.Equal(new[] { 3.0, 1.0 }, destination);

        var gates = new SparseAffineMap(2, 1, new[] { 0, 1 }, new[] { 0 }, new[] { 1.0 }, new[] { 0.0 });
        var neurons = new SparseAffineMap(1, 1, new[] { 0, 1 }, new[] { 0 }, new[] { 2.0 }, new[] { 0.0 });
        var layer = new AffineLayer(gates, neurons);
        var output = new[] { 9.0 };
        Assert.Equal("scratch", Assert.Throws<ArgumentException>(() => layer.Apply(new[] { 1.0, 2.0 }, Span<double>.Empty, output)).ParamName);
        Assert.Equal("source", Assert.Throws<ArgumentException>(() => layer.Apply(new[] { 1.0 }, new double[1], output)).ParamName);
        Assert.Equal(9.0, output[0]);
        layer.Apply(new[] { 1.5, 2.0 }, new double[1], output);
        Assert.Equal(3.0, output[0]);
    }

    [Fact]
    public void Changing_the_arrays_after_construction_changes_nothing()
    {
        // The batch engine reads source[columns[k]] without bounds checks, validated when the map was made: a column
        // changed afterwards to 50,000,000 ended the process with an AccessViolationException. Here the arrays change to
        // in-range values a user might write when reusing buffers; the model must still be f(x, y) = 2x + 3y + 1.
        int[] rowStarts = { 0, 2 }, columns = { 0, 1 };
        double[] weights = { 2.0, 3.0 }, bias = { 1.0 };
        var model = new NetworkModel(Activation.ReLU, 2,
            new[] { new AffineLayer(new SparseAffineMap(2, 1, rowStarts, columns, weights, bias)) }, 1e6, errorBound: 0);
        rowStarts[1] = 1;
        columns[0] = 1;
        columns[1] = 0;
        weights[0] = 100;
        bias[0] = -5;
        const int n = 300;
        var rows = new double[2 * n];
        for (int j = 0; j < n; j++) { rows[2 * j] = j % 7 - 3; rows[2 * j + 1] = j % 4; }
        var batch = new double[n];
        model.Evaluate(rows, batch);
        for (int j = 0; j < n; j++)
        {
            double expected = 2 * rows[2 * j] + 3 * rows[2 * j + 1] + 1;
            Assert.Equal(expected, batch[j]);
            Assert.Equal(expected, model.Evaluate(rows.AsSpan(2 * j, 2)));
        }
        var map = model.Layers[0].Map;
        Assert.Equal(new[] { 0, 1 }, map.Columns.ToArray());
        Assert.Equal(new[] { 2.0, 3.0 }, map.Weights.ToArray());
    }

    /// <summary>
    /// Found by a consumer: an undefined activation was accepted and threw only at the first Evaluate through a hidden
    /// layer (never without one); inputBound = NaN silently turned the input check off (2x + 3y + 1 at x = 1e300 returned
    /// 2e300 with CheckInputs set), and a negative bound refused every input, 0 included ("outside ±-1").
    /// </summary>
    [Theory]
    [InlineData(-1)]
    [InlineData(5)]
    [InlineData(99)]
    public void Constructor_rejects_an_undefined_activation(int activation)
    {
        var layer = new AffineLayer(new SparseAffineMap(2, 1, new[] { 0, 2 }, new[] { 0, 1 }, new[] { 2.0, 3.0 }, new[] { 1.0 }));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new NetworkModel((Activation)activation, 2, new[] { layer }, 1, 0));
        Assert.Equal("activation", e.ParamName);
        Assert.Equal("activation", Assert.Throws<ArgumentOutOfRangeException>(() => NetworkModel.ForBits((Activation)activation, 2, new[] { layer }, 0)).ParamName);
    }

    private static AffineLayer[] TwoXPlusThreeYPlusOne()
        => new[] { new AffineLayer(new SparseAffineMap(2, 1, new[] { 0, 2 }, new[] { 0, 1 }, new[] { 2.0, 3.0 }, new[] { 1.0 })) };

    [Theory]
    [InlineData(double.NaN, 0, "inputBound")]
    [InlineData(-1, 0, "inputBound")]
    [InlineData(double.NegativeInfinity, 0, "inputBound")]
    [InlineData(1, -1e-300, "errorBound")]
    [InlineData(1, double.NegativeInfinity, "errorBound")]
    public void Constructor_rejects_a_NaN_or_negative_bound(double inputBound, double errorBound, string parameter)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new NetworkModel(Activation.Softplus, 2, TwoXPlusThreeYPlusOne(), inputBound, errorBound));
        Assert.Equal(parameter, e.ParamName);
    }

    /// <summary>Bounds that stay accepted: R = 0 (only the origin), R = ∞ (no check), an infinite or NaN error bound (none proven).</summary>
    [Fact]
    public void Constructor_accepts_zero_and_infinite_bounds()
    {
        Assert.Equal(1, new NetworkModel(Activation.Softplus, 2, TwoXPlusThreeYPlusOne(), 0, 0).Evaluate(new[] { 0.0, 0.0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new NetworkModel(Activation.Softplus, 2, TwoXPlusThreeYPlusOne(), 0, 0).Evaluate(new[] { 1e-300, 0.0 }));
        Assert.Equal(2e300, new NetworkModel(Activation.Softplus, 2, TwoXPlusThreeYPlusOne(), double.PositiveInfinity, 0).Evaluate(new[] { 1e300, 0.0 }));
        Assert.Equal(double.PositiveInfinity, new NetworkModel(Activation.Softplus, 2, TwoXPlusThreeYPlusOne(), 1, double.PositiveInfinity).ErrorBound);
        Assert.True(double.IsNaN(new NetworkModel(Activation.Softplus, 2, TwoXPlusThreeYPlusOne(), 1, double.NaN).ErrorBound));
    }

    [Fact]
    public void A_model_without_an_output_is_an_ArgumentException()
    {
        // "10001" is a valid layout (one layer, a map 0 → 0), found by fuzzing NetworkLayout.Decode: its model was
        // accepted and Evaluate threw IndexOutOfRangeException for the missing first output.
        var layers = NetworkLayout.Decode("10001", Array.Empty<double>());
        var e = Assert.Throws<ArgumentException>(() => new NetworkModel(Activation.ReLU, 0, layers, 1, 0));
        Assert.Equal("layers", e.ParamName);
        var hidden = new AffineLayer(new SparseAffineMap(2, 1, new[] { 0, 2 }, new[] { 0, 1 }, new[] { 1.0, 1.0 }, new[] { 0.0 }));
        var empty = new AffineLayer(new SparseAffineMap(1, 0, new[] { 0 }, Array.Empty<int>(), Array.Empty<double>(), Array.Empty<double>()));
        Assert.Throws<ArgumentException>(() => NetworkModel.ForBits(Activation.ReLU, 2, new[] { hidden, empty }, 0));
    }

    [Fact]
    public void Classifier_probabilities_into_a_destination_over_the_inputs_are_those_of_the_inputs()
    {
        // H_0(x, y) = x, H_1(x, y) = y, µ = 0: p_0 = e^(−x) / (e^(−x) + e^(−y)). With one buffer for inputs and
        // destination, the destination one element after the inputs, the first score −x overwrote y before H_1 read it
        // (p_0 came out 0.3775 for 0.1480); the destination one before the inputs is checked too.
        static NetworkModel Pick(int input) => new NetworkModel(Activation.ReLU, 2,
            new[] { new AffineLayer(new SparseAffineMap(2, 1, new[] { 0, 1 }, new[] { input }, new[] { 1.0 }, new[] { 0.0 })) }, 10, 0);
        var classifier = new ClassifierModel(new[] { Pick(0), Pick(1) }, new[] { 0.0, 0.0 });
        foreach (int shift in new[] { 0, 1 })
        {
            var buffer = new double[3];
            double x = 0.25, y = -1.5;
            buffer[0] = x; buffer[1] = y;
            if (shift == 1) { buffer[1] = x; buffer[2] = y; }
            classifier.Probabilities(buffer.AsSpan(shift, 2), buffer.AsSpan(1 - shift, 2));
            double p0 = 1 / (1 + Math.Exp(x - y));
            Assert.True(Math.Abs(p0 - buffer[1 - shift]) <= 1e-15, $"shift {shift}: p_0 = {buffer[1 - shift]:R}, expected {p0:R}");
            Assert.True(Math.Abs(1 - p0 - buffer[2 - shift]) <= 1e-15, $"shift {shift}: p_1 = {buffer[2 - shift]:R}, expected {1 - p0:R}");
        }
    }

    [Fact]
    public void Maps_and_layers_applied_in_place_give_the_values_of_their_inputs()
    {
        // y0 = x0 + x1, y1 = x0 − x1 + 1 at x = (3, 5): (8, −1). In place, row 1 read the x0 row 0 had overwritten: 4.
        var map = new SparseAffineMap(2, 2, new[] { 0, 2, 4 }, new[] { 0, 1, 0, 1 }, new[] { 1.0, 1.0, 1.0, -1.0 }, new[] { 0.0, 1.0 });
        var buffer = new[] { 3.0, 5.0 };
        map.Apply(buffer, buffer);
        Assert.Equal(new[] { 8.0, -1.0 }, buffer);
        // Shifted by one: source (3, 5) at [0..2), destination at [1..3).
        buffer = new[] { 3.0, 5.0, 0.0 };
        map.Apply(buffer.AsSpan(0, 2), buffer.AsSpan(1, 2));
        Assert.Equal(new[] { 8.0, -1.0 }, buffer.AsSpan(1, 2).ToArray());
        // A factored layer, gates g = (x0 + x1, x0 − x1), output 2·g0 + g1, with source, scratch and destination one
        // buffer: g = (8, −2), output 14.
        var gates = new SparseAffineMap(2, 2, new[] { 0, 2, 4 }, new[] { 0, 1, 0, 1 }, new[] { 1.0, 1.0, 1.0, -1.0 }, new[] { 0.0, 0.0 });
        var neurons = new SparseAffineMap(2, 1, new[] { 0, 2 }, new[] { 0, 1 }, new[] { 2.0, 1.0 }, new[] { 0.0 });
        var layer = new AffineLayer(gates, neurons);
        buffer = new[] { 3.0, 5.0 };
        layer.Apply(buffer, buffer, buffer);
        Assert.Equal(14.0, buffer[0]);
    }
}

/// <summary>
/// A classifier score that is NaN names no class. Found (adv21): with a NaN score first, ClassifierModel.Classify named
/// that class 0 for double Hamiltonians (the plain Softmax.ArgMax kept a NaN first entry) but the best non-NaN class for
/// bit ones (the bounded ArgMax skipped NaN entries); a NaN later entry was skipped by both. The scores here are
/// −H − µ with H = −∞ at a = 1 and µ = +∞ (a class of prior 0): −(−∞) − ∞ = NaN, from finite inputs; µ = NaN is refused
/// when the model is built.
/// </summary>
public class ClassifierNaNScoreTests
{
    // H(a) = −1.7e308·a − 1.7e308: −1.7e308 at a = 0, −∞ (overflow) at a = 1; H0(a) = 0.
    private static AffineLayer[] Huge() => new[] { new AffineLayer(new SparseAffineMap(1, 1, new[] { 0, 1 }, new[] { 0 }, new[] { -1.7e308 }, new[] { -1.7e308 })) };
    private static AffineLayer[] Zero() => new[] { new AffineLayer(new SparseAffineMap(1, 1, new[] { 0, 1 }, new[] { 0 }, new[] { 0.0 }, new[] { 0.0 })) };

    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 0)]
    [InlineData(false, 1)]
    [InlineData(true, 1)]
    public void Classify_throws_for_a_NaN_score_for_double_and_bit_Hamiltonians(bool bits, int nanClass)
    {
        NetworkModel Model(AffineLayer[] layers) => bits ? NetworkModel.ForBits(Activation.Softplus, 1, layers, 0) : new NetworkModel(Activation.Softplus, 1, layers, 1, 0);
        var h = nanClass == 0 ? new[] { Model(Huge()), Model(Zero()) } : new[] { Model(Zero()), Model(Huge()) };
        var mu = nanClass == 0 ? new[] { double.PositiveInfinity, 0.0 } : new[] { 0.0, double.PositiveInfinity };
        var classifier = new ClassifierModel(h, mu);
        // a = 0: the infinite-µ class has score −∞ (probability 0): the other class.
        Assert.Equal(1 - nanClass, classifier.Classify(new[] { 0.0 }));
        var p = new double[2];
        classifier.Probabilities(new[] { 1.0 }, p);
        Assert.True(double.IsNaN(p[nanClass]), $"p = {p[0]:R}, {p[1]:R}");
        var e = Assert.Throws<ArgumentException>(() => classifier.Classify(new[] { 1.0 }));
        Assert.Equal("values", e.ParamName);
        Assert.Contains($"Entry {nanClass} is NaN", e.Message);
    }

    [Fact]
    public void Both_ArgMax_overloads_throw_for_a_NaN_entry_anywhere()
    {
        foreach (var values in new[] { new[] { double.NaN, 1.0, 2.0 }, new[] { 1.0, double.NaN, 2.0 }, new[] { 1.0, 2.0, double.NaN }, new[] { double.NaN } })
        {
            Assert.Throws<ArgumentException>(() => Softmax.ArgMax(values));
            Assert.Throws<ArgumentException>(() => Softmax.ArgMax(values, 0));
            Assert.Throws<ArgumentException>(() => Softmax.ArgMax(values, 1e-10));
        }
        // Without NaN both stay as they were: the first largest, infinite entries included.
        Assert.Equal(1, Softmax.ArgMax(new[] { 1.0, double.PositiveInfinity, double.PositiveInfinity }));
        Assert.Equal(1, Softmax.ArgMax(new[] { 1.0, double.PositiveInfinity, double.PositiveInfinity }, 1e-10));
        Assert.Equal(0, Softmax.ArgMax(new[] { double.NegativeInfinity, double.NegativeInfinity }));
        Assert.Equal(0, Softmax.ArgMax(new[] { double.NegativeInfinity, double.NegativeInfinity }, 1e-10));
        Assert.Equal(-1, Softmax.ArgMax(ReadOnlySpan<double>.Empty));
        Assert.Equal(-1, Softmax.ArgMax(ReadOnlySpan<double>.Empty, 1));
    }

    [Fact]
    public void A_NaN_mu_is_refused_and_infinite_ones_accepted()
    {
        var h = new[] { new NetworkModel(Activation.Softplus, 1, Zero(), 1, 0), new NetworkModel(Activation.Softplus, 1, Zero(), 1, 0) };
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new ClassifierModel(h, new[] { 0.0, double.NaN }));
        Assert.Equal("mu", e.ParamName);
        Assert.Equal(1, new ClassifierModel(h, new[] { double.PositiveInfinity, 0.0 }).Classify(new[] { 0.5 }));
        Assert.Equal(0, new ClassifierModel(h, new[] { double.NegativeInfinity, 0.0 }).Classify(new[] { 0.5 }));
    }
}
