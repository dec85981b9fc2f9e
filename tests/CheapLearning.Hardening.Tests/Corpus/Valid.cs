using System;
using CheapLearning;

namespace Corpus.Valid;

public static partial class Shapes
{
    [PolynomialNetwork]
    public static double Linear(double x, double y) => 3 * x - y / 4 + 1;

    [PolynomialNetwork(InputBound = 2, Tolerance = 1e-8, Activation = Activation.Tanh)]
    internal static double Cube(double x) => Math.Pow(x - 1, 3) + x * x;

    [PolynomialNetwork(CheckInputs = false, Activation = Activation.Exp)]
    private static double Locals(double a, float b)
    {
        const double k = 0.5;
        double t = a + b;
        t *= t;
        t -= k * a;
        t /= 2;
        return t * b;
    }

    public static partial class Nested
    {
        [PolynomialNetwork(Form = NetworkForm.Deep, HiddenLayers = 0)]
        public static double Constant() => 42;
    }
}

public partial struct Point
{
    [PolynomialNetwork(Activation = Activation.Sigmoid)]
    public static double Dot(double x1, double y1, double x2, double y2) => x1 * x2 + y1 * y2;
}
