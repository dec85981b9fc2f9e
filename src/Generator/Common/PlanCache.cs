namespace CheapLearning.Generator.Common
{
    /// <summary>
    /// The last plans computed in this process, shared by each feature's generator and analyzer (one assembly, one
    /// process, in a build and in the IDE): the generator plans every method to emit it, then the analyzer needed the
    /// same plan for its findings and planned again; and in the IDE a keystroke that leaves a method's spec equal
    /// (a comment, spacing, a renamed local) re-planned it twice. Keyed by the value-equatable spec and settings (what
    /// the plan is a pure function of), so equal inputs from two compilations share one plan; values are plans, which
    /// hold no symbols, syntax or compilations. Bounded: least recently used first out beyond <c>capacity</c> entries.
    /// Thread-safe: one lock around the map, never held while planning; a failed or cancelled plan is not stored.
    /// </summary>
    internal sealed class PlanCache<TKey, TValue>
        where TKey : IEquatable<TKey>
    {
        private readonly int _capacity;
        private readonly Dictionary<TKey, LinkedListNode<KeyValuePair<TKey, TValue>>> _map = new();
        private readonly LinkedList<KeyValuePair<TKey, TValue>> _recent = new();
        private readonly object _gate = new();

        public PlanCache(int capacity) => _capacity = capacity;

        public int Count
        {
            get
            {
                lock (_gate) return _map.Count;
            }
        }

        /// <summary>The plan for <paramref name="key"/>: remembered, else computed by <paramref name="plan"/> (outside the lock) and remembered.</summary>
        public TValue GetOrAdd(TKey key, Func<TValue> plan)
        {
            lock (_gate)
            {
                if (_map.TryGetValue(key, out var known))
                {
                    _recent.Remove(known);
                    _recent.AddFirst(known);
                    return known.Value.Value;
                }
            }
            var value = plan();
            lock (_gate)
            {
                if (_map.TryGetValue(key, out var raced)) return raced.Value.Value;
                _map.Add(key, _recent.AddFirst(new KeyValuePair<TKey, TValue>(key, value)));
                if (_map.Count > _capacity)
                {
                    var oldest = _recent.Last!;
                    _recent.RemoveLast();
                    _map.Remove(oldest.Value.Key);
                }
            }
            return value;
        }
    }

    /// <summary>The process's plan caches, one per feature (a few hundred plans each: a project's worth of recent edits).</summary>
    internal static class Plans
    {
        public const int Capacity = 256;

        public static PlanCache<(MethodSpec Spec, ProjectSettings Settings), Polynomials.PolynomialPlan> Polynomial { get; } = new(Capacity);

        public static PlanCache<BitMethodSpec, (Construction.BitPlan? Plan, IReadOnlyList<Finding> Findings)> Bits { get; } = new(Capacity);
    }
}
