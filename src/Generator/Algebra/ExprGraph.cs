using System;
using System.Collections.Generic;
using CheapLearning.Generator.Model;

namespace CheapLearning.Generator.Algebra
{
    /// <summary>A term <c>Coefficient · atom</c> of a <see cref="LinearForm"/>.</summary>
    internal readonly record struct Term(int Atom, Rational Coefficient);

    /// <summary>
    /// Constant + Σ coefficient·atom, terms sorted by atom index. Linear combinations cost no
    /// neurons (they fold into the affine maps of Eq 6), so the expression graph keeps them as
    /// values and only products and powers become atoms (future gates).
    /// Constants and coefficients are exact rationals (DESIGN.md, accuracy contract): every double
    /// constant of the method at its exact binary value, folded without rounding.
    /// Equality: constant and every term, by value.
    /// </summary>
    internal sealed record LinearForm(Rational Constant, EquatableArray<Term> Terms)
    {
        public static LinearForm FromConstant(Rational value) => new(value, EquatableArray<Term>.Empty);

        public static LinearForm FromAtom(int atom) => new(Rational.Zero, new EquatableArray<Term>(new[] { new Term(atom, Rational.One) }));

        public bool IsConstant => Terms.Count == 0;

        /// <summary>Orders forms deterministically (used to canonicalize commutative products).</summary>
        public static int Compare(LinearForm a, LinearForm b)
        {
            int c = a.Terms.Count.CompareTo(b.Terms.Count);
            if (c != 0) return c;
            for (int i = 0; i < a.Terms.Count; i++)
            {
                c = a.Terms[i].Atom.CompareTo(b.Terms[i].Atom);
                if (c != 0) return c;
                c = a.Terms[i].Coefficient.CompareTo(b.Terms[i].Coefficient);
                if (c != 0) return c;
            }
            return a.Constant.CompareTo(b.Constant);
        }
    }

    /// <summary>What an atom of the expression graph is.</summary>
    internal enum AtomKind
    {
        /// <summary>The method's parameter number <see cref="Atom.Variable"/>.</summary>
        Variable,
        /// <summary>Left × Right: one multiplication gate (Eq 11), or a squaring gate when equal.</summary>
        Product,
        /// <summary>Left ^ Exponent, Exponent ≥ 2: powers by squaring.</summary>
        Power,
    }

    /// <summary>A node of the expression DAG. Equality: by value, so equal subexpressions share an atom.</summary>
    internal sealed record Atom(AtomKind Kind, int Variable, LinearForm? Left, LinearForm? Right, int Exponent);

    /// <summary>
    /// The function as written: a DAG of products and powers of linear forms over the method's
    /// parameters, with locals and repeated subexpressions shared. Atoms are in topological order
    /// (an atom refers only to atoms before it). Equality: by value (it is a pipeline model).
    /// </summary>
    internal sealed record ExprGraph(int VariableCount, EquatableArray<Atom> Atoms, LinearForm Result)
    {
        /// <summary>
        /// How many folded constants grew beyond <see cref="ExprBuilder.MaxConstantBits"/> and were cut to
        /// <see cref="ExprBuilder.ShrunkBits"/> significant bits (0 for any ordinary method): each changed
        /// one constant by less than 2^(1 − ShrunkBits) relative, an error the planner adds to the bound.
        /// </summary>
        public int ShrunkConstants { get; init; }

        // The hash, computed at the first request (0: not yet). Why: a graph is hashed as the key of the plan caches
        // (Plans) by the generator and again by the analyzer, once per method and build, and each time the hash walked
        // every atom, form and rational (a fifth of the polynomial analyzer's samples at N = 100 with reuse, issue 12).
        // Immutable, so the value never goes stale; a race computes the same value twice.
        private int _hash;

        /// <summary>A copy (for <c>with</c>) that computes its own hash: the copy may differ in ShrunkConstants.</summary>
        private ExprGraph(ExprGraph original)
        {
            VariableCount = original.VariableCount;
            Atoms = original.Atoms;
            Result = original.Result;
            ShrunkConstants = original.ShrunkConstants;
        }

