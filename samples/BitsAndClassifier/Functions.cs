using CheapLearning;

namespace BitsAndClassifier;

/// <summary>Boolean functions and a bit Hamiltonian, each turned into deep and flat networks at compile time.</summary>
public static partial class Functions
{
    [BitNetwork(Form = NetworkForm.Both)]
    public static bool Majority(bool a, bool b, bool c) => (a & b) | (a & c) | (b & c);

    /// <summary>
    /// 10-bit parity: 1,023 monomials flat, a tree of 9 XOR gates deep. The flat form's coefficients (±2^(k−1))
    /// sum to (3¹⁰ − 1)/2 = 29,524, so rounding of its output sum allows a proven 8 digits, not 10 (CHEAP024).
    /// </summary>
    [BitNetwork(Form = NetworkForm.Both, Digits = 8)]
    public static bool Parity10(bool x0, bool x1, bool x2, bool x3, bool x4, bool x5, bool x6, bool x7, bool x8, bool x9)
        => x0 ^ x1 ^ x2 ^ x3 ^ x4 ^ x5 ^ x6 ^ x7 ^ x8 ^ x9;

    /// <summary>16-bit parity: 65,535 neurons flat (over the budget), 30 deep.</summary>
    [BitNetwork]
    public static bool Parity16(bool x0, bool x1, bool x2, bool x3, bool x4, bool x5, bool x6, bool x7,
                                bool x8, bool x9, bool x10, bool x11, bool x12, bool x13, bool x14, bool x15)
        => x0 ^ x1 ^ x2 ^ x3 ^ x4 ^ x5 ^ x6 ^ x7 ^ x8 ^ x9 ^ x10 ^ x11 ^ x12 ^ x13 ^ x14 ^ x15;

    /// <summary>Carry out of a 4-bit adder, on int bits.</summary>
    [BitNetwork(Form = NetworkForm.Both, ParametersAreBits = true)]
    public static int Carry4(int a0, int a1, int a2, int a3, int b0, int b1, int b2, int b3)
    {
        int c1 = a0 & b0;
        int c2 = (a1 & b1) | ((a1 ^ b1) & c1);
        int c3 = (a2 & b2) | ((a2 ^ b2) & c2);
        return (a3 & b3) | ((a3 ^ b3) & c3);
    }

    /// <summary>Energy of a 3×3 Ising lattice with open boundaries and unequal couplings; spins s = ±1.</summary>
    [BitNetwork(Form = NetworkForm.Both, Digits = 9)]
    public static double IsingEnergy(bool x0, bool x1, bool x2, bool x3, bool x4, bool x5, bool x6, bool x7, bool x8)
    {
        double s0 = x0 ? 1 : -1; double s1 = x1 ? 1 : -1; double s2 = x2 ? 1 : -1;
        double s3 = x3 ? 1 : -1; double s4 = x4 ? 1 : -1; double s5 = x5 ? 1 : -1;
        double s6 = x6 ? 1 : -1; double s7 = x7 ? 1 : -1; double s8 = x8 ? 1 : -1;
        return -(1.0 * s0 * s1 + 0.8 * s1 * s2 + 1.2 * s3 * s4 + 0.9 * s4 * s5 + 1.1 * s6 * s7 + 0.7 * s7 * s8
               + 0.5 * s0 * s3 + 1.3 * s3 * s6 + 0.6 * s1 * s4 + 1.4 * s4 * s7 + 1.0 * s2 * s5 - 0.4 * s5 * s8);
    }
}

/// <summary>
/// Is a 3×3 Ising configuration (J = 1, open boundaries) drawn at temperature T = 1.5 (ordered) or T = 4
/// (disordered)? H_T(x) = −ln p(x|T) = E(x)/T + ln Z_T, with ln Z_T summed exactly over the 512 states.
/// </summary>
[BayesClassifier]
public static partial class Temperature
{
    private const double LnZCold = 9.265341870900809; // T = 1.5
    private const double LnZHot = 6.624712558924657;  // T = 4

    [Hamiltonian(Prior = 0.5)]
    public static double Cold(bool x0, bool x1, bool x2, bool x3, bool x4, bool x5, bool x6, bool x7, bool x8)
    {
        double s0 = x0 ? 1 : -1; double s1 = x1 ? 1 : -1; double s2 = x2 ? 1 : -1;
        double s3 = x3 ? 1 : -1; double s4 = x4 ? 1 : -1; double s5 = x5 ? 1 : -1;
        double s6 = x6 ? 1 : -1; double s7 = x7 ? 1 : -1; double s8 = x8 ? 1 : -1;
        double energy = -(s0 * s1 + s1 * s2 + s3 * s4 + s4 * s5 + s6 * s7 + s7 * s8 + s0 * s3 + s3 * s6 + s1 * s4 + s4 * s7 + s2 * s5 + s5 * s8);
        return energy / 1.5 + LnZCold;
    }

    [Hamiltonian(Prior = 0.5)]
    public static double Hot(bool x0, bool x1, bool x2, bool x3, bool x4, bool x5, bool x6, bool x7, bool x8)
    {
        double s0 = x0 ? 1 : -1; double s1 = x1 ? 1 : -1; double s2 = x2 ? 1 : -1;
        double s3 = x3 ? 1 : -1; double s4 = x4 ? 1 : -1; double s5 = x5 ? 1 : -1;
        double s6 = x6 ? 1 : -1; double s7 = x7 ? 1 : -1; double s8 = x8 ? 1 : -1;
        double energy = -(s0 * s1 + s1 * s2 + s3 * s4 + s4 * s5 + s6 * s7 + s7 * s8 + s0 * s3 + s3 * s6 + s1 * s4 + s4 * s7 + s2 * s5 + s5 * s8);
        return energy / 4.0 + LnZHot;
    }
}
