using CheapLearning;

namespace Showcase;

/// <summary>Flat (one hidden layer) and fixed-depth forms: the no-flattening theorem in numbers.</summary>
public static partial class FlatForms
{
    /// <summary>The oscillator in one hidden layer: x² takes 3 neurons (weights 2, 0, −2); the two share σ(b), so 5 in all.</summary>
    [PolynomialNetwork(Form = NetworkForm.Flat, Tolerance = 1e-8)]
    public static double Oscillator(double q, double p) => 0.5 * p * p + 2.0 * q * q;

    /// <summary>A product of six variables both ways: deep 20 neurons, flat 2⁶ = 64 (Eq 28), with the flat form's lower precision.</summary>
    [PolynomialNetwork(Form = NetworkForm.Both, Tolerance = 1e-5)]
    public static double Product6(double a, double b, double c, double d, double e, double f) => a * b * c * d * e * f;

    /// <summary>A product of nine variables with at most two hidden layers (Thm III.1): 3 groups of 3, then 1 group of 3: 32 neurons.</summary>
    [PolynomialNetwork(HiddenLayers = 2, Tolerance = 1e-4)]
    public static double Product9(double a, double b, double c, double d, double e, double f, double g, double h, double i)
        => a * b * c * d * e * f * g * h * i;
}
