using System;
using System.Collections.Generic;
using CheapLearning.Generator.Algebra;

namespace CheapLearning.Generator.Construction
{
    /// <summary>
    /// The classifier's stated posterior bound, in one place: each posterior of the generated <c>Probabilities</c> is within
    /// a factor e^(±2t) of Bayes' theorem, t = ε + 2⁻⁵¹·(M + K), ε the Hamiltonians' largest network bound
    /// (<c>HamiltonianErrorBound</c>), M = max_y |−H_y(x) − µ_y| and K the number of classes (the 2⁻⁵¹ term is the double
    /// rounding of the scores and of the softmax, derived in <c>ClassifierEmitter</c>). The emitter states <see cref="Factor"/>
    /// and <see cref="ScoreMagnitude"/> in the generated docs, and CHEAP031 (<see cref="ClassifierPlanner"/>) evaluates
    /// <see cref="Exponent"/> with M bounded over the input box, so the warning and the stated bound cannot drift apart
    /// (CHEAP031 compared ε alone with ln 2 / 2 until round 17: <c>a ? 3e14 : 0</c> against <c>a ? 0 : 3e14</c> has
    /// ε = 0.27 and t = 0.40, and was silent).
    /// </summary>
    internal static class PosteriorBound
    {
        /// <summary>The rounding term's factor, 2⁻⁵¹ = 4u (u = 2⁻⁵³, the unit roundoff).</summary>
        public const double ScoreRounding = 1.0 / (1L << 51);

        /// <summary>The bound's exponent as the generated docs write it.</summary>
        public const string Formula = "ε + 2⁻⁵¹·(M + ClassCount)";

        /// <summary>The factor each posterior is within, as the generated docs write it.</summary>
        public const string Factor = "e^(±2(" + Formula + "))";

        /// <summary>What M is, as the generated docs write it.</summary>
        public const string ScoreMagnitude = "M = max_y |−H_y(x) − µ_y|";

        /// <summary>
        /// t = ε + 2⁻⁵¹·(M + K) for <paramref name="epsilon"/> = ε and <paramref name="scoreMagnitude"/> an upper bound of M,
        /// rounded up (a relative 2⁻⁵⁰ covers the three roundings of the double evaluation); ∞ or NaN stays so.
        /// </summary>
        public static double Exponent(double epsilon, double scoreMagnitude, int classCount)
            => (epsilon + ScoreRounding * (scoreMagnitude + classCount)) * (1 + 2 * ScoreRounding);

        /// <summary>The bound on each probability's error the factor e^(±2t) gives: e^(2t) − 1.</summary>
        public static double ProbabilityError(double exponent) => Math.Exp(2 * exponent) - 1;

        /// <summary>From t = ln 2 / 2 on (or t not finite) e^(2t) − 1 ≥ 1: the bound says nothing about a probability.</summary>
        public static bool IsVacuous(double exponent) => !(ProbabilityError(exponent) < 1);

        /// <summary>
        /// An upper bound of max |−H − µ| over the inputs when H ∈ [<paramref name="low"/>, <paramref name="high"/>]:
        /// max(|low + µ|, |high + µ|), rounded up by a relative 2⁻⁵⁰ (the sum's rounding; an endpoint rounded to its double
        /// moves M by at most half an ulp of it, so t by at most 2⁻¹⁰⁴ of that endpoint: nothing a warning could turn on).
        /// </summary>
        public static double ScoreMagnitudeBound(double low, double high, double mu)
            => Math.Max(Math.Abs(low + mu), Math.Abs(high + mu)) * (1 + 2 * ScoreRounding);

        /// <summary>
        /// The range of a bit network's exact output c₀ + Σ c_s·b_s over every input, each signal b_s a bit (an input or a
        /// threshold unit's exact step): [c₀ + Σ_{c&lt;0} c, c₀ + Σ_{c&gt;0} c], exact, then rounded to doubles. Signals are
        /// not independent, so this can be wider than the true range (never narrower).
        /// </summary>
        public static (double Low, double High) BitOutputRange(Rational constant, IEnumerable<Rational> coefficients)
        {
            Rational low = constant, high = constant;
            foreach (var c in coefficients)
                if (c.Sign < 0) low += c;
                else high += c;
            return (low.ToDouble(), high.ToDouble());
        }
    }
}
