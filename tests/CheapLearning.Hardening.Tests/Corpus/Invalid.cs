using System;
using CheapLearning;

namespace Corpus.Invalid;

public static partial class Errors
{
    private static double s_field = 2;

    [PolynomialNetwork]
    public static double Division(double x, double y) => x / y;

    [PolynomialNetwork]
    public static double Call(double x) => Math.Sin(x) + Math.Pow(x, 0.5) + Math.Pow(x, -1);

    [PolynomialNetwork(InputBound = -1, Tolerance = double.NaN, Form = (NetworkForm)7, Activation = (Activation)(-2))]
    public static double BadArguments(double x) => x * s_field;

    [PolynomialNetwork]
    public double Instance(int n, ref double y) => n > 0 ? y : -y;

    [PolynomialNetwork]
    public static double Loop(double x)
    {
        double s = 0;
        for (int i = 0; i < 3; i++) s += x;
        if (x > 0) return s;
        return s / 0;
    }

    [PolynomialNetwork]
    public static double Generic<T>(double x) => x;

    [PolynomialNetwork]
    public static double Twice(double x) => x;

    [PolynomialNetwork]
    public static double Twice(double x, double y) => x * y;

    [PolynomialNetwork]
    public static int WrongReturn(double x) => 1;

    [PolynomialNetwork]
    public static extern double NoBody(double x);

    public static double LocalFunction(double x)
    {
        [PolynomialNetwork] static double Inner(double y) => y * y;
        return Inner(x);
    }
}

public class NotPartial
{
    [PolynomialNetwork]
    public static double F(double x) => x * x;
}

public static partial class Open<T>
{
    [PolynomialNetwork]
    public static double F(double x) => x * x;
}

public partial interface IShape
{
    [PolynomialNetwork]
    public static double F(double x) => x * x;
}