        /// <summary>By value: every member, as the record's own equality; two hashes already computed and different end it early.</summary>
        public bool Equals(ExprGraph? other)
            => ReferenceEquals(this, other)
               || other is not null && VariableCount == other.VariableCount && ShrunkConstants == other.ShrunkConstants
                  && (_hash == 0 || other._hash == 0 || _hash == other._hash)
                  && Atoms.Equals(other.Atoms) && Result.Equals(other.Result);

        /// <inheritdoc />
        public override int GetHashCode()
        {
            int hash = _hash;
            if (hash != 0) return hash;
            unchecked
            {
                hash = ((VariableCount * -1521134295 + ShrunkConstants) * -1521134295 + Atoms.GetHashCode()) * -1521134295 + Result.GetHashCode();
            }
            if (hash == 0) hash = 1;
            _hash = hash;
            return hash;
        }

        /// <summary>Evaluates the expression at <paramref name="x"/> in ordinary double arithmetic.</summary>
        public double Evaluate(ReadOnlySpan<double> x)
        {
            var values = new double[Atoms.Count];
            for (int i = 0; i < Atoms.Count; i++)
            {
                var atom = Atoms[i];
                values[i] = atom.Kind switch
                {
                    AtomKind.Variable => x[atom.Variable],
                    AtomKind.Product => Eval(atom.Left!, values) * Eval(atom.Right!, values),
                    _ => Math.Pow(Eval(atom.Left!, values), atom.Exponent),
                };
            }
            return Eval(Result, values);
        }

        private static double Eval(LinearForm form, double[] values)
        {
            double sum = form.Constant.ToDouble();
            foreach (var t in form.Terms) sum += t.Coefficient.ToDouble() * values[t.Atom];
            return sum;
        }

        /// <summary>
        /// The expression's majorant at |xᵢ| = R: every constant replaced by its absolute value and
        /// every minus by a plus. It bounds |p| on the box, and equals Σ|c_m|R^deg(m) for an
        /// expanded polynomial (DESIGN.md, accuracy contract).
        /// </summary>
        public double Majorant(double inputBound) => MajorantMagnitude(inputBound).ToDouble();

        /// <summary>The majorant without over- or underflow (see <see cref="Magnitude"/>).</summary>
        public Magnitude MajorantMagnitude(double inputBound)
        {
            var values = new Magnitude[Atoms.Count];
            var r = Magnitude.Of(inputBound);
            for (int i = 0; i < Atoms.Count; i++)
            {
                var atom = Atoms[i];
                values[i] = atom.Kind switch
                {
                    AtomKind.Variable => r,
                    AtomKind.Product => AbsEval(atom.Left!, values) * AbsEval(atom.Right!, values),
                    _ => AbsEval(atom.Left!, values).Pow(atom.Exponent),
                };
            }
            return AbsEval(Result, values);
        }

        private static Magnitude AbsEval(LinearForm form, Magnitude[] values)
        {
            var sum = Magnitude.Of(form.Constant);
            foreach (var t in form.Terms) sum += Magnitude.Of(t.Coefficient) * values[t.Atom];
            return sum;
        }

        /// <summary>
        /// The highest degree the front end accepts (CHEAP001 above it), as for one Math.Pow exponent. Nested powers and
        /// repeated squaring multiply exponents: x^(2³²) overflowed the monomials' int exponents, to a "degree 0" network
        /// returning 1 with bound 2.2e-16, or to an endless recursion that crashed the compiler (stack overflow).
        /// </summary>
        public const int MaxDegree = 1_000_000;

        /// <summary>Upper bound of the polynomial degree (exact unless terms cancel), at most int.MaxValue.</summary>
        public int DegreeBound()
        {
            var degrees = new long[Atoms.Count];
            for (int i = 0; i < Atoms.Count; i++)
            {
                var atom = Atoms[i];
                long d = atom.Kind switch
                {
                    AtomKind.Variable => 1,
                    AtomKind.Product => FormDegree(atom.Left!, degrees) + FormDegree(atom.Right!, degrees),
                    _ => FormDegree(atom.Left!, degrees) * atom.Exponent,
                };
                degrees[i] = Math.Min(d, int.MaxValue);
            }
            return (int)Math.Min(FormDegree(Result, degrees), int.MaxValue);
        }

