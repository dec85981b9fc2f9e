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
                if (layer.GateInputs is { } g)
                    w.Line($"        new global::CheapLearning.AffineLayer({Map(g)}, {Map(layer.Map)}),");
                else
                    w.Line($"        new global::CheapLearning.AffineLayer({Map(layer.Map)}),");
            }
            w.Line("    },");
            if (!inputsAreBits) w.Line($"    {Literals.Double(inputBound)},");
            w.Line($"    {Literals.Double(network.ErrorBound)},");
            w.Line($"    {(checkInputs ? "true" : "false")});");
            w.Close();
        }

        private static string Map(Stage s)
            => $"new global::CheapLearning.SparseAffineMap({s.InputCount}, {s.OutputCount}, "
             + $"new int[] {{ {Join(s.RowStarts)} }}, new int[] {{ {Join(s.Columns)} }}, "
             + $"new double[] {{ {Join(s.Weights)} }}, new double[] {{ {Join(s.Bias)} }})";

        private static string Join(int[] values) => string.Join(", ", values.Select(v => Literals.Int(v)));

        private static string Join(double[] values) => string.Join(", ", values.Select(Literals.Double));
    }
}
