using System.Globalization;

namespace CheapLearning
{
    /// <summary>
    /// A count with its noun for people ("1 hidden layer", "4 neurons", "3 classes"), linked into the generator (XML docs,
    /// diagnostics) and the runtime (<c>ToString</c>, argument messages), so that every text counts the same way.
    /// </summary>
    internal static class CountText
    {
        /// <summary>
        /// <paramref name="n"/> (invariant culture) and <paramref name="noun"/>, singular for 1 and −1 (an offset of −1
        /// element), else <paramref name="plural"/> or the noun with an "s".
        /// </summary>
        public static string Of(long n, string noun, string? plural = null)
            => n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 || n == -1 ? noun : plural ?? noun + "s");
    }
}
