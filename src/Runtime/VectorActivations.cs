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
        /// <summary>
        /// values[i] = σ(values[i]) for every i, by <paramref name="series"/>' polynomial where a whole vector of lanes lies
        /// within its radius of its center (gate neurons: nearly all of them), by the full σ elsewhere; null: the full σ.
        /// </summary>
        public static void Apply(Activation activation, Span<double> values, SigmaSeries? series)
        {
            if (series is null)
            {
                Apply(activation, values);
                return;
            }
#if NET8_0_OR_GREATER
            switch (activation)
            {
                case Activation.Softplus: ApplyNear<SoftplusLanes>(values, series); return;
                case Activation.Sigmoid: ApplyNear<SigmoidLanes>(values, series); return;
                case Activation.Exp: ApplyNear<ExpLanes>(values, series); return;
                case Activation.Tanh: ApplyNear<TanhLanes>(values, series); return;
            }
#endif
            for (int i = 0; i < values.Length; i++) values[i] = Near(activation, values[i], series);
        }

        /// <summary>
        /// Softplus of a neuron pair whose pre-activations are exact negatives, z' = −z (rows with negated weights and bias:
        /// the paper's identity carry x = σ(x) − σ(−x) for softplus, and round-to-nearest is symmetric, so the affine pass
        /// gives exactly −z): values[i] = σ(values[i]) and mirror[i] = σ(−values[i]). Both share log1p(exp(−|z|)), so one
        /// exp and one log1p serve two neurons, with the very results of two separate evaluations.
        /// </summary>
        public static void ApplySoftplusPair(Span<double> values, Span<double> mirror, SigmaSeries? series, SigmaSeries? mirrorSeries)
        {
            int i = 0;
#if NET8_0_OR_GREATER
            ref double z = ref MemoryMarshal.GetReference(values);
            ref double m = ref MemoryMarshal.GetReference(mirror);
            // The rows' biases are c and −c, so −z − (−c) = −(z − c) exactly: both lanes are within their series' radius or neither.
            bool near = series is not null && mirrorSeries is not null;
            var c = new Vector<double>(series?.Center ?? 0);
            var radius = new Vector<double>(SigmaSeries.Radius);
            for (; i <= values.Length - Vector<double>.Count; i += Vector<double>.Count)
            {
                var v = Vector.LoadUnsafe(ref z, (nuint)i);
                if (near && Vector.LessThanOrEqualAll(Vector.Abs(v - c), radius))
                {
                    Vector.StoreUnsafe(Horner(series!.Coefficients, v - c), ref z, (nuint)i);
                    Vector.StoreUnsafe(Horner(mirrorSeries!.Coefficients, -v - new Vector<double>(mirrorSeries.Center)), ref m, (nuint)i);
                    continue;
                }
                var shared = VectorLog.Log1pUnit(VectorExp.ExpOfMinusAbs(v));
                Vector.StoreUnsafe(VectorExp.MaxKeepNaN(Vector<double>.Zero, v) + shared, ref z, (nuint)i);
                Vector.StoreUnsafe(VectorExp.MaxKeepNaN(Vector<double>.Zero, -v) + shared, ref m, (nuint)i);
            }
#endif
            for (; i < values.Length; i++)
            {
                double v = values[i];
                values[i] = series is null ? ActivationFunctions.Softplus(v) : Near(Activation.Softplus, v, series);
                mirror[i] = mirrorSeries is null ? ActivationFunctions.Softplus(-v) : Near(Activation.Softplus, -v, mirrorSeries);
            }
        }

        /// <summary>σ(z) by the series within its radius, else by ActivationFunctions.</summary>
        private static double Near(Activation activation, double z, SigmaSeries series)
        {
            double t = z - series.Center;
            if (!(Math.Abs(t) <= SigmaSeries.Radius)) return ActivationFunctions.Evaluate(activation, z);
            return Horner(series.Coefficients, t);
        }

        /// <summary>Σ aₖ·tᵏ by Horner's rule, with fused multiply-adds where the vector lanes use them (.NET 8+).</summary>
        private static double Horner(double[] a, double t)
        {
            double p = a[SigmaSeries.Degree];
#if NET8_0_OR_GREATER
            for (int k = SigmaSeries.Degree - 1; k >= 0; k--) p = Math.FusedMultiplyAdd(p, t, a[k]);
#else
            for (int k = SigmaSeries.Degree - 1; k >= 0; k--) p = p * t + a[k];
#endif
            return p;
        }

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

        /// <summary>Tanh lane by lane (scalar): only the lanes outside a series' radius take it.</summary>
        private readonly struct TanhLanes : ILanes
        {
            public Vector<double> Invoke(Vector<double> z)
            {
                Span<double> lanes = stackalloc double[Vector<double>.Count];
                for (int i = 0; i < lanes.Length; i++) lanes[i] = ActivationFunctions.Tanh(z[i]);
                return new Vector<double>(lanes);
            }

            public double Invoke(double z) => ActivationFunctions.Tanh(z);
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
        /// The series' Horner polynomial in t = z − c for every vector whose lanes all have |t| ≤ Radius, TLanes' σ for the
        /// others and for the tail lanes outside it (see <see cref="SigmaSeries"/> for the error).
        /// </summary>
        private static void ApplyNear<TLanes>(Span<double> values, SigmaSeries series) where TLanes : struct, ILanes
        {
            var lanes = default(TLanes);
            var a = series.Coefficients;
            var c = new Vector<double>(series.Center);
            var radius = new Vector<double>(SigmaSeries.Radius);
            // The coefficients stay in memory (broadcast once per series): held in 13 registers across the loop they made
            // the full σ below spill its constants, a third slower for lanes that are never near the bias.
            ref Vector<double> k = ref MemoryMarshal.GetArrayDataReference(series.Lanes);
            ref double z = ref MemoryMarshal.GetReference(values);
            int i = 0;
            for (; i <= values.Length - Vector<double>.Count; i += Vector<double>.Count)
            {
                var v = Vector.LoadUnsafe(ref z, (nuint)i);
                var t = v - c;
                if (Vector.LessThanOrEqualAll(Vector.Abs(t), radius))
                {
                    Vector.StoreUnsafe(Series(ref k, t), ref z, (nuint)i);
                }
                else
                {
                    Vector.StoreUnsafe(lanes.Invoke(v), ref z, (nuint)i);
                }
            }
            for (; i < values.Length; i++)
            {
                double t = values[i] - series.Center;
                values[i] = Math.Abs(t) <= SigmaSeries.Radius ? Horner(a, t) : lanes.Invoke(values[i]);  // as Near
            }
        }

        /// <summary>
        /// One neuron row in one pass: z = bias + w₀·s₀ + … (<paramref name="terms"/> of them, 1 to 4, each a fused multiply-add in
        /// that order, exactly as BatchEngine.Apply sums a row) for the first <paramref name="lanes"/> lanes (whole vectors), then σ
        /// as <see cref="Apply(Activation, Span{double}, SigmaSeries?)"/> gives it, stored to <paramref name="destination"/>. The
        /// result is bit for bit the affine pass followed by the σ pass; z never goes to memory and back, and the row costs one
        /// loop instead of two.
        /// </summary>
        public static void AffineThenApply(Activation activation, SigmaSeries? series, ref double destination, int lanes, double bias, int terms,
                                           ref double s0, ref double s1, ref double s2, ref double s3, double w0, double w1, double w2, double w3)
        {
            var row = new AffineRow(bias, terms, w0, w1, w2, w3);
            switch (activation)
            {
                case Activation.Softplus: AffineNear<SoftplusLanes>(series, ref destination, lanes, row, ref s0, ref s1, ref s2, ref s3); return;
                case Activation.Sigmoid: AffineNear<SigmoidLanes>(series, ref destination, lanes, row, ref s0, ref s1, ref s2, ref s3); return;
                case Activation.Exp: AffineNear<ExpLanes>(series, ref destination, lanes, row, ref s0, ref s1, ref s2, ref s3); return;
                case Activation.Tanh: AffineNear<TanhLanes>(series, ref destination, lanes, row, ref s0, ref s1, ref s2, ref s3); return;
                default: AffineNear<ReLULanes>(null, ref destination, lanes, row, ref s0, ref s1, ref s2, ref s3); return;
            }
        }

        /// <summary>A row's bias, term count and weights (the terms past <see cref="Terms"/> are never read).</summary>
        private readonly struct AffineRow
        {
            public AffineRow(double bias, int terms, double w0, double w1, double w2, double w3)
            {
                Bias = bias;
                Terms = terms;
                W0 = w0;
                W1 = w1;
                W2 = w2;
                W3 = w3;
            }

            public readonly double Bias, W0, W1, W2, W3;
            public readonly int Terms;
        }

        /// <summary><see cref="AffineThenApply"/> for one σ: one loop per term count (<see cref="AffineNear{TLanes, TTerms, TSeries}"/>).</summary>
        private static void AffineNear<TLanes>(SigmaSeries? series, ref double destination, int lanes, AffineRow row,
                                               ref double s0, ref double s1, ref double s2, ref double s3) where TLanes : struct, ILanes
        {
            if (series is null) AffineNear<TLanes, NoSeries>(null, ref destination, lanes, row, ref s0, ref s1, ref s2, ref s3);
            else AffineNear<TLanes, WithSeries>(series, ref destination, lanes, row, ref s0, ref s1, ref s2, ref s3);
        }

        /// <summary>The loop for the row's term count, once per row (outside the loop over the lanes).</summary>
        private static void AffineNear<TLanes, TSeries>(SigmaSeries? series, ref double destination, int lanes, AffineRow row,
                                                        ref double s0, ref double s1, ref double s2, ref double s3)
            where TLanes : struct, ILanes where TSeries : struct, ISeries
        {
            switch (row.Terms)
            {
                case 1: AffineNear<TLanes, OneTerm, TSeries>(series, ref destination, lanes, row, ref s0, ref s1, ref s2, ref s3); return;
                case 2: AffineNear<TLanes, TwoTerms, TSeries>(series, ref destination, lanes, row, ref s0, ref s1, ref s2, ref s3); return;
                case 3: AffineNear<TLanes, ThreeTerms, TSeries>(series, ref destination, lanes, row, ref s0, ref s1, ref s2, ref s3); return;
                default: AffineNear<TLanes, FourTerms, TSeries>(series, ref destination, lanes, row, ref s0, ref s1, ref s2, ref s3); return;
            }
        }

        /// <summary>A row's term count as a type, so each count is its own loop: the weights it does not use hold no register.</summary>
        private interface ITerms
        {
            int Count { get; }
        }

        private readonly struct OneTerm : ITerms { public int Count => 1; }

        private readonly struct TwoTerms : ITerms { public int Count => 2; }

        private readonly struct ThreeTerms : ITerms { public int Count => 3; }

        private readonly struct FourTerms : ITerms { public int Count => 4; }

        /// <summary>Whether the row has a series about its bias, as a type: without one the loop has no test per vector.</summary>
        private interface ISeries
        {
            bool Present { get; }
        }

        private readonly struct WithSeries : ISeries { public bool Present => true; }

        private readonly struct NoSeries : ISeries { public bool Present => false; }

        /// <summary>
        /// ApplyNear's loop with z summed in registers first, for rows of <typeparamref name="TTerms"/>' count. With one loop for
        /// every count, the weights of absent terms were still held across it and σ's constants spilled around them.
        /// </summary>
        private static void AffineNear<TLanes, TTerms, TSeries>(SigmaSeries? series, ref double destination, int lanes, AffineRow row,
                                                                ref double s0, ref double s1, ref double s2, ref double s3)
            where TLanes : struct, ILanes where TTerms : struct, ITerms where TSeries : struct, ISeries
        {
            bool near = default(TSeries).Present;
            var σ = default(TLanes);
            int terms = default(TTerms).Count;
            // Without a series (NoSeries) there is no test, and c, radius and k are never read.
            var c = new Vector<double>(series?.Center ?? 0);
            var radius = new Vector<double>(series is null ? -1 : SigmaSeries.Radius);
            ref Vector<double> k = ref series is null ? ref Unsafe.NullRef<Vector<double>>() : ref MemoryMarshal.GetArrayDataReference(series.Lanes);
            var b = new Vector<double>(row.Bias);
            var w0 = new Vector<double>(row.W0);
            var w1 = new Vector<double>(terms > 1 ? row.W1 : 0);
            var w2 = new Vector<double>(terms > 2 ? row.W2 : 0);
            var w3 = new Vector<double>(terms > 3 ? row.W3 : 0);
            for (nuint i = 0; i < (nuint)lanes; i += (nuint)Vector<double>.Count)
            {
                var v = VectorExp.MultiplyAdd(w0, Vector.LoadUnsafe(ref s0, i), b);
                if (terms > 1) v = VectorExp.MultiplyAdd(w1, Vector.LoadUnsafe(ref s1, i), v);
                if (terms > 2) v = VectorExp.MultiplyAdd(w2, Vector.LoadUnsafe(ref s2, i), v);
                if (terms > 3) v = VectorExp.MultiplyAdd(w3, Vector.LoadUnsafe(ref s3, i), v);
                if (near)
                {
                    var t = v - c;
                    if (Vector.LessThanOrEqualAll(Vector.Abs(t), radius))
                    {
                        Vector.StoreUnsafe(Series(ref k, t), ref destination, i);
                        continue;
                    }
                }
                Vector.StoreUnsafe(σ.Invoke(v), ref destination, i);
            }
        }

        /// <summary>
        /// Σ aₖ·tᵏ (degree 12, SigmaSeries.Degree) by Horner's rule with fused multiply-adds, aₖ read from the series'
        /// broadcast lanes <paramref name="k"/> in memory (ApplyNear and AffineNear: held in registers they spilled). Written
        /// out, not a loop, so the JIT keeps every step in registers.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector<double> Series(ref Vector<double> k, Vector<double> t)
        {
            var p = VectorExp.MultiplyAdd(Unsafe.Add(ref k, 12), t, Unsafe.Add(ref k, 11));
            p = VectorExp.MultiplyAdd(p, t, Unsafe.Add(ref k, 10));
            p = VectorExp.MultiplyAdd(p, t, Unsafe.Add(ref k, 9));
            p = VectorExp.MultiplyAdd(p, t, Unsafe.Add(ref k, 8));
            p = VectorExp.MultiplyAdd(p, t, Unsafe.Add(ref k, 7));
            p = VectorExp.MultiplyAdd(p, t, Unsafe.Add(ref k, 6));
            p = VectorExp.MultiplyAdd(p, t, Unsafe.Add(ref k, 5));
            p = VectorExp.MultiplyAdd(p, t, Unsafe.Add(ref k, 4));
            p = VectorExp.MultiplyAdd(p, t, Unsafe.Add(ref k, 3));
            p = VectorExp.MultiplyAdd(p, t, Unsafe.Add(ref k, 2));
            p = VectorExp.MultiplyAdd(p, t, Unsafe.Add(ref k, 1));
            return VectorExp.MultiplyAdd(p, t, k);
        }

        /// <summary>Σ aₖ·tᵏ per lane by Horner's rule with fused multiply-adds (the pair kernel's; ApplyNear and AffineNear read aₖ from memory through Series).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector<double> Horner(double[] a, Vector<double> t)
        {
            var p = new Vector<double>(a[SigmaSeries.Degree]);
            for (int k = SigmaSeries.Degree - 1; k >= 0; k--) p = VectorExp.MultiplyAdd(p, t, new Vector<double>(a[k]));
            return p;
        }

        /// <summary>
        /// softplus(z) = max(z, 0) + log1p(e), e = exp(−|z|) ∈ [0, 1] (no overflow): <see cref="ActivationFunctions.Softplus"/>'s
        /// split, with a log1p that never rounds 1 + e (<c>VectorLog.Log1pUnit</c>) in place of its ln(w)·e/(w − 1) correction.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector<double> Softplus(Vector<double> z)
            => VectorExp.MaxKeepNaN(Vector<double>.Zero, z) + VectorLog.Log1pUnit(VectorExp.ExpOfMinusAbs(z));

        /// <summary>
        /// sigmoid(z) = 1/(1 + e) for z ≥ 0 and e/(1 + e) below, e = exp(−|z|): <see cref="ActivationFunctions.Sigmoid"/>'s
        /// composition, except in the tail. Where e ≤ 2⁻³⁰ (|z| ≥ 30·ln 2 ≈ 20.8: a bit network's threshold neurons, whose
        /// pre-activations are ±β/2 and beyond, β ≈ 47.4 for the 10-bit parity) a lane is 1 − (e − e²) for z ≥ 0 and
        /// e − e² below, e − e² one fused multiply-add: the series 1 − e + e² − … and e − e² + … cut where the rest is under
        /// e³ ≤ 2⁻⁹⁰ (relative to σ), so the error is e's own plus at most one rounding (0.5 unit) and a term under 2⁻⁸³ —
        /// within what the division's composition already has (e's error, 1 + e rounded: up to 1 unit, the quotient: 0.5).
        /// Each lane takes its form by its own e, so a lane's result does not depend on its neighbours; the division is
        /// computed only when some lane of the vector needs it.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector<double> Sigmoid(Vector<double> z)
        {
            var one = Vector<double>.One;
            var e = VectorExp.ExpOfMinusAbs(z);
            var positive = Vector.GreaterThanOrEqual(z, Vector<double>.Zero);
            var inTail = Vector.LessThanOrEqual(e, new Vector<double>(TailExp));
            if (Vector.EqualsAll(inTail, new Vector<long>(-1))) return Tail(e, positive);
            var quotient = Vector.ConditionalSelect(positive, one, e) / (one + e);
            if (Vector.EqualsAll(inTail, Vector<long>.Zero)) return quotient;
            return Vector.ConditionalSelect(inTail, Tail(e, positive), quotient);
        }

        /// <summary>The sigmoid's tail form: 1 − (e − e²) where <paramref name="positive"/>, else e − e².</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector<double> Tail(Vector<double> e, Vector<long> positive)
        {
            var rest = VectorExp.MultiplyAddNegated(e, e, e);  // e − e² (one rounding), +0 when e is 0 (as 0/1)
            return Vector.ConditionalSelect(positive, Vector<double>.One - rest, rest);
        }

        /// <summary>2⁻³⁰: for e ≤ this the sigmoid's tail form is used (see <see cref="Sigmoid(Vector{double})"/>).</summary>
        private const double TailExp = 1.0 / (1L << 30);

        /// <summary>max(0, z) exactly, as <see cref="ActivationFunctions.ReLU"/> (z &lt; 0 ? 0 : z).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector<double> ReLU(Vector<double> z)
            => Vector.ConditionalSelect(Vector.LessThan(z, Vector<double>.Zero), Vector<double>.Zero, z);
#endif
    }
}
