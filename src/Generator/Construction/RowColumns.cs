using System.Collections.Generic;

namespace CheapLearning.Generator.Construction
{
    /// <summary>
    /// Counts of the distinct columns of rows already written to a <see cref="Stage.Builder"/> (the synapses
    /// a gate's neurons read). A layered form's row reads one layer, in signal order, so its columns are
    /// strictly increasing and are counted by one pass (or a merge); any other row falls back to a set.
    /// </summary>
    internal static class RowColumns
    {
        /// <summary>How many distinct columns <paramref name="row"/> has.</summary>
        public static int Distinct(Stage.Builder stage, int row)
        {
            int start = stage.RowStart(row), end = stage.RowEnd(row);
            if (IsIncreasing(stage, start, end)) return end - start;
            var set = new HashSet<int>();
            for (int e = start; e < end; e++) set.Add(stage.Column(e));
            return set.Count;
        }

        /// <summary>How many distinct columns of <paramref name="row"/> are not columns of <paramref name="other"/>.</summary>
        public static int NotIn(Stage.Builder stage, int row, int other)
        {
            int start = stage.RowStart(row), end = stage.RowEnd(row);
            int otherStart = stage.RowStart(other), otherEnd = stage.RowEnd(other);
            int count = 0;
            if (IsIncreasing(stage, start, end) && IsIncreasing(stage, otherStart, otherEnd))
            {
                for (int e = start, o = otherStart; e < end; e++)
                {
                    int column = stage.Column(e);
                    while (o < otherEnd && stage.Column(o) < column) o++;
                    if (o == otherEnd || stage.Column(o) != column) count++;
                }
                return count;
            }
            var others = new HashSet<int>();
            for (int o = otherStart; o < otherEnd; o++) others.Add(stage.Column(o));
            var seen = new HashSet<int>();
            for (int e = start; e < end; e++)
                if (seen.Add(stage.Column(e)) && !others.Contains(stage.Column(e))) count++;
            return count;
        }

        private static bool IsIncreasing(Stage.Builder stage, int start, int end)
        {
            for (int e = start + 1; e < end; e++)
                if (stage.Column(e) <= stage.Column(e - 1)) return false;
            return true;
        }
    }
}
