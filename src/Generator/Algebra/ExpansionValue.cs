using System;
using System.Collections.Generic;

namespace CheapLearning.Generator.Algebra
{
    /// <summary>
    /// The value of one atom while <see cref="Expansion"/> runs: its expanded terms, or a product of values over
    /// pairwise disjoint sets of variables (times a scale) kept unexpanded until a sum, a power or an overlapping
    /// product needs its terms. A product of 1,000 variables is then 1,000 leaves and one final monomial instead of
    /// 999 intermediate monomials of 1,000 exponents each.
    /// <para>
    /// <b>Why the unexpanded product is exact.</b> Let A and B be polynomials whose monomials use only the variables
    /// of S_A and S_B, S_A ∩ S_B = ∅, with every coefficient non-zero. A monomial of A·B splits uniquely as m_A·m_B
    /// (m_A: its exponents on S_A, m_B: on S_B), so distinct pairs of terms give distinct monomials: A·B has exactly
    /// |A|·|B| terms, each coefficient is one product c_A·c_B of non-zero rationals and is non-zero, and nothing
    /// cancels. So the term count is the product of the counts, the expansion's term limit is decided from the
    /// counts alone (its eager multiplication only grows towards |A|·|B|, one row at a time), and
    /// Size(c_A·c_B) ≤ Size(c_A) + Size(c_B) (bit lengths of a product add at most; reducing only shrinks)
    /// bounds every coefficient, and every partial product on the way, for its bit limit.
    /// </para>
    /// <para>
    /// <see cref="Expand"/> lists the terms in the order the eager expansion inserted them (leaves left to right,
    /// the last one varying fastest, each leaf in its own order), so a later eager step sees the same dictionary.
    /// </para>
    /// </summary>
    internal sealed class ExpansionValue
    {
        private readonly int _variable;
        private readonly ExpansionValue? _left, _right;
        private readonly Rational _scale;
        private Dictionary<Monomial, Rational>? _terms;
        private long _sizeBound;

        private ExpansionValue(ulong[] support, long count, Dictionary<Monomial, Rational>? terms = null, int variable = -1,
                               ExpansionValue? left = null, ExpansionValue? right = null, Rational scale = default, long sizeBound = -1)
        {
            Support = support;
            Count = count;
            _terms = terms;
            _variable = variable;
            _left = left;
            _right = right;
            _scale = scale;
            _sizeBound = sizeBound;
        }

        /// <summary>Every variable a term may contain (a superset when terms cancelled): bit i is variable i.</summary>
        public ulong[] Support { get; }

        /// <summary>The exact number of terms.</summary>
        public long Count { get; }

        public bool IsExpanded => _terms is not null;

        /// <summary>At least the <see cref="Rational.Size"/> of every coefficient.</summary>
        public long SizeBound
        {
            get
            {
                if (_sizeBound >= 0) return _sizeBound;
                long max = 0;
                foreach (var c in _terms!.Values) max = Math.Max(max, c.Size);
                return _sizeBound = max;
            }
        }

        /// <summary>x_v, unexpanded.</summary>
        public static ExpansionValue Variable(int variables, int v)
        {
            var support = new ulong[Words(variables)];
            support[v >> 6] |= 1UL << (v & 63);
            return new ExpansionValue(support, 1, variable: v, sizeBound: Rational.One.Size);
        }

        /// <summary>Terms already expanded, whose monomials use only the variables of <paramref name="support"/>.</summary>
        public static ExpansionValue Expanded(Dictionary<Monomial, Rational> terms, ulong[] support) => new(support, terms.Count, terms);

        /// <summary>Whether the two values share no variable (then their product needs no expansion, see the class comment).</summary>
        public static bool Disjoint(ExpansionValue a, ExpansionValue b)
        {
            for (int i = 0; i < a.Support.Length; i++)
                if ((a.Support[i] & b.Support[i]) != 0) return false;
            return true;
        }

        /// <summary>The product of two values over disjoint variables, unexpanded; the caller checked <see cref="Disjoint"/> and the limits.</summary>
        public static ExpansionValue Product(ExpansionValue a, ExpansionValue b)
            => new(Union(a.Support, b.Support), a.Count * b.Count, left: a, right: b, scale: Rational.One, sizeBound: a.SizeBound + b.SizeBound);

