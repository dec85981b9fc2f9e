using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CheapLearning.Generator.Algebra;

namespace CheapLearning.Generator.Construction
{
    /// <summary>
    /// Two ways to turn a polynomial into gates. Depth should mirror composition (the paper's
    /// thesis): <see cref="FromStructure"/> follows the expression as written, so (a+…+h)⁴⁰ is one
    /// free sum and six squarings; <see cref="FromMonomials"/> multiplies out each monomial of the
    /// expanded polynomial in a balanced tree, sharing sub-products. The cheaper one is used.
    /// </summary>
    internal static class CircuitBuilders
    {
        public static Circuit FromStructure(ExprGraph graph, CancellationToken ct)
        {
            var circuit = new Circuit(graph.VariableCount, graph.Atoms.Count);
            var atomForms = new SignalForm[graph.Atoms.Count];
            var powerMemo = new Dictionary<FormKey, SignalForm>(); // by (form, exponent)
            for (int i = 0; i < graph.Atoms.Count; i++)
            {
                ct.ThrowIfCancellationRequested();
                var atom = graph.Atoms[i];
                atomForms[i] = atom.Kind switch
                {
                    // One shared form per signal (Circuit.FormOf): equal factors are then one object.
                    AtomKind.Variable => circuit.FormOf(atom.Variable),
                    AtomKind.Product => circuit.FormOf(circuit.Multiply(Map(atom.Left!, atomForms), Map(atom.Right!, atomForms))),
                    _ => Power(circuit, Map(atom.Left!, atomForms), atom.Exponent, powerMemo),
                };
            }
            circuit.Output = Map(graph.Result, atomForms);
            return circuit;
        }

        public static Circuit FromMonomials(Polynomial polynomial, CancellationToken ct)
        {
            var all = polynomial.Terms;
            // Room for a few gates per monomial (shared sub-products often need fewer), so that the memos
            // are not regrown term after term.
            var circuit = new Circuit(polynomial.VariableCount, 2 * all.Count);
            var memo = new Dictionary<Monomial, int>(2 * all.Count);
            double constant = 0;
            var terms = new List<SignalTerm>(all.Count);
            for (int i = 0; i < all.Count; i++)
            {
                ct.ThrowIfCancellationRequested();
                var term = all[i];
                if (term.Key.Degree == 0) constant += term.Value;
                else terms.Add(new SignalTerm(Product(circuit, term.Key, memo), term.Value));
            }
            circuit.Output = SignalForm.Combine(constant, terms.ToArray(), terms.Count);
            return circuit;
        }

        /// <summary>
        /// The signal form of an exact linear form: coefficients are summed exactly per signal and each
        /// rounded once to double (the network's allowance for that rounding is in
        /// <see cref="NetworkAssembler"/>). Atom forms are single signals, so this is one rounding per term.
        /// </summary>
        private static SignalForm Map(LinearForm form, SignalForm[] atomForms)
        {
            if (MapSingles(form, atomForms) is { } simple) return simple;
            var constant = form.Constant;
            int count = 0;
            for (int i = 0; i < form.Terms.Count; i++) count += atomForms[form.Terms[i].Atom].Terms.Length;
            var signals = new int[count];
            var sums = new Rational[count];
            count = 0;
            for (int i = 0; i < form.Terms.Count; i++)
            {
                var t = form.Terms[i];
                var f = atomForms[t.Atom];
                if (f.Constant != 0) constant += t.Coefficient * Rational.FromDouble(f.Constant);
                foreach (var s in f.Terms)
                {
                    signals[count] = s.Signal;
                    // An atom's form is one signal with coefficient 1: the product is the coefficient itself.
                    sums[count++] = s.Coefficient == 1 ? t.Coefficient : t.Coefficient * Rational.FromDouble(s.Coefficient);
                }
            }
            // Per signal, in signal order: the sums are exact, so the order they are added in does not matter.
            if (!IsIncreasing(signals)) Array.Sort(signals, sums);
            var terms = new SignalTerm[count];
            int n = 0;
            for (int i = 0; i < count;)
            {
                int signal = signals[i];
                var c = sums[i++];
                for (; i < count && signals[i] == signal; i++) c += sums[i];
                if (!c.IsZero) terms[n++] = new SignalTerm(signal, c.ToDouble());
            }
            if (n < count) Array.Resize(ref terms, n);
            return new SignalForm(constant.ToDouble(), terms);
        }

