using System;
using System.Collections.Generic;
using System.Linq;

namespace CheapLearning.TestKit;

/// <summary>
/// A polynomial in n variables with exact rational coefficients, fully expanded (one entry per
/// monomial, zero coefficients dropped). Immutable.
/// </summary>
public sealed class ExactPolynomial
{
    private readonly Dictionary<string, (int[] Exponents, ExactNumber Coefficient)> _terms;

    public int Variables { get; }

    private ExactPolynomial(int variables, Dictionary<string, (int[], ExactNumber)> terms)
    {
        Variables = variables;
        _terms = terms;
    }

    public static ExactPolynomial Constant(int variables, ExactNumber value)
    {
        var terms = new Dictionary<string, (int[], ExactNumber)>();
        if (!value.IsZero) terms[Key(new int[variables])] = (new int[variables], value);
        return new ExactPolynomial(variables, terms);
    }

    public static ExactPolynomial Variable(int variables, int index)
    {
        var e = new int[variables];
        e[index] = 1;
        return new ExactPolynomial(variables, new() { [Key(e)] = (e, ExactNumber.One) });
    }

    /// <summary>Σ c·Π xᵢ^eᵢ with each c at its exact double value (for tests that state a polynomial as terms).</summary>
    public static ExactPolynomial FromTerms(int variables, IEnumerable<(double Coefficient, int[] Exponents)> terms)
    {
        var result = Constant(variables, ExactNumber.Zero);
        foreach (var (c, e) in terms)
        {
            var term = Constant(variables, ExactNumber.FromDouble(c));
            for (int i = 0; i < e.Length; i++) term *= Variable(variables, i).Pow(e[i]);
            result += term;
        }
        return result;
    }

    public IEnumerable<(int[] Exponents, ExactNumber Coefficient)> Terms => _terms.Values;
    public int TermCount => _terms.Count;
    public bool IsZero => _terms.Count == 0;
    public int Degree => _terms.Count == 0 ? 0 : _terms.Values.Max(t => t.Exponents.Sum());

    /// <summary>The value if the polynomial has degree 0, else null.</summary>
    public ExactNumber? AsConstant()
    {
        if (_terms.Count == 0) return ExactNumber.Zero;
        if (_terms.Count == 1 && _terms.Values.Single() is var (e, c) && e.All(k => k == 0)) return c;
        return null;
    }

    public ExactNumber CoefficientOf(params int[] exponents)
        => _terms.TryGetValue(Key(exponents), out var t) ? t.Item2 : ExactNumber.Zero;

    public static ExactPolynomial operator +(ExactPolynomial a, ExactPolynomial b)
    {
        var terms = new Dictionary<string, (int[], ExactNumber)>(a._terms);
        foreach (var (key, (e, c)) in b._terms) Accumulate(terms, key, e, c);
        return new ExactPolynomial(a.Variables, terms);
    }

    public static ExactPolynomial operator -(ExactPolynomial a) => a.Scale(-ExactNumber.One);
    public static ExactPolynomial operator -(ExactPolynomial a, ExactPolynomial b) => a + -b;

    /// <summary>Past this many monomials the oracle refuses (a test then says so instead of running out of memory).</summary>
    public const int MaxTerms = 200_000;

    public static ExactPolynomial operator *(ExactPolynomial a, ExactPolynomial b)
    {
        if ((long)a.TermCount * b.TermCount > 50L * MaxTerms) throw new NotSupportedException($"expansion too large: {a.TermCount} × {b.TermCount} terms");
        var terms = new Dictionary<string, (int[], ExactNumber)>();
        foreach (var (ea, ca) in a._terms.Values)
            foreach (var (eb, cb) in b._terms.Values)
            {
                var e = new int[ea.Length];
                for (int i = 0; i < e.Length; i++) e[i] = ea[i] + eb[i];
                Accumulate(terms, Key(e), e, ca * cb);
            }
        return new ExactPolynomial(a.Variables, terms);
    }

    public ExactPolynomial Scale(ExactNumber factor)
    {
        var terms = new Dictionary<string, (int[], ExactNumber)>();
        if (!factor.IsZero)
            foreach (var (key, (e, c)) in _terms) terms[key] = (e, c * factor);
        return new ExactPolynomial(Variables, terms);
    }

    public ExactPolynomial Pow(int exponent)
    {
        if (exponent < 0) throw new ArgumentOutOfRangeException(nameof(exponent));
        var result = Constant(Variables, ExactNumber.One);
        var power = this;
        for (int k = exponent; k > 0; k >>= 1)
        {
            if ((k & 1) == 1) result *= power;
            if (k > 1) power *= power;
        }
        return result;
    }

    /// <summary>p(x) exactly, each input taken at its exact double value.</summary>
    public ExactNumber Evaluate(ReadOnlySpan<double> x)
    {
        if (x.Length != Variables) throw new ArgumentException($"expected {Variables} inputs, got {x.Length}");
        var powers = new List<ExactNumber>[Variables];
        for (int i = 0; i < Variables; i++) powers[i] = new List<ExactNumber> { ExactNumber.One, ExactNumber.FromDouble(x[i]) };
        var sum = ExactNumber.Zero;
        foreach (var (e, c) in _terms.Values)
        {
            var term = c;
            for (int i = 0; i < e.Length; i++)
            {
                if (e[i] == 0) continue;
                var list = powers[i];
                while (list.Count <= e[i]) list.Add(list[^1] * list[1]);
                term *= list[e[i]];
            }
            sum += term;
        }
        return sum;
    }

    /// <summary>S = Σ_m |c_m|·R^deg(m), exactly (DESIGN.md's accuracy contract: a bound of |p| on the box).</summary>
    public ExactNumber AbsoluteScale(double inputBound)
    {
        var r = ExactNumber.FromDouble(inputBound);
        var sum = ExactNumber.Zero;
        foreach (var (e, c) in _terms.Values) sum += c.Abs() * r.Pow(e.Sum());
        return sum;
    }

    private static void Accumulate(Dictionary<string, (int[], ExactNumber)> terms, string key, int[] e, ExactNumber c)
    {
        var total = terms.TryGetValue(key, out var t) ? t.Item2 + c : c;
        if (total.IsZero) terms.Remove(key); else terms[key] = (e, total);
    }

    private static string Key(int[] exponents) => string.Join(",", exponents);
}
