using System;

namespace CheapLearning.Generator.Construction
{
    /// <summary>
    /// Row identity in a built <see cref="Stage"/>: two rows are the same when their bias, columns and weights are the
    /// same, in the same order and bit for bit (−0.0 differs from 0.0). Such rows are summed by the same operations
    /// on the same doubles, so they give the same double: an evaluator may compute one and read it twice.
    /// </summary>
    internal static class StageRows
    {
        /// <summary>A hash of row <paramref name="row"/> that <see cref="Equal"/> rows share.</summary>
        public static long Hash(Stage stage, int row)
        {
            unchecked
            {
                long hash = BitConverter.DoubleToInt64Bits(stage.Bias[row]) * 31 + (stage.RowStarts[row + 1] - stage.RowStarts[row]);
                for (int k = stage.RowStarts[row]; k < stage.RowStarts[row + 1]; k++)
                    hash = (hash * 1_000_003 + stage.Columns[k]) * 1_000_033 + BitConverter.DoubleToInt64Bits(stage.Weights[k]);
                return hash;
            }
        }

        /// <summary>Whether rows <paramref name="a"/> and <paramref name="b"/> have the same bias, columns and weights, bit for bit.</summary>
        public static bool Equal(Stage stage, int a, int b)
        {
            int startA = stage.RowStarts[a], startB = stage.RowStarts[b], length = stage.RowStarts[a + 1] - startA;
            if (length != stage.RowStarts[b + 1] - startB) return false;
            if (BitConverter.DoubleToInt64Bits(stage.Bias[a]) != BitConverter.DoubleToInt64Bits(stage.Bias[b])) return false;
            for (int k = 0; k < length; k++)
            {
                if (stage.Columns[startA + k] != stage.Columns[startB + k]) return false;
                if (BitConverter.DoubleToInt64Bits(stage.Weights[startA + k]) != BitConverter.DoubleToInt64Bits(stage.Weights[startB + k])) return false;
            }
            return true;
        }
    }
}
