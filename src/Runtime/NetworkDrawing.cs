using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace CheapLearning
{
    /// <summary>
    /// The network as columns of nodes for <see cref="NetworkModel.ToSvg"/> and <see cref="NetworkModel.ToDot"/>:
    /// inputs, then per layer its gate inputs (Σ, when the layer is factored) and its neurons (σ), then the
    /// output. Neurons of a factored layer are grouped by the gate inputs they read, and each group is
    /// labelled by its wiring: 2 inputs → 4 neurons is a multiplication gate (×, paper Eq 11); 1 → 2 with
    /// weights ±λ is x² (output weights of one sign) or copy (opposite signs); 1 → 2 with equal weights is a
    /// XOR threshold pair and 1 → 1 an AND/OR threshold neuron (Sec. II.C.2). A ReLU polynomial network has
    /// neither Taylor gates nor bit gates: its groups are Yarotsky's (σ(a) + σ(−a) = |u|, the tooth σ(x), σ(x − ½),
    /// one carry neuron σ(p) = p) and the exact copy σ(v) − σ(−v), so the same wiring gets those names there. The
    /// model stores only weights, so these labels are read off the wiring, not recorded by the generator.
    /// </summary>
    internal sealed class NetworkDrawing
    {
        /// <summary>The largest gate drawn as a group (a multiplication gate has 4 neurons).</summary>
        private const int MaxGateNeurons = 8;

        internal sealed class Column
        {
            public Column(string title, bool neurons) { Title = title; Neurons = neurons; }
            public string Title { get; }
            public bool Neurons { get; }
            public List<string> Labels { get; } = new List<string>();
            /// <summary>Gate group of each node (−1: none), and the groups' labels.</summary>
            public List<int> Group { get; } = new List<int>();
            public List<string> GroupLabels { get; } = new List<string>();
        }

        internal readonly struct Edge
        {
            public Edge(int column, int from, int to, double weight) { Column = column; From = from; To = to; Weight = weight; }
            /// <summary>The edge goes from node From of column Column to node To of column Column + 1.</summary>
            public int Column { get; }
            public int From { get; }
            public int To { get; }
            public double Weight { get; }
        }

        public List<Column> Columns { get; } = new List<Column>();
        public List<Edge> Edges { get; } = new List<Edge>();
        public int NodeCount { get; private set; }

        public static NetworkDrawing Build(NetworkModel model, IReadOnlyList<string>? inputNames, string outputName)
        {
            if (inputNames is not null && inputNames.Count != model.InputCount)
                throw new ArgumentException($"Expected {model.InputCount} input names but got {inputNames.Count}.", nameof(inputNames));
            var d = new NetworkDrawing();
            var inputs = new Column("inputs", false);
            for (int i = 0; i < model.InputCount; i++) { inputs.Labels.Add(inputNames?[i] ?? "x" + i.ToString(CultureInfo.InvariantCulture)); inputs.Group.Add(-1); }
            d.Columns.Add(inputs);
            for (int l = 0; l < model.Layers.Count; l++)
            {
                var layer = model.Layers[l];
                bool last = l == model.Layers.Count - 1;
                if (layer.GateInputs is { } gates) d.AddColumn(gates, $"layer {l + 1}: gate inputs", false, "Σ");
                string title = last ? "output" : layer.GateInputs is null ? $"hidden layer {l + 1} (σ, one map)" : $"hidden layer {l + 1} (σ)";
                var column = d.AddColumn(layer.Map, title, !last, last ? outputName : "σ");
                if (!last && layer.GateInputs is not null) LabelGates(column, layer.Map, model.Layers[l + 1], Kind(model));
            }
            foreach (var c in d.Columns) d.NodeCount += c.Labels.Count;
            return d;
        }

        private Column AddColumn(SparseAffineMap map, string title, bool neurons, string label)
        {
            int from = Columns.Count - 1;
            var column = new Column(title, neurons);
            for (int r = 0; r < map.OutputCount; r++)
            {
                column.Labels.Add(label);
                column.Group.Add(-1);
                for (int k = map.RowStarts[r]; k < map.RowStarts[r + 1]; k++)
                    if (map.Weights[k] != 0) Edges.Add(new Edge(from, map.Columns[k], r, map.Weights[k]));
            }
            Columns.Add(column);
            return column;
        }

        private enum GateKind { Smooth, Bits, ReluPolynomial }

        /// <summary>Which constructions the model's groups come from: bits (Eq 13 threshold units, either activation), ReLU squares, or smooth gates.</summary>
        private static GateKind Kind(NetworkModel model)
            => model.InputsAreBits ? GateKind.Bits : model.Activation == Activation.ReLU ? GateKind.ReluPolynomial : GateKind.Smooth;

        /// <summary>Groups the neurons of <paramref name="map"/> by the gate inputs they read (connected components).</summary>
        private static void LabelGates(Column column, SparseAffineMap map, AffineLayer next, GateKind kind)
        {
            int n = map.OutputCount, g = map.InputCount;
            var parent = new int[n + g];
            for (int i = 0; i < parent.Length; i++) parent[i] = i;
            int Find(int i) { while (parent[i] != i) i = parent[i] = parent[parent[i]]; return i; }
            for (int r = 0; r < n; r++)
                for (int k = map.RowStarts[r]; k < map.RowStarts[r + 1]; k++) parent[Find(r)] = Find(n + map.Columns[k]);
            // Sign of each neuron's outgoing weights in the next map.
            var reader = next.GateInputs ?? next.Map;
            var outSign = new double[n];
            for (int r = 0; r < reader.OutputCount; r++)
                for (int k = reader.RowStarts[r]; k < reader.RowStarts[r + 1]; k++) outSign[reader.Columns[k]] += reader.Weights[k];
            var groupOf = new Dictionary<int, int>();
            for (int r = 0; r < n; r++)
            {
                int root = Find(r);
                if (!groupOf.TryGetValue(root, out int id))
                {
                    id = column.GroupLabels.Count;
                    groupOf[root] = id;
                    column.GroupLabels.Add("");
                }
                column.Group[r] = id;
            }
            foreach (var kv in groupOf)
            {
                var members = new List<int>();
                for (int r = 0; r < n; r++) if (column.Group[r] == kv.Value) members.Add(r);
                if (members.Count > MaxGateNeurons)
                {
                    // A flat layer is one big component: no gate to box or name.
                    foreach (int r in members) column.Group[r] = -1;
                    column.GroupLabels[kv.Value] = "";
                    continue;
                }
                int inputs = 0;
                for (int c = 0; c < g; c++) if (Find(n + c) == kv.Key) inputs++;
                column.GroupLabels[kv.Value] = Classify(map, members, inputs, outSign, kind);
            }
        }

        private static string Classify(SparseAffineMap map, List<int> members, int inputs, double[] outSign, GateKind kind)
        {
            if (inputs == 2 && members.Count == 4 && kind == GateKind.Smooth) return "×";
            if (inputs == 1 && members.Count == 1) return kind == GateKind.ReluPolynomial ? "carry" : "AND/OR";
            if (inputs == 1 && members.Count == 2)
            {
                double w0 = FirstWeight(map, members[0]), w1 = FirstWeight(map, members[1]);
                if (Math.Sign(w0) == Math.Sign(w1)) return kind == GateKind.ReluPolynomial ? "tooth" : "XOR";
                // Opposite input weights: outputs of one sign add σ(u) + σ(−u) (a Taylor square, or |u| for ReLU);
                // of opposite signs they subtract, σ(u) − σ(−u), a copy with either activation.
                if (Math.Sign(outSign[members[0]]) != Math.Sign(outSign[members[1]])) return "copy";
                return kind == GateKind.ReluPolynomial ? "|u|" : "x²";
            }
            return $"gate {inputs}→{members.Count}";
        }

        private static double FirstWeight(SparseAffineMap map, int row)
            => map.RowStarts[row + 1] > map.RowStarts[row] ? map.Weights[map.RowStarts[row]] : 0;

        internal static string Number(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

        internal static string Escape(string s)
        {
            var b = new StringBuilder(s.Length);
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                switch (c)
                {
                    case '<': b.Append("&lt;"); break;
                    case '>': b.Append("&gt;"); break;
                    case '&': b.Append("&amp;"); break;
                    case '"': b.Append("&quot;"); break;
                    default:
                        // A character XML 1.0 forbids even escaped (a control character, a lone surrogate, U+FFFE/FFFF) made the
                        // whole SVG unreadable: it is drawn as U+FFFD instead.
                        bool pair = char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]);
                        if (pair) b.Append(c).Append(s[++i]);
                        else if ((c < ' ' && c != '\t' && c != '\n' && c != '\r') || char.IsSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') b.Append('\uFFFD');
                        else b.Append(c);
                        break;
                }
            }
            return b.ToString();
        }
    }
}