        /// <summary>
        /// <see cref="Map"/> in the common case, without collecting: every atom's form is one signal with
        /// coefficient 1 and no constant, in increasing signal order, so each term is its coefficient rounded
        /// once. Null otherwise.
        /// </summary>
        private static SignalForm? MapSingles(LinearForm form, SignalForm[] atomForms)
        {
            int previous = -1;
            for (int i = 0; i < form.Terms.Count; i++)
            {
                var f = atomForms[form.Terms[i].Atom];
                if (f.Constant != 0 || f.Terms.Length != 1 || f.Terms[0].Coefficient != 1 || f.Terms[0].Signal <= previous) return null;
                previous = f.Terms[0].Signal;
            }
            // A lone atom times 1 (a factor as written: x in x·y) maps to the atom's own form, which is already
            // 0 + 1·signal (with the constant +0, as Zero rounds to): no new form for it.
            if (form.Terms.Count == 1 && form.Constant.IsZero && form.Terms[0].Coefficient == Rational.One)
            {
                var own = atomForms[form.Terms[0].Atom];
                if (BitConverter.DoubleToInt64Bits(own.Constant) == 0) return own;
            }
            var terms = new SignalTerm[form.Terms.Count];
            int n = 0;
            for (int i = 0; i < terms.Length; i++)
            {
                var t = form.Terms[i];
                if (!t.Coefficient.IsZero) terms[n++] = new SignalTerm(atomForms[t.Atom].Terms[0].Signal, t.Coefficient.ToDouble());
            }
            if (n < terms.Length) Array.Resize(ref terms, n);
            return new SignalForm(form.Constant.ToDouble(), terms);
        }

        private static bool IsIncreasing(int[] values)
        {
            for (int i = 1; i < values.Length; i++) if (values[i] <= values[i - 1]) return false;
            return true;
        }

        /// <summary>
        /// f^k by squaring: f, f², f⁴, … each one squaring gate (2 neurons), then the powers
        /// named by k's binary digits multiplied in a tree that always joins the two shallowest
        /// factors, so the depth is ⌈log₂ k⌉.
        /// </summary>
        private static SignalForm Power(Circuit circuit, SignalForm f, int k, Dictionary<FormKey, SignalForm> memo)
        {
            var key = new FormKey(f, k);
            if (memo.TryGetValue(key, out var cached)) return cached;
            var factors = new List<SignalForm>();
            var square = f;
            for (int bit = 0; (k >> bit) != 0; bit++)
            {
                if (bit > 0) square = circuit.FormOf(circuit.AddGate(GateKind.Square, square));
                if (((k >> bit) & 1) != 0) factors.Add(square);
            }
            var result = MultiplyAll(circuit, factors);
            memo[key] = result;
            return result;
        }

        private static SignalForm MultiplyAll(Circuit circuit, List<SignalForm> factors)
        {
            while (factors.Count > 1)
            {
                factors.Sort((x, y) => circuit.Depth(x).CompareTo(circuit.Depth(y)));
                var product = circuit.FormOf(circuit.Multiply(factors[0], factors[1]));
                factors.RemoveRange(0, 2);
                factors.Add(product);
            }
            return factors[0];
        }

        /// <summary>
        /// The signal of a monomial: a single variable is an input; x^(2e) is the square of x^e;
        /// otherwise the exponents are split into two halves whose degrees differ by at most one
        /// (so a product of n distinct variables is a balanced tree of n − 1 gates, 4(n − 1) neurons).
        /// </summary>
        private static int Product(Circuit circuit, Monomial m, Dictionary<Monomial, int> memo)
        {
            if (memo.TryGetValue(m, out int signal)) return signal;
            var e = m.Exponents;
            if (m.Degree == 1)
            {
                for (int i = 0; i < e.Length; i++) if (e[i] == 1) { signal = i; break; }
            }
            else if (AllEven(e))
            {
                var half = new int[e.Length];
                for (int i = 0; i < e.Length; i++) half[i] = e[i] / 2;
                signal = circuit.AddGate(GateKind.Square, circuit.FormOf(Product(circuit, new Monomial(half), memo)));
            }
            else
            {
                var left = new int[e.Length];
                var right = new int[e.Length];
                int odd = 0, oddCount = 0;
                foreach (int x in e) if (x % 2 != 0) oddCount++;
                for (int i = 0; i < e.Length; i++)
                {
                    left[i] = right[i] = e[i] / 2;
                    if (e[i] % 2 != 0)
                    {
                        if (odd < (oddCount + 1) / 2) left[i]++; else right[i]++;
                        odd++;
                    }
                }
                int a = Product(circuit, new Monomial(left), memo);
                int b = Product(circuit, new Monomial(right), memo);
                signal = circuit.Multiply(circuit.FormOf(a), circuit.FormOf(b));
            }
            memo[m] = signal;
            return signal;
        }

        private static bool AllEven(ReadOnlySpan<int> exponents)
        {
            foreach (int x in exponents) if (x % 2 != 0) return false;
            return true;
        }
    }
}
