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
            if (LargestBlock(deep.Expanded, k) > FlatNetworkBuilder.MaxDegree) return false;
            BigInteger total = BigInteger.Zero;
            foreach (var t in deep.Expanded.Terms.Where(t => t.Key.Degree > 0))
            {
                total += TheoryCounts.ProductNeurons(t.Key.Degree, k);
                if (total > MaxNeurons) return false;
            }
            return true;
        }

        /// <summary>
        /// The most factors one flat product block of the depth-k network multiplies: ⌈m_{i−1}/m_i⌉ over the levels of
        /// each monomial's plan (<see cref="DepthNetworkBuilder"/> splits a level into balanced groups). A block is a flat
        /// product (Eq 28), whose error is bounded only up to degree <see cref="FlatNetworkBuilder.MaxDegree"/>: beyond
        /// it the depth-k network's bound is infinite (x¹³ with HiddenLayers = 1 was emitted with bound ∞), so k is not honored.
        /// </summary>
        public static int LargestBlock(Algebra.Polynomial expanded, int k)
        {
            int largest = 0;
            foreach (int degree in expanded.Terms.Select(t => t.Key.Degree).Where(d => d > 1).Distinct())
            {
                var levels = TheoryCounts.ProductPlan(degree, k).Levels;
                for (int i = 1; i < levels.Length; i++)
                    largest = Math.Max(largest, (levels[i - 1] + levels[i] - 1) / levels[i]);
            }
            return largest;
        }
    }
}
