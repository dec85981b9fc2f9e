using System.Globalization;

namespace CheapLearning.Generator.Common
{
    /// <summary>C# literals written with the invariant culture and round-trip precision, so a weight in
    /// generated code is bit-identical to the one computed, whatever the build machine's culture.</summary>
    internal static class Literals
    {
        public static string Double(double d)
        {
            if (double.IsNaN(d)) return "double.NaN";
            if (double.IsPositiveInfinity(d)) return "double.PositiveInfinity";
            if (double.IsNegativeInfinity(d)) return "double.NegativeInfinity";
            string s = d.ToString("R", CultureInfo.InvariantCulture);
            if (double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture) != d) s = d.ToString("G17", CultureInfo.InvariantCulture);
            if (s.IndexOfAny(new[] { '.', 'E', 'e' }) < 0) s += ".0";
            return s;
        }

        public static string Int(long i) => i.ToString(CultureInfo.InvariantCulture);

        /// <summary>A number for humans in XML docs: 3 significant digits.</summary>
        public static string Short(double d) => d.ToString("G3", CultureInfo.InvariantCulture);

        /// <summary>An integer with thousands separators, e.g. 4,294,967,296.</summary>
        public static string Grouped(long i) => i.ToString("N0", CultureInfo.InvariantCulture);

        /// <summary>A regular C# string literal (quotes, backslashes and control characters escaped).</summary>
        public static string String(string s)
        {
            var sb = new System.Text.StringBuilder("\"", s.Length + 2);
            foreach (char c in s)
            {
                if (c is '"' or '\\') sb.Append('\\').Append(c);
                else if (c < ' ') sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                else sb.Append(c);
            }
            return sb.Append('"').ToString();
        }

        public static string Escape(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
    }
}
