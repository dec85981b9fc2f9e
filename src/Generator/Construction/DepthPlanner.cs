using System.Linq;
using System.Numerics;
using System.Threading;
using CheapLearning.Generator.Model;

namespace CheapLearning.Generator.Construction
{
    /// <summary>
    /// The network behind <c>Deep(...)</c> with <c>HiddenLayers = k</c> honored: the fully deep plan,
    /// or, when k is below its depth, the depth-k network of <see cref="DepthNetworkBuilder"/>
    /// (if k ≥ the deep depth, the deep network already fits). Falls back to the deep plan when the
    /// polynomial is not expanded or the depth-k network would exceed <see cref="MaxNeurons"/>.
    /// </summary>
    internal static class DepthPlanner
    {
        public const int MaxNeurons = 1 << 20;

        public static DeepPlan Plan(Algebra.ExprGraph graph, NetworkOptions options, CancellationToken ct)
        {
            var deep = DeepNetworkPlanner.Plan(graph, options, ct);
            int k = options.HiddenLayers;
            if (!IsHonored(deep, k)) return deep;
            var network = DepthNetworkBuilder.Build(deep.Expanded!, ActivationCalculus.For(options.Activation), options.InputBound, k, ct);
            // The blocks compute the polynomial with its coefficients rounded once: add what that costs.
            network = network.WithAddedError(deep.Expanded!.RoundingError(options.InputBound));
            return new DeepPlan(network, deep.Expanded!.AbsoluteSumMagnitude(options.InputBound), Strategy(k), deep.Expanded, deep.Degree);
        }

        public static string Strategy(int k) => "depth-" + k.ToString(System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>Whether a depth-k network replaces the deep one (k below the deep depth, expanded, not too large).</summary>
        public static bool IsHonored(DeepPlan deep, int k)
        {
            if (k <= 0 || k >= deep.Network.HiddenLayers || deep.Expanded is null) return false;
            // Depth-k blocks are flat smooth products; a ReLU square needs m + 1 layers, so k is not honored.
            if (deep.Network.Activation == Activation.ReLU) return false;
            BigInteger total = BigInteger.Zero;
            foreach (var t in deep.Expanded.Terms.Where(t => t.Key.Degree > 0))
            {
                total += TheoryCounts.ProductNeurons(t.Key.Degree, k);
                if (total > MaxNeurons) return false;
            }
            return true;
        }
    }
}
