using System;
using CheapLearning;

namespace Showcase;

/// <summary>Polynomials from physics and from the paper, each turned into a network at compile time.</summary>
public static partial class Polynomials
{
    /// <summary>Harmonic oscillator Hamiltonian H = p²/2m + kq²/2 (m = 1, k = 4).</summary>
    [PolynomialNetwork]
    public static double Oscillator(double q, double p) => 0.5 * p * p + 2.0 * q * q;

    /// <summary>The paper's basic multiplication gate, held to 1e-10 (the paper's λ = 0.1 gives 1.6e-3).</summary>
    [PolynomialNetwork(Tolerance = 1e-10)]
    public static double Product(double x, double y) => x * y;

    /// <summary>A product of four variables: a balanced tree of three gates, 12 neurons.</summary>
    [PolynomialNetwork(InputBound = 2.0, Tolerance = 1e-8)]
    public static double Product4(double a, double b, double c, double d) => a * b * c * d;

    /// <summary>Anharmonic oscillator with a quartic term, written with locals.</summary>
    [PolynomialNetwork(InputBound = 1.5, Activation = Activation.Tanh)]
    public static double Anharmonic(double q, double p)
    {
        const double omega = 1.25;
        double q2 = q * q;
        return 0.5 * p * p + 0.5 * omega * omega * q2 + 0.1 * q2 * q2;
    }

    /// <summary>Ising-like pair energy of a 4-spin chain with couplings and a field (continuous spins).</summary>
    [PolynomialNetwork(Activation = Activation.Sigmoid)]
    public static double Chain(double s0, double s1, double s2, double s3)
        => -(1.0 * s0 * s1 + 0.5 * s1 * s2 - 0.75 * s2 * s3) + 0.2 * (s0 + s1 + s2 + s3);

    /// <summary>Third Chebyshev–like cubic in three variables with mixed signs.</summary>
    [PolynomialNetwork(InputBound = 0.5, Activation = Activation.Exp, Tolerance = 1e-7)]
    public static double Cubic(double x, double y, double z) => 4 * x * x * x - 3 * x * y * z + z * z - 0.25;

    /// <summary>
    /// (a+b+c+d+e+f+g+h)^40 expands to 62,891,499 monomials, but as written it is one free sum and
    /// six gates: depth mirrors composition, the paper's thesis.
    /// </summary>
    [PolynomialNetwork(InputBound = 0.1, Tolerance = 1e-6)]
    public static double Power40(double a, double b, double c, double d, double e, double f, double g, double h)
        => Math.Pow(a + b + c + d + e + f + g + h, 40);
}
