using System.Collections.Concurrent;

namespace CheapLearning.Generator.Construction
{
    /// <summary>
    /// A thread-safe memo of a pure function, shared by the generator and the analyzers loaded in one compiler
    /// or IDE process. Values must be immutable and depend on the key alone, so a hit can never change an
    /// output. It is bounded: at <see cref="Capacity"/> entries it is cleared (cheaper than tracking use, and
    /// a miss only costs the computation again), so it never grows with the size of a solution.
    /// </summary>
    internal sealed class BoundedCache<TKey, TValue>
        where TKey : notnull
    {
        private readonly ConcurrentDictionary<TKey, TValue> _entries = new();

        public BoundedCache(int capacity) => Capacity = capacity;

        public int Capacity { get; }

        public bool TryGet(TKey key, out TValue value) => _entries.TryGetValue(key, out value!);

        public void Add(TKey key, TValue value)
        {
            if (_entries.Count >= Capacity) _entries.Clear();
            _entries[key] = value;
        }
    }
}