        private static long FormDegree(LinearForm form, long[] degrees)
        {
            long d = 0;
            foreach (var t in form.Terms) d = Math.Max(d, degrees[t.Atom]);
            return d;
        }

        /// <summary>Which parameters the result depends on (through any atom).</summary>
        public bool[] UsedVariables()
        {
            var used = new bool[VariableCount];
            foreach (var atom in Atoms)
                if (atom.Kind == AtomKind.Variable) used[atom.Variable] = true;
            return used;
        }
    }

    /// <summary>
    /// Builds an <see cref="ExprGraph"/> with hash-consing: equal atoms are created once, constants
    /// are folded exactly (rationals), scalar factors are pulled out of products so that 2·x·y and x·y
    /// share x·y.
    /// </summary>
    internal sealed class ExprBuilder
    {
        /// <summary>
        /// Above this size (numerator + denominator bits) a folded constant is cut to <see cref="ShrunkBits"/>
        /// significant bits, so that exact folding stays cheap: (0.1·x)^1000000 would otherwise carry a
        /// 55-million-bit constant. Ordinary constants are a few hundred bits at most.
        /// </summary>
        public const long MaxConstantBits = 8192;

        public const int ShrunkBits = 256;

        private readonly List<Atom> _atoms = new();

        /// <summary>1·atom for each atom, built once when first asked for: every use of a parameter and many products start from one.</summary>
        private readonly List<LinearForm?> _atomForms = new();
        private readonly Dictionary<Atom, int> _index = new();
        private readonly int _maxAtoms;
        private int _shrunk;

        public ExprBuilder(int variableCount, int maxAtoms = 100_000)
        {
            VariableCount = variableCount;
            _maxAtoms = maxAtoms;
        }

        public int VariableCount { get; }

        /// <summary>True once more atoms were requested than allowed; results are then unusable.</summary>
        public bool Overflowed { get; private set; }

        public ExprGraph Build(LinearForm result) => new(VariableCount, new EquatableArray<Atom>(_atoms.ToArray()), result) { ShrunkConstants = _shrunk };

        public LinearForm Variable(int index) => AtomForm(Intern(new Atom(AtomKind.Variable, index, null, null, 0)));

        private LinearForm AtomForm(int atom)
        {
            if (atom >= _atomForms.Count) return LinearForm.FromAtom(atom);
            return _atomForms[atom] ??= LinearForm.FromAtom(atom);
        }

        /// <summary>A constant of the method: the exact value of the double the compiler gives it.</summary>
        public LinearForm Constant(double value) => LinearForm.FromConstant(Rational.FromDouble(value));

        public LinearForm Add(LinearForm a, LinearForm b) => Combine(a, b, negateB: false);

        /// <summary>
        /// a − b, merged in one pass. Equal to <c>Add(a, Scale(b, −1))</c>, which it replaces, down to the count of shrunk
        /// constants: each negated coefficient of b still passes <see cref="Bounded"/> (a shrunk tiny constant keeps a
        /// huge denominator and counts again), but the scaled copy of b is no longer built.
        /// </summary>
        public LinearForm Subtract(LinearForm a, LinearForm b) => Combine(a, b, negateB: true);

        /// <summary>a ± b, terms merged by atom into an array of the exact size (sums of a parse allocate nothing else).</summary>
        private LinearForm Combine(LinearForm a, LinearForm b, bool negateB)
        {
            var terms = new Term[a.Terms.Count + b.Terms.Count];
            int n = Merge(a.Terms.AsSpan(), b.Terms.AsSpan(), negateB, terms);
            if (n < terms.Length) Array.Resize(ref terms, n);
            return new LinearForm(CombineConstants(a.Constant, b.Constant, negateB), new EquatableArray<Term>(terms));
        }

