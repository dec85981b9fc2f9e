using System;
using System.Buffers;
#if NET8_0_OR_GREATER
using System.Numerics;
using System.Runtime.InteropServices;
#endif

namespace CheapLearning
{
    public sealed partial class NetworkModel
    {
        /// <summary>Rows evaluated together: the neurons of a block sit side by side, one column per row.</summary>
        private const int BatchBlock = 64;

        /// <summary>
        /// Evaluates many inputs at once. <paramref name="rows"/> is row-major: row k is
        /// <c>rows[k·InputCount .. (k+1)·InputCount)</c>, and its value goes to <c>destination[k]</c>.
        /// Every result is bit-identical with <see cref="Evaluate(ReadOnlySpan{double})"/> on that row: each
        /// row sees the same additions and multiplications in the same order (on .NET 8+ vectorized across
        /// rows, with no fused multiply-add) and the same scalar σ, so the proven ErrorBound holds unchanged.
        /// A row with a NaN or infinite input gives NaN; with <see cref="CheckInputs"/> set, a finite input
        /// outside ±<see cref="InputBound"/> throws before anything is written. Allocates nothing after the
        /// first calls (scratch comes from <see cref="ArrayPool{T}.Shared"/>).
        /// </summary>
        /// <exception cref="ArgumentException">The length of <paramref name="rows"/> is not a multiple of
        /// <see cref="InputCount"/>, or <paramref name="destination"/> is shorter than the number of rows.</exception>
        /// <exception cref="ArgumentOutOfRangeException">An input is outside ±InputBound and <see cref="CheckInputs"/> is set.</exception>
        public void Evaluate(ReadOnlySpan<double> rows, Span<double> destination)
        {
            int n = InputCount;
            if (n == 0) throw new ArgumentException("A network without inputs has no rows to evaluate; call Evaluate(ReadOnlySpan<double>.Empty).", nameof(rows));
            if (rows.Length % n != 0)
                throw new ArgumentException($"The row length is {n} (InputCount) but rows has {rows.Length} values, not a multiple of it.", nameof(rows));
            int count = rows.Length / n;
            if (destination.Length < count)
                throw new ArgumentException($"The destination needs {count} elements (one per row) but has {destination.Length}.", nameof(destination));
            if (CheckInputs) ValidateRows(rows);
            if (count == 0) return;

            var pool = ArrayPool<double>.Shared;
            double[] a = pool.Rent(_widest * BatchBlock), b = pool.Rent(_widest * BatchBlock), s = pool.Rent(Math.Max(_scratch, 1) * BatchBlock);
            try
            {
                for (int start = 0; start < count; start += BatchBlock)
                {
                    int m = Math.Min(BatchBlock, count - start);
                    EvaluateBlock(rows.Slice(start * n, m * n), m, a, b, s, destination.Slice(start, m));
                }
            }
            finally
            {
                pool.Return(a);
                pool.Return(b);
                pool.Return(s);
            }
        }

        /// <summary>The scalar path's checks, for every row before any is evaluated: a row's first NaN/∞ ends its checks.</summary>
        private void ValidateRows(ReadOnlySpan<double> rows)
        {
            int n = InputCount;
            for (int k = 0; k < rows.Length; k += n)
                for (int i = 0; i < n; i++)
                {
                    double x = rows[k + i];
                    if (double.IsNaN(x) || double.IsInfinity(x)) break;
                    if (Math.Abs(x) > InputBound)
                        throw new ArgumentOutOfRangeException("rows", x, $"Row {k / n}, input {i} is outside the network's input bound ±{InputBound}.");
                }
        }

        private void EvaluateBlock(ReadOnlySpan<double> rows, int m, double[] a, double[] b, double[] s, Span<double> destination)
        {
            int n = InputCount;
            // Transpose: a[c·Block + j] is input c of row j; padding rows are zeros, computed and ignored.
            for (int c = 0; c < n; c++)
            {
                int offset = c * BatchBlock;
                for (int j = 0; j < m; j++) a[offset + j] = rows[j * n + c];
                Array.Clear(a, offset + m, BatchBlock - m);
            }
            for (int l = 0; l < _layers.Length; l++)
            {
                var layer = _layers[l];
                if (layer.GateInputs is { } gates)
                {
                    ApplyBlock(gates, a, s);
                    ApplyBlock(layer.Map, s, b);
                }
                else
                {
                    ApplyBlock(layer.Map, a, b);
                }
                if (l < _layers.Length - 1)
                {
                    int size = layer.OutputCount * BatchBlock;
                    for (int k = 0; k < size; k++) b[k] = ActivationFunctions.Evaluate(Activation, b[k]);
                }
                var t = a; a = b; b = t;
            }
            for (int j = 0; j < m; j++)
            {
                destination[j] = a[j];
                for (int i = 0; i < n; i++)
                {
                    double x = rows[j * n + i];
                    if (double.IsNaN(x) || double.IsInfinity(x)) { destination[j] = double.NaN; break; }
                }
            }
        }

        /// <summary>destination[r, ·] = bias[r] + Σ W[r,c]·source[c, ·] in storage order, for all rows of the block at once.</summary>
        private static void ApplyBlock(SparseAffineMap map, double[] source, double[] destination)
        {
            var starts = map.RowStarts;
            var columns = map.Columns;
            var weights = map.Weights;
            var bias = map.Bias;
#if NET8_0_OR_GREATER
            var src = MemoryMarshal.Cast<double, Vector<double>>(source.AsSpan());
            var dst = MemoryMarshal.Cast<double, Vector<double>>(destination.AsSpan());
            int lanes = BatchBlock / Vector<double>.Count;
            for (int r = 0; r < map.OutputCount; r++)
            {
                var biasVector = new Vector<double>(bias[r]);
                int rowBase = r * lanes;
                for (int v = 0; v < lanes; v++)
                {
                    var acc = biasVector;
                    // Multiply, then add: the JIT does not fuse these, so every lane rounds as the scalar code does.
                    for (int k = starts[r]; k < starts[r + 1]; k++)
                        acc += new Vector<double>(weights[k]) * src[columns[k] * lanes + v];
                    dst[rowBase + v] = acc;
                }
            }
#else
            for (int r = 0; r < map.OutputCount; r++)
            {
                int rowBase = r * BatchBlock;
                for (int j = 0; j < BatchBlock; j++)
                {
                    double acc = bias[r];
                    for (int k = starts[r]; k < starts[r + 1]; k++)
                        acc += weights[k] * source[columns[k] * BatchBlock + j];
                    destination[rowBase + j] = acc;
                }
            }
#endif
        }
    }
}
