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
            // One loop per activation: each stays small enough for the JIT to inline its σ and keep constants in registers.
            switch (activation)
            {
                case Activation.Softplus: SoftplusAll(values); return;
                case Activation.Sigmoid: SigmoidAll(values); return;
                case Activation.Exp: ExpAll(values); return;
                case Activation.ReLU: ReLUAll(values); return;
            }
#endif
            // Tanh, and every σ on netstandard2.0, is the scalar function (a vectorized tanh needs an accurate expm1 near 0).
            for (int i = 0; i < values.Length; i++) values[i] = ActivationFunctions.Evaluate(activation, values[i]);
        }

#if NET8_0_OR_GREATER
        private static void SoftplusAll(Span<double> values)
        {
            ref double z = ref MemoryMarshal.GetReference(values);
            int i = 0;
            for (; i <= values.Length - Vector<double>.Count; i += Vector<double>.Count)
                Vector.StoreUnsafe(Softplus(Vector.LoadUnsafe(ref z, (nuint)i)), ref z, (nuint)i);
            for (; i < values.Length; i++) values[i] = ActivationFunctions.Softplus(values[i]);
        }

        private static void SigmoidAll(Span<double> values)
        {
            ref double z = ref MemoryMarshal.GetReference(values);
            int i = 0;
            for (; i <= values.Length - Vector<double>.Count; i += Vector<double>.Count)
                Vector.StoreUnsafe(Sigmoid(Vector.LoadUnsafe(ref z, (nuint)i)), ref z, (nuint)i);
            for (; i < values.Length; i++) values[i] = ActivationFunctions.Sigmoid(values[i]);
        }

        private static void ExpAll(Span<double> values)
        {
            ref double z = ref MemoryMarshal.GetReference(values);
            int i = 0;
            for (; i <= values.Length - Vector<double>.Count; i += Vector<double>.Count)
                Vector.StoreUnsafe(VectorExp.Exp(Vector.LoadUnsafe(ref z, (nuint)i)), ref z, (nuint)i);
            for (; i < values.Length; i++) values[i] = ActivationFunctions.Exp(values[i]);
        }

        private static void ReLUAll(Span<double> values)
        {
            ref double z = ref MemoryMarshal.GetReference(values);
            int i = 0;
            for (; i <= values.Length - Vector<double>.Count; i += Vector<double>.Count)
                Vector.StoreUnsafe(ReLU(Vector.LoadUnsafe(ref z, (nuint)i)), ref z, (nuint)i);
            for (; i < values.Length; i++) values[i] = ActivationFunctions.ReLU(values[i]);
        }

        /// <summary>
        /// softplus(z) = max(z, 0) + log1p(e), e = exp(−|z|) ∈ [0, 1] (no overflow): <see cref="ActivationFunctions.Softplus"/>'s
        /// split, with a log1p that never rounds 1 + e (<c>VectorLog.Log1pUnit</c>) in place of its ln(w)·e/(w − 1) correction.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector<double> Softplus(Vector<double> z)
            => Vector.Max(z, Vector<double>.Zero) + VectorLog.Log1pUnit(VectorExp.Exp(-Vector.Abs(z)));

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
