using System;
#if NET8_0_OR_GREATER
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
#endif

namespace CheapLearning
{
    /// <summary>
    /// σ applied in place to a whole span of pre-activations, for the batch engine. On .NET 8+ exp and log are
    /// vectorized fdlibm algorithms (VectorExp, VectorLog) and the rest is the same
    /// composition as <see cref="ActivationFunctions"/>, one System.Numerics.Vector of lanes at a time; elsewhere (and
    /// for tanh) it is the scalar ActivationFunctions. The accuracy contract (GateDesign.ActivationUlps: 4 units of
    /// 2⁻⁵³·|σ(z)|) is what these compositions are measured against (Numerics.Tests, VectorActivationAccuracyTests),
    /// not bit-identity with the scalar path.
    /// </summary>
    internal static class VectorActivations
    {
        /// <summary>values[i] = σ(values[i]) for every i.</summary>
        public static void Apply(Activation activation, Span<double> values)
        {
#if NET8_0_OR_GREATER
            if (activation != Activation.Tanh)
            {
                ref double z = ref MemoryMarshal.GetReference(values);
                int i = 0, lanes = Vector<double>.Count;
                for (; i <= values.Length - lanes; i += lanes)
                {
                    var v = Vector.LoadUnsafe(ref z, (nuint)i);
                    Vector.StoreUnsafe(activation switch
                    {
                        Activation.Softplus => Softplus(v),
                        Activation.Sigmoid => Sigmoid(v),
                        Activation.Exp => VectorExp.Exp(v),
                        _ => ReLU(v),
                    }, ref z, (nuint)i);
                }
                for (; i < values.Length; i++) values[i] = ActivationFunctions.Evaluate(activation, values[i]);
                return;
            }
#endif
            // Tanh, and every σ on netstandard2.0, is the scalar function (a vectorized tanh needs an accurate expm1 near 0).
            for (int i = 0; i < values.Length; i++) values[i] = ActivationFunctions.Evaluate(activation, values[i]);
        }

#if NET8_0_OR_GREATER
        /// <summary>
        /// softplus(z) = max(z, 0) + log1p(e), e = exp(−|z|) ∈ [0, 1] (no overflow), with log1p(e) = ln(w)·e/(w − 1),
        /// w = 1 + e (and e where w rounds to 1): <see cref="ActivationFunctions.Softplus"/>'s composition, whose
        /// correction cancels the rounding of 1 + e.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector<double> Softplus(Vector<double> z)
        {
            var one = Vector<double>.One;
            var e = VectorExp.Exp(-Vector.Abs(z));
            var w = one + e;
            var log1p = Vector.ConditionalSelect(Vector.Equals(w, one), e, VectorLog.LogOneToTwo(w) * (e / (w - one)));
            return Vector.Max(z, Vector<double>.Zero) + log1p;
        }

        /// <summary>sigmoid(z) = 1/(1 + e) for z ≥ 0 and e/(1 + e) below, e = exp(−|z|): <see cref="ActivationFunctions.Sigmoid"/>'s composition.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector<double> Sigmoid(Vector<double> z)
        {
            var one = Vector<double>.One;
            var e = VectorExp.Exp(-Vector.Abs(z));
            return Vector.ConditionalSelect(Vector.GreaterThanOrEqual(z, Vector<double>.Zero), one, e) / (one + e);
        }

        /// <summary>max(0, z) exactly, as <see cref="ActivationFunctions.ReLU"/> (z &lt; 0 ? 0 : z).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector<double> ReLU(Vector<double> z)
            => Vector.ConditionalSelect(Vector.LessThan(z, Vector<double>.Zero), Vector<double>.Zero, z);
#endif
    }
}
