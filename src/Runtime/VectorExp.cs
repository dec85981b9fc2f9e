// The range reduction (ln 2 split in two) comes from fdlibm's e_exp.c, whose notice is kept here:
// ====================================================
// Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
//
// Developed at SunSoft, a Sun Microsystems, Inc. business.
// Permission to use, copy, modify, and distribute this
// software is freely granted, provided that this notice
// is preserved.
// ====================================================

#if NET8_0_OR_GREATER
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace CheapLearning
{
    /// <summary>
    /// eˣ in <see cref="Vector{T}"/> lanes without a division: x = k·ln2 + r with ln2 split in two (k·ln2_hi exact, as in
    /// fdlibm's e_exp.c), e^r = 1 + (r + r²·P(r)) with P the Taylor polynomial to degree 13 (remainder below
    /// 4.2e-18 for |r| ≤ ln2/2; evaluated by Estrin's scheme), and 2ᵏ applied as two exact powers of two so a subnormal result rounds once.
    /// TensorPrimitives.Exp&lt;double&gt; (System.Numerics.Tensors 9.0) was measured up to 3.7 units of 2⁻⁵³·eˣ, which,
    /// composed into sigmoid and softplus, broke the 4-unit σ contract the bounds assume; this one keeps them within
    /// it (VectorActivationAccuracyTests).
    /// </summary>
    internal static class VectorExp
    {
        private const double InvLn2 = 1.44269504088896338700e+00, Ln2Hi = 6.93147180369123816490e-01, Ln2Lo = 1.90821492927058770002e-10;

        /// <summary>1.5·2⁵²: adding it rounds to an integer held in the low bits of the sum.</summary>
        private const double Shifter = 6755399441055744.0;

        /// <summary>eˣ per lane; below −746 gives 0, above 709.78 gives +∞.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<double> Exp(Vector<double> x) => ExpOfAtMost710(MinKeepNaN(new Vector<double>(710.0), x));

        /// <summary>
        /// e^(−|z|) per lane, as <c>Exp(-Vector.Abs(z))</c> gives it, bit for bit: −|z| is z with its sign bit set (one OR
        /// instead of AND then XOR), and the clamp at 710 has nothing to do (every lane ≤ 0 or NaN). σ's hot path: two
        /// operations fewer on its dependency chain.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<double> ExpOfMinusAbs(Vector<double> z) => ExpOfAtMost710(z | new Vector<double>(-0.0));

        /// <summary>eˣ per lane for x ≤ 710 or NaN (the caller's clamp).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector<double> ExpOfAtMost710(Vector<double> x)
        {
            x = MaxKeepNaN(new Vector<double>(-746.0), x);
            var shifted = MultiplyAdd(x, new Vector<double>(InvLn2), new Vector<double>(Shifter));
            var minusK = new Vector<double>(Shifter) - shifted;  // −k, exact (both are integers near 1.5·2⁵²)
            var kBits = Vector.AsVectorInt64(shifted) - Vector.AsVectorInt64(new Vector<double>(Shifter));
            var r = MultiplyAdd(minusK, new Vector<double>(Ln2Hi), x);  // exact
            r = MultiplyAdd(minusK, new Vector<double>(Ln2Lo), r);
            // P(r) = Σ cᵢ·rⁱ, cᵢ = 1/(i + 2)!, i = 0…11, by Estrin's scheme: pairs cᵢ + cᵢ₊₁·r, then pairs of those with r²,
            // then r⁴ and r⁸. The same terms as Horner's rule, but a dependency chain of 4 multiply-adds instead of 11: the
            // σ loops are bound by that chain's latency (4 cycles per multiply-add), not by the FMA units, so vectors
            // overlap better. Its rounding is as benign as Horner's: every cᵢ and every partial sum is positive for
            // r ≥ 0 and |cᵢ₊₁·r| ≤ cᵢ/8 for r < 0 (|r| ≤ ln2/2), so each partial result is within a few units of its own magnitude and
            // P ∈ [0.44, 0.57]; what reaches y = 1 + (r + r²·P) is below r²·(a few units of P) ≤ 0.12·…, a tenth of a
            // unit of y (VectorActivationAccuracyTests measure exp, sigmoid and softplus on a million arguments each).
            // Each pair is consumed as soon as it is made (the JIT keeps source order; held all at once they spilled).
            var r2 = r * r;
            var s0 = MultiplyAdd(MultiplyAdd(new Vector<double>(1.0 / 120), r, new Vector<double>(1.0 / 24)), r2,          // 1/4!, 1/5!
                                 MultiplyAdd(new Vector<double>(1.0 / 6), r, new Vector<double>(0.5)));                    // 1/2!, 1/3!
            var r4 = r2 * r2;
            var s1 = MultiplyAdd(MultiplyAdd(new Vector<double>(1.0 / 362880), r, new Vector<double>(1.0 / 40320)), r2,    // 1/8!, 1/9!
                                 MultiplyAdd(new Vector<double>(1.0 / 5040), r, new Vector<double>(1.0 / 720)));           // 1/6!, 1/7!
            var s2 = MultiplyAdd(MultiplyAdd(new Vector<double>(1.0 / 6227020800), r, new Vector<double>(1.0 / 479001600)), r2, // 1/12!, 1/13!
                                 MultiplyAdd(new Vector<double>(1.0 / 39916800), r, new Vector<double>(1.0 / 3628800)));   // 1/10!, 1/11!
            var p = MultiplyAdd(s2, r4 * r4, MultiplyAdd(s1, r4, s0));
            var q = MultiplyAdd(r2, p, r);  // e^r − 1
            // k ∈ [−1077, 1025]: its high half is its sign, so halving each 32-bit half is k >> 1 (AVX2 has no 64-bit
            // arithmetic shift; the JIT emulated it in five instructions).
            var k1 = Vector.AsVectorInt64(Vector.ShiftRightArithmetic(Vector.AsVectorInt32(kBits), 1));
            var k2 = kBits - k1;
            var bias = new Vector<long>(1023);
            var scale1 = Vector.AsVectorDouble(Vector.ShiftLeft(k1 + bias, 52));
            var scale2 = Vector.AsVectorDouble(Vector.ShiftLeft(k2 + bias, 52));
            // (1 + q)·2^k1 as one fused multiply-add, q·2^k1 + 2^k1, one operation fewer on σ's dependency chain than 1 + q then
            // ·2^k1. The same bits: |k1| ≤ 539 keeps (1 + q)·2^k1 normal, and rounding commutes with scaling by a power of two
            // there, so round((1 + q)·2^k1) = round(1 + q)·2^k1. Then ·2^k2, exact unless the result is subnormal (one rounding).
            return MultiplyAdd(q, scale1, scale1) * scale2;
        }

        /// <summary>
        /// max(bound, x), NaN for a NaN x, and x's own zero for a zero bound and a zero x. vmaxpd where the CPU has it: it returns
        /// its second operand when either is NaN or both are zeros. Vector.Max on .NET 9+ is IEEE 754's maximum, which the
        /// JIT spells out in about ten instructions (NaN and −0 tests) per call: a fifth of a sigmoid's.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector<double> MaxKeepNaN(Vector<double> bound, Vector<double> x)
        {
            if (Avx.IsSupported && Vector<double>.Count == 4) return Avx.Max(bound.AsVector256(), x.AsVector256()).AsVector();
            return Vector.ConditionalSelect(Vector.LessThan(x, bound), bound, x);
        }

        /// <summary>min(bound, x), as <see cref="MaxKeepNaN"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector<double> MinKeepNaN(Vector<double> bound, Vector<double> x)
        {
            if (Avx.IsSupported && Vector<double>.Count == 4) return Avx.Min(bound.AsVector256(), x.AsVector256()).AsVector();
            return Vector.ConditionalSelect(Vector.GreaterThan(x, bound), bound, x);
        }

        /// <summary>
        /// c − a·b, fused where the CPU can (vfnmadd: one rounding, the very result of MultiplyAdd(−a, b, c) without the
        /// negation on the caller's dependency chain).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector<double> MultiplyAddNegated(Vector<double> a, Vector<double> b, Vector<double> c)
        {
            if (Fma.IsSupported && Vector<double>.Count == 4)
                return Fma.MultiplyAddNegated(a.AsVector256(), b.AsVector256(), c.AsVector256()).AsVector();
            return c - a * b;
        }

        /// <summary>a·b + c, fused where the CPU can (one rounding; the analysis above assumes no more than two).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector<double> MultiplyAdd(Vector<double> a, Vector<double> b, Vector<double> c)
        {
            if (Fma.IsSupported && Vector<double>.Count == 4)
                return Fma.MultiplyAdd(a.AsVector256(), b.AsVector256(), c.AsVector256()).AsVector();
            return a * b + c;
        }
    }
}
#endif
