using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace CheapLearning.Generator.Algebra
{
    /// <summary>The expanded canonical sparse polynomial: monomial → coefficient (zero terms dropped).</summary>
    internal sealed class Polynomial
    {
        private readonly Dictionary<Monomial, double> _terms;

        public Polynomial(int variableCount, Dictionary<Monomial, double> terms)
        {
            VariableCount = variableCount;
            _terms = terms;
        }

        public int VariableCount { get; }

        public int TermCount => _terms.Count;

        /// <summary>The terms in graded order (deterministic).</summary>
        public IEnumerable<KeyValuePair<Monomial, double>> Terms => _terms.OrderBy(t => t.Key);

        public double Coefficient(Monomial m) => _terms.TryGetValue(m, out double c) ? c : 0;

        public int Degree => _terms.Count == 0 ? 0 : _terms.Keys.Max(m => m.Degree);

        /// <summary>S = Σ|c_m|·R^deg(m): the bound of |p| on the box |xᵢ| ≤ R used by the accuracy contract.</summary>
        public double AbsoluteSum(double inputBound)
            => _terms.Sum(t => Math.Abs(t.Value) * Math.Pow(inputBound, t.Key.Degree));

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
    /// (coefficient multiplications) would exceed <c>maxTerms × 64</c>, so time and memory stay bounded.
    /// </summary>
    internal static class Expansion
    {
        public static Polynomial? TryExpand(ExprGraph graph, int maxTerms, CancellationToken cancellationToken)
        {
            int n = graph.VariableCount;
            long budget = (long)maxTerms * 64;
            var values = new Dictionary<Monomial, double>?[graph.Atoms.Count];
            for (int i = 0; i < graph.Atoms.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var atom = graph.Atoms[i];
                Dictionary<Monomial, double>? p;
                switch (atom.Kind)
                {
                    case AtomKind.Variable:
                        p = new Dictionary<Monomial, double> { [Monomial.Variable(n, atom.Variable)] = 1.0 };
                        break;
                    case AtomKind.Product:
                        var l = Form(atom.Left!, values, n, maxTerms);
                        var r = l is null ? null : Form(atom.Right!, values, n, maxTerms);
                        p = l is null || r is null ? null : Multiply(l, r, maxTerms, ref budget, cancellationToken);
                        break;
                    default:
                        var b = Form(atom.Left!, values, n, maxTerms);
                        p = b is null ? null : Power(b, atom.Exponent, maxTerms, ref budget, cancellationToken);
                        break;
                }
                if (p is null) return null;
                values[i] = p;
            }
            var result = Form(graph.Result, values, n, maxTerms);
            return result is null ? null : new Polynomial(n, result);
        }

        private static Dictionary<Monomial, double>? Form(LinearForm form, Dictionary<Monomial, double>?[] values, int n, int maxTerms)
        {
            var sum = new Dictionary<Monomial, double>();
            if (form.Constant != 0) sum[Monomial.One(n)] = form.Constant;
            foreach (var t in form.Terms)
            {
                foreach (var kv in values[t.Atom]!)
                {
                    sum.TryGetValue(kv.Key, out double c);
                    c += t.Coefficient * kv.Value;
                    if (c == 0) sum.Remove(kv.Key); else sum[kv.Key] = c;
                }
                if (sum.Count > maxTerms) return null;
            }
            return sum;
        }

        private static Dictionary<Monomial, double>? Multiply(Dictionary<Monomial, double> a, Dictionary<Monomial, double> b,
                                                            int maxTerms, ref long budget, CancellationToken ct)
        {
            budget -= (long)a.Count * b.Count;
            if (budget < 0) return null;
            var product = new Dictionary<Monomial, double>();
            foreach (var x in a)
            {
                ct.ThrowIfCancellationRequested();
                foreach (var y in b)
                {
                    var m = x.Key.Multiply(y.Key);
                    product.TryGetValue(m, out double c);
                    c += x.Value * y.Value;
                    if (c == 0) product.Remove(m); else product[m] = c;
                }
                if (product.Count > maxTerms) return null;
            }
            return product;
        }

        private static Dictionary<Monomial, double>? Power(Dictionary<Monomial, double> b, int k,
                                                         int maxTerms, ref long budget, CancellationToken ct)
        {
            Dictionary<Monomial, double>? result = null;
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
