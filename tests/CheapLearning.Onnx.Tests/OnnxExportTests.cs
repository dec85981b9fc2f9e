using System;
using System.IO;
using System.Linq;
using BitsAndClassifier;
using Microsoft.ML.OnnxRuntime;
using Showcase;
using Xunit;
using Xunit.Abstractions;

namespace CheapLearning.Onnx.Tests;

/// <summary>The exported model's shape, metadata, options and error handling; the softplus composition; the classifier.</summary>
public class OnnxExportTests
{
    private readonly ITestOutputHelper _output;

    public OnnxExportTests(ITestOutputHelper output) => _output = output;

    private static NetworkModel Product => Polynomials.ProductNetwork.DeepModel;

    [Fact]
    public void Input_is_batch_by_n_with_a_symbolic_batch_and_output_is_batch_by_1()
    {
        using var session = new InferenceSession(Polynomials.Product4Network.DeepModel.ToOnnxBytes());
        var input = session.InputMetadata["x"];
        Assert.Equal(new[] { -1, 4 }, input.Dimensions);
        Assert.Equal("batch", input.SymbolicDimensions[0]);
        Assert.Equal(typeof(double), input.ElementType);
        var output = session.OutputMetadata["y"];
        Assert.Equal(new[] { -1, 1 }, output.Dimensions);
        double[] y = OrtRunner.Run(Polynomials.Product4Network.DeepModel.ToOnnxBytes(), new double[] { 1, 2, 0.5, -1.5, 0.1, 0.2, 0.3, 0.4 }, 4);
        Assert.Equal(2, y.Length);
        Assert.Equal(-1.5, y[0], 1e-8);
        Assert.Equal(0.0024, y[1], 1e-8);
    }

