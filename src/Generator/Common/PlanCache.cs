using System.Runtime.CompilerServices;

namespace CheapLearning.Generator.Common
{
    /// <summary>
    /// The findings of the last plans computed in this process, shared by each feature's generator and analyzer (one
    /// assembly, one process, in a build and in the IDE): the generator plans every method to emit it, and the analyzer
    /// needed the same plan's findings and planned again (in a build, and in the IDE per keystroke). Only findings are
    /// kept: they are all the analyzer reads and are small, where a plan holds whole networks. Keyed by the
    /// value-equatable spec and settings (the plan is a pure function of them), so equal inputs from two compilations
    /// share an entry; values hold no symbols, syntax or compilations. Bounded: least recently used first out beyond
    /// <c>capacity</c> entries (or a budget of weights). Thread-safe: lookups are lock-free, one lock orders the recency list only and is never held while hashing,
    /// comparing or planning; a failed or cancelled plan is not stored.
    /// </summary>
    internal sealed class PlanCache<TKey, TValue>
        where TKey : IEquatable<TKey>
    {
        private readonly long _budget;
        // Lookups go through the concurrent map, outside the lock: a key's hash and equality walk a whole spec (its
        // expression graph), and holding the one lock for that made the analyzer's threads queue behind each other
        // (5 of its 53 s of sampled time in the 1,000-method cold build, issue 12). The lock guards only the recency
        // list, whose updates are O(1) relinks that never hash or compare a key.
        // The list's elements are Entry objects, not KeyValuePair values: a LinkedList of a value type is compiled by the
        // JIT for that type in every compiler process, one of reference types shares the code compiled for all of them.
        private readonly System.Collections.Concurrent.ConcurrentDictionary<TKey, LinkedListNode<Entry>> _map = new();
        private readonly LinkedList<Entry> _recent = new();
        private readonly object _gate = new();

        private readonly Func<TValue, long>? _weigh;
        // The recency list's total weight (its entry count when no weigh is given); guarded by _gate.
        private long _weight;

        // The entry last stored or found for a key object's identity part (the spec object the front end returned), with
        // that key: see the constructor with an identity. Weak in the spec, so it dies with it.
        private readonly Func<TKey, object>? _identity;
        private readonly ConditionalWeakTable<object, Known> _known = new();

        /// <summary>At most <paramref name="capacity"/> entries.</summary>
        public PlanCache(int capacity) => _budget = capacity;

        /// <summary>
        /// At most <paramref name="capacity"/> entries, found for a key whose <paramref name="identity"/> part (the spec
        /// object) was stored or looked up before without hashing or comparing the spec again. Why: in a build the
        /// generator stores each method's findings under a key holding the spec the front end returned, and the analyzer
        /// looks them up under a key holding that same spec object (<see cref="FrontEndReuse"/>); a spec of an earlier build
        /// sits in the map, so each lookup hashed the new spec's whole expression graph and compared it with the old one
        /// atom by atom (a fifth of the polynomial analyzer's samples at N = 100, issue 12). The key is still compared
        /// (records compare a shared spec by reference first, then the settings), so a spec met with other settings misses.
        /// </summary>
        public PlanCache(int capacity, Func<TKey, object> identity)
            : this(capacity) => _identity = identity;

        /// <summary>
        /// Entries whose weights (by <paramref name="weigh"/>, called once per stored value) sum to at most
        /// <paramref name="budget"/>: for values whose sizes differ by orders of magnitude, as generated files do.
        /// </summary>
        public PlanCache(long budget, Func<TValue, long> weigh)
        {
            _budget = budget;
            _weigh = weigh;
        }

        public int Count => _map.Count;

        /// <summary>The value for <paramref name="key"/>: remembered, else computed by <paramref name="plan"/> (outside the lock) and remembered.</summary>
        public TValue GetOrAdd(TKey key, Func<TValue> plan)
        {
            // Not touched: remembered when the generator stored or found it, in this build, so it is among the most recent,
            // and the recency lock is then not taken at all (the analyzer's threads queued on it).
            if (KnownFor(key) is { } seen) return seen.Value.Value;
            if (_map.TryGetValue(key, out var known))
            {
                Remember(key, known);
                Touch(known);
                return known.Value.Value;
            }
            return Add(key, plan());
        }

        /// <summary>The entry remembered for <paramref name="key"/>'s identity part when that was remembered with an equal key.</summary>
        private LinkedListNode<Entry>? KnownFor(TKey key)
            => _identity is not null && _known.TryGetValue(_identity(key), out var known) && known.Last is { } last && last.Key.Equals(key)
                ? last.Node : null;

        private void Remember(TKey key, LinkedListNode<Entry> node)
        {
            if (_identity is not null) _known.GetValue(_identity(key), static _ => new Known()).Last = new KnownEntry(key, node);
        }

        /// <summary>Remembers <paramref name="value"/> for <paramref name="key"/> (the first one stored wins) and returns the one stored.</summary>
        public TValue Add(TKey key, TValue value)
        {
            long weight = _weigh is null ? 1 : _weigh(value);
            // A value heavier than the whole budget is not kept: it would evict everything and then itself.
            if (weight > _budget) return value;
            var node = new LinkedListNode<Entry>(new Entry(key, value, weight));
            var stored = _map.GetOrAdd(key, node);
            Remember(key, stored);
            if (!ReferenceEquals(stored, node))
            {
                Touch(stored);
                return stored.Value.Value;
            }
            List<LinkedListNode<Entry>>? evicted = null;
            lock (_gate)
            {
                _recent.AddFirst(node);
                _weight += node.Value.Weight;
                while (_weight > _budget && _recent.Last is { } last)
                {
                    (evicted ??= new List<LinkedListNode<Entry>>()).Add(last);
                    _recent.RemoveLast();
                    _weight -= last.Value.Weight;
                }
            }
            // Removes those entries only (a key re-added since maps to another node and stays).
            if (evicted is not null)
                foreach (var gone in evicted)
                    ((ICollection<KeyValuePair<TKey, LinkedListNode<Entry>>>)_map).Remove(
                        new KeyValuePair<TKey, LinkedListNode<Entry>>(gone.Value.Key, gone));
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

        /// <summary>What <see cref="_known"/> holds per identity: the key last remembered for it and that key's entry (replaced as one object).</summary>
        private sealed class Known
        {
            public volatile KnownEntry? Last;
        }

        private sealed class KnownEntry
        {
            public KnownEntry(TKey key, LinkedListNode<Entry> node)
            {
                Key = key;
                Node = node;
            }

            public TKey Key { get; }

            public LinkedListNode<Entry> Node { get; }
        }

        /// <summary>A key and its value, as the recency list holds them.</summary>
        private sealed class Entry
        {
            public Entry(TKey key, TValue value, long weight)
            {
                Key = key;
                Value = value;
                Weight = weight;
            }

            public TKey Key { get; }

            public TValue Value { get; }

            public long Weight { get; }
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

        public static PlanCache<Polynomials.ConfiguredSpec, IReadOnlyList<Finding>> PolynomialFindings { get; } = new(Capacity, static key => key.Spec);

        public static PlanCache<BitMethodSpec, IReadOnlyList<Finding>> BitFindings { get; } = new(Capacity, static key => key);

        /// <summary>A classifier's plan has no findings of its own: an entry (empty) says its networks were built without failing.</summary>
        public static PlanCache<ClassifierSpec, IReadOnlyList<Finding>> ClassifierFindings { get; } = new(Capacity, static key => key);

        /// <summary>
        /// The budget of <see cref="Sources"/>, in characters of generated text: 16 M characters (32 MB as .NET strings)
        /// hold the files of about 1,100 typical polynomial methods (about 14 K characters each).
        /// </summary>
        public const long SourceBudget = 16_000_000;

        /// <summary>
        /// Each feature's generated file and plan findings, by the value-equal input of its source output (spec, settings
        /// and language support), for every feature at once. A build server (VBCSCompiler) keeps this assembly loaded
        /// across builds, but parses each build's files anew, so Roslyn's own incremental tables start empty and every
        /// method would be planned and emitted again although its file's text is a pure function of that input (issue 12,
        /// target 1: planner and emitter were over half of our warm per-build time). Bounded by characters, not entries:
        /// least recently used first out beyond <see cref="SourceBudget"/>.
        /// </summary>
        public static PlanCache<EmittedKey, EmittedSource> Sources { get; } = new(SourceBudget, static source => source.Weight);
    }
}
