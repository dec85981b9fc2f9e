using System;
using CheapLearning;

namespace CheapLearning.Benchmarks;

public static partial class Polynomials
{
    [PolynomialNetwork]
    public static double Oscillator(double q, double p) => 0.5 * p * p + 2.0 * q * q;

    [PolynomialNetwork(InputBound = 2.0, Tolerance = 1e-8)]
    public static double Product4(double a, double b, double c, double d) => a * b * c * d;

    [PolynomialNetwork(InputBound = 0.1, Tolerance = 1e-6)]
    public static double Power40(double a, double b, double c, double d, double e, double f, double g, double h)
        => Math.Pow(a + b + c + d + e + f + g + h, 40);
}