    [Fact]
    public void Metadata_carries_signature_polynomial_bounds_sizes_and_input_names()
    {
        var options = new OnnxExportOptions { InputNames = new[] { "x", "y" }, Signature = "double Product(double x, double y)", Polynomial = "x * y" };
        using var session = new InferenceSession(Product.ToOnnxBytes(options));
        var meta = session.ModelMetadata;
        var props = meta.CustomMetadataMap;
        Assert.Equal("double Product(double x, double y)", props["Signature"]);
        Assert.Equal("x * y", props["Polynomial"]);
        Assert.Equal("x,y", props["InputNames"]);
        Assert.Equal(Product.ErrorBound, double.Parse(props["ErrorBound"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Product.InputBound, double.Parse(props["InputBound"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("Softplus", props["Activation"]);
        Assert.Equal("4", props["Neurons"]);
        Assert.Equal("1", props["HiddenLayers"]);
        Assert.Equal("float64", props["ElementType"]);
        Assert.StartsWith("0.", props["PackageVersion"], StringComparison.Ordinal);
        Assert.Equal("CheapLearning", meta.ProducerName);
        Assert.Contains("ErrorBound: " + props["ErrorBound"], meta.Description, StringComparison.Ordinal);
        Assert.Contains("Polynomial: x * y", meta.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Metadata_without_names_uses_x0_x1_and_omits_what_the_model_does_not_carry()
    {
        using var session = new InferenceSession(Product.ToOnnxBytes());
        var props = session.ModelMetadata.CustomMetadataMap;
        Assert.Equal("x0,x1", props["InputNames"]);
        Assert.False(props.ContainsKey("Signature"));
        Assert.False(props.ContainsKey("Polynomial"));
    }

    [Fact]
    public void A_bit_model_is_exported_over_its_0_1_inputs_without_being_told()
    {
        // A [BitNetwork]'s bound holds on 0/1 inputs only; a file claiming it for |x_i| <= 1 would be wrong at 0.5.
        var bits = Functions.MajorityNetwork.DeepModel;
        using (var session = new InferenceSession(bits.ToOnnxBytes()))
        {
            var props = session.ModelMetadata.CustomMetadataMap;
            Assert.Equal("true", props["InputsAreBits"]);
            Assert.Contains("0/1 input", props["ErrorBoundKind"], StringComparison.Ordinal);
        }
        Assert.Equal(OnnxExport.StatedErrorBound(bits, OnnxElementType.Float32, inputsAreBits: true), OnnxExport.StatedErrorBound(bits, OnnxElementType.Float32));
        using (var session = new InferenceSession(Temperature.Classifier.Model.ToOnnxBytes()))
            Assert.Equal("true", session.ModelMetadata.CustomMetadataMap["InputsAreBits"]);
        using (var session = new InferenceSession(Product.ToOnnxBytes()))
            Assert.False(session.ModelMetadata.CustomMetadataMap.ContainsKey("InputsAreBits"));
    }

    [Fact]
    public void Float32_export_states_its_own_bound_and_keeps_the_float64_one()
    {
        using var session = new InferenceSession(Product.ToOnnxBytes(new OnnxExportOptions { ElementType = OnnxElementType.Float32 }));
        var props = session.ModelMetadata.CustomMetadataMap;
        Assert.Equal(typeof(float), session.InputMetadata["x"].ElementType);
        Assert.Equal("float32", props["ElementType"]);
        double stated = double.Parse(props["ErrorBound"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(OnnxExport.StatedErrorBound(Product, OnnxElementType.Float32), stated);
        Assert.Equal(Product.ErrorBound, double.Parse(props["Float64ErrorBound"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("not proven", props["ErrorBoundKind"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(13)]
    [InlineData(17)]
    [InlineData(21)]
    [InlineData(23)]
    public void Every_supported_opset_loads_and_computes_the_same(int opset)
    {
        var x = new double[] { 0.3, -0.7 };
        double y = OrtRunner.Run(Product.ToOnnxBytes(new OnnxExportOptions { Opset = opset }), x, 2)[0];
        Assert.True(Math.Abs(y - 0.3 * -0.7) <= Product.ErrorBound);
    }

    [Fact]
    public void Bad_use_gets_clear_exceptions()
    {
        Assert.Equal("stream", Assert.Throws<ArgumentNullException>(() => Product.SaveOnnx((Stream)null!)).ParamName);
        Assert.Equal("stream", Assert.Throws<ArgumentException>(() => Product.SaveOnnx(new MemoryStream(new byte[10], writable: false))).ParamName);
        Assert.Equal("path", Assert.Throws<ArgumentNullException>(() => Product.SaveOnnx((string)null!)).ParamName);
        Assert.Equal("path", Assert.Throws<ArgumentException>(() => Product.SaveOnnx("  ")).ParamName);
        var missing = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "no-such-dir", "m.onnx");
        var io = Assert.Throws<IOException>(() => Product.SaveOnnx(missing));
        Assert.Contains(missing, io.Message, StringComparison.Ordinal);
        Assert.Equal("model", Assert.Throws<ArgumentNullException>(() => ((NetworkModel)null!).SaveOnnx(new MemoryStream())).ParamName);
        Assert.Equal("model", Assert.Throws<ArgumentNullException>(() => ((ClassifierModel)null!).ToOnnxBytes()).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentOutOfRangeException>(() => Product.ToOnnxBytes(new OnnxExportOptions { Opset = 12 })).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentException>(() => Product.ToOnnxBytes(new OnnxExportOptions { InputNames = new[] { "x" } })).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentException>(() => Product.ToOnnxBytes(new OnnxExportOptions { GraphName = null! })).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentException>(() => Temperature.Classifier.Model.ToOnnxBytes(new OnnxExportOptions { GraphName = null! })).ParamName);
        // A network always has its output map: the runtime refuses a model with no layers before export sees it.
        Assert.Equal("layers", Assert.Throws<ArgumentException>(() => new NetworkModel(Activation.Softplus, 2, Array.Empty<AffineLayer>(), 1, 0)).ParamName);
    }

    [Fact]
    public void SaveOnnx_to_a_file_and_to_a_stream_write_the_same_bytes()
    {
        string path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".onnx");
        try
        {
            Product.SaveOnnx(path);
            var stream = new MemoryStream();
            Product.SaveOnnx(stream);
            Assert.Equal(stream.ToArray(), File.ReadAllBytes(path));
            Assert.Equal(Product.ToOnnxBytes(), stream.ToArray());
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>ReLU maps to ONNX's Relu: |x| = σ(x) + σ(−x) is computed exactly by ONNX Runtime and by the model.</summary>
    [Fact]
    public void Relu_exports_as_the_Relu_operator_and_is_exact_in_ONNX_Runtime()
    {
        var hidden = new SparseAffineMap(1, 2, new[] { 0, 1, 2 }, new[] { 0, 0 }, new[] { 1.0, -1.0 }, new[] { 0.0, 0.0 });
        var output = new SparseAffineMap(2, 1, new[] { 0, 2 }, new[] { 0, 1 }, new[] { 1.0, 1.0 }, new[] { 0.0 });
        var model = new NetworkModel(Activation.ReLU, 1, new[] { new AffineLayer(hidden), new AffineLayer(output) }, 1e300, 0, checkInputs: false);
        byte[] bytes = model.ToOnnxBytes();
        Assert.Contains("Relu", System.Text.Encoding.ASCII.GetString(bytes));
        var random = new Random(11);
        var x = Enumerable.Range(0, 5000).Select(i => (2 * random.NextDouble() - 1) * Math.Pow(10, random.Next(-300, 300))).Concat(new[] { 0.0, -1.0, 1.0 }).ToArray();
        double[] ort = OrtRunner.Run(bytes, x, 1);
        for (int i = 0; i < x.Length; i++)
        {
            Assert.Equal(Math.Abs(x[i]), ort[i]);
            Assert.Equal(Math.Abs(x[i]), model.Evaluate(new[] { x[i] }));
        }
    }

    /// <summary>
    /// The softplus composition Relu(z) + log1p(exp(−|z|)), log1p written as ln(w)·t/(w − 1), run by ONNX Runtime
    /// on a one-neuron network, against the runtime's σ. Log(1 + Exp(z)) would lose everything below 1e-16 for z ≪ 0.
    /// </summary>
    [Fact]
    public void Softplus_composition_in_ONNX_Runtime_matches_the_runtime_softplus_to_a_few_ulps()
    {
        var identity = new SparseAffineMap(1, 1, new[] { 0, 1 }, new[] { 0 }, new[] { 1.0 }, new[] { 0.0 });
        var model = new NetworkModel(Activation.Softplus, 1, new[] { new AffineLayer(identity), new AffineLayer(identity) }, 1e300, 0, checkInputs: false);
        var random = new Random(5);
        var z = Enumerable.Range(0, 20000).Select(i => (2 * random.NextDouble() - 1) * Math.Pow(10, random.Next(-20, 3))).Concat(new[] { 0.0, -745.0, -40, 40, 700 }).ToArray();
        double[] ort = OrtRunner.Run(model.ToOnnxBytes(), z, 1);
        double worstUlps = 0;
        for (int i = 0; i < z.Length; i++)
        {
            double expected = ActivationFunctions.Softplus(z[i]);
            double ulp = Math.Max(Math.BitIncrement(Math.Abs(expected)) - Math.Abs(expected), double.Epsilon);
            worstUlps = Math.Max(worstUlps, Math.Abs(ort[i] - expected) / ulp);
        }
        _output.WriteLine($"softplus in ONNX Runtime vs the runtime's: {worstUlps} ulps at worst over {z.Length} arguments");
        Assert.True(worstUlps <= 4, $"{worstUlps} ulps");
        Assert.True(OrtRunner.Run(model.ToOnnxBytes(), new[] { -700.0 }, 1)[0] > 0, "exp(-700) must survive: Log(1 + Exp(z)) would give 0");
    }

    [Fact]
    public void Classifier_export_gives_the_Bayes_posterior_within_its_stated_bound()
    {
        var classifier = Temperature.Classifier.Model;
        int n = classifier.InputCount;
        double bound = OnnxExport.ProbabilityErrorBound(classifier, OnnxElementType.Float64);
        double[] rows = Enumerable.Range(0, 1 << n).SelectMany(mask => Enumerable.Range(0, n).Select(i => (double)((mask >> i) & 1))).ToArray();
        double[] p = OrtRunner.Run(classifier.ToOnnxBytes(), rows, n);
        Assert.Equal(2 * (1 << n), p.Length);
        double worst = 0;
        for (int r = 0; r < 1 << n; r++)
        {
            var x = Enumerable.Range(0, n).Select(i => Rational.FromDouble(rows[r * n + i])).ToArray();
            Rational energy = SampleNetworks.UniformIsingEnergy(x);
            // H_T = E/T + ln Z_T (exact up to the ln Z constants, which are the sample's doubles); p(T|x) ∝ e^(−H_T) p(T).
            double hCold = (energy / Rational.FromDouble(1.5) + Rational.FromDouble(9.265341870900809)).ToDouble();
            double hHot = (energy / Rational.FromDouble(4.0) + Rational.FromDouble(6.624712558924657)).ToDouble();
            double pCold = 1 / (1 + Math.Exp(hCold - hHot));
            worst = Math.Max(worst, Math.Max(Math.Abs(p[2 * r] - pCold), Math.Abs(p[2 * r + 1] - (1 - pCold))));
        }
        _output.WriteLine($"Temperature classifier: |ORT - Bayes| <= {worst:E2}, stated bound {bound:E2}");
        Assert.True(worst <= bound, $"{worst:E3} > {bound:E3}");
        using var session = new InferenceSession(classifier.ToOnnxBytes());
        Assert.Equal(new[] { -1, 2 }, session.OutputMetadata["y"].Dimensions);
        Assert.Equal("2", session.ModelMetadata.CustomMetadataMap["Classes"]);
    }

    /// <summary>
    /// Input and output names that a tensor inside the graph also had: ONNX Runtime rejected the classifier exported with
    /// OutputName = "logits" ("Duplicate definition of name (logits)"), and an input named like a weight initializer was
    /// taken as an overridable initializer. Inner tensors now step aside; the results are those of the default names.
    /// </summary>
    [Theory]
    [InlineData("x", "logits")]
    [InlineData("mu", "y")]
    [InlineData("hamiltonians", "probabilities")]
    [InlineData("H0_L0_gate_inputs_W", "H1_L0_neurons")]
    [InlineData("scalar_0", "H0_L0_sigma")]
    public void A_classifier_exports_under_names_its_inner_tensors_had(string input, string output)
    {
        var classifier = Temperature.Classifier.Model;
        int n = classifier.InputCount;
        double[] rows = Enumerable.Range(0, 1 << n).SelectMany(mask => Enumerable.Range(0, n).Select(i => (double)((mask >> i) & 1))).ToArray();
        double[] expected = OrtRunner.Run(classifier.ToOnnxBytes(), rows, n);
        byte[] renamed = classifier.ToOnnxBytes(new OnnxExportOptions { InputName = input, OutputName = output });
        Assert.Equal(expected, OrtRunner.Run(renamed, rows, n));
        using var session = new InferenceSession(renamed);
        Assert.Equal(new[] { input }, session.InputNames);
        Assert.Equal(new[] { output }, session.OutputNames);
    }

    [Theory]
    [InlineData("L0_neurons_W", "L0_neurons")]
    [InlineData("scalar_0", "L0_sigma")]
    [InlineData("L1_output_b", "L0_sigma_log1p_w")]
    public void A_network_exports_under_names_its_inner_tensors_had(string input, string output)
    {
        var model = Product;
        double[] rows = { 0.5, -0.25, 1, 1, -0.75, 0.125 };
        double[] expected = OrtRunner.Run(model.ToOnnxBytes(), rows, 2);
        byte[] renamed = model.ToOnnxBytes(new OnnxExportOptions { InputName = input, OutputName = output });
        Assert.Equal(expected, OrtRunner.Run(renamed, rows, 2));
        using var session = new InferenceSession(renamed);
        Assert.Equal(new[] { input }, session.InputNames);
        Assert.Equal(new[] { output }, session.OutputNames);
    }
}
