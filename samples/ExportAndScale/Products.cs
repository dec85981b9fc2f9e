using CheapLearning;

namespace ExportAndScale;

/// <summary>
/// Products of n variables, deep and flat, for the neurons-against-n plot: deep is 4(n − 1) neurons
/// (a tree of Eq 11 gates), flat is 2ⁿ (Eq 28). The tolerance is loose because the flat form loses
/// digits as n grows; it does not change either network.
/// </summary>
public static partial class Products
{
    [PolynomialNetwork(Form = NetworkForm.Both, Tolerance = 1e-2)]
    public static double P2(double a, double b) => a * b;

    [PolynomialNetwork(Form = NetworkForm.Both, Tolerance = 1e-2)]
    public static double P3(double a, double b, double c) => a * b * c;

    [PolynomialNetwork(Form = NetworkForm.Both, Tolerance = 1e-2)]
    public static double P4(double a, double b, double c, double d) => a * b * c * d;

    [PolynomialNetwork(Form = NetworkForm.Both, Tolerance = 1e-2)]
    public static double P5(double a, double b, double c, double d, double e) => a * b * c * d * e;

    [PolynomialNetwork(Form = NetworkForm.Both, Tolerance = 1e-2)]
    public static double P6(double a, double b, double c, double d, double e, double f) => a * b * c * d * e * f;

    [PolynomialNetwork(Form = NetworkForm.Both, Tolerance = 1e-2)]
    public static double P7(double a, double b, double c, double d, double e, double f, double g) => a * b * c * d * e * f * g;

    [PolynomialNetwork(Form = NetworkForm.Both, Tolerance = 1e-2)]
    public static double P8(double a, double b, double c, double d, double e, double f, double g, double h) => a * b * c * d * e * f * g * h;

    [PolynomialNetwork(Form = NetworkForm.Both, Tolerance = 1e-1)]
    public static double P9(double a, double b, double c, double d, double e, double f, double g, double h, double i) => a * b * c * d * e * f * g * h * i;

    /// <summary>The flat form of 10 factors has a bound of 0.75 (S = 1): deep networks are not only smaller.</summary>
    [PolynomialNetwork(Form = NetworkForm.Both, Tolerance = 1)]
    public static double P10(double a, double b, double c, double d, double e, double f, double g, double h, double i, double j) => a * b * c * d * e * f * g * h * i * j;
}

/// <summary>The polynomial the scoring run evaluates a million times: a 4-spin chain energy with a quartic term.</summary>
public static partial class Scored
{
    [PolynomialNetwork(InputBound = 1, Tolerance = 1e-8)]
    public static double Energy(double s0, double s1, double s2, double s3)
        => -(s0 * s1 + 0.5 * s1 * s2 - 0.75 * s2 * s3) + 0.1 * s0 * s1 * s2 * s3 + 0.2 * (s0 + s1 + s2 + s3);
}
