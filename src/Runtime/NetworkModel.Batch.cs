using System;
using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CheapLearning
{
    public sealed partial class NetworkModel
    {
        private BatchEngine? _engine;

        private BatchEngine Engine => _engine ??= new BatchEngine(_layers, Activation, InputCount, _widest, _scratch, InputsAreBits);

        /// <summary>
        /// Evaluates many inputs at once. <paramref name="rows"/> is row-major: row k is
        /// <c>rows[k·InputCount .. (k+1)·InputCount)</c>, and its value goes to <c>destination[k]</c>.
        /// The rows are evaluated in tiles, structure of arrays: each affine map is vectorized across rows (fused
        /// multiply-add where the CPU has it) and σ is vectorized on .NET 8+ (VectorExp, VectorLog), so a result
        /// may differ from <see cref="Evaluate(ReadOnlySpan{double})"/> in the last bits; both are within the proven
        /// <see cref="ErrorBound"/>, whose analysis allows sums rounded in any order and each σ within 4 ulps.
        /// A row with a NaN or infinite input gives NaN; with <see cref="CheckInputs"/> set, a finite input
        /// outside ±<see cref="InputBound"/> throws before anything is written. <paramref name="destination"/> may overlap
        /// <paramref name="rows"/> (the rows are then copied first). Allocates nothing after the
        /// first calls (scratch comes from <see cref="ArrayPool{T}.Shared"/>).
        /// </summary>
        /// <exception cref="ArgumentException">The length of <paramref name="rows"/> is not a multiple of
        /// <see cref="InputCount"/>, or <paramref name="destination"/> is shorter than the number of rows.</exception>
        /// <exception cref="ArgumentOutOfRangeException">An input is outside ±InputBound and <see cref="CheckInputs"/> is set.</exception>
        public void Evaluate(ReadOnlySpan<double> rows, Span<double> destination)
        {
            int count = BatchCount(rows, destination, nameof(rows));
            bool clean = Screen(rows, columnMajor: false, count);
            if (count == 0) return;
            RunBatch(rows, count, clean, columnMajor: false, destination);
        }

        /// <summary>
        /// Evaluates many inputs at once given input-major (structure of arrays): with N = columns.Length / InputCount
        /// points, input c of point j is <c>columns[c·N + j]</c>, and its value goes to <c>destination[j]</c>. This is what
        /// the generated batched overloads (<c>Deep(ReadOnlySpan&lt;double&gt; x, …, Span&lt;double&gt; destination)</c>) call;
        /// the results, the bound, NaN and <see cref="CheckInputs"/> behave as in
        /// <see cref="Evaluate(ReadOnlySpan{double}, Span{double})"/>. <paramref name="destination"/> may overlap
        /// <paramref name="columns"/> (they are then copied first). Allocates nothing after the first calls.
        /// </summary>
        /// <exception cref="ArgumentException">The length of <paramref name="columns"/> is not a multiple of
        /// <see cref="InputCount"/>, or <paramref name="destination"/> is shorter than the number of points.</exception>
        /// <exception cref="ArgumentOutOfRangeException">An input is outside ±InputBound and <see cref="CheckInputs"/> is set
        /// (nothing is written).</exception>
        public void EvaluateColumns(ReadOnlySpan<double> columns, Span<double> destination)
        {
            int count = BatchCount(columns, destination, nameof(columns));
            bool clean = Screen(columns, columnMajor: true, count);
            if (count == 0) return;
            RunBatch(columns, count, clean, columnMajor: true, destination);
        }

        /// <summary>
        /// The tiled run, on a pooled copy of the inputs when <paramref name="destination"/> overlaps them: a tile's results
        /// are written before the next tile's inputs are read (and the NaN pass rereads a tile's inputs after writing it), so
        /// a destination inside the inputs overwrote inputs not yet read, a silent wrong answer.
        /// </summary>
        private void RunBatch(ReadOnlySpan<double> values, int count, bool clean, bool columnMajor, Span<double> destination)
        {
            if (!values.Overlaps(destination))
            {
                Run(values, count, clean, columnMajor, destination);
                return;
            }
            double[] copy = ArrayPool<double>.Shared.Rent(values.Length);
            try
            {
                values.CopyTo(copy);
                Run(copy.AsSpan(0, values.Length), count, clean, columnMajor, destination);
            }
            finally
            {
                ArrayPool<double>.Shared.Return(copy);
            }
        }

        /// <summary>The length checks of both batched entry points; returns the number of points.</summary>
        private int BatchCount(ReadOnlySpan<double> values, Span<double> destination, string name)
        {
            int n = InputCount;
            if (n == 0) throw new ArgumentException("A network without inputs has no rows to evaluate; call Evaluate(ReadOnlySpan<double>.Empty).", name);
            if (values.Length % n != 0)
                throw new ArgumentException($"The row length is {n} (InputCount) but {name} has {values.Length} values, not a multiple of it.", name);
            int count = values.Length / n;
            if (destination.Length < count)
                throw new ArgumentException($"The destination needs {count} elements (one per row) but has {destination.Length}.", nameof(destination));
            return count;
        }

        /// <summary>
        /// Vectorized passes: whether every input is finite and (with CheckInputs) within ±InputBound, and for a checked bit
        /// network also 0 or 1. Only when not are the inputs checked one by one by
        /// the single-point path's <see cref="IsAccepted"/>, in its order (a point's first NaN/∞ ends its checks), so a
        /// rejected input throws before anything is written.
        /// </summary>
        private bool Screen(ReadOnlySpan<double> values, bool columnMajor, int count)
        {
            bool bitsChecked = CheckInputs && InputsAreBits;
            // Checked bits within a bound of at least 1: every x being 0 or 1 is the whole check (one pass, not two).
            bool accepted = bitsChecked && InputBound >= 1
                ? AllBits(values)
                : AllWithin(values, CheckInputs ? InputBound : double.MaxValue) && (!bitsChecked || AllBits(values));
            if (accepted) return true;
            if (!CheckInputs) return false;
            bool clean = true;
            string parameter = columnMajor ? "columns" : "rows";
            for (int point = 0; point < count; point++)
                for (int i = 0; i < InputCount; i++)
                    if (!IsAccepted(values[Index(columnMajor, count, point, i)], parameter, point, i))
                    {
                        clean = false;
                        break;
                    }
            return clean;
        }

        /// <summary>Where input <paramref name="input"/> of point <paramref name="point"/> sits, row-major or input-major.</summary>
        private int Index(bool columnMajor, int count, int point, int input)
            => columnMajor ? input * count + point : point * InputCount + input;

        /// <summary>Input c of point start + j goes to tile[c·stride + j] (a transpose for row-major input, copies for columns).</summary>
        private void Gather(ReadOnlySpan<double> values, int count, bool columnMajor, double[] tile, int stride, int start, int m)
        {
            int n = InputCount;
            for (int c = 0; c < n; c++)
            {
                if (columnMajor)
                {
                    values.Slice(c * count + start, m).CopyTo(tile.AsSpan(c * stride, m));
                    continue;
                }
                int offset = c * stride;
                for (int j = 0; j < m; j++) tile[offset + j] = values[(start + j) * n + c];
            }
        }

        /// <summary>Whether every x is 0 or 1, a vector at a time.</summary>
        private static bool AllBits(ReadOnlySpan<double> values)
        {
            var vectors = MemoryMarshal.Cast<double, Vector<double>>(values);
            var bits = new Vector<long>(-1);
            foreach (var v in vectors) bits &= Vector.Equals(v, Vector<double>.Zero) | Vector.Equals(v, Vector<double>.One);
            if (!Vector.EqualsAll(bits, new Vector<long>(-1))) return false;
            for (int i = vectors.Length * Vector<double>.Count; i < values.Length; i++)
                if (values[i] != 0 && values[i] != 1) return false;
            return true;
        }

        /// <summary>Whether every |x| ≤ bound (false for NaN and ±∞), a vector at a time.</summary>
        private static bool AllWithin(ReadOnlySpan<double> values, double bound)
        {
            var vectors = MemoryMarshal.Cast<double, Vector<double>>(values);
            var limit = new Vector<double>(bound);
            var inside = new Vector<long>(-1);
            foreach (var v in vectors) inside &= Vector.LessThanOrEqual(Vector.Abs(v), limit);
            int i = vectors.Length * Vector<double>.Count;
            if (!Vector.EqualsAll(inside, new Vector<long>(-1))) return false;
            for (; i < values.Length; i++)
                if (!(Math.Abs(values[i]) <= bound)) return false;
            return true;
        }

        /// <summary>
        /// Tile by tile: gather the inputs (input-major whole vectors are read in place), zero the padding lanes, evaluate, and where the inputs were not all finite
        /// (<paramref name="clean"/> false) give NaN to every point with a NaN or infinite input, as the scalar path does.
        /// </summary>
        private void Run(ReadOnlySpan<double> values, int count, bool clean, bool columnMajor, Span<double> destination)
        {
            var engine = Engine;
            var pool = ArrayPool<double>.Shared;
            int tile = engine.Tile;
            double[] a = pool.Rent(engine.Widest * tile), b = pool.Rent(engine.Widest * tile), s = pool.Rent(engine.Scratch * tile);
            try
            {
                for (int start = 0; start < count; start += tile)
                {
                    int m = Math.Min(tile, count - start);
                    var output = destination.Slice(start, m);
                    if (columnMajor && m % Vector<double>.Count == 0)
                    {
                        // Input-major columns are read where they are (whole vectors: no padding lane to clear).
                        ref double first = ref Unsafe.Add(ref MemoryMarshal.GetReference(values), start);
                        engine.EvaluateTile(ref first, count, a, b, s, m, output);
                    }
                    else
                    {
                        Gather(values, count, columnMajor, a, tile, start, m);
                        int padded = (m + Vector<double>.Count - 1) / Vector<double>.Count * Vector<double>.Count;
                        if (padded > m)
                            for (int c = 0; c < InputCount; c++) Array.Clear(a, c * tile + m, padded - m);
                        engine.EvaluateTile(a, b, s, m, output);
                    }
                    if (clean) continue;
                    for (int j = 0; j < m; j++)
                        for (int i = 0; i < InputCount; i++)
                        {
                            double x = values[Index(columnMajor, count, start + j, i)];
                            if (!Numeric.IsFinite(x)) { output[j] = double.NaN; break; }
                        }
                }
            }
            finally
            {
                pool.Return(a);
                pool.Return(b);
                pool.Return(s);
            }
        }
    }
}
