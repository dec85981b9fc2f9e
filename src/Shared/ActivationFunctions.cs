using System;
using System.Runtime.CompilerServices;

#if CHEAPLEARNING_GENERATOR
namespace CheapLearning.Generator
#else
namespace CheapLearning
#endif
{
    /// <summary>
    /// The activation functions exactly as generated evaluators and <c>NetworkModel.Evaluate</c>
    /// compute them. The generator's error analysis models the rounding of these very
    /// implementations (at most a few units in the last place), so they must stay accurate:
    /// softplus uses an accurate log1p instead of <c>Math.Log(1 + e)</c>.
    /// </summary>
#if CHEAPLEARNING_GENERATOR
    internal
#else
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)] // called by generated evaluators
    public
#endif
    static class ActivationFunctions
    {
        /// <summary>σ(x) = ln(1 + eˣ), accurate to a few ulps for every finite x.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static double Softplus(double x)
            => x > 0 ? x + Log1p(Math.Exp(-x)) : Log1p(Math.Exp(x));

        /// <summary>The logistic function 1 / (1 + e⁻ˣ).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static double Sigmoid(double x)
        {
            if (x >= 0) return 1.0 / (1.0 + Math.Exp(-x));
            double e = Math.Exp(x);
            return e / (1.0 + e);
        }

        /// <summary>tanh x.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static double Tanh(double x) => Math.Tanh(x);

        /// <summary>eˣ.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static double Exp(double x) => Math.Exp(x);

        /// <summary>max(0, x), computed exactly (no rounding); NaN stays NaN.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static double ReLU(double x) => x < 0 ? 0.0 : x;

        /// <summary>σ(x) for the given activation.</summary>
        public static double Evaluate(Activation activation, double x)
        {
            switch (activation)
            {
                case Activation.Softplus: return Softplus(x);
                case Activation.Sigmoid: return Sigmoid(x);
                case Activation.Tanh: return Tanh(x);
                case Activation.Exp: return Exp(x);
                case Activation.ReLU: return ReLU(x);
                default: throw new ArgumentOutOfRangeException(nameof(activation), activation, "Unknown activation.");
            }
        }

        /// <summary>
        /// ln(1 + y) for y ≥ 0 to within about one ulp: the classic correction
        /// ln(w)·y/(w − 1) with w = 1 + y cancels the rounding of the addition
        /// (netstandard2.0 has no Math.Log1P).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static double Log1p(double y)
        {
            double w = 1.0 + y;
            if (w == 1.0) return y;
            if (double.IsPositiveInfinity(w)) return w;
            return Math.Log(w) * (y / (w - 1.0));
        }
    }
}
