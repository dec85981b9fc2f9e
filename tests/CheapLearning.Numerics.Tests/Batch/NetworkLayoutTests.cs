using System;
using Xunit;

namespace CheapLearning.Numerics.Tests.Batch;

/// <summary>
/// <see cref="NetworkLayout.Decode"/>, the reader of the compact layout generated model factories write. Every layout
/// below is written by hand from the format in NetworkLayout's docs (base-32 digits "0–9A–Za–z-_", the digit d ≥ 32
/// meaning "more follow"), not by the generator's encoder, so a drift between the two fails here.
/// </summary>
public class NetworkLayoutTests
{
    [Fact]
    public void A_hand_written_layout_gives_its_map_weights_and_biases()
    {
        // 1 layer, one map: 2 inputs, 1 output, a row of 2 entries on columns 0 and 1, weights +values[0] (ref 0) and
        // −values[1] (ref 3), bias flag 1, bias +values[2] (ref 4): f(x, y) = 2x − 3y + 1.
        var layers = NetworkLayout.Decode("10212010314", new[] { 2.0, 3.0, 1.0 });
        var layer = Assert.Single(layers);
        Assert.Null(layer.GateInputs);
        Assert.Equal(2.0, layer.Weight(0, 0));
        Assert.Equal(-3.0, layer.Weight(0, 1));
        Assert.Equal(1.0, layer.Bias(0));
        var model = new NetworkModel(Activation.Softplus, 2, layers, 10, 0);
        Assert.Equal(2 * 0.5 - 3 * -4 + 1, model.Evaluate(new[] { 0.5, -4.0 }));
    }

    [Fact]
    public void Multi_digit_integers_factored_layers_a_zero_bias_and_negative_zero()
    {
        // 1 layer, factored (flag 1). Gate map: 40 inputs ("e1": 40 = 8 + 32, so digit 8|32 = 'e', then 1), 1 output,
        // a row of 1 entry on column 39 ("d1"), weight +values[0] (ref 0), zero bias (flag 0). Neuron map: 1 input,
        // 2 outputs, rows of 1 entry each on column 0, weights −values[1] (ref 3: −0.0) and +values[0] (ref 0), bias
        // flag 1 with refs 0 and 3 (+0.75, −0.0).
        var layers = NetworkLayout.Decode("1" + "1" + "e1" + "1" + "1" + "d1" + "0" + "0" + "1" + "2" + "11" + "00" + "30" + "1" + "03",
                                          new[] { 0.75, 0.0 });
        var layer = Assert.Single(layers);
        var gate = layer.GateInputs!;
        Assert.Equal(40, gate.InputCount);
        Assert.Equal(new[] { 0, 1 }, gate.RowStarts.ToArray());
        Assert.Equal(new[] { 39 }, gate.Columns.ToArray());
        Assert.Equal(new[] { 0.75 }, gate.Weights.ToArray());
        Assert.Equal(new[] { 0.0 }, gate.Bias.ToArray());
        var neurons = layer.Map;
        Assert.Equal(new[] { 0, 1, 2 }, neurons.RowStarts.ToArray());
        Assert.Equal(new[] { 0, 0 }, neurons.Columns.ToArray());
        Assert.Equal(BitConverter.DoubleToInt64Bits(-0.0), BitConverter.DoubleToInt64Bits(neurons.Weights[0]));
        Assert.Equal(0.75, neurons.Weights[1]);
        Assert.Equal(0.75, neurons.Bias[0]);
        Assert.Equal(BitConverter.DoubleToInt64Bits(-0.0), BitConverter.DoubleToInt64Bits(neurons.Bias[1]));
        var x = new double[40];
        x[39] = 2;
        var outputs = new double[2];
        layer.Apply(x, new double[1], outputs);
        Assert.Equal(0.75, outputs[0]);                 // −0.0·u + 0.75
        Assert.Equal(0.75 * (0.75 * 2), outputs[1]);    // 0.75·u − 0.0, u = 0.75·x₃₉
    }

    [Theory]
    [InlineData("", "ends too soon")]
    [InlineData("1021201031", "ends too soon")]          // the bias reference is missing
    [InlineData("102120103140", "left after")]           // one character too many
    [InlineData("10212!10314", "bad digit")]
    [InlineData("10212010316", "refers to value 3 of 3")] // bias ref 6 → values[3]
    [InlineData("12", "flag is 2")]
    [InlineData("1021201032", "bias flag is 2")]
    [InlineData("_____1", "count of")]                    // a layer count far beyond the text: no huge allocation
    [InlineData("1002_____1", "count of")]                // a row length far beyond the text
    [InlineData("_______", "bad digit")]                 // more than 31 bits
    public void A_text_that_is_not_a_layout_is_an_ArgumentException(string layout, string why)
    {
        var e = Assert.Throws<ArgumentException>(() => NetworkLayout.Decode(layout, new[] { 2.0, 3.0, 1.0 }));
        Assert.Equal("layout", e.ParamName);
        Assert.Contains(why, e.Message);
    }

    [Fact]
    public void Null_arguments_are_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => NetworkLayout.Decode(null!, new double[0]));
        Assert.Throws<ArgumentNullException>(() => NetworkLayout.Decode("10", null!));
    }
}
