using System;
using System.Text;

namespace CheapLearning.Generator.Algebra
{
    /// <summary>
    /// x₀^e₀ · x₁^e₁ ⋯ as an exponent vector. Immutable; equality and order by exponents
    /// (graded: lower degree first, then lexicographic), so expansions list terms deterministically.
    /// </summary>
    internal sealed class Monomial : IEquatable<Monomial>, IComparable<Monomial>
    {
        private readonly int[] _exponents;
        private readonly int _hash;

        public Monomial(int[] exponents)
        {
            _exponents = exponents;
            long degree = 0;
            unchecked
            {
                int h = 17;
                foreach (int e in exponents)
                {
                    degree += e;
                    h = h * 31 + e;
                }
                _hash = h;
            }
            Degree = (int)Math.Min(degree, int.MaxValue);
        }

        public static Monomial One(int variables) => new(new int[variables]);

        public static Monomial Variable(int variables, int index)
        {
            var e = new int[variables];
            e[index] = 1;
            return new Monomial(e);
        }

        public int VariableCount => _exponents.Length;

        public int Degree { get; }

        public int this[int variable] => _exponents[variable];

        public ReadOnlySpan<int> Exponents => _exponents;

        /// <summary>Number of distinct variables with a non-zero exponent.</summary>
        public int Support
        {
            get
            {
                int n = 0;
                foreach (int e in _exponents) if (e != 0) n++;
                return n;
            }
        }

        public Monomial Multiply(Monomial other)
        {
            var e = new int[_exponents.Length];
            for (int i = 0; i < e.Length; i++) e[i] = _exponents[i] + other._exponents[i];
            return new Monomial(e);
        }

        public double Evaluate(ReadOnlySpan<double> x)
        {
            double p = 1;
            for (int i = 0; i < _exponents.Length; i++)
                for (int k = 0; k < _exponents[i]; k++) p *= x[i];
            return p;
        }

        public bool Equals(Monomial? other)
        {
            if (other is null || other._hash != _hash || other._exponents.Length != _exponents.Length) return false;
            for (int i = 0; i < _exponents.Length; i++)
                if (_exponents[i] != other._exponents[i]) return false;
            return true;
        }

        public override bool Equals(object? obj) => Equals(obj as Monomial);

        public override int GetHashCode() => _hash;

        public int CompareTo(Monomial? other)
        {
            if (other is null) return 1;
            int c = Degree.CompareTo(other.Degree);
            if (c != 0) return c;
            for (int i = 0; i < _exponents.Length; i++)
            {
                c = other._exponents[i].CompareTo(_exponents[i]);
                if (c != 0) return c;
            }
            return 0;
        }

        /// <summary>Renders the monomial with the given variable names, e.g. <c>a·b²·c</c>.</summary>
        public string ToString(string[] names)
        {
            var sb = new StringBuilder();
            for (int i = 0; i < _exponents.Length; i++)
            {
                if (_exponents[i] == 0) continue;
                if (sb.Length > 0) sb.Append('·');
                sb.Append(names[i]);
                if (_exponents[i] > 1) sb.Append('^').Append(_exponents[i].ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            return sb.Length == 0 ? "1" : sb.ToString();
        }
    }
}
