using System;

namespace CheapLearning
{
    /// <summary>
    /// Reads the compact layout in which generated code writes a network's layers (issue 12): the structure (layer
    /// sizes, which inputs each row reads) as one string of integers, and the weights and biases as signed references to
    /// a table of magnitudes. A string literal costs the C# compiler one token, where the same data as array
    /// initializers cost an expression to bind per element, a quarter of the compiler's time on generated files.
    /// Generated model factories call <see cref="Decode"/>; every double is the table's, negated or not, so the layers
    /// are bit for bit those of the network the evaluator computes.
    /// <para>
    /// Format: integers in the digits of <c>src/Shared/LayoutCode.cs</c>. The layout is the layer count, then per layer a
    /// flag (1: factored into gate inputs and neurons, 0: one map) and its maps. A map is its input count, output count,
    /// the number of entries of each row, the column of every entry, the weight of every entry, and then 0 when every bias
    /// is +0.0, or 1 and the bias of every row. A weight or bias is 2·i + s: <c>values[i]</c>, negated when s = 1.
    /// </para>
    /// </summary>
    public static class NetworkLayout
    {
        /// <summary>The layers that <paramref name="layout"/> describes over the magnitudes <paramref name="values"/>.</summary>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        /// <exception cref="ArgumentException"><paramref name="layout"/> is not a layout, or refers past <paramref name="values"/>.</exception>
        public static AffineLayer[] Decode(string layout, double[] values)
        {
            if (layout is null) throw new ArgumentNullException(nameof(layout));
            if (values is null) throw new ArgumentNullException(nameof(values));
            var reader = new Reader(layout, values);
            // Every count is checked against the characters left before anything is allocated: a wrong text fails
            // with an ArgumentException instead of asking for a huge array.
            int count = reader.Count();
            var layers = new AffineLayer[count];
            for (int l = 0; l < count; l++)
            {
                int factored = reader.Next();
                if (factored > 1) throw reader.Bad("a layer's flag is " + factored);
                var first = reader.Map();
                layers[l] = factored == 1 ? new AffineLayer(first, reader.Map()) : new AffineLayer(first);
            }
            reader.End();
            return layers;
        }

        private sealed class Reader
        {
            private readonly string _text;
            private readonly double[] _values;
            private int _position;

            public Reader(string text, double[] values)
            {
                _text = text;
                _values = values;
            }

            public int Next()
            {
                int start = _position;
                if (!LayoutCode.TryRead(_text, ref _position, out int value))
                    throw Bad("it ends too soon or has a bad digit at character " + start + " or after");
                return value;
            }

            /// <summary>A count of items that each take at least one more character.</summary>
            public int Count()
            {
                int n = Next();
                if (n > _text.Length - _position) throw Bad("a count of " + n + " exceeds what is left of it");
                return n;
            }

            public SparseAffineMap Map()
            {
                int inputs = Next(), outputs = Count();
                var rowStarts = new int[outputs + 1];
                for (int r = 0; r < outputs; r++)
                {
                    int length = Count();
                    rowStarts[r + 1] = rowStarts[r] + length;
                    if (rowStarts[r + 1] > _text.Length) throw Bad("its rows hold more entries than it has characters");
                }
                int entries = rowStarts[outputs];
                var columns = new int[entries];
                for (int e = 0; e < entries; e++) columns[e] = Next();
                var weights = new double[entries];
                for (int e = 0; e < entries; e++) weights[e] = Value();
                var bias = new double[outputs];
                int hasBias = Next();
                if (hasBias > 1) throw Bad("a bias flag is " + hasBias);
                if (hasBias == 1)
                    for (int r = 0; r < outputs; r++) bias[r] = Value();
                return new SparseAffineMap(inputs, outputs, rowStarts, columns, weights, bias, owned: true);
            }

            private double Value()
            {
                int reference = Next(), index = reference >> 1;
                if (index >= _values.Length) throw Bad("it refers to value " + index + " of " + _values.Length);
                double magnitude = _values[index];
                return (reference & 1) == 0 ? magnitude : -magnitude;
            }

            public void End()
            {
                if (_position != _text.Length) throw Bad("characters are left after its last layer");
            }

            public ArgumentException Bad(string why) => new ArgumentException("Not a network layout: " + why + ".", "layout");
        }
    }
}
