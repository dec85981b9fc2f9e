using System.Collections.Generic;
using System.Globalization;
using System.Text;
using CheapLearning.Generator.Algebra;

namespace CheapLearning.Generator.Construction
{
    /// <summary>
    /// c + Σ wₛ·s over signals s (input bits and threshold neurons, all exactly 0/1 in exact arithmetic).
    /// Linear, hence free (it folds into the next affine map, Eq 6). <see cref="IsBit"/>: the form's exact
    /// value is 0 or 1 on every input, so it may feed a threshold neuron as one Boolean operand.
    /// </summary>
    internal sealed class BitForm
    {
        public BitForm(Rational constant, SortedDictionary<int, Rational> terms, bool isBit)
        {
            Constant = constant;
            Terms = terms;
            IsBit = isBit;
        }

        public Rational Constant { get; }
        public SortedDictionary<int, Rational> Terms { get; }
        public bool IsBit { get; }

        public bool IsConstant => Terms.Count == 0;

        public static BitForm Of(Rational c) => new(c, new SortedDictionary<int, Rational>(), c.IsZero || c == Rational.One);

        public static BitForm Signal(int s) => new(Rational.Zero, new SortedDictionary<int, Rational> { [s] = Rational.One }, true);

        /// <summary>Σ kᵢ·formᵢ + constant; the result is a bit only when <paramref name="isBit"/> says so.</summary>
        public static BitForm Combine(Rational constant, IEnumerable<(BitForm Form, Rational Weight)> parts, bool isBit)
        {
            var terms = new SortedDictionary<int, Rational>();
            foreach (var (form, k) in parts)
            {
                constant += k * form.Constant;
                foreach (var t in form.Terms)
                {
                    terms.TryGetValue(t.Key, out var c);
                    c += k * t.Value;
                    if (c.IsZero) terms.Remove(t.Key); else terms[t.Key] = c;
                }
            }
            if (terms.Count == 0) return Of(constant);
            return new BitForm(constant, terms, isBit);
        }

        /// <summary>A canonical key of the form (terms and constant), used to share equal neurons.</summary>
        public string Key
        {
            get
            {
                var sb = new StringBuilder(Constant.ToString());
                foreach (var t in Terms) sb.Append('|').Append(t.Key.ToString(CultureInfo.InvariantCulture)).Append(':').Append(t.Value.ToString());
                return sb.ToString();
            }
        }
    }
}
