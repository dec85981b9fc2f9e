using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;

namespace CheapLearning.Generator.Algebra
{
    /// <summary>
    /// The exact multilinear polynomial of a function of bits (paper, Eq 12): Σ_K h_K Π_{i∈K} xᵢ, where
    /// a monomial K is a bit mask over at most 64 variables and x² = x. Coefficients are exact
    /// <see cref="Rational"/>s. Terms are listed by degree, then by mask (deterministic).
    /// </summary>
    internal sealed class Multilinear
    {
        private readonly Dictionary<ulong, Rational> _terms;

        public Multilinear(int variableCount, Dictionary<ulong, Rational> terms)
        {
            VariableCount = variableCount;
            _terms = terms;
        }

        public int VariableCount { get; }

        /// <summary>Number of terms, the constant included.</summary>
        public int TermCount => _terms.Count;

        /// <summary>Number of non-constant monomials: the flat network's neurons (Eq 13).</summary>
        public int MonomialCount => _terms.ContainsKey(0) ? _terms.Count - 1 : _terms.Count;

        public Rational Constant => Coefficient(0);

        public Rational Coefficient(ulong mask) => _terms.TryGetValue(mask, out var c) ? c : Rational.Zero;

        public IEnumerable<KeyValuePair<ulong, Rational>> Terms
            => _terms.OrderBy(t => Degree(t.Key)).ThenBy(t => t.Key);

        public static int Degree(ulong mask)
        {
            int d = 0;
            for (; mask != 0; mask &= mask - 1) d++;
            return d;
        }

        /// <summary>The exact value on the bits of <paramref name="input"/>.</summary>
        public Rational Evaluate(ulong input)
        {
            var sum = Rational.Zero;
            foreach (var t in _terms) if ((t.Key & input) == t.Key) sum += t.Value;
            return sum;
        }

        /// <summary>Renders e.g. <c>a·b + a·c − 2·a·b·c</c> (for tests and documentation).</summary>
        public string ToString(string[] names)
        {
            if (_terms.Count == 0) return "0";
            var sb = new StringBuilder();
            foreach (var t in Terms)
            {
                var c = t.Value;
                bool negative = c.Sign < 0;
                var magnitude = c.Abs();
                if (sb.Length > 0) sb.Append(negative ? " − " : " + ");
                else if (negative) sb.Append('−');
                var factors = new List<string>();
                for (int i = 0; i < VariableCount; i++) if ((t.Key >> i & 1) != 0) factors.Add(names[i]);
                if (factors.Count == 0) sb.Append(magnitude.ToString());
                else
                {
                    if (magnitude != Rational.One) sb.Append(magnitude.ToString()).Append('·');
                    sb.Append(string.Join("·", factors));
                }
            }
            return sb.ToString();
        }
    }

