using System;
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

        private static readonly ConcurrentDictionary<GateDesignKey, GateDesign> Designs = new();

        public static GateDesign Choose(GateKind kind, ActivationCalculus sigma, double u, double v, double minimumReach = 0)
        {
            var key = new GateDesignKey(kind, sigma.Kind, u, v, minimumReach);
            if (Designs.TryGetValue(key, out var design)) return design;
            design = GateDesign.Choose(kind, sigma, u, v, minimumReach);
            if (Designs.Count >= Capacity) Designs.Clear();
            Designs.TryAdd(key, design);
            return design;
        }
    }

    /// <summary>
    /// What a gate design is a function of: (kind, activation, U, V, minimum reach). A class, not a value tuple: a
    /// dictionary keyed by a value type makes the JIT compile the dictionary's code again for that type in every
    /// compiler process (about 20 methods per key type), and a class key shares the code compiled for all reference
    /// types. Equality as the tuple's was: the enums by value, the doubles by <see cref="double.Equals(double)"/>.
    /// </summary>
    internal sealed class GateDesignKey : IEquatable<GateDesignKey>
    {
        private readonly GateKind _kind;
        private readonly Activation _activation;
        private readonly double _u, _v, _reach;

        public GateDesignKey(GateKind kind, Activation activation, double u, double v, double reach)
        {
            _kind = kind;
            _activation = activation;
            _u = u;
            _v = v;
            _reach = reach;
        }

        public bool Equals(GateDesignKey? other)
            => other is not null && _kind == other._kind && _activation == other._activation
               && _u.Equals(other._u) && _v.Equals(other._v) && _reach.Equals(other._reach);

        public override bool Equals(object? obj) => Equals(obj as GateDesignKey);

        public override int GetHashCode()
        {
            unchecked
            {
                int hash = (int)_kind * 31 + (int)_activation;
                hash = hash * -1521134295 + _u.GetHashCode();
                hash = hash * -1521134295 + _v.GetHashCode();
                return hash * -1521134295 + _reach.GetHashCode();
            }
        }
    }
}
