using System;
using System.Text;

namespace CheapLearning
{
    /// <summary>
    /// The digits of the compact layout in which generated code hands a network's layers to the runtime
    /// (<c>NetworkLayout.Decode</c>), linked into the generator (which writes them) and the runtime (which reads them),
    /// so the two cannot drift. Why a text at all: written as array initializers, a model's index and weight arrays were a
    /// quarter of what the C# compiler spent on the generated files (issue 12; every element is an expression to bind),
    /// while a string literal is one token.
    /// <para>
    /// A non-negative int is written little-endian in base 32, one character per 5 bits: the character at index d of
    /// <see cref="Digits"/> carries the bits d &amp; 31, and d ≥ 32 says that more digits follow. So 0–31 take one
    /// character and 1,000 takes two. The 64 digits are letters, figures, '-' and '_': nothing a C# string escapes.
    /// </para>
    /// </summary>
    internal static class LayoutCode
    {
        internal const string Digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";

        /// <summary>Appends <paramref name="value"/> (≥ 0).</summary>
        public static StringBuilder Append(StringBuilder sb, int value)
        {
            if (value < 0) throw new ArgumentOutOfRangeException(nameof(value), value, "The layout holds non-negative integers only.");
            uint v = (uint)value;
            while (v >= 32)
            {
                sb.Append(Digits[(int)(v & 31) | 32]);
                v >>= 5;
            }
            return sb.Append(Digits[(int)v]);
        }

        /// <summary>Reads the integer at <paramref name="position"/> and moves past it; false at the end of the text or on a bad digit.</summary>
        public static bool TryRead(string text, ref int position, out int value)
        {
            value = 0;
            for (int shift = 0; position < text.Length; shift += 5)
            {
                int d = DigitValue(text[position++]);
                // A 7th digit (bits 30 and up) may only add bit 30: ints stop at 2^31 − 1.
                if (d < 0 || (shift == 30 && d > 1)) return false;
                value |= (d & 31) << shift;
                if (d < 32) return true;
                if (shift == 30) return false;
            }
            return false;
        }

        private static int DigitValue(char c)
        {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
            if (c >= 'a' && c <= 'z') return c - 'a' + 36;
            return c == '-' ? 62 : c == '_' ? 63 : -1;
        }
    }
}
