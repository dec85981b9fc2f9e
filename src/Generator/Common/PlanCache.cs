namespace CheapLearning.Generator.Common
{
    /// <summary>
    /// The findings of the last plans computed in this process, shared by each feature's generator and analyzer (one
    /// assembly, one process, in a build and in the IDE): the generator plans every method to emit it, and the analyzer
    /// needed the same plan's findings and planned again (in a build, and in the IDE per keystroke). Only findings are
    /// kept: they are all the analyzer reads and are small, where a plan holds whole networks. Keyed by the
    /// value-equatable spec and settings (the plan is a pure function of them), so equal inputs from two compilations
    /// share an entry; values hold no symbols, syntax or compilations. Bounded: least recently used first out beyond
    /// <c>capacity</c> entries. Thread-safe: lookups are lock-free, one lock orders the recency list only and is never held while hashing,
    /// comparing or planning; a failed or cancelled plan is not stored.
    /// </summary>
    internal sealed class PlanCache<TKey, TValue>
        where TKey : IEquatable<TKey>
    {
        private readonly int _capacity;
        // Lookups go through the concurrent map, outside the lock: a key's hash and equality walk a whole spec (its
        // expression graph), and holding the one lock for that made the analyzer's threads queue behind each other
        // (5 of its 53 s of sampled time in the 1,000-method cold build, issue 12). The lock guards only the recency
        // list, whose updates are O(1) relinks that never hash or compare a key.
        // The list's elements are Entry objects, not KeyValuePair values: a LinkedList of a value type is compiled by the
        // JIT for that type in every compiler process, one of reference types shares the code compiled for all of them.
        private readonly System.Collections.Concurrent.ConcurrentDictionary<TKey, LinkedListNode<Entry>> _map = new();
        private readonly LinkedList<Entry> _recent = new();
        private readonly object _gate = new();

        public PlanCache(int capacity) => _capacity = capacity;

        public int Count => _map.Count;

        /// <summary>The value for <paramref name="key"/>: remembered, else computed by <paramref name="plan"/> (outside the lock) and remembered.</summary>
        public TValue GetOrAdd(TKey key, Func<TValue> plan)
        {
            if (_map.TryGetValue(key, out var known))
            {
                Touch(known);
                return known.Value.Value;
            }
            return Add(key, plan());
        }

        /// <summary>Remembers <paramref name="value"/> for <paramref name="key"/> (the first one stored wins) and returns the one stored.</summary>
        public TValue Add(TKey key, TValue value)
        {
            var node = new LinkedListNode<Entry>(new Entry(key, value));
            var stored = _map.GetOrAdd(key, node);
            if (!ReferenceEquals(stored, node))
            {
                Touch(stored);
                return stored.Value.Value;
            }
            LinkedListNode<Entry>? evicted = null;
            lock (_gate)
            {
                _recent.AddFirst(node);
                if (_recent.Count > _capacity)
                {
                    evicted = _recent.Last!;
                    _recent.RemoveLast();
                }
            }
            // Removes that entry only (a key re-added since maps to another node and stays).
            if (evicted is not null)
                ((ICollection<KeyValuePair<TKey, LinkedListNode<Entry>>>)_map).Remove(
                    new KeyValuePair<TKey, LinkedListNode<Entry>>(evicted.Value.Key, evicted));
            return value;
        }

        /// <summary>Marks an entry most recently used, unless it was evicted meanwhile (it is then out of the list, and soon of the map).</summary>
        private void Touch(LinkedListNode<Entry> node)
        {
            lock (_gate)
            {
                if (node.List is null) return;
                _recent.Remove(node);
                _recent.AddFirst(node);
            }
        }

        /// <summary>A key and its value, as the recency list holds them.</summary>
        private sealed class Entry
        {
            public Entry(TKey key, TValue value)
            {
                Key = key;
                Value = value;
            }

            public TKey Key { get; }

            public TValue Value { get; }
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

        public static PlanCache<Polynomials.ConfiguredSpec, IReadOnlyList<Finding>> PolynomialFindings { get; } = new(Capacity);

        public static PlanCache<BitMethodSpec, IReadOnlyList<Finding>> BitFindings { get; } = new(Capacity);

        /// <summary>A classifier's plan has no findings of its own: an entry (empty) says its networks were built without failing.</summary>
        public static PlanCache<ClassifierSpec, IReadOnlyList<Finding>> ClassifierFindings { get; } = new(Capacity);
    }
}
