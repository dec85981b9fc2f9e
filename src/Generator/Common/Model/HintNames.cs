using System.Globalization;
using System.Text;

namespace CheapLearning.Generator.Common
{
    /// <summary>
    /// Hint names that stay unique although Roslyn compares them ignoring case: methods F and f (or
    /// types C and c) used to get hint names equal up to case, and AddSource threw, failing the whole
    /// generator with CS8785. The name is made ASCII (every other UTF-16 unit becomes "-" + 4 lowercase
    /// hex digits; '-' cannot occur in C# names) and, when it has upper-case letters, gets a last segment
    /// listing their positions, e.g. <c>Demo.Gates.P.0-5-11</c>. Two different names can then never be
    /// equal ignoring case: the positions segment starts with a digit, so no identifier segment equals
    /// it, and equal segments with equal positions are the same name.
    /// </summary>
    internal static class HintNames
    {
        public static string Unique(string fullName)
        {
            var sb = new StringBuilder(fullName.Length + 8);
            foreach (char c in fullName)
            {
                if (c < 128 && c != '<' && c != '>') sb.Append(c);
                else if (c is '<' or '>') sb.Append('_');
                else sb.Append('-').Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            var upper = new List<string>();
            for (int i = 0; i < sb.Length; i++)
                if (sb[i] is >= 'A' and <= 'Z') upper.Add(i.ToString(CultureInfo.InvariantCulture));
            if (upper.Count > 0) sb.Append('.').Append(string.Join("-", upper));
            return sb.ToString();
        }
    }
}
