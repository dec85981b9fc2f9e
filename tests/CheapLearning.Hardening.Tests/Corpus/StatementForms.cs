#pragma warning disable CS0162
using System;
using System.Runtime.InteropServices;
using CheapLearning;

namespace Corpus.StatementForms
{
    public static partial class Forms
    {
        private const bool Cube = true;

        [PolynomialNetwork]
        public static double Poly(double x, float y)
        {
            const bool fast = false;
            float t = 16777216f;
            t++; --t;
            x--;
            checked { double u = x * y; x += u; { x *= 2; } }
            if (fast) return x; else if (Cube) { x *= x; } else { for (;;) { } }
            return Math.FusedMultiplyAdd(z: t, y: x, x: Sq(x)) + MathF.FusedMultiplyAdd(y, y, 1f);
            static double Sq(double v, [Optional] double k) { if (!fast) return v * v + k; return Math.Sin(v); }
        }

        [BitNetwork(Form = NetworkForm.Both)]
        public static int Bits(bool a, bool b, bool c)
        {
            byte n = (byte)(One(a) + One(b));
            unchecked { n++; }
            int m = One(c, k: 2);
            m--;
            if (true) { return n + m > 2 && Math.FusedMultiplyAdd(0.5, n, 0.25) > 1 ? 1 : 0; }
            static int One(bool bit, int k = 1) => bit ? k : 0;
        }
    }

    [BayesClassifier]
    public static partial class Classes
    {
        [Hamiltonian]
        public static double A(bool a, bool b) { int n = a ? 1 : 0; n++; checked { return Math.FusedMultiplyAdd(n, 0.5, b ? 1 : 0); } }

        [Hamiltonian]
        public static double B(bool a, bool b) { if (Forms_Cube) return Half(a) + Half(b); return 0; static double Half(bool t) => t ? 0.5 : 0; }

        private const bool Forms_Cube = true;
    }
}
