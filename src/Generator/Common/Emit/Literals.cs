using System.Globalization;

namespace CheapLearning.Generator.Common
{
    /// <summary>C# literals written with the invariant culture and round-trip precision, so a weight in
    /// generated code is bit-identical to the one computed, whatever the build machine's culture.</summary>
    internal static class Literals
    {
        public static string Double(double d)
        {
            // Keyed by the bits, not the value: 0.0 and -0.0 are equal doubles but different literals.
            long bits = BitConverter.DoubleToInt64Bits(d);
            var cache = s_doubles ??= new Dictionary<long, string>();
            if (cache.TryGetValue(bits, out var literal)) return literal;
            literal = FormatDouble(d);
            if (cache.Count >= MaxCachedDoubles) cache.Clear();
            cache.Add(bits, literal);
            return literal;
        }

        /// <summary>
        /// Networks repeat a few constants thousands of times (a gate's weights and biases are the same in every
        /// method with that gate), and formatting and re-parsing each one was a tenth of the emitter's time. Per
        /// thread, so the generator and concurrently running analyzers never share it; bounded, so it never grows
        /// past a few hundred kilobytes.
        /// </summary>
        [ThreadStatic] private static Dictionary<long, string>? s_doubles;

        internal const int MaxCachedDoubles = 4096;

        /// <summary>The literal of <see cref="Double"/>, computed (what the cache holds).</summary>
        internal static string FormatDouble(double d)
        {
            if (double.IsNaN(d)) return "double.NaN";
            if (double.IsPositiveInfinity(d)) return "double.PositiveInfinity";
            if (double.IsNegativeInfinity(d)) return "double.NegativeInfinity";
            // .NET Framework hosts (Visual Studio) format −0.0 as "0": the sign is written here, not left to "R".
            if (d == 0) return 1 / d < 0 ? "-0.0" : "0.0";
            string s = d.ToString("R", CultureInfo.InvariantCulture);
            if (double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture) != d) s = d.ToString("G17", CultureInfo.InvariantCulture);
            if (s.IndexOf('.') < 0 && s.IndexOf('E') < 0 && s.IndexOf('e') < 0) s += ".0";
            return s;
        }

        /// <summary>
        /// A parameter's default value as a C# constant of <paramref name="type"/> ("double", "float", "int" or "bool"), bit
        /// for bit (−0.0 keeps its sign, NaN and ±∞ are named); null when <paramref name="value"/> is not of that type (code
        /// that does not compile). A null value is the type's <c>default</c> ([Optional] without a value): 0 or false.
        /// Roslyn gives the value converted to the parameter's type (<c>double y = 2</c> is the double 2).
        /// </summary>
        public static string? Constant(object? value, string type)
        {
            switch (type)
            {
                case "bool": return value is null or false ? "false" : value is true ? "true" : null;
                case "int": return value is null ? "0" : value is int i ? Int(i) : null;
            }
            double? number = value switch
            {
                null => 0.0,
                double d => d,
                float f => f,
                _ => null,
            };
            if (number is not double x) return null;
            if (type == "float")
            {
                // A float parameter's default is a float constant already; converting it to double and back is exact.
                float f = (float)x;
                if (float.IsNaN(f)) return "float.NaN";
                if (float.IsPositiveInfinity(f)) return "float.PositiveInfinity";
                if (float.IsNegativeInfinity(f)) return "float.NegativeInfinity";
                if (f == 0) return 1 / f < 0 ? "-0.0f" : "0.0f";
                string s = f.ToString("R", CultureInfo.InvariantCulture);
                if (float.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture) != f) s = f.ToString("G9", CultureInfo.InvariantCulture);
                return s + "f";
            }
            return FormatDouble(x);
        }

        public static string Int(long i)
            => i >= 0 && i < SmallInts ? s_smallInts[i] ??= i.ToString(CultureInfo.InvariantCulture) : i.ToString(CultureInfo.InvariantCulture);

        // Row starts and column indices are small and repeat in every layer; a racing first write stores an equal string.
        private const int SmallInts = 4096;
        private static readonly string?[] s_smallInts = new string?[SmallInts];

        /// <summary>A number for humans in XML docs: 3 significant digits.</summary>
        public static string Short(double d) => d.ToString("G3", CultureInfo.InvariantCulture);

        /// <summary>An integer with thousands separators, e.g. 4,294,967,296.</summary>
        public static string Grouped(long i) => i.ToString("N0", CultureInfo.InvariantCulture);

        /// <summary>A regular C# string literal (quotes, backslashes and control characters escaped).</summary>
        public static string String(string s) => AppendString(new System.Text.StringBuilder(s.Length + 2), s).ToString();

        /// <summary>Appends <see cref="String"/> of <paramref name="s"/> without building it aside (one per input check of every evaluator).</summary>
        public static System.Text.StringBuilder AppendString(System.Text.StringBuilder sb, string s)
        {
            sb.Append('"');
            foreach (char c in s)
            {
                if (c is '"' or '\\') sb.Append('\\').Append(c);
                else if (c < ' ') sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                else sb.Append(c);
            }
            return sb.Append('"');
        }

        public static string Escape(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
    }
}