    /// <summary>
    /// Reduces a <see cref="BitGraph"/> to its multilinear polynomial with the rules of Eq 12:
    /// AND = xy, NOT = 1 − x, OR = x + y − xy, XOR = x + y − 2xy, c ? a : b = c·a + (1 − c)·b, and
    /// products of monomials are unions of their variable sets (x² = x). Guarded: returns null as soon
    /// as an intermediate polynomial exceeds <c>maxTerms</c> terms or the work exceeds 64·maxTerms
    /// coefficient products, so time and memory stay bounded (n-bit parity has 2ⁿ − 1 terms).
    /// </summary>
    internal static class MultilinearReduction
    {
        public static Multilinear? TryReduce(BitGraph graph, int maxTerms, CancellationToken ct)
        {
            if (graph.VariableCount > 64) return null;
            long budget = 64L * maxTerms + 1024;
            var values = new Dictionary<ulong, Rational>?[graph.Nodes.Count];
            for (int i = 0; i <= graph.Result && i < graph.Nodes.Count; i++)
            {
                ct.ThrowIfCancellationRequested();
                var n = graph.Nodes[i];
                var ops = n.Operands;
                Dictionary<ulong, Rational>? p;
                switch (n.Op)
                {
                    case BitOp.Variable: p = new() { [1UL << n.Variable] = Rational.One }; break;
                    case BitOp.Constant: p = Constant(n.Value); break;
                    case BitOp.Not: p = Linear(Rational.One, new[] { (values[ops[0]]!, -Rational.One) }); break;
                    case BitOp.And:
                        p = values[ops[0]];
                        for (int k = 1; k < ops.Count && p is not null; k++) p = Multiply(p, values[ops[k]]!, maxTerms, ref budget, ct);
                        break;
                    case BitOp.Or:
                        // 1 − Π(1 − aᵢ)
                        p = Constant(Rational.One);
                        foreach (int o in ops)
                        {
                            var complement = Linear(Rational.One, new[] { (values[o]!, -Rational.One) });
                            p = p is null ? null : Multiply(p, complement, maxTerms, ref budget, ct);
                        }
                        p = p is null ? null : Linear(Rational.One, new[] { (p, -Rational.One) });
                        break;
                    case BitOp.Xor:
                        // a ⊕ b = a + b − 2ab, folded left to right
                        p = values[ops[0]];
                        for (int k = 1; k < ops.Count && p is not null; k++)
                        {
                            var b = values[ops[k]]!;
                            var ab = Multiply(p, b, maxTerms, ref budget, ct);
                            p = ab is null ? null : Linear(Rational.Zero, new[] { (p, Rational.One), (b, Rational.One), (ab, (Rational)(-2)) });
                        }
                        break;
                    case BitOp.Sum:
                        var parts = new (Dictionary<ulong, Rational>, Rational)[ops.Count];
                        for (int k = 0; k < ops.Count; k++) parts[k] = (values[ops[k]]!, n.Weights[k]);
                        p = Linear(n.Value, parts);
                        break;
                    case BitOp.Product:
                        p = Multiply(values[ops[0]]!, values[ops[1]]!, maxTerms, ref budget, ct);
                        break;
                    case BitOp.Positive or BitOp.NonNegative or BitOp.Zero:
                        p = Compare(n.Op, values[ops[0]]!, maxTerms, ref budget, ct);
                        break;
                    default:
                        // c ? a : b = b + c·(a − b)
                        var diff = Linear(Rational.Zero, new[] { (values[ops[1]]!, Rational.One), (values[ops[2]]!, -Rational.One) });
                        var cd = Multiply(values[ops[0]]!, diff, maxTerms, ref budget, ct);
                        p = cd is null ? null : Linear(Rational.Zero, new[] { (values[ops[2]]!, Rational.One), (cd, Rational.One) });
                        break;
                }
                if (p is null || p.Count > maxTerms) return null;
                values[i] = p;
            }
            return new Multilinear(graph.VariableCount, values[graph.Result]!);
        }

        private static Dictionary<ulong, Rational> Constant(Rational c)
            => c.IsZero ? new() : new() { [0] = c };

        private static Dictionary<ulong, Rational> Linear(Rational constant, IEnumerable<(Dictionary<ulong, Rational> Poly, Rational Weight)> parts)
        {
            var sum = Constant(constant);
            foreach (var (poly, weight) in parts)
                foreach (var t in poly) Accumulate(sum, t.Key, weight * t.Value);
            return sum;
        }

        private static Dictionary<ulong, Rational>? Multiply(Dictionary<ulong, Rational> a, Dictionary<ulong, Rational> b,
                                                            int maxTerms, ref long budget, CancellationToken ct)
        {
            budget -= (long)a.Count * b.Count;
            if (budget < 0) return null;
            var product = new Dictionary<ulong, Rational>();
            foreach (var x in a)
            {
                ct.ThrowIfCancellationRequested();
                foreach (var y in b) Accumulate(product, x.Key | y.Key, x.Value * y.Value); // x² = x
                if (product.Count > 2 * maxTerms) return null;
            }
            return product;
        }

