using System.Collections;

namespace CheapLearning.Generator.Model
{
    /// <summary>
    /// An immutable array with value equality (element by element), so pipeline models that hold
    /// collections compare equal when their contents do and the incremental generator can cache.
    /// </summary>
    internal readonly struct EquatableArray<T> : IEquatable<EquatableArray<T>>, IReadOnlyList<T>
        where T : IEquatable<T>
    {
        private readonly T[]? _items;

        public EquatableArray(T[] items) => _items = items;

        public static EquatableArray<T> Empty => new(Array.Empty<T>());

        public int Count => _items?.Length ?? 0;

        public T this[int index] => _items![index];

        public ReadOnlySpan<T> AsSpan() => _items ?? Array.Empty<T>();

        public bool Equals(EquatableArray<T> other)
        {
            var a = AsSpan();
            var b = other.AsSpan();
            if (a.Length != b.Length) return false;
            for (int i = 0; i < a.Length; i++)
                if (!a[i].Equals(b[i])) return false;
            return true;
        }

        public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

        public override int GetHashCode()
        {
            unchecked
            {
                int hash = 17;
                foreach (var item in AsSpan()) hash = hash * 31 + item.GetHashCode();
                return hash;
            }
        }

        /// <summary>
        /// The items in order, for <c>foreach</c> without an allocation: the array's own enumerator is reached through
        /// IEnumerable&lt;T&gt; and boxed, one object per loop over every form of every expression graph (1 % of a run's
        /// allocation on the N = 100 benchmark, dotnet-trace, issue 12). LINQ still goes through the interface.
        /// </summary>
        public Enumerator GetEnumerator() => new(_items ?? Array.Empty<T>());

        IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)(_items ?? Array.Empty<T>())).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable<T>)this).GetEnumerator();

        /// <summary>An index into the array: what <c>foreach</c> over a T[] compiles to.</summary>
        public struct Enumerator
        {
            private readonly T[] _items;
            private int _index;

            internal Enumerator(T[] items)
            {
                _items = items;
                _index = -1;
            }

            public T Current => _items[_index];

            public bool MoveNext() => ++_index < _items.Length;
        }

        public static bool operator ==(EquatableArray<T> left, EquatableArray<T> right) => left.Equals(right);

        public static bool operator !=(EquatableArray<T> left, EquatableArray<T> right) => !left.Equals(right);
    }

    internal static class EquatableArray
    {
        public static EquatableArray<T> From<T>(IEnumerable<T> items) where T : IEquatable<T>
            => new(new List<T>(items).ToArray());
    }
}
