using System.Text;
using CheapLearning.Generator.Construction;

namespace CheapLearning.Generator.Common
{
    /// <summary>Emits the code that builds a <c>NetworkModel</c> equal to the network the evaluator computes.</summary>
    internal static class ModelEmitter
    {
        /// <summary>
        /// A factory of the model of <paramref name="network"/>. With <paramref name="inputsAreBits"/> the model is
        /// <c>NetworkModel.ForBits</c> (its bound holds on every 0/1 input, and it says so), else one for the box |xᵢ| ≤ R.
        /// Weights and biases are written through <paramref name="shared"/> (named constants where the class has them).
        /// </summary>
        public static void WriteFactory(SourceWriter w, string methodName, BuiltNetwork network, double inputBound, bool checkInputs,
                                        SharedMembers shared, bool inputsAreBits = false)
        {
            w.Open($"private static global::CheapLearning.NetworkModel {methodName}()");
            w.Line(inputsAreBits ? "return global::CheapLearning.NetworkModel.ForBits(" : "return new global::CheapLearning.NetworkModel(");
            w.Line($"\tglobal::CheapLearning.Activation.{network.Activation},");
            w.Line($"\t{Literals.Int(network.InputCount)},");
            if (!TryWriteLayout(w, network, shared))
            {
                w.Line("\tnew global::CheapLearning.AffineLayer[]");
                w.Line("\t{");
                foreach (var layer in network.Layers)
                {
                    // Written piece by piece into the file's builder: a layer's arrays are most of the file.
                    var line = w.BeginLine().Append("\t\tnew global::CheapLearning.AffineLayer(");
                    if (layer.GateInputs is { } g) AppendMap(line, g, shared).Append(", ");
                    AppendMap(line, layer.Map, shared).Append("),");
                    w.EndLine();
                }
                w.Line("\t},");
            }
            if (!inputsAreBits) w.Line($"\t{Literals.Double(inputBound)},");
            w.Line($"\t{Literals.Double(network.ErrorBound)},");
            w.Line($"\t{(checkInputs ? "true" : "false")});");
            w.Close();
        }

        /// <summary>
        /// Layouts longer than this are written as arrays. A string literal is stored in the assembly's user-string heap,
        /// which holds 16 MB (8 M characters) for the whole assembly (CS8103 beyond); arrays have no such limit. At 4,096
        /// characters (8 KB, about 1,500 synapses) a project needs a thousand models of that size to fill it, and the
        /// typical model, a few hundred synapses, takes a few hundred characters.
        /// </summary>
        internal const int MaxLayoutChars = 4096;

        /// <summary>
        /// Writes the layers as <c>NetworkLayout.Decode("…", new double[] { … })</c> (format: <c>src/Runtime/NetworkLayout.cs</c>):
        /// the C# compiler reads the structure as one token instead of binding every array element (issue 12). The
        /// table holds each magnitude once, in order of first use, written through <paramref name="shared"/>, so every
        /// weight is the same double as in the evaluator. False, with nothing written, when the text would be longer than
        /// <see cref="MaxLayoutChars"/>.
        /// </summary>
        private static bool TryWriteLayout(SourceWriter w, BuiltNetwork network, SharedMembers shared)
        {
            // The layout goes straight into the file's builder and is rewound when it turns out too long: built aside, its
            // builder's growth and the copy out of it were 2 % of a run's allocation (dotnet-trace, N = 100 benchmark).
            int mark = w.Mark;
            var sb = w.BeginLine().Append("\tglobal::CheapLearning.NetworkLayout.Decode(\"");
            int start = sb.Length;
            var table = new Dictionary<long, int>(shared.DistinctMagnitudes);
            var magnitudes = new List<double>(shared.DistinctMagnitudes);
            LayoutCode.Append(sb, network.Layers.Count);
            foreach (var layer in network.Layers)
            {
                LayoutCode.Append(sb, layer.GateInputs is null ? 0 : 1);
                if (layer.GateInputs is { } g) AppendLayout(sb, g, table, magnitudes);
                AppendLayout(sb, layer.Map, table, magnitudes);
                if (sb.Length - start > MaxLayoutChars)
                {
                    w.Rewind(mark);
                    return false;
                }
            }
            sb.Append("\", new double[] { ");
            for (int i = 0; i < magnitudes.Count; i++) shared.Append(i == 0 ? sb : sb.Append(", "), magnitudes[i]);
            sb.Append(magnitudes.Count == 0 ? "}),": " }),");
            w.EndLine();
            return true;
        }

        private static void AppendLayout(StringBuilder layout, Stage s, Dictionary<long, int> table, List<double> magnitudes)
        {
            LayoutCode.Append(layout, s.InputCount);
            LayoutCode.Append(layout, s.OutputCount);
            for (int r = 0; r < s.OutputCount; r++) LayoutCode.Append(layout, s.RowStarts[r + 1] - s.RowStarts[r]);
            foreach (int c in s.Columns) LayoutCode.Append(layout, c);
            foreach (double v in s.Weights) LayoutCode.Append(layout, Reference(v, table, magnitudes));
            if (Array.TrueForAll(s.Bias, v => BitConverter.DoubleToInt64Bits(v) == 0))
            {
                LayoutCode.Append(layout, 0);
                return;
            }
            LayoutCode.Append(layout, 1);
            foreach (double b in s.Bias) LayoutCode.Append(layout, Reference(b, table, magnitudes));
        }

        /// <summary>2·i + s: the magnitude's index in the table (added at first use), s = 1 when the sign bit is set (−0.0 too).</summary>
        private static int Reference(double value, Dictionary<long, int> table, List<double> magnitudes)
        {
            long bits = BitConverter.DoubleToInt64Bits(value);
            long magnitudeBits = bits & long.MaxValue;
            if (!table.TryGetValue(magnitudeBits, out int index))
            {
                index = magnitudes.Count;
                table.Add(magnitudeBits, index);
                magnitudes.Add(BitConverter.Int64BitsToDouble(magnitudeBits));
            }
            return 2 * index + (bits < 0 ? 1 : 0);
        }

        private static StringBuilder AppendMap(StringBuilder sb, Stage s, SharedMembers shared)
        {
            sb.Append("new global::CheapLearning.SparseAffineMap(").Append(Literals.Int(s.InputCount)).Append(", ")
              .Append(Literals.Int(s.OutputCount)).Append(", new int[] { ");
            AppendJoined(sb, s.RowStarts).Append(" }, new int[] { ");
            AppendJoined(sb, s.Columns).Append(" }, ");
            AppendDoubles(sb, s.Weights, shared).Append(", ");
            return AppendDoubles(sb, s.Bias, shared).Append(')');
        }

        private static StringBuilder AppendJoined(StringBuilder sb, int[] values)
        {
            for (int i = 0; i < values.Length; i++) (i == 0 ? sb : sb.Append(", ")).Append(Literals.Int(values[i]));
            return sb;
        }

        /// <summary>
        /// A double[] expression: <c>new double[n]</c> when every entry is +0.0 (what a new array holds; gate inputs have
        /// no bias), else the entries.
        /// </summary>
        private static StringBuilder AppendDoubles(StringBuilder sb, double[] values, SharedMembers shared)
        {
            if (Array.TrueForAll(values, v => BitConverter.DoubleToInt64Bits(v) == 0))
                return sb.Append("new double[").Append(Literals.Int(values.Length)).Append(']');
            sb.Append("new double[] { ");
            for (int i = 0; i < values.Length; i++) shared.Append(i == 0 ? sb : sb.Append(", "), values[i]);
            return sb.Append(" }");
        }
    }
}
