using System;

namespace CheapLearning
{
    /// <summary>
    /// y = W·x + b with W stored in compressed sparse rows: row r's weights are
    /// <c>Weights[RowStarts[r] .. RowStarts[r+1])</c> applied to <c>x[Columns[...]]</c>, accumulated
    /// after the bias in that order (generated evaluators use the very same order, so both round alike).
    /// </summary>
    public sealed class SparseAffineMap
    {
        private readonly int[] _rowStarts;
        private readonly int[] _columns;
        private readonly double[] _weights;
        private readonly double[] _bias;

        /// <summary>Creates a map from copies of the arrays, validated.</summary>
        public SparseAffineMap(int inputCount, int outputCount, int[] rowStarts, int[] columns, double[] weights, double[] bias)
            : this(inputCount, outputCount, Copy(rowStarts, nameof(rowStarts)), Copy(columns, nameof(columns)),
                   Copy(weights, nameof(weights)), Copy(bias, nameof(bias)), owned: true)
        {
        }

        /// <summary>
        /// Takes arrays no caller holds any more (<see cref="NetworkLayout.Decode"/>'s). The public constructor copies: the
        /// batch engine reads <c>source[Columns[k]]</c> without bounds checks, validated here once, so a caller changing a
        /// column afterwards made it read outside the batch (an AccessViolationException that ends the process).
        /// </summary>
        internal SparseAffineMap(int inputCount, int outputCount, int[] rowStarts, int[] columns, double[] weights, double[] bias, bool owned)
        {
            if (inputCount < 0) throw new ArgumentOutOfRangeException(nameof(inputCount));
            if (outputCount < 0) throw new ArgumentOutOfRangeException(nameof(outputCount));
            _rowStarts = rowStarts ?? throw new ArgumentNullException(nameof(rowStarts));
            _columns = columns ?? throw new ArgumentNullException(nameof(columns));
            _weights = weights ?? throw new ArgumentNullException(nameof(weights));
            _bias = bias ?? throw new ArgumentNullException(nameof(bias));
            if (rowStarts.Length != outputCount + 1 || rowStarts[0] != 0) throw new ArgumentException("rowStarts must have outputCount + 1 entries starting at 0.", nameof(rowStarts));
            if (bias.Length != outputCount) throw new ArgumentException("bias must have outputCount entries.", nameof(bias));
            if (columns.Length != weights.Length || rowStarts[outputCount] != weights.Length)
                throw new ArgumentException("columns and weights must have rowStarts[outputCount] entries.", nameof(columns));
            for (int r = 0; r < outputCount; r++)
                if (rowStarts[r + 1] < rowStarts[r]) throw new ArgumentException("rowStarts must not decrease.", nameof(rowStarts));
            foreach (int c in columns)
                if ((uint)c >= (uint)inputCount) throw new ArgumentException("A column index is out of range.", nameof(columns));
            InputCount = inputCount;
            OutputCount = outputCount;
        }

        private static T[] Copy<T>(T[] array, string name) => (T[])(array ?? throw new ArgumentNullException(name)).Clone();

        /// <summary>Length of x.</summary>
        public int InputCount { get; }

        /// <summary>Length of y.</summary>
        public int OutputCount { get; }

        /// <summary>Number of stored weights.</summary>
        public int NonZeroWeights => _weights.Length;

        /// <summary>Row start offsets (OutputCount + 1 entries).</summary>
        public ReadOnlySpan<int> RowStarts => _rowStarts;

        /// <summary>Input index of every stored weight.</summary>
        public ReadOnlySpan<int> Columns => _columns;

        /// <summary>The stored weights, row by row.</summary>
        public ReadOnlySpan<double> Weights => _weights;

        /// <summary>b.</summary>
        public ReadOnlySpan<double> Bias => _bias;

        /// <summary>"sparse affine map 2 → 4, 8 stored weights".</summary>
        public override string ToString()
            => $"sparse affine map {InputCount} → {OutputCount}, {CountText.Of(NonZeroWeights, "stored weight")}";

        /// <summary>destination[r] = bias[r] + Σ W[r,c]·source[c], in storage order; destination may overlap source.</summary>
        /// <exception cref="ArgumentException"><paramref name="source"/> is shorter than <see cref="InputCount"/>,
        /// or <paramref name="destination"/> shorter than <see cref="OutputCount"/>.</exception>
        public void Apply(ReadOnlySpan<double> source, Span<double> destination)
        {
            // Checked up front: a short span otherwise threw IndexOutOfRangeException halfway through the rows.
            if (source.Length < InputCount)
                throw new ArgumentException($"The map reads {InputCount} values but source has {source.Length}.", nameof(source));
            if (destination.Length < OutputCount)
                throw new ArgumentException($"The map writes {OutputCount} values but destination has {destination.Length}.", nameof(destination));
            // Row r is written before later rows read the source: map.Apply(x, x) in place read rows already written,
            // a silent wrong result. An overlapping source is read from a copy.
            if (source.Slice(0, InputCount).Overlaps(destination.Slice(0, OutputCount))) source = source.Slice(0, InputCount).ToArray();
            for (int r = 0; r < OutputCount; r++)
            {
                int k = _rowStarts[r], end = _rowStarts[r + 1];
                // As the generated evaluators write a row (RowExpressions): a zero bias is left out of a short row,
                // which then starts with its first term. The sums agree except for the sign of a zero result
                // (0 + (−0) is +0), and Evaluate promises the evaluators' bits, −0 included.
                double acc = _bias[r] == 0 && k < end && end - k <= RowExpressions.MaxTermsPerExpression ? _weights[k] * source[_columns[k++]] : _bias[r];
                for (; k < end; k++)
                    acc += _weights[k] * source[_columns[k]];
                destination[r] = acc;
            }
        }
    }
}
