using CheapLearning;
using static System.Math;

namespace Corpus.Edges
{
    public static partial class Names
    {
        [PolynomialNetwork]
        public static double @class(double @double, double _a, double _b, double _s) => @double * _a + _b * _s;

        [PolynomialNetwork(InputBound = 1e100, Tolerance = 1e300)]
        public static double Huge(double x) => Pow(x, 8) + checked(x * (double)x);

        [PolynomialNetwork(InputBound = 1e-300, Tolerance = 1e-300)]
        public static double Tiny(double x, double y) => -(+x * y) - 1e308 * 10;

        [PolynomialNetwork]
        public static double Größe(double ä, double ö) => ä * ö - ö;

        [PolynomialNetwork]
        public static double Expression(double x) => 1 / 2 * x + 1.0 / 2 * x + 5 % 3 * x + (x = 2);
    }

    partial record Wrapper
    {
        partial record struct Inner
        {
            [PolynomialNetwork]
            public static double F(double x, double y, double z) => (x + y + z) * (x - y) * (y - z) * (z - x);
        }
    }
}
