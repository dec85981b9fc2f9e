using System;
using System.Collections.Generic;
using CheapLearning.Generator.Model;

namespace CheapLearning.Generator.Algebra
{
    /// <summary>A term <c>Coefficient · atom</c> of a <see cref="LinearForm"/>.</summary>
    internal readonly record struct Term(int Atom, double Coefficient);

    /// <summary>
    /// Constant + Σ coefficient·atom, terms sorted by atom index. Linear combinations cost no
    /// neurons (they fold into the affine maps of Eq 6), so the expression graph keeps them as
    /// values and only products and powers become atoms (future gates).
    /// Equality: constant and every term, by value.
    /// </summary>
    internal sealed record LinearForm(double Constant, EquatableArray<Term> Terms)
    {
        public static LinearForm FromConstant(double value) => new(value, EquatableArray<Term>.Empty);

        public static LinearForm FromAtom(int atom) => new(0, new EquatableArray<Term>(new[] { new Term(atom, 1.0) }));

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
            double sum = form.Constant;
            foreach (var t in form.Terms) sum += t.Coefficient * values[t.Atom];
            return sum;
        }

        /// <summary>
        /// The expression's majorant at |xᵢ| = R: every constant replaced by its absolute value and
        /// every minus by a plus. It bounds |p| on the box, and equals Σ|c_m|R^deg(m) for an
        /// expanded polynomial (DESIGN.md, accuracy contract).
        /// </summary>
        public double Majorant(double inputBound)
        {
            var values = new double[Atoms.Count];
            for (int i = 0; i < Atoms.Count; i++)
            {
                var atom = Atoms[i];
                values[i] = atom.Kind switch
                {
                    AtomKind.Variable => inputBound,
                    AtomKind.Product => AbsEval(atom.Left!, values) * AbsEval(atom.Right!, values),
                    _ => Math.Pow(AbsEval(atom.Left!, values), atom.Exponent),
                };
            }
            return AbsEval(Result, values);
        }

        private static double AbsEval(LinearForm form, double[] values)
        {
            double sum = Math.Abs(form.Constant);
            foreach (var t in form.Terms) sum += Math.Abs(t.Coefficient) * values[t.Atom];
            return sum;
        }

        /// <summary>Upper bound of the polynomial degree (exact unless terms cancel).</summary>
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
            return (int)FormDegree(Result, degrees);
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
    /// are folded, scalar factors are pulled out of products so that 2·x·y and x·y share x·y.
    /// </summary>
    internal sealed class ExprBuilder
    {
        private readonly List<Atom> _atoms = new();
        private readonly Dictionary<Atom, int> _index = new();
        private readonly int _maxAtoms;

        public ExprBuilder(int variableCount, int maxAtoms = 100_000)
        {
            VariableCount = variableCount;
            _maxAtoms = maxAtoms;
        }

        public int VariableCount { get; }

        /// <summary>True once more atoms were requested than allowed; results are then unusable.</summary>
        public bool Overflowed { get; private set; }

        public ExprGraph Build(LinearForm result) => new(VariableCount, new EquatableArray<Atom>(_atoms.ToArray()), result);

        public LinearForm Variable(int index) => LinearForm.FromAtom(Intern(new Atom(AtomKind.Variable, index, null, null, 0)));

        public LinearForm Constant(double value) => LinearForm.FromConstant(value);

        public LinearForm Add(LinearForm a, LinearForm b)
        {
            var terms = new List<Term>(a.Terms.Count + b.Terms.Count);
            int i = 0, j = 0;
            while (i < a.Terms.Count || j < b.Terms.Count)
            {
                if (j >= b.Terms.Count || (i < a.Terms.Count && a.Terms[i].Atom < b.Terms[j].Atom)) terms.Add(a.Terms[i++]);
                else if (i >= a.Terms.Count || b.Terms[j].Atom < a.Terms[i].Atom) terms.Add(b.Terms[j++]);
                else
                {
                    double c = a.Terms[i].Coefficient + b.Terms[j].Coefficient;
                    if (c != 0) terms.Add(new Term(a.Terms[i].Atom, c));
                    i++; j++;
                }
            }
            return new LinearForm(a.Constant + b.Constant, new EquatableArray<Term>(terms.ToArray()));
        }

        public LinearForm Scale(LinearForm a, double factor)
        {
            if (factor == 0) return LinearForm.FromConstant(0);
            if (factor == 1) return a;
            var terms = new Term[a.Terms.Count];
            for (int i = 0; i < terms.Length; i++) terms[i] = new Term(a.Terms[i].Atom, a.Terms[i].Coefficient * factor);
            return new LinearForm(a.Constant * factor, new EquatableArray<Term>(terms));
        }

        public LinearForm Subtract(LinearForm a, LinearForm b) => Add(a, Scale(b, -1));

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
            return Scale(LinearForm.FromAtom(atom), ka * kb);
        }

        public LinearForm Power(LinearForm a, int exponent)
        {
            if (exponent == 0) return LinearForm.FromConstant(1);
            if (exponent == 1) return a;
            if (a.IsConstant) return LinearForm.FromConstant(Math.Pow(a.Constant, exponent));
            var (k, n) = Normalize(a);
            return Scale(LinearForm.FromAtom(InternPower(n, exponent)), Math.Pow(k, exponent));
        }

        private int InternPower(LinearForm form, int exponent)
        {
            // (f^m)^k = f^(m·k): keep one power atom so powers by squaring see the whole exponent.
            if (form.Constant == 0 && form.Terms.Count == 1 && form.Terms[0].Coefficient == 1)
            {
                var inner = _atoms[form.Terms[0].Atom];
                if (inner.Kind == AtomKind.Power && (long)inner.Exponent * exponent <= int.MaxValue)
                    return Intern(new Atom(AtomKind.Power, -1, inner.Left, null, inner.Exponent * exponent));
            }
            return Intern(new Atom(AtomKind.Power, -1, form, null, exponent));
        }

        /// <summary>Writes a = k·n where n's first term has coefficient 1 (so scalar multiples share atoms).</summary>
        private static (double K, LinearForm N) Normalize(LinearForm a)
        {
            double k = a.Terms[0].Coefficient;
            if (k == 1) return (1, a);
            // Only divide when it is exact, so the polynomial's coefficients are never perturbed;
            // otherwise pull out the sign alone.
            if (!DividesExactly(a, k)) k = k < 0 ? -1 : 1;
            if (k == 1) return (1, a);
            var terms = new Term[a.Terms.Count];
            for (int i = 0; i < terms.Length; i++) terms[i] = new Term(a.Terms[i].Atom, a.Terms[i].Coefficient / k);
            return (k, new LinearForm(a.Constant / k, new EquatableArray<Term>(terms)));
        }

        private static bool DividesExactly(LinearForm a, double k)
        {
            if (a.Constant / k * k != a.Constant) return false;
            foreach (var t in a.Terms)
                if (t.Coefficient / k * k != t.Coefficient) return false;
            return true;
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
            _index.Add(atom, id);
            return id;
        }
    }
}
