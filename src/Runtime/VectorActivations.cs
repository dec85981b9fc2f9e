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
                case Activation.Softplus: ApplyAll<SoftplusLanes>(values); return;
                case Activation.Sigmoid: ApplyAll<SigmoidLanes>(values); return;
                case Activation.Exp: ApplyAll<ExpLanes>(values); return;
                case Activation.ReLU: ApplyAll<ReLULanes>(values); return;
            }
#endif
            // Tanh, and every σ on netstandard2.0, is the scalar function (a vectorized tanh needs an accurate expm1 near 0).
            for (int i = 0; i < values.Length; i++) values[i] = ActivationFunctions.Evaluate(activation, values[i]);
        }

#if NET8_0_OR_GREATER
        /// <summary>σ per lane (vectors) and per element (the tail); a struct, so the JIT compiles one inlined loop per σ.</summary>
        private interface ILanes
        {
            Vector<double> Invoke(Vector<double> z);
            double Invoke(double z);
        }

        private readonly struct SoftplusLanes : ILanes
        {
            public Vector<double> Invoke(Vector<double> z) => Softplus(z);
            public double Invoke(double z) => ActivationFunctions.Softplus(z);
        }

        private readonly struct SigmoidLanes : ILanes
        {
            public Vector<double> Invoke(Vector<double> z) => Sigmoid(z);
            public double Invoke(double z) => ActivationFunctions.Sigmoid(z);
        }

        private readonly struct ExpLanes : ILanes
        {
            public Vector<double> Invoke(Vector<double> z) => VectorExp.Exp(z);
            public double Invoke(double z) => ActivationFunctions.Exp(z);
        }

        private readonly struct ReLULanes : ILanes
        {
            public Vector<double> Invoke(Vector<double> z) => ReLU(z);
            public double Invoke(double z) => ActivationFunctions.ReLU(z);
        }

        private static void ApplyAll<TLanes>(Span<double> values) where TLanes : struct, ILanes
        {
            var lanes = default(TLanes);
            ref double z = ref MemoryMarshal.GetReference(values);
            int i = 0;
            for (; i <= values.Length - Vector<double>.Count; i += Vector<double>.Count)
                Vector.StoreUnsafe(lanes.Invoke(Vector.LoadUnsafe(ref z, (nuint)i)), ref z, (nuint)i);
            for (; i < values.Length; i++) values[i] = lanes.Invoke(values[i]);
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