        /// <summary>
        /// The terms of a ± b, merged by atom into <paramref name="into"/> (room for a and b together); returns how
        /// many. Every coefficient that changes passes <see cref="Bounded"/>, a negated one of b included (a shrunk
        /// tiny constant keeps a huge denominator and counts again). <see cref="Combine"/> and <see cref="Sum"/>
        /// both merge here, so a running sum makes the same exact sums and Bounded calls as chained Add/Subtract.
        /// </summary>
        private int Merge(ReadOnlySpan<Term> a, ReadOnlySpan<Term> b, bool negateB, Span<Term> into)
        {
            int n = 0, i = 0, j = 0;
            while (i < a.Length || j < b.Length)
            {
                if (j >= b.Length || (i < a.Length && a[i].Atom < b[j].Atom)) into[n++] = a[i++];
                else if (i >= a.Length || b[j].Atom < a[i].Atom)
                {
                    var t = b[j++];
                    into[n++] = negateB ? new Term(t.Atom, Bounded(-t.Coefficient)) : t;
                }
                else
                {
                    var bc = b[j].Coefficient;
                    var c = Bounded(a[i].Coefficient + (negateB ? Bounded(-bc) : bc));
                    if (!c.IsZero) into[n++] = new Term(a[i].Atom, c);
                    i++; j++;
                }
            }
            return n;
        }

        /// <summary>The constant of a ± b.</summary>
        private Rational CombineConstants(Rational a, Rational b, bool negateB) => Bounded(a + (negateB ? Bounded(-b) : b));

        /// <summary>
        /// A running sum a ± b ± c … merged in place, for the chains a parse meets (a + b − c + … of 10–30 terms, or
        /// thousands): chained <see cref="Add"/>/<see cref="Subtract"/> copied the whole sum for every term, O(n²).
        /// Each step makes the same exact sums and the same <see cref="Bounded"/> calls as <see cref="Combine"/> (only
        /// their order differs, and the shrunk count does not depend on it), so <see cref="EndSum"/> gives the form
        /// the chained calls give.
        /// </summary>
        public sealed class Sum
        {
            private ExprBuilder _builder = null!;
            private Term[] _terms = new Term[16], _next = new Term[16];
            private int _count, _written; // terms in _terms; most entries either buffer holds since Start
            private Rational _constant;

            internal void Start(ExprBuilder builder, LinearForm a)
            {
                _builder = builder;
                var terms = a.Terms.AsSpan();
                if (_terms.Length < terms.Length) _terms = new Term[Math.Max(terms.Length, 2 * _terms.Length)];
                terms.CopyTo(_terms);
                _count = _written = terms.Length;
                _constant = a.Constant;
            }

            /// <summary>this ± b, as <see cref="Combine"/> merges it.</summary>
            public void Add(LinearForm b, bool negate)
            {
                int room = _count + b.Terms.Count;
                if (_next.Length < room) _next = new Term[Math.Max(room, 2 * _next.Length)];
                int n = _builder.Merge(_terms.AsSpan(0, _count), b.Terms.AsSpan(), negate, _next);
                (_terms, _next) = (_next, _terms);
                _count = n;
                _written = Math.Max(_written, n);
                _constant = _builder.CombineConstants(_constant, b.Constant, negate);
            }

            /// <summary>The sum's form; the sum then lets go of its builder and terms (it waits in a per-thread pool).</summary>
            internal LinearForm End()
            {
                var form = new LinearForm(_constant, new EquatableArray<Term>(_terms.AsSpan(0, _count).ToArray()));
                _builder = null!;
                // The buffers stay for the next sum; their coefficients (BigInteger-backed when large) must not.
                Array.Clear(_terms, 0, Math.Min(_written, _terms.Length));
                Array.Clear(_next, 0, Math.Min(_written, _next.Length));
                _count = _written = 0;
                _constant = default;
                return form;
            }
        }

        /// <summary>
        /// Sums not in use, for the thread's next chain (chains nest: one per chain being parsed), so that their
        /// lists grow once per thread rather than once per method.
        /// </summary>
        [ThreadStatic]
        private static Stack<Sum>? t_freeSums;

        /// <summary>Starts a running sum at <paramref name="a"/>; end it with <see cref="EndSum"/>.</summary>
        public Sum StartSum(LinearForm a)
        {
            var sum = t_freeSums is { Count: > 0 } free ? free.Pop() : new Sum();
            sum.Start(this, a);
            return sum;
        }

        /// <summary>The sum's value; the sum is reused by a later <see cref="StartSum"/>.</summary>
        public LinearForm EndSum(Sum sum)
        {
            var form = sum.End();
            (t_freeSums ??= new Stack<Sum>()).Push(sum);
            return form;
        }

