using System.Collections.Generic;
using System.Threading;
using CheapLearning.Generator.Algebra;

namespace CheapLearning.Generator.Tests.Algebra;

/// <summary>
/// The test oracle for <see cref="Expansion.TryExpand"/>: its loop as it was before products over disjoint variables
/// were kept unexpanded — every atom multiplied out at once, one dense monomial per intermediate term — over the same
/// unchanged steps (<see cref="Expansion.Form"/>, <see cref="Expansion.Multiply"/>, <see cref="Expansion.Power"/>).
/// </summary>
internal static class EagerExpansion
{
    public static Polynomial? TryExpand(ExprGraph graph, int maxTerms)
    {
        var ct = CancellationToken.None;
        int n = graph.VariableCount;
        long budget = (long)maxTerms * 64;
        var values = new Dictionary<Monomial, Rational>?[graph.Atoms.Count];
        Dictionary<Monomial, Rational> Terms(int atom) => values[atom]!;
        for (int i = 0; i < graph.Atoms.Count; i++)
        {
            var atom = graph.Atoms[i];
            Dictionary<Monomial, Rational>? p;
            switch (atom.Kind)
            {
                case AtomKind.Variable:
                    p = new Dictionary<Monomial, Rational> { [Monomial.Variable(n, atom.Variable)] = Rational.One };
                    break;
                case AtomKind.Product:
                    var l = Expansion.Form(atom.Left!, Terms, n, maxTerms);
                    var r = l is null ? null : Expansion.Form(atom.Right!, Terms, n, maxTerms);
                    p = l is null || r is null ? null : Expansion.Multiply(l, r, maxTerms, ref budget, ct);
                    break;
                default:
                    if (Expansion.PowerHasMoreTerms(graph, atom.Left!, atom.Exponent, maxTerms)) return null;
                    var b = Expansion.Form(atom.Left!, Terms, n, maxTerms);
                    p = b is null ? null : Expansion.Power(b, atom.Exponent, maxTerms, ref budget, ct);
                    break;
            }
            if (p is null) return null;
            values[i] = p;
        }
        var result = Expansion.Form(graph.Result, Terms, n, maxTerms);
        return result is null ? null : new Polynomial(n, result);
    }
}
