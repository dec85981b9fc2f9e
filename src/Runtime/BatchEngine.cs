using System;
using System.Numerics;
using System.Runtime.CompilerServices;
#if NET8_0_OR_GREATER
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
#endif

namespace CheapLearning
{
    /// <summary>
    /// The structure-of-arrays batch engine shared by <see cref="NetworkModel.Evaluate(ReadOnlySpan{double}, Span{double})"/>
    /// and the generated batched overloads (through <see cref="NetworkModel.EvaluateColumns"/>). A tile of points is
    /// laid out neuron-major — value r of point j at <c>[r·stride + j]</c> — so every layer is, per neuron, one pass
    /// of z = b + Σ w·h over contiguous lanes (fused multiply-add where the CPU has it), and σ is vectorized over the
    /// layer (<see cref="VectorActivations"/>): by a Taylor polynomial about the neuron's bias where a whole vector of
    /// lanes lies near it (<see cref="SigmaSeries"/>: gate neurons, nearly all of them), with one exp and log1p shared by
    /// a softplus pair whose rows are exact negatives, and by the full σ elsewhere. A hidden neuron row of one to four terms
    /// is summed and activated in one pass (z goes from registers straight to σ, bit for bit the two passes: the affine
    /// pass was a fifth of the 10-bit parity's time). Input-major inputs are read where they are. The tile is sized so a layer and its gate inputs stay in L2. The rounding differs from the scalar evaluator's
    /// (FMA, vectorized σ), within what the proven bound already allows: sums rounded in any order, each σ within
    /// GateDesign.ActivationUlps.
    /// </summary>
    internal sealed class BatchEngine
    {
        /// <summary>Doubles the three tile buffers may hold together (256 KiB): roughly L2, so no layer spills to memory.</summary>
        private const int TileBudget = 32 * 1024;
        private const int MinTile = 16, MaxTile = 1024;

        private readonly AffineLayer[] _layers;
        private readonly Activation _activation;

        /// <summary>Per hidden layer, per neuron: the series of σ about the neuron's bias (null: the full σ only).</summary>
        private readonly SigmaSeries?[][] _series;

        /// <summary>Per hidden layer, per neuron: whether the next row is its exact negative (softplus only; see <see cref="Mirrors"/>).</summary>
        private readonly bool[][] _mirrored;

        // bitInputs, a bit network (NetworkModel.InputsAreBits): its neurons take no series. They are threshold neurons
        // z = w·u + b with |w| ≈ 47 and u near an integer, so a vector of lanes lies within the series' radius of b only
        // where u = 0 in all its lanes (1 vector in 256 on the 10-bit parity); the test on every other vector cost 6 % of
        // the parity's time. Those rare vectors take the full σ instead, within the same 4-unit contract.
        public BatchEngine(AffineLayer[] layers, Activation activation, int inputCount, int widest, int scratch, bool bitInputs = false)
        {
            _layers = layers;
            _activation = activation;
            int perPoint = 2 * Math.Max(widest, inputCount) + scratch;
            int tile = Math.Max(MinTile, Math.Min(MaxTile, TileBudget / Math.Max(perPoint, 1)));
            Tile = tile / Vector<double>.Count * Vector<double>.Count;
            Widest = Math.Max(widest, inputCount);
            Scratch = Math.Max(scratch, 1);
            var shared = new System.Collections.Generic.Dictionary<double, SigmaSeries?>();
            _series = new SigmaSeries?[Math.Max(layers.Length - 1, 0)][];
            _mirrored = new bool[_series.Length][];
            for (int l = 0; l < _series.Length; l++)
            {
                _series[l] = bitInputs ? new SigmaSeries?[layers[l].Map.OutputCount] : SigmaSeries.ForRows(activation, layers[l].Map, shared);
                _mirrored[l] = Mirrors(activation, layers[l].Map);
            }
        }

        /// <summary>
        /// Rows r whose row r + 1 has the same columns and exactly negated weights and bias, for softplus: the affine pass
        /// then gives z' = −z exactly (every rounding is symmetric), and the pair shares one exp and one log1p.
        /// </summary>
        private static bool[] Mirrors(Activation activation, SparseAffineMap map)
        {
            var mirrored = new bool[map.OutputCount];
            if (activation != Activation.Softplus) return mirrored;
            var starts = map.RowStarts;
            for (int r = 0; r + 1 < map.OutputCount; r++)
            {
                int from = starts[r], length = starts[r + 1] - from, other = starts[r + 1];
                if (length == 0 || starts[r + 2] - other != length || map.Bias[r] != -map.Bias[r + 1]) continue;
                bool negated = true;
                for (int k = 0; k < length && negated; k++)
                    negated = map.Columns[from + k] == map.Columns[other + k] && map.Weights[from + k] == -map.Weights[other + k];
                if (!negated) continue;
                mirrored[r] = true;
                r++;
            }
            return mirrored;
        }

