using System;
using CheapLearning;

namespace CheapLearning.Benchmarks;

/// <summary>The fixed set of networks of issue 12, target 4 (default attributes: softplus, R = 1, as accurate as double allows).</summary>
public static partial class EvaluatorNetworks
{
    [PolynomialNetwork]
    public static double Product2(double x, double y) => x * y;

    /// <summary>A degree-4 polynomial in 6 variables with 30 terms.</summary>
    [PolynomialNetwork]
    public static double Quartic6(double a, double b, double c, double d, double e, double f)
        => a * b * c * d - 0.5 * a * a * e * f + b * b * c * c + 1.5 * c * d * e * f - 2 * a * b * e * e + 0.25 * d * d * d * f
         - a * c * e + 3 * b * d * f - 0.75 * a * a * b + c * c * f - d * e * f + 2 * a * f * f - b * c * d + 0.5 * e * e * e
         - a * a + b * b - 0.3 * c * d + e * f + 0.1 * a * b - 2 * c * e + d * f - a + 0.5 * b - c + 2 * d - e + f + 1
         + a * b * c * f + 0.2 * a * d * d * e;

    [PolynomialNetwork]
    public static double Product8(double a, double b, double c, double d, double e, double f, double g, double h)
        => a * b * c * d * e * f * g * h;

    [PolynomialNetwork]
    public static double Product16(double a, double b, double c, double d, double e, double f, double g, double h,
                                   double i, double j, double k, double l, double m, double n, double o, double p)
        => a * b * c * d * e * f * g * h * i * j * k * l * m * n * o * p;

    [PolynomialNetwork(InputBound = 0.1)]
    public static double Power40(double a, double b, double c, double d, double e, double f, double g, double h)
        => Math.Pow(a + b + c + d + e + f + g + h, 40);

    /// <summary>Energy of a 3×3 Ising patch (open boundary, J = 1, field 0.1) with spins s ∈ [−1, 1].</summary>
    [PolynomialNetwork]
    public static double Ising3x3(double s0, double s1, double s2, double s3, double s4, double s5, double s6, double s7, double s8)
        => -(s0 * s1 + s1 * s2 + s3 * s4 + s4 * s5 + s6 * s7 + s7 * s8 + s0 * s3 + s3 * s6 + s1 * s4 + s4 * s7 + s2 * s5 + s5 * s8)
           - 0.1 * (s0 + s1 + s2 + s3 + s4 + s5 + s6 + s7 + s8);

    [BitNetwork]
    public static bool Parity10(bool a, bool b, bool c, bool d, bool e, bool f, bool g, bool h, bool i, bool j)
        => a ^ b ^ c ^ d ^ e ^ f ^ g ^ h ^ i ^ j;
}
