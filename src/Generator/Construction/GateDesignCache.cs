using System.Collections.Concurrent;

namespace CheapLearning.Generator.Construction
{
    /// <summary>
    /// Memoizes <see cref="GateDesign.Choose"/>, a pure function of (kind, activation, U, V) that costs
    /// about 8 ms (a λ search per candidate bias). Without it every gate of every method paid it
    /// again, twice per method (expression and monomial builds), so 1,000 small annotated methods
    /// took over 30 s per generator run.
    /// <para>
    /// This is the generator's only static mutable state, and it is a documented cache: the value for
    /// a key never changes (same inputs, same design, bit for bit), so sharing it across runs, threads
    /// and compilations cannot change any output; designs are immutable once built. It is bounded:
    /// at <see cref="Capacity"/> entries it is cleared, so it never holds more than a few MB.
    /// </para>
    /// </summary>
    internal static class GateDesignCache
    {
        public const int Capacity = 4096;

        private static readonly ConcurrentDictionary<(GateKind, Activation, double, double, double), GateDesign> Designs = new();

        public static GateDesign Choose(GateKind kind, ActivationCalculus sigma, double u, double v, double minimumReach = 0)
        {
            var key = (kind, sigma.Kind, u, v, minimumReach);
            if (Designs.TryGetValue(key, out var design)) return design;
            design = GateDesign.Choose(kind, sigma, u, v, minimumReach);
            if (Designs.Count >= Capacity) Designs.Clear();
            Designs.TryAdd(key, design);
            return design;
        }
    }
}