        /// <summary>
        /// The polynomial of the bit [a &gt; 0], [a ≥ 0] or [a = 0]: a's value on each of the 2ᵏ assignments of the k
        /// variables it depends on (the zeta transform a(x) = Σ_{K⊆x} a_K), compared, and back to coefficients by the
        /// Möbius transform h_K = Σ_{J⊆K} (−1)^|K∖J| [a(J) op 0] (a function of bits has exactly one multilinear
        /// polynomial, Eq 12). Its coefficients are integers of magnitude at most 2ᵏ. Guarded like the products.
        /// </summary>
        private static Dictionary<ulong, Rational>? Compare(BitOp op, Dictionary<ulong, Rational> a, int maxTerms, ref long budget, CancellationToken ct)
        {
            ulong support = 0;
            foreach (var t in a) support |= t.Key;
            var variables = new List<int>();
            for (int i = 0; i < 64; i++) if ((support >> i & 1) != 0) variables.Add(i);
            int k = variables.Count;
            if (k > 24) return null;
            long size = 1L << k;
            long Index(ulong mask)
            {
                long x = 0;
                for (int j = 0; j < k; j++) if ((mask >> variables[j] & 1) != 0) x |= 1L << j;
                return x;
            }
            var h = new long[size];
            // The values of a on every input (zeta transform), then the comparison's truth table h.
            long[]? ints = null;
            if (k <= LongCompareBits && Scaled(a) is { } scaled)
            {
                // Integer weights (a comparison's are at most 2^40, CHEAP021 above): the truth table in long arithmetic costs
                // at most 2^20·20 additions, so it is not charged to the products' budget. Charged, AND of 20 bits by a count
                // (one monomial) was refused as "more than 65,536 neurons". Sums stay below 2^60, so the transform cannot
                // overflow; the rational path below would take over if it did.
                ints = new long[size];
                foreach (var t in scaled) ints[Index(t.Key)] += t.Value;
                if (!SubsetTransform.TryApply(ints, k, inverse: false, ct)) ints = null;
            }
            if (ints is not null)
            {
                budget -= a.Count;
                for (long x = 0; x < size; x++) h[x] = op.Holds(Math.Sign(ints[x])) ? 1 : 0;
            }
            else
            {
                budget -= size * (k + 1) * 2 + a.Count;
                if (budget < 0) return null;
                var values = new Rational[size];
                foreach (var t in a) values[Index(t.Key)] += t.Value;
                SubsetTransform.Apply(values, k, inverse: false, ct);
                for (long x = 0; x < size; x++) h[x] = op.Holds(values[x].Sign) ? 1 : 0;
            }
            // Its coefficients (Möbius transform): each is at most 2^k in magnitude.
            if (!SubsetTransform.TryApply(h, k, inverse: true, ct)) return null;
            var result = new Dictionary<ulong, Rational>();
            for (long x = 0; x < size; x++)
            {
                if (h[x] == 0) continue;
                if (result.Count >= maxTerms) return null;
                ulong mask = 0;
                for (int j = 0; j < k; j++) if ((x >> j & 1) != 0) mask |= 1UL << variables[j];
                result[mask] = h[x];
            }
            return result;
        }

        /// <summary>Truth tables of comparisons up to this many variables are computed in long arithmetic (2^20 entries, 8 MB).</summary>
        private const int LongCompareBits = 20;

        /// <summary>
        /// The coefficients times their common denominator, when that and each scaled coefficient are at most 2^40 (so every
        /// sum of up to 2^20 of them fits a long); else null. The positive scale keeps each value's sign.
        /// </summary>
        private static List<KeyValuePair<ulong, long>>? Scaled(Dictionary<ulong, Rational> a)
        {
            var limit = System.Numerics.BigInteger.One << 40;
            var common = System.Numerics.BigInteger.One;
            foreach (var t in a)
            {
                var d = t.Value.Denominator;
                common = common / System.Numerics.BigInteger.GreatestCommonDivisor(common, d) * d;
                if (common > limit) return null;
            }
            var result = new List<KeyValuePair<ulong, long>>(a.Count);
            foreach (var t in a)
            {
                var n = t.Value.Numerator * (common / t.Value.Denominator);
                if (System.Numerics.BigInteger.Abs(n) > limit) return null;
                result.Add(new KeyValuePair<ulong, long>(t.Key, (long)n));
            }
            return result;
        }

        private static void Accumulate(Dictionary<ulong, Rational> poly, ulong mask, Rational value)
        {
            if (value.IsZero) return;
            poly.TryGetValue(mask, out var c);
            c += value;
            if (c.IsZero) poly.Remove(mask); else poly[mask] = c;
        }
    }
}
