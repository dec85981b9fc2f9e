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
            if (!inputsAreBits) w.Line($"\t{Literals.Double(inputBound)},");
            w.Line($"\t{Literals.Double(network.ErrorBound)},");
            w.Line($"\t{(checkInputs ? "true" : "false")});");
            w.Close();
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
