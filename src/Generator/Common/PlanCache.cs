namespace CheapLearning.Generator.Common
{
    /// <summary>
    /// The findings of the last plans computed in this process, shared by each feature's generator and analyzer (one
    /// assembly, one process, in a build and in the IDE): the generator plans every method to emit it, and the analyzer
    /// needed the same plan's findings and planned again (in a build, and in the IDE per keystroke). Only findings are
    /// kept: they are all the analyzer reads and are small, where a plan holds whole networks. Keyed by the
    /// value-equatable spec and settings (the plan is a pure function of them), so equal inputs from two compilations
    /// share an entry; values hold no symbols, syntax or compilations. Bounded: least recently used first out beyond
    /// <c>capacity</c> entries. Thread-safe: one lock around the map, never held while planning; a failed or cancelled
    /// plan is not stored.
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

        /// <summary>The value for <paramref name="key"/>: remembered, else computed by <paramref name="plan"/> (outside the lock) and remembered.</summary>
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
            return Add(key, plan());
        }

        /// <summary>Remembers <paramref name="value"/> for <paramref name="key"/> (the first one stored wins) and returns the one stored.</summary>
        public TValue Add(TKey key, TValue value)
        {
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

    /// <summary>
    /// The process's findings caches, one per feature. 4,096 entries each: a cold build of a project with up to that
    /// many annotated methods finds every plan's findings (the generator stores them all before the analyzers run);
    /// an entry is a spec (the method's expression graph) and a few findings, kilobytes for a typical method.
    /// </summary>
    internal static class Plans
    {
        public const int Capacity = 4096;

        public static PlanCache<(MethodSpec Spec, ProjectSettings Settings), IReadOnlyList<Finding>> PolynomialFindings { get; } = new(Capacity);

        public static PlanCache<BitMethodSpec, IReadOnlyList<Finding>> BitFindings { get; } = new(Capacity);
    }
}
