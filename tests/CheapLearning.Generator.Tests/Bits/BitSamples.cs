using System.Linq;

namespace CheapLearning.Generator.Tests.Bits;

/// <summary>The [BitNetwork] samples of the exhaustive tests, as C# source.</summary>
public static class BitSamples
{
    public const string Common = """
        using CheapLearning;
        namespace Bits;
        public static partial class Samples
        {
            [BitNetwork(Form = NetworkForm.Both)]
            public static bool Majority(bool a, bool b, bool c) => (a & b) | (a & c) | (b & c);

            [BitNetwork(Form = NetworkForm.Both, Digits = 12)]
            public static bool Majority5(bool a, bool b, bool c, bool d, bool e)
                => (a && b && c) || (a && b && d) || (a && b && e) || (a && c && d) || (a && c && e)
                || (a && d && e) || (b && c && d) || (b && c && e) || (b && d && e) || (c && d && e);

            /// <summary>Carry out of a 4-bit ripple-carry adder a + b.</summary>
            [BitNetwork(Form = NetworkForm.Both)]
            public static bool Carry4(bool a0, bool a1, bool a2, bool a3, bool b0, bool b1, bool b2, bool b3)
            {
                bool c1 = a0 & b0;
                bool c2 = (a1 & b1) | ((a1 ^ b1) & c1);
                bool c3 = (a2 & b2) | ((a2 ^ b2) & c2);
                return (a3 & b3) | ((a3 ^ b3) & c3);
            }

            /// <summary>Energy of a 3×3 Ising lattice (open boundaries) with couplings J and a field h; spins s = ±1.</summary>
            [BitNetwork(Form = NetworkForm.Both, Digits = 9)]
            public static double Ising3x3(bool x0, bool x1, bool x2, bool x3, bool x4, bool x5, bool x6, bool x7, bool x8)
            {
                double s0 = x0 ? 1 : -1; double s1 = x1 ? 1 : -1; double s2 = x2 ? 1 : -1;
                double s3 = x3 ? 1 : -1; double s4 = x4 ? 1 : -1; double s5 = x5 ? 1 : -1;
                double s6 = x6 ? 1 : -1; double s7 = x7 ? 1 : -1; double s8 = x8 ? 1 : -1;
                double horizontal = 1.0 * s0 * s1 + 0.8 * s1 * s2 + 1.2 * s3 * s4 + 0.9 * s4 * s5 + 1.1 * s6 * s7 + 0.7 * s7 * s8;
                double vertical = 0.5 * s0 * s3 + 1.3 * s3 * s6 + 0.6 * s1 * s4 + 1.4 * s4 * s7 + 1.0 * s2 * s5 - 0.4 * s5 * s8;
                const double h = 0.25;
                return -(horizontal + vertical) - h * (s0 + s1 + s2 + s3 + s4 + s5 + s6 + s7 + s8);
            }

            [BitNetwork(Form = NetworkForm.Both, ParametersAreBits = true)]
            public static int Weighted(int a, int b, int c, double d) => a * b + 2 * b * c - a + (d == 1 ? 3 : 0);

            [BitNetwork(Form = NetworkForm.Both, Digits = 6)]
            public static int Mixed(bool a, [Bit] int b, [Bit] double c) => a ? (b == 1 ? 3 : 1) : 2 * b - (int)c;

            [BitNetwork]
            public static bool Constant(bool a) => a | !a;
        }
        """;

    /// <summary>n-bit parity written as a left-nested chain a ^ b ^ c …; Flat only when requested.</summary>
    public static string Parity(int n, string form, int maxFlat = 4096)
    {
        string parameters = string.Join(", ", Enumerable.Range(0, n).Select(i => $"bool x{i}"));
        string body = string.Join(" ^ ", Enumerable.Range(0, n).Select(i => $"x{i}"));
        return $$"""
            using CheapLearning;
            namespace Bits;
            public static partial class Parity{{n}}
            {
                [BitNetwork(Form = NetworkForm.{{form}}, MaxFlatNeurons = {{maxFlat}})]
                public static bool F({{parameters}}) => {{body}};
            }
            """;
    }
}
