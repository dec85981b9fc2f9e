using System;
using System.Collections.Generic;
using Google.Protobuf;
using Onnx;

namespace CheapLearning.Onnx
{
    /// <summary>
    /// Writes a CheapLearning network as ONNX nodes: each affine map as MatMul + Add with a dense weight
    /// initializer, σ after every hidden map. A factored hidden layer stays two MatMul + Add pairs
    /// (gate inputs, then neurons): multiplying the maps out would change the rounding the bound models.
    /// </summary>
    internal sealed class OnnxGraphBuilder
    {
        private readonly GraphProto _graph = new GraphProto();
        private readonly OnnxElementType _type;
        private readonly Dictionary<double, string> _scalars = new Dictionary<double, string>();
        private readonly HashSet<string> _reserved;
        private int _next;

        /// <summary>
        /// <paramref name="reserved"/>: the graph input's and output's names, which no tensor inside the graph may take
        /// (ONNX Runtime rejected a classifier exported with OutputName = "logits": "Duplicate definition of name").
        /// </summary>
        public OnnxGraphBuilder(OnnxElementType type, string name, params string[] reserved)
        {
            _type = type;
            _graph.Name = name;
            _reserved = new HashSet<string>(reserved, StringComparer.Ordinal);
        }

        /// <summary><paramref name="name"/>, with '_' appended while it is a reserved name.</summary>
        private string Internal(string name)
        {
            while (_reserved.Contains(name)) name += "_";
            return name;
        }

        /// <summary>Renames the last node's output to <paramref name="name"/>: the graph's output.</summary>
        public void NameLastOutput(string name) => _graph.Node[_graph.Node.Count - 1].Output[0] = name;

        public GraphProto Graph => _graph;

        private int DataType => _type == OnnxElementType.Float64 ? (int)TensorProto.Types.DataType.Double : (int)TensorProto.Types.DataType.Float;

        /// <summary>Declares a graph input or output of shape [batch, width] with a symbolic batch.</summary>
        public ValueInfoProto Value(string name, int width, string doc)
        {
            var shape = new TensorShapeProto();
            shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = "batch" });
            shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = width });
            return new ValueInfoProto
            {
                Name = name,
                DocString = doc,
                Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = DataType, Shape = shape } },
            };
        }

        /// <summary>Writes the network reading <paramref name="input"/>; returns the name of its [batch, outputs] result.</summary>
        public string Network(NetworkModel model, string input, string prefix)
        {
            string h = input;
            for (int l = 0; l < model.Layers.Count; l++)
            {
                var layer = model.Layers[l];
                string z = layer.GateInputs is { } gates
                    ? Affine(Affine(h, gates, $"{prefix}L{l}_gate_inputs"), layer.Map, $"{prefix}L{l}_neurons")
                    : Affine(h, layer.Map, l == model.Layers.Count - 1 ? $"{prefix}L{l}_output" : $"{prefix}L{l}_neurons");
                h = l < model.Layers.Count - 1 ? Activation(model.Activation, z, $"{prefix}L{l}_sigma") : z;
            }
            return h;
        }

        /// <summary>z = h·Wᵀ + b as MatMul with a dense [in, out] initializer, then Add.</summary>
        public string Affine(string h, SparseAffineMap map, string name)
        {
            var w = new double[map.InputCount * map.OutputCount];
            for (int r = 0; r < map.OutputCount; r++)
                for (int k = map.RowStarts[r]; k < map.RowStarts[r + 1]; k++)
                    w[map.Columns[k] * map.OutputCount + r] += map.Weights[k];
            string product = Node("MatMul", name + "_matmul", h, Initializer(name + "_W", w, map.InputCount, map.OutputCount));
            return Node("Add", name, product, Initializer(name + "_b", map.Bias.ToArray(), map.OutputCount));
        }

        /// <summary>σ(z) elementwise with operators ONNX Runtime implements for both element types.</summary>
        public string Activation(Activation activation, string z, string name)
        {
            switch (activation)
            {
                case CheapLearning.Activation.Softplus: return Softplus(z, name);
                case CheapLearning.Activation.Sigmoid: return Node("Sigmoid", name, z);
                case CheapLearning.Activation.Tanh: return Node("Tanh", name, z);
                case CheapLearning.Activation.Exp: return Node("Exp", name, z);
                case CheapLearning.Activation.ReLU: return Node("Relu", name, z);
                default: throw new ArgumentOutOfRangeException(nameof(activation), activation, "Unknown activation.");
            }
        }

        /// <summary>
        /// softplus(z) = Relu(z) + log1p(exp(−|z|)), the runtime's own formula. ONNX Runtime's CPU provider
        /// has no float64 Softplus kernel, and Log(1 + Exp(z)) loses the small tail exp(−|z|) to rounding.
        /// </summary>
        private string Softplus(string z, string name)
        {
            string t = Node("Exp", name + "_exp", Node("Neg", name + "_neg", Node("Abs", name + "_abs", z)));
            return Node("Add", name, Node("Relu", name + "_relu", z), Log1p(t, name + "_log1p"));
        }

        /// <summary>
        /// log1p(t) for t ≥ 0 without an ONNX Log1p operator: with w = 1 + t, ln(w)·t/(w − 1) cancels the
        /// rounding of the addition (Goldberg's correction, as ActivationFunctions.Log1p does); where
        /// w rounds to 1 the result is t itself.
        /// </summary>
        private string Log1p(string t, string name)
        {
            string one = Scalar(1.0);
            string w = Node("Add", name + "_w", t, one);
            string d = Node("Sub", name + "_w_minus_1", w, one);
            string corrected = Node("Mul", name + "_corrected", Node("Log", name + "_log", w), Node("Div", name + "_ratio", t, d));
            string tiny = Node("Equal", name + "_w_is_1", w, one);
            return Node("Where", name, tiny, t, corrected);
        }

        public string Node(string op, string output, params string[] inputs) => Node(op, output, null, inputs);

        public string Node(string op, string output, AttributeProto? attribute, params string[] inputs)
        {
            var node = new NodeProto { OpType = op, Name = $"n{_next++}_{op}" };
            node.Input.Add(inputs);
            output = Internal(output);
            node.Output.Add(output);
            if (attribute is not null) node.Attribute.Add(attribute);
            _graph.Node.Add(node);
            return output;
        }

        /// <summary>A constant tensor in the element type (values rounded once when exporting float32).</summary>
        public string Initializer(string name, double[] values, params long[] dims)
        {
            name = Internal(name);
            var tensor = new TensorProto { Name = name, DataType = DataType };
            tensor.Dims.Add(dims);
            if (_type == OnnxElementType.Float64) tensor.DoubleData.Add(values);
            else foreach (double v in values) tensor.FloatData.Add((float)v);
            _graph.Initializer.Add(tensor);
            return name;
        }

        private string Scalar(double value)
        {
            if (_scalars.TryGetValue(value, out string? name)) return name;
            name = Initializer($"scalar_{_scalars.Count}", new[] { value });
            _scalars[value] = name;
            return name;
        }

        public static AttributeProto IntAttribute(string name, long value)
            => new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

        public static ByteString Utf8(string s) => ByteString.CopyFromUtf8(s);
    }
}
