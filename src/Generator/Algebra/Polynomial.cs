using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace CheapLearning.Generator.Algebra
{
    /// <summary>
    /// The expanded canonical sparse polynomial: monomial → exact coefficient (zero terms dropped).
    /// Coefficients are exact rationals (DESIGN.md, accuracy contract); <see cref="Terms"/> gives each
    /// one rounded to the nearest double once, and <see cref="RoundingError"/> what that rounding costs.
    /// </summary>
    internal sealed class Polynomial
    {
        private readonly Dictionary<Monomial, Rational> _terms;
        private KeyValuePair<Monomial, Rational>[]? _sorted;
        private KeyValuePair<Monomial, double>[]? _rounded;

        public Polynomial(int variableCount, Dictionary<Monomial, Rational> terms)
        {
            VariableCount = variableCount;
            _terms = terms;
        }

        public int VariableCount { get; }

        public int TermCount => _terms.Count;

        /// <summary>The exact terms in graded order (deterministic).</summary>
        public IReadOnlyList<KeyValuePair<Monomial, Rational>> ExactTerms => _sorted ??= Sorted(_terms);

        /// <summary>The terms in graded order, each coefficient rounded once to the nearest double.</summary>
        public IReadOnlyList<KeyValuePair<Monomial, double>> Terms => _rounded ??= Rounded(_sorted ??= Sorted(_terms));

        // Plain loops and a sort of the keys (reference types), not LINQ over the pairs: LINQ's sorter and Select over
        // KeyValuePair<Monomial, Rational>, a value type, were compiled by the JIT for that type in every compiler
        // process (about 30 methods). The keys are distinct and CompareTo orders them totally, so the order is the one
        // OrderBy gave.
        private static KeyValuePair<Monomial, Rational>[] Sorted(Dictionary<Monomial, Rational> terms)
        {
            var keys = new Monomial[terms.Count];
            terms.Keys.CopyTo(keys, 0);
            Array.Sort(keys);
            var sorted = new KeyValuePair<Monomial, Rational>[keys.Length];
            for (int i = 0; i < keys.Length; i++) sorted[i] = new KeyValuePair<Monomial, Rational>(keys[i], terms[keys[i]]);
            return sorted;
        }

        private static KeyValuePair<Monomial, double>[] Rounded(KeyValuePair<Monomial, Rational>[] exact)
        {
            var rounded = new KeyValuePair<Monomial, double>[exact.Length];
            for (int i = 0; i < rounded.Length; i++) rounded[i] = new KeyValuePair<Monomial, double>(exact[i].Key, exact[i].Value.ToDouble());
            return rounded;
        }

        public double Coefficient(Monomial m) => _terms.TryGetValue(m, out var c) ? c.ToDouble() : 0;

        public Rational ExactCoefficient(Monomial m) => _terms.TryGetValue(m, out var c) ? c : Rational.Zero;

        public int Degree => _terms.Count == 0 ? 0 : _terms.Keys.Max(m => m.Degree);

        /// <summary>S = Σ|c_m|·R^deg(m): the bound of |p| on the box |xᵢ| ≤ R used by the accuracy contract (∞ beyond double).</summary>
        public double AbsoluteSum(double inputBound) => AbsoluteSumMagnitude(inputBound).ToDouble();

        /// <summary>S from the exact coefficients, without over- or underflow (within a few ulps per term).</summary>
        public Magnitude AbsoluteSumMagnitude(double inputBound)
        {
            var r = Magnitude.Of(inputBound);
            var sum = Magnitude.Zero;
            foreach (var t in ExactTerms) sum += Magnitude.Of(t.Value) * r.Pow(t.Key.Degree);
            return sum;
        }

        /// <summary>
        /// Σ|fl(c_m) − c_m|·R^deg(m): how far the polynomial with every coefficient rounded once to double
        /// is from p on the box — at most 2⁻⁵³·S, each coefficient's rounding taken relative to its exact
        /// value. ∞ when a coefficient itself overflows double.
        /// </summary>
        public double RoundingError(double inputBound)
        {
            var r = Magnitude.Of(inputBound);
            var sum = Magnitude.Zero;
            foreach (var t in ExactTerms)
            {
                var e = t.Value.RoundingError(out bool overflow);
                if (overflow) return double.PositiveInfinity;
                sum += Magnitude.Of(e) * r.Pow(t.Key.Degree);
            }
            return sum.RoundedUp(_terms.Count + 2 * 32).ToDouble();
        }

        /// <summary>q(y) = p(r·y): every coefficient times r^deg, exactly.</summary>
        public Polynomial Rescaled(double r)
        {
            var factor = Rational.FromDouble(r);
            var terms = new Dictionary<Monomial, Rational>(_terms.Count);
            foreach (var t in _terms) terms[t.Key] = t.Value * factor.Pow(t.Key.Degree);
            return new Polynomial(VariableCount, terms);
        }

        public double Evaluate(ReadOnlySpan<double> x)
        {
            double sum = 0;
            foreach (var t in Terms) sum += t.Value * t.Key.Evaluate(x);
            return sum;
        }
    }

    /// <summary>
    /// Expands an <see cref="ExprGraph"/> into its canonical polynomial, guarded: it gives up (returns
    /// null) as soon as any intermediate polynomial would exceed <c>maxTerms</c> terms or the work
    /// (coefficient multiplications) would exceed <c>maxTerms × 64</c>, or an exact coefficient would
    /// exceed <see cref="MaxCoefficientBits"/> bits, so time and memory stay bounded. Coefficients are
    /// exact rationals: cancellation (0.1·1e20 + 0.2·1e20 − 0.3·1e20) leaves the exact remainder.
    /// </summary>
    internal static class Expansion
    {
        /// <summary>Numerator + denominator bits of one coefficient beyond which expansion gives up.</summary>
        public const long MaxCoefficientBits = 16_384;

        public static Polynomial? TryExpand(ExprGraph graph, int maxTerms, CancellationToken cancellationToken)
        {
            int n = graph.VariableCount;
            long budget = (long)maxTerms * 64;
            var values = new ExpansionValue?[graph.Atoms.Count];
            // One delegate for the whole expansion (a lambda inside Factor allocated a closure per linear form).
            Func<int, Dictionary<Monomial, Rational>> atomTerms = atom => values[atom]!.Expand(n);
            for (int i = 0; i < graph.Atoms.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var atom = graph.Atoms[i];
                ExpansionValue? p;
                switch (atom.Kind)
                {
                    case AtomKind.Variable:
                        p = ExpansionValue.Variable(n, atom.Variable);
                        break;
                    case AtomKind.Product:
                        var l = Factor(atom.Left!, values, atomTerms, n, maxTerms);
                        var r = l is null ? null : Factor(atom.Right!, values, atomTerms, n, maxTerms);
                        p = l is null || r is null ? null : Multiply(l, r, n, maxTerms, ref budget, cancellationToken);
                        break;
                    default:
                        if (PowerHasMoreTerms(graph, atom.Left!, atom.Exponent, maxTerms)) return null;
                        var b = Factor(atom.Left!, values, atomTerms, n, maxTerms);
                        var power = b is null ? null : Power(b.Expand(n), atom.Exponent, maxTerms, ref budget, cancellationToken);
                        p = power is null ? null : ExpansionValue.Expanded(power, b!.Support);
                        break;
                }
                if (p is null) return null;
                values[i] = p;
            }
            var result = Factor(graph.Result, values, atomTerms, n, maxTerms);
            return result is null ? null : new Polynomial(n, result.Expand(n));
        }

        /// <summary>
        /// A linear form's value: c·(an unexpanded product) stays unexpanded (same terms, each coefficient times c ≠ 0,
        /// within the bit limit by <see cref="ExpansionValue.SizeBound"/>); anything else is summed term by term.
        /// </summary>
        private static ExpansionValue? Factor(LinearForm form, ExpansionValue?[] values, Func<int, Dictionary<Monomial, Rational>> atomTerms, int n, int maxTerms)
        {
            if (form.Constant.IsZero && form.Terms.Count == 1)
            {
                var (atom, c) = (form.Terms[0].Atom, form.Terms[0].Coefficient);
                var v = values[atom]!;
                if (!v.IsExpanded && !c.IsZero && v.SizeBound + c.Size <= MaxCoefficientBits) return c == Rational.One ? v : v.Scaled(c);
            }
            var sum = Form(form, atomTerms, n, maxTerms);
            if (sum is null) return null;
            var support = new ulong[ExpansionValue.Words(n)];
            var terms = form.Terms.AsSpan();
            for (int i = 0; i < terms.Length; i++)
            {
                var atomSupport = values[terms[i].Atom]!.Support;
                for (int w = 0; w < support.Length; w++) support[w] |= atomSupport[w];
            }
            return ExpansionValue.Expanded(sum, support);
        }

        /// <summary>
        /// a·b: left unexpanded when a and b share no variable (<see cref="ExpansionValue"/>: |a|·|b| terms, nothing
        /// cancels, so the limits are decided from the counts and the coefficient bound exactly as the eager product
        /// would decide them); expanded otherwise.
        /// </summary>
        private static ExpansionValue? Multiply(ExpansionValue a, ExpansionValue b, int n, int maxTerms, ref long budget, CancellationToken ct)
        {
            long work = a.Count * b.Count;
            if (a.Count > 0 && b.Count > 0 && ExpansionValue.Disjoint(a, b))
            {
                if (budget < work || work > maxTerms) return null;
                if (a.SizeBound + b.SizeBound <= MaxCoefficientBits)
                {
                    budget -= work;
                    return ExpansionValue.Product(a, b);
                }
            }
            var product = Multiply(a.Expand(n), b.Expand(n), maxTerms, ref budget, ct);
            return product is null ? null : ExpansionValue.Expanded(product, ExpansionValue.Union(a.Support, b.Support));
        }

        /// <summary>
        /// Whether (c + Σ aᵢxᵢ)^k, over v distinct variables with every aᵢ ≠ 0, has more than
        /// <paramref name="maxTerms"/> terms: exactly C(k+v, v) of them when c ≠ 0, C(k+v−1, v−1) when c = 0,
        /// since every monomial of those degrees gets the coefficient multinomial·c^j·Πaᵢ^eᵢ ≠ 0 (nothing cancels).
        /// The expansion fails then anyway (its last product has that many terms), so this decides it before
        /// multiplying: (a+…+h)^40 has 62,891,499 terms, and planning it used to expand (a+…+h)^8 first.
        /// False (expand and see) for any other base.
        /// </summary>
        internal static bool PowerHasMoreTerms(ExprGraph graph, LinearForm b, int k, int maxTerms)
        {
            var variables = new HashSet<int>();
            foreach (var t in b.Terms)
            {
                var atom = graph.Atoms[t.Atom];
                if (atom.Kind != AtomKind.Variable || t.Coefficient.IsZero || !variables.Add(atom.Variable)) return false;
            }
            int r = b.Constant.IsZero ? variables.Count - 1 : variables.Count;
            // C(k + i, i) grows with i, so the count can stop as soon as it passes the limit.
            System.Numerics.BigInteger count = System.Numerics.BigInteger.One;
            for (int i = 1; i <= r; i++)
            {
                count = count * (k + i) / i;
                if (count > maxTerms) return true;
            }
            return false;
        }

        /// <summary>The form's terms: Σ coefficient·(the atom's terms) + constant, exactly; null past a limit.</summary>
        internal static Dictionary<Monomial, Rational>? Form(LinearForm form, Func<int, Dictionary<Monomial, Rational>> atomTerms, int n, int maxTerms)
        {
            // By index: the enumerator of EquatableArray is an interface one (an allocation per form).
            var terms = form.Terms.AsSpan();
            // Room for every term before any merges (the atoms' terms are computed once, so counting them is
            // cheap), so that the sum is not regrown term after term; never more than the limit allows.
            long room = form.Constant.IsZero ? 0 : 1;
            for (int i = 0; i < terms.Length; i++) room += atomTerms(terms[i].Atom).Count;
            var sum = new Dictionary<Monomial, Rational>((int)Math.Min(room, maxTerms + 1L));
            if (!form.Constant.IsZero) sum[Monomial.One(n)] = form.Constant;
            for (int i = 0; i < terms.Length; i++)
            {
                var t = terms[i];
                foreach (var kv in atomTerms(t.Atom))
                {
                    sum.TryGetValue(kv.Key, out var c);
                    c += t.Coefficient * kv.Value;
                    if (c.Size > MaxCoefficientBits) return null;
                    if (c.IsZero) sum.Remove(kv.Key); else sum[kv.Key] = c;
                }
                if (sum.Count > maxTerms) return null;
            }
            return sum;
        }

        /// <summary>a·b multiplied out, charged |a|·|b| to the work budget; null past a limit.</summary>
        internal static Dictionary<Monomial, Rational>? Multiply(Dictionary<Monomial, Rational> a, Dictionary<Monomial, Rational> b,
                                                            int maxTerms, ref long budget, CancellationToken ct)
        {
            budget -= (long)a.Count * b.Count;
            if (budget < 0) return null;
            var product = new Dictionary<Monomial, Rational>();
            foreach (var x in a)
            {
                ct.ThrowIfCancellationRequested();
                foreach (var y in b)
                {
                    var m = x.Key.Multiply(y.Key);
                    product.TryGetValue(m, out var c);
                    c += x.Value * y.Value;
                    if (c.Size > MaxCoefficientBits) return null;
                    if (c.IsZero) product.Remove(m); else product[m] = c;
                }
                if (product.Count > maxTerms) return null;
            }
            return product;
        }

        /// <summary>b^k by squaring, multiplied out; null past a limit.</summary>
        internal static Dictionary<Monomial, Rational>? Power(Dictionary<Monomial, Rational> b, int k,
                                                         int maxTerms, ref long budget, CancellationToken ct)
        {
            Dictionary<Monomial, Rational>? result = null;
            var square = b;
            while (k > 0)
            {
                if ((k & 1) != 0)
                {
                    result = result is null ? square : Multiply(result, square, maxTerms, ref budget, ct);
                    if (result is null) return null;
                }
                k >>= 1;
                if (k > 0)
                {
                    square = Multiply(square, square, maxTerms, ref budget, ct)!;
                    if (square is null) return null;
                }
            }
            return result;
        }
    }
}