        /// <summary>Points per tile, a multiple of the vector width.</summary>
        public int Tile { get; }

        /// <summary>Rows of the two layer buffers and of the gate-input buffer (each of <see cref="Tile"/> lanes).</summary>
        public int Widest { get; }
        public int Scratch { get; }

        /// <summary>
        /// Evaluates one tile whose inputs are already in <paramref name="a"/>, input c of point j at <c>a[c·Tile + j]</c>
        /// (lanes past <paramref name="count"/> hold anything finite; they are computed and ignored), and writes the
        /// first output of point j to <paramref name="destination"/>[j].
        /// </summary>
        public void EvaluateTile(double[] a, double[] b, double[] s, int count, Span<double> destination)
            => EvaluateTile(ref a[0], Tile, a, b, s, count, destination);

        /// <summary>
        /// As above with the inputs read where they are: input c of point j at <c>input[c·inputStride + j]</c>, so input-major
        /// columns need no copy into the tile (<paramref name="count"/> must then be a whole number of vectors: every lane is
        /// read). <paramref name="a"/> is then only scratch.
        /// </summary>
        public void EvaluateTile(ref double input, int inputStride, double[] a, double[] b, double[] s, int count, Span<double> destination)
        {
            int stride = Tile;
            // Whole vectors only: the padding lanes are computed with the rest.
            int lanes = (count + Vector<double>.Count - 1) / Vector<double>.Count * Vector<double>.Count;
            ref double source = ref input;
            int sourceStride = inputStride;
            for (int l = 0; l < _layers.Length; l++)
            {
                var layer = _layers[l];
                ref double mapSource = ref source;
                int mapStride = sourceStride;
                if (layer.GateInputs is { } gates)
                {
                    Apply(gates, ref source, sourceStride, s, stride, lanes);
                    mapSource = ref s[0];
                    mapStride = stride;
                }
                if (l < _layers.Length - 1) ApplyThenActivate(layer.Map, _series[l], _mirrored[l], ref mapSource, mapStride, b, stride, lanes);
                else Apply(layer.Map, ref mapSource, mapStride, b, stride, lanes);
                var t = a; a = b; b = t;
                source = ref a[0];
                sourceStride = stride;
            }
            a.AsSpan(0, count).CopyTo(destination);
        }

        /// <summary>
        /// A hidden layer's neurons, h = σ(W·x + b): a row of 1 to 4 terms in one pass (z goes from registers to σ,
        /// VectorActivations.AffineThenApply: bit for bit the two passes), a mirrored softplus pair and a longer row
        /// as the affine pass then σ (<see cref="Activate"/>).
        /// </summary>
        private void ApplyThenActivate(SparseAffineMap map, SigmaSeries?[] series, bool[] mirrored, ref double src, int sourceStride,
                                       double[] destination, int stride, int lanes)
        {
#if NET8_0_OR_GREATER
            var starts = map.RowStarts;
            var columns = map.Columns;
            var weights = map.Weights;
            ref double dst = ref destination[0];
            for (int r = 0; r < map.OutputCount; r++)
            {
                int from = starts[r], terms = starts[r + 1] - from;
                if (mirrored[r] || terms == 0 || terms > 4)
                {
                    int rows = mirrored[r] ? 2 : 1;
                    for (int q = r; q < r + rows; q++) ApplyRow(map, q, ref src, sourceStride, destination, stride, lanes);
                    Activate(series, mirrored, r, r + rows, destination, stride, lanes);
                    r += rows - 1;
                    continue;
                }
                ref double s0 = ref Unsafe.Add(ref src, columns[from] * sourceStride);
                ref double s1 = ref terms > 1 ? ref Unsafe.Add(ref src, columns[from + 1] * sourceStride) : ref s0;
                ref double s2 = ref terms > 2 ? ref Unsafe.Add(ref src, columns[from + 2] * sourceStride) : ref s0;
                ref double s3 = ref terms > 3 ? ref Unsafe.Add(ref src, columns[from + 3] * sourceStride) : ref s0;
                VectorActivations.AffineThenApply(_activation, series[r], ref Unsafe.Add(ref dst, r * stride), lanes, map.Bias[r], terms,
                    ref s0, ref s1, ref s2, ref s3, weights[from], terms > 1 ? weights[from + 1] : 0, terms > 2 ? weights[from + 2] : 0, terms > 3 ? weights[from + 3] : 0);
            }
#else
            Apply(map, ref src, sourceStride, destination, stride, lanes);
            Activate(series, mirrored, 0, series.Length, destination, stride, lanes);
#endif
        }

