#if NET8_0_OR_GREATER
using System.Numerics;
using System.Runtime.CompilerServices;

namespace CheapLearning
{
    /// <summary>
    /// eˣ in <see cref="Vector{T}"/> lanes, after fdlibm's e_exp.c (Sun Microsystems, 1993; error below 1 ulp):
    /// x = k·ln2 + r with ln2 split in two (k·ln2_hi exact), a degree-5 rational correction in r², and 2ᵏ applied as
    /// two exact powers of two so subnormal results round once. TensorPrimitives.Exp&lt;double&gt; (System.Numerics.Tensors
    /// 9.0) was measured up to 3.7 units of 2⁻⁵³·eˣ, which, composed into sigmoid and softplus, broke the
    /// 4-unit σ contract the bounds assume (VectorActivationAccuracyTests); this one keeps them within it.
    /// </summary>
    internal static class VectorExp
    {
        private const double InvLn2 = 1.44269504088896338700e+00, Ln2Hi = 6.93147180369123816490e-01, Ln2Lo = 1.90821492927058770002e-10;
        private const double P1 = 1.66666666666666019037e-01, P2 = -2.77777777770155933842e-03, P3 = 6.61375632143793436117e-05,
                             P4 = -1.65339022054652515390e-06, P5 = 4.13813679705723846039e-08;

        /// <summary>1.5·2⁵²: adding it rounds to an integer held in the low bits of the sum.</summary>
        private const double Shifter = 6755399441055744.0;

        /// <summary>eˣ per lane; below −746 gives 0, above 709.78 gives +∞.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<double> Exp(Vector<double> x)
        {
            x = Vector.Min(Vector.Max(x, new Vector<double>(-746.0)), new Vector<double>(710.0));
            var shifted = x * new Vector<double>(InvLn2) + new Vector<double>(Shifter);
            var k = shifted - new Vector<double>(Shifter);
            var kBits = Vector.AsVectorInt64(shifted) - Vector.AsVectorInt64(new Vector<double>(Shifter));
            var hi = x - k * new Vector<double>(Ln2Hi);
            var lo = k * new Vector<double>(Ln2Lo);
            var r = hi - lo;
            var t = r * r;
            var c = r - t * (new Vector<double>(P1) + t * (new Vector<double>(P2) + t * (new Vector<double>(P3) + t * (new Vector<double>(P4) + t * new Vector<double>(P5)))));
            var y = Vector<double>.One - ((lo - r * c / (new Vector<double>(2.0) - c)) - hi);
            var k1 = Vector.ShiftRightArithmetic(kBits, 1);
            var k2 = kBits - k1;
            var bias = new Vector<long>(1023);
            var scale1 = Vector.AsVectorDouble(Vector.ShiftLeft(k1 + bias, 52));
            var scale2 = Vector.AsVectorDouble(Vector.ShiftLeft(k2 + bias, 52));
            return y * scale1 * scale2;
        }
    }
}
#endif
