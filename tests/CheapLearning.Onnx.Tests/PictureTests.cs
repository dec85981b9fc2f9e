using System;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using BitsAndClassifier;
using Showcase;
using Xunit;

namespace CheapLearning.Onnx.Tests;

/// <summary>NetworkModel.ToSvg and ToDot: well-formed, every synapse drawn with its sign, gates labelled from the wiring.</summary>
public class PictureTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static int Synapses(NetworkModel m)
        => m.Layers.Sum(l => (l.GateInputs?.Weights.ToArray().Count(w => w != 0) ?? 0) + l.Map.Weights.ToArray().Count(w => w != 0));

    private static int Negative(NetworkModel m)
        => m.Layers.Sum(l => (l.GateInputs?.Weights.ToArray().Count(w => w < 0) ?? 0) + l.Map.Weights.ToArray().Count(w => w < 0));

    private static int Nodes(NetworkModel m)
        => m.InputCount + m.Layers.Sum(l => (l.GateInputs?.OutputCount ?? 0) + l.OutputCount);

    private static string[] GroupLabels(XDocument svg)
        => svg.Descendants(Svg + "text").Where(t => (string?)t.Attribute("text-anchor") == "end" && (string?)t.Attribute("font-size") == "12").Select(t => t.Value).ToArray();

    [Fact]
    public void Deep_product_svg_draws_every_node_and_synapse_with_its_sign_and_labels_the_gates()
    {
        var m = FlatForms.Product6Network.DeepModel;
        var svg = XDocument.Parse(m.ToSvg(new[] { "a", "b", "c", "d", "e", "f" }, "product"));
        Assert.Equal(Nodes(m), svg.Descendants(Svg + "circle").Count());
        var lines = svg.Descendants(Svg + "line").ToArray();
        Assert.Equal(Synapses(m), lines.Length);
        Assert.Equal(Negative(m), lines.Count(l => (string?)l.Attribute("stroke") == "#c53030"));
        var texts = svg.Descendants(Svg + "text").Select(t => t.Value).ToArray();
        foreach (var name in new[] { "a", "b", "c", "d", "e", "f", "product" }) Assert.Contains(name, texts);
        // 6 factors need 5 multiplications; c and f wait one layer in copy gates.
        var groups = GroupLabels(svg);
        Assert.Equal(5, groups.Count(g => g == "×"));
        Assert.Equal(2, groups.Count(g => g == "copy"));
        // Thicker lines for larger weights.
        var widest = lines.MaxBy(l => double.Parse((string)l.Attribute("stroke-width")!, System.Globalization.CultureInfo.InvariantCulture))!;
        double largest = m.Layers.SelectMany(l => (l.GateInputs?.Weights.ToArray() ?? Array.Empty<double>()).Concat(l.Map.Weights.ToArray())).Max(Math.Abs);
        double drawn = Math.Abs(double.Parse(widest.Element(Svg + "title")!.Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(Math.Abs(drawn - largest) <= 1e-5 * largest, $"widest line has weight {drawn}, largest weight {largest}"); // titles carry 6 digits
    }

    [Fact]
    public void Squares_XOR_and_threshold_gates_are_recognised()
    {
        Assert.Equal(new[] { "x²", "x²" }, GroupLabels(XDocument.Parse(Polynomials.OscillatorNetwork.DeepModel.ToSvg())).OrderBy(s => s));
        Assert.Equal(15, GroupLabels(XDocument.Parse(Functions.Parity16Network.DeepModel.ToSvg())).Count(g => g == "XOR"));
        Assert.Contains("AND/OR", GroupLabels(XDocument.Parse(Functions.MajorityNetwork.DeepModel.ToSvg())));
    }

    [Fact]
    public void ReLU_polynomial_gates_are_named_as_built_not_as_bit_or_smooth_gates()
    {
        // A ReLU square (Yarotsky) is |a| = σ(a) + σ(−a), then teeth σ(x), σ(x − ½) and carry neurons: the wiring of
        // those groups is that of a smooth x² gate, a XOR pair and an AND/OR unit, and the picture named them so,
        // although a polynomial network has no bit gate and no Taylor square. x·y: polarization into two squares.
        var xy = GroupLabels(XDocument.Parse(ReluPictures.ProductNetwork.DeepModel.ToSvg()));
        Assert.DoesNotContain("XOR", xy);
        Assert.DoesNotContain("AND/OR", xy);
        Assert.DoesNotContain("x²", xy);
        Assert.Equal(2, xy.Count(g => g == "|u|"));                       // |a| and |b|, one per square
        Assert.Contains("tooth", xy);
        // x² alone with m teeth: one |u|, m teeth, m − 1 carries of the partial sum (3m + 1 neurons).
        var sq = ReluPictures.SquareNetwork.DeepModel;
        var labels = GroupLabels(XDocument.Parse(sq.ToSvg()));
        Assert.Equal(1, labels.Count(g => g == "|u|"));
        int teeth = labels.Count(g => g == "tooth");
        Assert.True(teeth >= 1, string.Join(",", labels));
        Assert.Equal(3 * teeth + 1, sq.Neurons);
        Assert.Equal(teeth - 1, labels.Count(g => g == "carry"));
        // Bit networks keep their threshold-gate names, with either activation.
        Assert.Contains("AND/OR", GroupLabels(XDocument.Parse(ReluPictures.MajorityNetwork.DeepModel.ToSvg())));
    }

    [Fact]
    public void Flat_layer_is_not_boxed_as_a_gate()
    {
        var svg = XDocument.Parse(FlatForms.Product6Network.FlatModel.ToSvg());
        Assert.Empty(GroupLabels(svg));
        Assert.Equal(Nodes(FlatForms.Product6Network.FlatModel), svg.Descendants(Svg + "circle").Count());
    }

    [Fact]
    public void Dot_has_one_edge_per_synapse_and_gate_clusters()
    {
        var m = FlatForms.Product6Network.DeepModel;
        string dot = m.ToDot(new[] { "a", "b", "c", "d", "e", "f" });
        Assert.StartsWith("digraph network {", dot, StringComparison.Ordinal);
        Assert.Equal(Synapses(m), Regex.Matches(dot, " -> ").Count);
        Assert.Equal(Negative(m), Regex.Matches(dot, "color=\"#c53030\"").Count);
        Assert.Equal(5, Regex.Matches(dot, "label=\"×\"").Count);
        Assert.Contains("[label=\"a\", shape=box", dot, StringComparison.Ordinal);
    }

    [Fact]
    public void Above_the_limit_a_summary_shows_layer_sizes()
    {
        int width = 400;
        var hidden = new SparseAffineMap(1, width, Enumerable.Range(0, width + 1).ToArray(), new int[width], Enumerable.Repeat(0.5, width).ToArray(), new double[width]);
        var output = new SparseAffineMap(width, 1, new[] { 0, width }, Enumerable.Range(0, width).ToArray(), Enumerable.Repeat(1.0, width).ToArray(), new double[1]);
        var m = new NetworkModel(Activation.Tanh, 1, new[] { new AffineLayer(hidden), new AffineLayer(output) }, 1, 1);
        var svg = XDocument.Parse(m.ToSvg());
        Assert.Empty(svg.Descendants(Svg + "circle"));
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value == "400");
        Assert.Contains("layer sizes only", svg.ToString(), StringComparison.Ordinal);
        string dot = m.ToDot();
        Assert.Equal(2, Regex.Matches(dot, " -> ").Count);
        Assert.Contains("400 neurons", dot, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_number_of_input_names_is_an_ArgumentException()
    {
        Assert.Equal("inputNames", Assert.Throws<ArgumentException>(() => Polynomials.ProductNetwork.DeepModel.ToSvg(new[] { "x" })).ParamName);
        Assert.Equal("inputNames", Assert.Throws<ArgumentException>(() => Polynomials.ProductNetwork.DeepModel.ToDot(new[] { "x", "y", "z" })).ParamName);
    }
}

public static partial class ReluPictures
{
    [PolynomialNetwork(Activation = Activation.ReLU, Tolerance = 1e-3)]
    public static double Product(double x, double y) => x * y;

    [PolynomialNetwork(Activation = Activation.ReLU, Tolerance = 1e-3)]
    public static double Square(double x) => x * x;

    [BitNetwork(Activation = Activation.ReLU)]
    public static bool Majority(bool a, bool b, bool c) => (a & b) | (a & c) | (b & c);
}
