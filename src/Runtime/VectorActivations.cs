using System;
#if NET8_0_OR_GREATER
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
#endif

namespace CheapLearning
{
    /// <summary>
    /// σ applied in place to a whole span of pre-activations, for the batch engine. On .NET 8+ the transcendental
    /// part is TensorPrimitives' vectorized Exp/Log (System.Numerics.Tensors) and the rest is the same composition
    /// as <see cref="ActivationFunctions"/> in System.Numerics.Vector lanes; elsewhere it is the scalar
    /// ActivationFunctions. The accuracy contract (GateDesign.ActivationUlps = 4 ulps of |σ(z)|) is what these
    /// compositions are measured against (Numerics.Tests, VectorActivationAccuracyTests), not bit-identity with
    /// the scalar path.
    /// </summary>
    internal static class VectorActivations
    {
        /// <summary>Elements per pass: the two temporaries of one pass stay in L1 (2 × 2 KiB).</summary>
        internal const int Chunk = 256;

        /// <summary>values[i] = σ(values[i]) for every i.</summary>
        public static void Apply(Activation activation, Span<double> values)
        {
#if NET8_0_OR_GREATER
            switch (activation)
            {
                case Activation.Exp:
                    TensorPrimitives.Exp(values, values);
                    return;
                case Activation.ReLU:
                    ReLU(values);
                    return;
                case Activation.Softplus:
                case Activation.Sigmoid:
                    Span<double> t = stackalloc double[Chunk], l = stackalloc double[Chunk];
                    for (int start = 0; start < values.Length; start += Chunk)
                    {
                        var part = values.Slice(start, Math.Min(Chunk, values.Length - start));
                        if (activation == Activation.Softplus) Softplus(part, t.Slice(0, part.Length), l.Slice(0, part.Length));
                        else Sigmoid(part, t.Slice(0, part.Length));
                    }
                    return;
            }
#endif
            // Tanh: TensorPrimitives.Tanh<double> is not used (see VectorActivationAccuracyTests for why), so tanh,
            // and every σ on netstandard2.0, is the scalar function.
            for (int i = 0; i < values.Length; i++) values[i] = ActivationFunctions.Evaluate(activation, values[i]);
        }

#if NET8_0_OR_GREATER
        /// <summary>e = exp(−|z|) ∈ (0, 1], so neither composition below can overflow.</summary>
        private static void ExpMinusAbs(ReadOnlySpan<double> z, Span<double> e)
        {
            ref double zr = ref MemoryMarshal.GetReference(z);
            ref double er = ref MemoryMarshal.GetReference(e);
            int i = 0, lanes = Vector<double>.Count;
            for (; i <= z.Length - lanes; i += lanes)
                Vector.StoreUnsafe(-Vector.Abs(Vector.LoadUnsafe(ref zr, (nuint)i)), ref er, (nuint)i);
            for (; i < z.Length; i++) e[i] = -Math.Abs(z[i]);
            TensorPrimitives.Exp(e, e);
        }

        /// <summary>
        /// softplus(z) = max(z, 0) + log1p(e), e = exp(−|z|), with log1p(e) = ln(w)·e/(w − 1), w = 1 + e (and e where
        /// w rounds to 1): the same composition as <see cref="ActivationFunctions.Softplus"/>, whose correction
        /// cancels the rounding of 1 + e.
        /// </summary>
        private static void Softplus(Span<double> z, Span<double> e, Span<double> log)
        {
            ExpMinusAbs(z, e);
            ref double zr = ref MemoryMarshal.GetReference(z);
            ref double er = ref MemoryMarshal.GetReference(e);
            ref double lr = ref MemoryMarshal.GetReference(log);
            int i = 0, lanes = Vector<double>.Count;
            for (; i <= z.Length - lanes; i += lanes)
                Vector.StoreUnsafe(Vector<double>.One + Vector.LoadUnsafe(ref er, (nuint)i), ref lr, (nuint)i);
            for (; i < z.Length; i++) log[i] = 1.0 + e[i];
            TensorPrimitives.Log(log, log);
            var one = Vector<double>.One;
            i = 0;
            for (; i <= z.Length - lanes; i += lanes)
            {
                var ev = Vector.LoadUnsafe(ref er, (nuint)i);
                var w = one + ev;
                var log1p = Vector.ConditionalSelect(Vector.Equals(w, one), ev, Vector.LoadUnsafe(ref lr, (nuint)i) * (ev / (w - one)));
                var zv = Vector.LoadUnsafe(ref zr, (nuint)i);
                Vector.StoreUnsafe(Vector.Max(zv, Vector<double>.Zero) + log1p, ref zr, (nuint)i);
            }
            for (; i < z.Length; i++)
            {
                double w = 1.0 + e[i];
                double log1p = w == 1.0 ? e[i] : log[i] * (e[i] / (w - 1.0));
                z[i] = Math.Max(z[i], 0.0) + log1p;
            }
        }

        /// <summary>sigmoid(z) = 1/(1 + e) for z ≥ 0 and e/(1 + e) below, e = exp(−|z|): <see cref="ActivationFunctions.Sigmoid"/>'s composition.</summary>
        private static void Sigmoid(Span<double> z, Span<double> e)
        {
            ExpMinusAbs(z, e);
            ref double zr = ref MemoryMarshal.GetReference(z);
            ref double er = ref MemoryMarshal.GetReference(e);
            var one = Vector<double>.One;
            int i = 0, lanes = Vector<double>.Count;
            for (; i <= z.Length - lanes; i += lanes)
            {
                var ev = Vector.LoadUnsafe(ref er, (nuint)i);
                var numerator = Vector.ConditionalSelect(Vector.GreaterThanOrEqual(Vector.LoadUnsafe(ref zr, (nuint)i), Vector<double>.Zero), one, ev);
                Vector.StoreUnsafe(numerator / (one + ev), ref zr, (nuint)i);
            }
            for (; i < z.Length; i++) z[i] = (z[i] >= 0 ? 1.0 : e[i]) / (1.0 + e[i]);
        }

        /// <summary>max(0, z) exactly, as <see cref="ActivationFunctions.ReLU"/> (z &lt; 0 ? 0 : z).</summary>
        private static void ReLU(Span<double> z)
        {
            ref double zr = ref MemoryMarshal.GetReference(z);
            int i = 0, lanes = Vector<double>.Count;
            for (; i <= z.Length - lanes; i += lanes)
            {
                var v = Vector.LoadUnsafe(ref zr, (nuint)i);
                Vector.StoreUnsafe(Vector.ConditionalSelect(Vector.LessThan(v, Vector<double>.Zero), Vector<double>.Zero, v), ref zr, (nuint)i);
            }
            for (; i < z.Length; i++) z[i] = ActivationFunctions.ReLU(z[i]);
        }
#endif
    }
}
