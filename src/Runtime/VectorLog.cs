// The algorithm and its coefficients Lg1–Lg7 come from fdlibm's e_log.c, whose notice is kept here:
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

namespace CheapLearning
{
    /// <summary>
    /// ln(1 + e) in <see cref="Vector{T}"/> lanes for e ∈ [0, 1] (what softplus needs: e = exp(−|z|)), after fdlibm's
    /// e_log.c (error below 1 ulp) with 1 + e never rounded: 1 + e = 2ᵏ(1 + f + δ), k ∈ {0, 1}. For e ≤ √2 − 1, k = 0 and
    /// f = e exactly; above, k = 1, f = (e − 1)/2 and δ its rounding error (Fast2Sum, exact), added as δ/(1 + f) ≈ δ(1 − f)
    /// (relative error f² ≤ 0.09 of a term below 2⁻⁵⁵). Then s = f/(2 + f) and fdlibm's degree-14 polynomial R(s²).
    /// TensorPrimitives.Log&lt;double&gt; (System.Numerics.Tensors 9.0) in the scalar path's composition was measured at
    /// 5.2 units of 2⁻⁵³·σ for softplus, past the 4-unit contract; this keeps it within (VectorActivationAccuracyTests).
    /// </summary>
    internal static class VectorLog
    {
        private const double Ln2Hi = 6.93147180369123816490e-01, Ln2Lo = 1.90821492927058770002e-10, Sqrt2Minus1 = 0.41421356237309503;
        private const double Lg1 = 6.666666666666735130e-01, Lg2 = 3.999999999940941908e-01, Lg3 = 2.857142874366239149e-01,
                             Lg4 = 2.222219843214978396e-01, Lg5 = 1.818357216161805012e-01, Lg6 = 1.531383769920937332e-01,
                             Lg7 = 1.479819860511658591e-01;

        /// <summary>ln(1 + e) for every lane with 0 ≤ e ≤ 1.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<double> Log1pUnit(Vector<double> e)
        {
            var one = Vector<double>.One;
            var half = new Vector<double>(0.5);
            var big = Vector.GreaterThan(e, new Vector<double>(Sqrt2Minus1));
            var d = e - one;                  // Fast2Sum(−1, e): |−1| ≥ |e|
            var delta = e - (d + one);
            var f = Vector.ConditionalSelect(big, d * half, e);
            var correction = Vector.ConditionalSelect(big, delta * half * (one - f), Vector<double>.Zero);
            var k = Vector.ConditionalSelect(big, one, Vector<double>.Zero);
            var s = f / (new Vector<double>(2.0) + f);
            var z = s * s;
            var z2 = z * z;
            var t1 = z2 * (new Vector<double>(Lg2) + z2 * (new Vector<double>(Lg4) + z2 * new Vector<double>(Lg6)));
            var t2 = z * (new Vector<double>(Lg1) + z2 * (new Vector<double>(Lg3) + z2 * (new Vector<double>(Lg5) + z2 * new Vector<double>(Lg7))));
            var r = t1 + t2;
            var hfsq = half * f * f;
            var kHi = k * new Vector<double>(Ln2Hi);
            var kLo = k * new Vector<double>(Ln2Lo) + correction;
            // fdlibm's two forms: the hfsq one where 1 + f (before halving) lies in (1.38, 1.42), the other elsewhere.
            var withHalfSquare = kHi - ((hfsq - (s * (hfsq + r) + kLo)) - f);
            var plain = kHi - ((s * (f - r) - kLo) - f);
            var useHalfSquare = Vector.BitwiseOr(Vector.GreaterThan(f, new Vector<double>(0.38)), Vector.LessThan(f, new Vector<double>(-0.29)));
            return Vector.ConditionalSelect(useHalfSquare, withHalfSquare, plain);
        }
    }
}
#endif