        /// <summary>
        /// σ over the first <paramref name="lanes"/> lanes of neuron rows [<paramref name="first"/>, <paramref name="last"/>): one
        /// pass per mirrored pair, and one per run of other rows sharing a series.
        /// </summary>
        private void Activate(SigmaSeries?[] series, bool[] mirrored, int first, int last, double[] values, int stride, int lanes)
        {
            for (int r = first; r < last;)
            {
                if (mirrored[r])
                {
                    VectorActivations.ApplySoftplusPair(values.AsSpan(r * stride, lanes), values.AsSpan((r + 1) * stride, lanes), series[r], series[r + 1]);
                    r += 2;
                    continue;
                }
                int end = r + 1;
                if (lanes == stride)
                    while (end < last && series[end] == series[r] && !mirrored[end]) end++;
                VectorActivations.Apply(_activation, values.AsSpan(r * stride, (end - r - 1) * stride + lanes), series[r]);
                r = end;
            }
        }

        /// <summary>
        /// destination[r·stride + j] = bias[r] + Σ W[r,c]·source[c·sourceStride + j] for j &lt; lanes (whole vectors). The terms of
        /// a row are taken four at a time with their source rows and weights hoisted, so the lane loop is straight-line
        /// (rows of gates have 1–4 terms; longer rows add a group of four per pass).
        /// </summary>
        private static void Apply(SparseAffineMap map, ref double src, int sourceStride, double[] destination, int stride, int lanes)
        {
            for (int r = 0; r < map.OutputCount; r++) ApplyRow(map, r, ref src, sourceStride, destination, stride, lanes);
        }

        /// <summary>Row <paramref name="r"/> of <see cref="Apply"/>.</summary>
        private static void ApplyRow(SparseAffineMap map, int r, ref double src, int sourceStride, double[] destination, int stride, int lanes)
        {
            var starts = map.RowStarts;
            var columns = map.Columns;
            var weights = map.Weights;
            var bias = map.Bias;
            ref double dst = ref destination[0];
            ref double row = ref Unsafe.Add(ref dst, r * stride);
            int from = starts[r], to = starts[r + 1];
            if (from == to)
            {
                destination.AsSpan(r * stride, lanes).Fill(bias[r]);
                return;
            }
            if (to - from <= 4)
            {
                // One group (every gate input row of the networks measured): the term count picked once, outside the lane loop.
                ApplyShortRow(ref src, sourceStride, ref row, lanes, bias[r], columns.Slice(from, to - from), weights.Slice(from, to - from));
                return;
            }
            for (int k = from; k < to; k += 4)
            {
                int terms = Math.Min(4, to - k);
                ref double s0 = ref Unsafe.Add(ref src, columns[k] * sourceStride);
                ref double s1 = ref terms > 1 ? ref Unsafe.Add(ref src, columns[k + 1] * sourceStride) : ref s0;
                ref double s2 = ref terms > 2 ? ref Unsafe.Add(ref src, columns[k + 2] * sourceStride) : ref s0;
                ref double s3 = ref terms > 3 ? ref Unsafe.Add(ref src, columns[k + 3] * sourceStride) : ref s0;
                var w0 = new Vector<double>(weights[k]);
                var w1 = new Vector<double>(terms > 1 ? weights[k + 1] : 0);
                var w2 = new Vector<double>(terms > 2 ? weights[k + 2] : 0);
                var w3 = new Vector<double>(terms > 3 ? weights[k + 3] : 0);
                bool first = k == from;
                var b = new Vector<double>(bias[r]);
                for (int j = 0; j < lanes; j += Vector<double>.Count)
                {
                    var acc = first ? b : Load(ref Unsafe.Add(ref row, j));
                    acc = MultiplyAdd(w0, Load(ref Unsafe.Add(ref s0, j)), acc);
                    if (terms > 1) acc = MultiplyAdd(w1, Load(ref Unsafe.Add(ref s1, j)), acc);
                    if (terms > 2) acc = MultiplyAdd(w2, Load(ref Unsafe.Add(ref s2, j)), acc);
                    if (terms > 3) acc = MultiplyAdd(w3, Load(ref Unsafe.Add(ref s3, j)), acc);
                    Store(acc, ref Unsafe.Add(ref row, j));
                }
            }
        }