        public LinearForm Scale(LinearForm a, Rational factor)
        {
            if (factor.IsZero) return LinearForm.FromConstant(Rational.Zero);
            if (factor == Rational.One) return a;
            var terms = new Term[a.Terms.Count];
            for (int i = 0; i < terms.Length; i++) terms[i] = new Term(a.Terms[i].Atom, Bounded(a.Terms[i].Coefficient * factor));
            return new LinearForm(Bounded(a.Constant * factor), new EquatableArray<Term>(terms));
        }

        public LinearForm Multiply(LinearForm a, LinearForm b)
        {
            if (a.IsConstant) return Scale(b, a.Constant);
            if (b.IsConstant) return Scale(a, b.Constant);
            var (ka, na) = Normalize(a);
            var (kb, nb) = Normalize(b);
            if (LinearForm.Compare(na, nb) > 0) (na, nb) = (nb, na);
            int atom = na.Equals(nb)
                ? InternPower(na, 2)
                : Intern(new Atom(AtomKind.Product, -1, na, nb, 0));
            return Scale(AtomForm(atom), ka * kb);
        }

        public LinearForm Power(LinearForm a, int exponent)
        {
            if (exponent == 0) return LinearForm.FromConstant(Rational.One);
            if (exponent == 1) return a;
            if (a.IsConstant) return LinearForm.FromConstant(BoundedPower(a.Constant, exponent));
            var (k, n) = Normalize(a);
            return Scale(AtomForm(InternPower(n, exponent)), BoundedPower(k, exponent));
        }

        private int InternPower(LinearForm form, int exponent)
        {
            // (f^m)^k = f^(m·k): keep one power atom so powers by squaring see the whole exponent.
            if (form.Constant.IsZero && form.Terms.Count == 1 && form.Terms[0].Coefficient == Rational.One)
            {
                var inner = _atoms[form.Terms[0].Atom];
                if (inner.Kind == AtomKind.Power && (long)inner.Exponent * exponent <= int.MaxValue)
                    return Intern(new Atom(AtomKind.Power, -1, inner.Left, null, inner.Exponent * exponent));
            }
            return Intern(new Atom(AtomKind.Power, -1, form, null, exponent));
        }

        /// <summary>Writes a = k·n where n's first term has coefficient 1 (exact, so scalar multiples share atoms).</summary>
        private (Rational K, LinearForm N) Normalize(LinearForm a)
        {
            var k = a.Terms[0].Coefficient;
            if (k == Rational.One) return (Rational.One, a);
            // k·atom (the usual factor of a product): k·(1/k) is exactly 1, and 0·(1/k) is 0, both far within the
            // size bound, so the general loop would build 1·atom.
            if (a.Terms.Count == 1 && a.Constant.IsZero) return (k, AtomForm(a.Terms[0].Atom));
            var inverse = Rational.One / k;
            var terms = new Term[a.Terms.Count];
            for (int i = 0; i < terms.Length; i++) terms[i] = new Term(a.Terms[i].Atom, Bounded(a.Terms[i].Coefficient * inverse));
            return (k, new LinearForm(Bounded(a.Constant * inverse), new EquatableArray<Term>(terms)));
        }

        /// <summary>k^e exactly, or (when that would be huge) by squaring with every step kept bounded.</summary>
        private Rational BoundedPower(Rational k, int exponent)
        {
            if ((long)Math.Max(1, k.Size) * exponent <= MaxConstantBits) return k.Pow(exponent);
            Rational result = Rational.One, square = k;
            for (int e = exponent; e > 0; e >>= 1)
            {
                if ((e & 1) != 0) result = Bounded(result * square);
                if (e > 1) square = Bounded(square * square);
            }
            return result;
        }

        private Rational Bounded(Rational value)
        {
            if (!value.TryShrink(MaxConstantBits, ShrunkBits, out var shrunk)) return value;
            _shrunk++;
            return shrunk;
        }

        private int Intern(Atom atom)
        {
            if (_index.TryGetValue(atom, out int id)) return id;
            if (_atoms.Count >= _maxAtoms)
            {
                Overflowed = true;
                return 0;
            }
            id = _atoms.Count;
            _atoms.Add(atom);
            _atomForms.Add(null);
            _index.Add(atom, id);
            return id;
        }
    }
}
