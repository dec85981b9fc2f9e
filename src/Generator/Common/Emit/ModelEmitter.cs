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
        /// </summary>
        public static void WriteFactory(SourceWriter w, string methodName, BuiltNetwork network, double inputBound, bool checkInputs, bool inputsAreBits = false)
        {
            w.Open($"private static global::CheapLearning.NetworkModel {methodName}()");
            w.Line(inputsAreBits ? "return global::CheapLearning.NetworkModel.ForBits(" : "return new global::CheapLearning.NetworkModel(");
            w.Line($"    global::CheapLearning.Activation.{network.Activation},");
            w.Line($"    {Literals.Int(network.InputCount)},");
            w.Line("    new global::CheapLearning.AffineLayer[]");
            w.Line("    {");
            foreach (var layer in network.Layers)
            {
                // Written piece by piece into the file's builder: a layer's arrays are most of the file.
                var line = w.BeginLine().Append("        new global::CheapLearning.AffineLayer(");
                if (layer.GateInputs is { } g) AppendMap(line, g).Append(", ");
                AppendMap(line, layer.Map).Append("),");
                w.EndLine();
            }
            w.Line("    },");
            if (!inputsAreBits) w.Line($"    {Literals.Double(inputBound)},");
            w.Line($"    {Literals.Double(network.ErrorBound)},");
            w.Line($"    {(checkInputs ? "true" : "false")});");
            w.Close();
        }

        private static StringBuilder AppendMap(StringBuilder sb, Stage s)
        {
            sb.Append("new global::CheapLearning.SparseAffineMap(").Append(Literals.Int(s.InputCount)).Append(", ")
              .Append(Literals.Int(s.OutputCount)).Append(", new int[] { ");
            AppendJoined(sb, s.RowStarts).Append(" }, new int[] { ");
            AppendJoined(sb, s.Columns).Append(" }, new double[] { ");
            AppendJoined(sb, s.Weights).Append(" }, new double[] { ");
            return AppendJoined(sb, s.Bias).Append(" })");
        }

        private static StringBuilder AppendJoined(StringBuilder sb, int[] values)
        {
            for (int i = 0; i < values.Length; i++) (i == 0 ? sb : sb.Append(", ")).Append(Literals.Int(values[i]));
            return sb;
        }

        private static StringBuilder AppendJoined(StringBuilder sb, double[] values)
        {
            for (int i = 0; i < values.Length; i++) (i == 0 ? sb : sb.Append(", ")).Append(Literals.Double(values[i]));
            return sb;
        }
    }
}