        /// <summary>
        /// row[j] = bias + Σ w·source (1 to 4 terms, fused multiply-adds in order: ApplyRow's result) with one straight loop per
        /// term count: the general loop tested the count and whether the row had begun at every vector.
        /// </summary>
        private static void ApplyShortRow(ref double src, int sourceStride, ref double row, int lanes, double bias, ReadOnlySpan<int> columns, ReadOnlySpan<double> weights)
        {
            var b = new Vector<double>(bias);
            ref double s0 = ref Unsafe.Add(ref src, columns[0] * sourceStride);
            var w0 = new Vector<double>(weights[0]);
            switch (columns.Length)
            {
                case 1:
                    for (int j = 0; j < lanes; j += Vector<double>.Count)
                        Store(MultiplyAdd(w0, Load(ref Unsafe.Add(ref s0, j)), b), ref Unsafe.Add(ref row, j));
                    return;
                case 2:
                {
                    ref double s1 = ref Unsafe.Add(ref src, columns[1] * sourceStride);
                    var w1 = new Vector<double>(weights[1]);
                    for (int j = 0; j < lanes; j += Vector<double>.Count)
                        Store(MultiplyAdd(w1, Load(ref Unsafe.Add(ref s1, j)), MultiplyAdd(w0, Load(ref Unsafe.Add(ref s0, j)), b)), ref Unsafe.Add(ref row, j));
                    return;
                }
                case 3:
                {
                    ref double s1 = ref Unsafe.Add(ref src, columns[1] * sourceStride);
                    ref double s2 = ref Unsafe.Add(ref src, columns[2] * sourceStride);
                    var w1 = new Vector<double>(weights[1]);
                    var w2 = new Vector<double>(weights[2]);
                    for (int j = 0; j < lanes; j += Vector<double>.Count)
                    {
                        var acc = MultiplyAdd(w0, Load(ref Unsafe.Add(ref s0, j)), b);
                        acc = MultiplyAdd(w1, Load(ref Unsafe.Add(ref s1, j)), acc);
                        Store(MultiplyAdd(w2, Load(ref Unsafe.Add(ref s2, j)), acc), ref Unsafe.Add(ref row, j));
                    }
                    return;
                }
                default:
                {
                    ref double s1 = ref Unsafe.Add(ref src, columns[1] * sourceStride);
                    ref double s2 = ref Unsafe.Add(ref src, columns[2] * sourceStride);
                    ref double s3 = ref Unsafe.Add(ref src, columns[3] * sourceStride);
                    var w1 = new Vector<double>(weights[1]);
                    var w2 = new Vector<double>(weights[2]);
                    var w3 = new Vector<double>(weights[3]);
                    for (int j = 0; j < lanes; j += Vector<double>.Count)
                    {
                        var acc = MultiplyAdd(w0, Load(ref Unsafe.Add(ref s0, j)), b);
                        acc = MultiplyAdd(w1, Load(ref Unsafe.Add(ref s1, j)), acc);
                        acc = MultiplyAdd(w2, Load(ref Unsafe.Add(ref s2, j)), acc);
                        Store(MultiplyAdd(w3, Load(ref Unsafe.Add(ref s3, j)), acc), ref Unsafe.Add(ref row, j));
                    }
                    return;
                }
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector<double> Load(ref double source) => Unsafe.ReadUnaligned<Vector<double>>(ref Unsafe.As<double, byte>(ref source));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Store(Vector<double> value, ref double destination) => Unsafe.WriteUnaligned(ref Unsafe.As<double, byte>(ref destination), value);

        /// <summary>w·x + acc, fused (one rounding) where the CPU can, else multiply then add; the bound covers both.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector<double> MultiplyAdd(Vector<double> w, Vector<double> x, Vector<double> acc)
        {
#if NET8_0_OR_GREATER
            if (Fma.IsSupported && Vector<double>.Count == 4)
                return Fma.MultiplyAdd(w.AsVector256(), x.AsVector256(), acc.AsVector256()).AsVector();
#endif
            return w * x + acc;
        }
    }
}