        /// <summary>c times this value, unexpanded (c ≠ 0, so the terms and their count stay).</summary>
        public ExpansionValue Scaled(Rational c)
            => new(Support, Count, left: this, scale: c, sizeBound: SizeBound + c.Size);

        public static ulong[] Union(ulong[] a, ulong[] b)
        {
            var u = new ulong[a.Length];
            for (int i = 0; i < u.Length; i++) u[i] = a[i] | b[i];
            return u;
        }

        public static int Words(int variables) => (variables + 63) >> 6;

        /// <summary>The terms (computed once): every combination of one term per leaf, in the eager expansion's order.</summary>
        public Dictionary<Monomial, Rational> Expand(int variables)
        {
            if (_terms is not null) return _terms;
            // x_v alone: the one term the general path below would list, without its lists and stack.
            if (_variable >= 0) return _terms = new Dictionary<Monomial, Rational>(1) { { new Monomial(UnitExponents(variables, _variable)), Rational.One } };
            var leaves = new List<ExpansionValue>();
            var scale = Rational.One;
            var stack = new Stack<ExpansionValue>();
            stack.Push(this);
            while (stack.Count > 0)
            {
                var node = stack.Pop();
                if (node._terms is not null || node._variable >= 0) { leaves.Add(node); continue; }
                scale *= node._scale;
                if (node._right is not null) stack.Push(node._right);
                stack.Push(node._left!);
            }

            // Single-term leaves fix part of every monomial; the others are enumerated like an odometer.
            var fixedExponents = new int[variables];
            List<(int[] Variables, int[] Exponents, Rational Coefficient)[]>? spread = null;
            foreach (var leaf in leaves)
            {
                // A variable leaf is the single term 1·x_v (multiplying the scale by 1 changes nothing).
                if (leaf._variable >= 0) { fixedExponents[leaf._variable]++; continue; }
                if (leaf._terms!.Count == 1)
                {
                    // Adding a zero exponent changes nothing, so the whole exponent vector is added as it is.
                    foreach (var t in leaf._terms)
                    {
                        var es = t.Key.Exponents;
                        for (int j = 0; j < es.Length; j++) fixedExponents[j] += es[j];
                        scale *= t.Value;
                    }
                }
                else (spread ??= new()).Add(leaf.SparseTerms());
            }
            var result = new Dictionary<Monomial, Rational>((int)Count);
            // One monomial: the fixed exponents are its exponents (nothing else will read the array).
            if (spread is null)
            {
                result.Add(new Monomial(fixedExponents), scale);
                return _terms = result;
            }
            var choice = new int[spread.Count];
            while (true)
            {
                var exponents = (int[])fixedExponents.Clone();
                var coefficient = scale;
                for (int k = 0; k < spread.Count; k++)
                {
                    var (vs, es, c) = spread[k][choice[k]];
                    for (int j = 0; j < vs.Length; j++) exponents[vs[j]] += es[j];
                    coefficient *= c;
                }
                result.Add(new Monomial(exponents), coefficient);
                int d = spread.Count - 1;
                while (d >= 0 && ++choice[d] == spread[d].Length) choice[d--] = 0;
                if (d < 0) break;
            }
            return _terms = result;
        }

        private static int[] UnitExponents(int variables, int v)
        {
            var exponents = new int[variables];
            exponents[v] = 1;
            return exponents;
        }

        /// <summary>The terms of a leaf with each monomial as its non-zero (variable, exponent) pairs, in dictionary order.</summary>
        private (int[] Variables, int[] Exponents, Rational Coefficient)[] SparseTerms()
        {
            var variables = new List<int>();
            for (int w = 0; w < Support.Length; w++)
                for (ulong bits = Support[w]; bits != 0; bits &= bits - 1)
                    variables.Add(w * 64 + TrailingZeros(bits));
            var result = new (int[], int[], Rational)[_terms!.Count];
            int i = 0;
            var vs = new List<int>();
            var es = new List<int>();
            foreach (var t in _terms)
            {
                vs.Clear();
                es.Clear();
                foreach (int v in variables)
                    if (t.Key[v] != 0) { vs.Add(v); es.Add(t.Key[v]); }
                result[i++] = (vs.ToArray(), es.ToArray(), t.Value);
            }
            return result;
        }

        private static int TrailingZeros(ulong bits)
        {
            int n = 0;
            while ((bits & 1) == 0) { bits >>= 1; n++; }
            return n;
        }
    }
}
