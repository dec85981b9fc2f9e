// Written by make_suite.py (edit the list there and rerun it).
using System;
using System.Collections.Generic;
using CheapLearning;

namespace CheapLearning.Numerics.Tests;

public static partial class SoftplusSuite
{
    [PolynomialNetwork(Activation = Activation.Softplus, InputBound = 10, Tolerance = 1e-09)]
    public static double Linear(double x) => 3 * x - 2;

    [PolynomialNetwork(Activation = Activation.Softplus, InputBound = 1, Tolerance = 1e-09)]
    public static double Degree8(double x) => Math.Pow(x, 8) - 0.5 * x * x * x + 7;

    [PolynomialNetwork(Activation = Activation.Softplus, InputBound = 1, Tolerance = 1e-10)]
    public static double Product2(double x, double y) => x * y;

    [PolynomialNetwork(Activation = Activation.Softplus, InputBound = 2, Tolerance = 1e-09)]
    public static double Mixed2(double x, double y) => 2.5 * x * x * y - 0.001 * y * y * y + 40;

    [PolynomialNetwork(Activation = Activation.Softplus, InputBound = 1.5, Tolerance = 1e-09)]
    public static double Mixed3(double x, double y, double z) => x * y * z - x + 0.3 * y * y * z * z;

    [PolynomialNetwork(Activation = Activation.Softplus, InputBound = 2, Tolerance = 1e-08)]
    public static double Product4(double a, double b, double c, double d) => a * b * c * d;

    [PolynomialNetwork(Activation = Activation.Softplus, InputBound = 1, Tolerance = 1e-08)]
    public static double Factored5(double a, double b, double c, double d, double e) => (a + b) * (c - d) * e - 12.5 * a * e;

    [PolynomialNetwork(Activation = Activation.Softplus, InputBound = 3, Tolerance = 1e-09)]
    public static double Anharmonic(double q, double p) => 0.5 * p * p + 2 * q * q + 0.1 * q * q * q * q;

    [PolynomialNetwork(Activation = Activation.Softplus, InputBound = 1, Tolerance = 1e-08)]
    public static double Legendre4(double x) => (35 * Math.Pow(x, 4) - 30 * x * x + 3) / 8;

    [PolynomialNetwork(Activation = Activation.Softplus, InputBound = 1, Tolerance = 1e-07)]
    public static double Chebyshev8(double x) => 128 * Math.Pow(x, 8) - 256 * Math.Pow(x, 6) + 160 * Math.Pow(x, 4) - 32 * x * x + 1;

    [PolynomialNetwork(Activation = Activation.Softplus, InputBound = 0.5, Tolerance = 1e-08)]
    public static double Binomial5(double x, double y) => Math.Pow(x - 2 * y, 5);

    [PolynomialNetwork(Activation = Activation.Softplus, InputBound = 1, Tolerance = 1e-06)]
    public static double Product8(double a, double b, double c, double d, double e, double f, double g, double h) => a * b * c * d * e * f * g * h;

    [PolynomialNetwork(Activation = Activation.Softplus, InputBound = 1, Tolerance = 1e-09)]
    public static double Pairs8(double a, double b, double c, double d, double e, double f, double g, double h) => a * b + c * d + e * f + g * h - a * h;

    [PolynomialNetwork(Activation = Activation.Softplus, InputBound = 1, Tolerance = 1e-06)]
    public static double Squares4(double x, double y, double z, double w) => x * x * y * y * z * z * w * w;

    [PolynomialNetwork(Activation = Activation.Softplus, InputBound = 0.5, Tolerance = 1e-09)]
    public static double Cubic6(double x1, double x2, double x3, double x4, double x5, double x6) => x1 * x2 * x3 - 0.25 * x4 * x5 * x6 + 1e3 * x1;

    [PolynomialNetwork(Activation = Activation.Softplus, InputBound = 2, Tolerance = 1e-08)]
    public static double Locals(double x, double y) { double t = x + y; double u = t * t; return u * u - 3 * t; }

    [PolynomialNetwork(Activation = Activation.Softplus, InputBound = 1, Tolerance = 1e-09)]
    public static double Scales(double x, double y) => 1e-3 * Math.Pow(x, 6) * y * y - 1e2 * x * y;

    [PolynomialNetwork(Activation = Activation.Softplus, InputBound = 1, Tolerance = 1e-12)]
    public static double Constant(double x) => 5;

    [PolynomialNetwork(Activation = Activation.Softplus, InputBound = 1, Tolerance = 1e-09)]
    public static double Ising3(double x, double y, double z) => -(x * y + y * z + z * x) + 0.5 * (x + y + z);

    [PolynomialNetwork(Activation = Activation.Softplus, InputBound = 1.5, Tolerance = 1e-08)]
    public static double Power4(double a, double b, double c) => Math.Pow(a + b - c, 4) / 3;

    [PolynomialNetwork(Activation = Activation.Softplus, InputBound = 1, Tolerance = 1e-06)]
    public static double Product7(double x1, double x2, double x3, double x4, double x5, double x6, double x7) => x1 * x2 * x3 * x4 * x5 * x6 * x7;

    [PolynomialNetwork(Activation = Activation.Softplus, InputBound = 1, Tolerance = 1e-09)]
    public static double FloatInputs(float x, float y) => (double)x * x * y;

}

public static partial class SigmoidSuite
{
    [PolynomialNetwork(Activation = Activation.Sigmoid, InputBound = 10, Tolerance = 1e-09)]
    public static double Linear(double x) => 3 * x - 2;

    [PolynomialNetwork(Activation = Activation.Sigmoid, InputBound = 1, Tolerance = 1e-09)]
    public static double Degree8(double x) => Math.Pow(x, 8) - 0.5 * x * x * x + 7;

    [PolynomialNetwork(Activation = Activation.Sigmoid, InputBound = 1, Tolerance = 1e-09)]
    public static double Product2(double x, double y) => x * y;

    [PolynomialNetwork(Activation = Activation.Sigmoid, InputBound = 2, Tolerance = 1e-09)]
    public static double Mixed2(double x, double y) => 2.5 * x * x * y - 0.001 * y * y * y + 40;

    [PolynomialNetwork(Activation = Activation.Sigmoid, InputBound = 1.5, Tolerance = 1e-09)]
    public static double Mixed3(double x, double y, double z) => x * y * z - x + 0.3 * y * y * z * z;

    [PolynomialNetwork(Activation = Activation.Sigmoid, InputBound = 2, Tolerance = 1e-08)]
    public static double Product4(double a, double b, double c, double d) => a * b * c * d;

    [PolynomialNetwork(Activation = Activation.Sigmoid, InputBound = 1, Tolerance = 1e-08)]
    public static double Factored5(double a, double b, double c, double d, double e) => (a + b) * (c - d) * e - 12.5 * a * e;

    [PolynomialNetwork(Activation = Activation.Sigmoid, InputBound = 3, Tolerance = 1e-09)]
    public static double Anharmonic(double q, double p) => 0.5 * p * p + 2 * q * q + 0.1 * q * q * q * q;

    [PolynomialNetwork(Activation = Activation.Sigmoid, InputBound = 1, Tolerance = 1e-08)]
    public static double Legendre4(double x) => (35 * Math.Pow(x, 4) - 30 * x * x + 3) / 8;

    [PolynomialNetwork(Activation = Activation.Sigmoid, InputBound = 1, Tolerance = 1e-07)]
    public static double Chebyshev8(double x) => 128 * Math.Pow(x, 8) - 256 * Math.Pow(x, 6) + 160 * Math.Pow(x, 4) - 32 * x * x + 1;

    [PolynomialNetwork(Activation = Activation.Sigmoid, InputBound = 0.5, Tolerance = 1e-08)]
    public static double Binomial5(double x, double y) => Math.Pow(x - 2 * y, 5);

    [PolynomialNetwork(Activation = Activation.Sigmoid, InputBound = 1, Tolerance = 1e-06)]
    public static double Product8(double a, double b, double c, double d, double e, double f, double g, double h) => a * b * c * d * e * f * g * h;

    [PolynomialNetwork(Activation = Activation.Sigmoid, InputBound = 1, Tolerance = 1e-09)]
    public static double Pairs8(double a, double b, double c, double d, double e, double f, double g, double h) => a * b + c * d + e * f + g * h - a * h;

    [PolynomialNetwork(Activation = Activation.Sigmoid, InputBound = 1, Tolerance = 1e-06)]
    public static double Squares4(double x, double y, double z, double w) => x * x * y * y * z * z * w * w;

    [PolynomialNetwork(Activation = Activation.Sigmoid, InputBound = 0.5, Tolerance = 1e-09)]
    public static double Cubic6(double x1, double x2, double x3, double x4, double x5, double x6) => x1 * x2 * x3 - 0.25 * x4 * x5 * x6 + 1e3 * x1;

    [PolynomialNetwork(Activation = Activation.Sigmoid, InputBound = 2, Tolerance = 1e-08)]
    public static double Locals(double x, double y) { double t = x + y; double u = t * t; return u * u - 3 * t; }

    [PolynomialNetwork(Activation = Activation.Sigmoid, InputBound = 1, Tolerance = 1e-09)]
    public static double Scales(double x, double y) => 1e-3 * Math.Pow(x, 6) * y * y - 1e2 * x * y;

    [PolynomialNetwork(Activation = Activation.Sigmoid, InputBound = 1, Tolerance = 1e-09)]
    public static double Constant(double x) => 5;

    [PolynomialNetwork(Activation = Activation.Sigmoid, InputBound = 1, Tolerance = 1e-09)]
    public static double Ising3(double x, double y, double z) => -(x * y + y * z + z * x) + 0.5 * (x + y + z);

    [PolynomialNetwork(Activation = Activation.Sigmoid, InputBound = 1.5, Tolerance = 1e-08)]
    public static double Power4(double a, double b, double c) => Math.Pow(a + b - c, 4) / 3;

    [PolynomialNetwork(Activation = Activation.Sigmoid, InputBound = 1, Tolerance = 1e-06)]
    public static double Product7(double x1, double x2, double x3, double x4, double x5, double x6, double x7) => x1 * x2 * x3 * x4 * x5 * x6 * x7;

    [PolynomialNetwork(Activation = Activation.Sigmoid, InputBound = 1, Tolerance = 1e-09)]
    public static double FloatInputs(float x, float y) => (double)x * x * y;

}

public static partial class TanhSuite
{
    [PolynomialNetwork(Activation = Activation.Tanh, InputBound = 10, Tolerance = 1e-09)]
    public static double Linear(double x) => 3 * x - 2;

    [PolynomialNetwork(Activation = Activation.Tanh, InputBound = 1, Tolerance = 1e-09)]
    public static double Degree8(double x) => Math.Pow(x, 8) - 0.5 * x * x * x + 7;

    [PolynomialNetwork(Activation = Activation.Tanh, InputBound = 1, Tolerance = 1e-09)]
    public static double Product2(double x, double y) => x * y;

    [PolynomialNetwork(Activation = Activation.Tanh, InputBound = 2, Tolerance = 1e-09)]
    public static double Mixed2(double x, double y) => 2.5 * x * x * y - 0.001 * y * y * y + 40;

    [PolynomialNetwork(Activation = Activation.Tanh, InputBound = 1.5, Tolerance = 1e-09)]
    public static double Mixed3(double x, double y, double z) => x * y * z - x + 0.3 * y * y * z * z;

    [PolynomialNetwork(Activation = Activation.Tanh, InputBound = 2, Tolerance = 1e-08)]
    public static double Product4(double a, double b, double c, double d) => a * b * c * d;

    [PolynomialNetwork(Activation = Activation.Tanh, InputBound = 1, Tolerance = 1e-08)]
    public static double Factored5(double a, double b, double c, double d, double e) => (a + b) * (c - d) * e - 12.5 * a * e;

    [PolynomialNetwork(Activation = Activation.Tanh, InputBound = 3, Tolerance = 1e-09)]
    public static double Anharmonic(double q, double p) => 0.5 * p * p + 2 * q * q + 0.1 * q * q * q * q;

    [PolynomialNetwork(Activation = Activation.Tanh, InputBound = 1, Tolerance = 1e-08)]
    public static double Legendre4(double x) => (35 * Math.Pow(x, 4) - 30 * x * x + 3) / 8;

    [PolynomialNetwork(Activation = Activation.Tanh, InputBound = 1, Tolerance = 1e-07)]
    public static double Chebyshev8(double x) => 128 * Math.Pow(x, 8) - 256 * Math.Pow(x, 6) + 160 * Math.Pow(x, 4) - 32 * x * x + 1;

    [PolynomialNetwork(Activation = Activation.Tanh, InputBound = 0.5, Tolerance = 1e-08)]
    public static double Binomial5(double x, double y) => Math.Pow(x - 2 * y, 5);

    [PolynomialNetwork(Activation = Activation.Tanh, InputBound = 1, Tolerance = 1e-06)]
    public static double Product8(double a, double b, double c, double d, double e, double f, double g, double h) => a * b * c * d * e * f * g * h;

    [PolynomialNetwork(Activation = Activation.Tanh, InputBound = 1, Tolerance = 1e-09)]
    public static double Pairs8(double a, double b, double c, double d, double e, double f, double g, double h) => a * b + c * d + e * f + g * h - a * h;

    [PolynomialNetwork(Activation = Activation.Tanh, InputBound = 1, Tolerance = 1e-06)]
    public static double Squares4(double x, double y, double z, double w) => x * x * y * y * z * z * w * w;

    [PolynomialNetwork(Activation = Activation.Tanh, InputBound = 0.5, Tolerance = 1e-09)]
    public static double Cubic6(double x1, double x2, double x3, double x4, double x5, double x6) => x1 * x2 * x3 - 0.25 * x4 * x5 * x6 + 1e3 * x1;

    [PolynomialNetwork(Activation = Activation.Tanh, InputBound = 2, Tolerance = 1e-08)]
    public static double Locals(double x, double y) { double t = x + y; double u = t * t; return u * u - 3 * t; }

    [PolynomialNetwork(Activation = Activation.Tanh, InputBound = 1, Tolerance = 1e-09)]
    public static double Scales(double x, double y) => 1e-3 * Math.Pow(x, 6) * y * y - 1e2 * x * y;

    [PolynomialNetwork(Activation = Activation.Tanh, InputBound = 1, Tolerance = 1e-09)]
    public static double Constant(double x) => 5;

    [PolynomialNetwork(Activation = Activation.Tanh, InputBound = 1, Tolerance = 1e-09)]
    public static double Ising3(double x, double y, double z) => -(x * y + y * z + z * x) + 0.5 * (x + y + z);

    [PolynomialNetwork(Activation = Activation.Tanh, InputBound = 1.5, Tolerance = 1e-08)]
    public static double Power4(double a, double b, double c) => Math.Pow(a + b - c, 4) / 3;

    [PolynomialNetwork(Activation = Activation.Tanh, InputBound = 1, Tolerance = 1e-06)]
    public static double Product7(double x1, double x2, double x3, double x4, double x5, double x6, double x7) => x1 * x2 * x3 * x4 * x5 * x6 * x7;

    [PolynomialNetwork(Activation = Activation.Tanh, InputBound = 1, Tolerance = 1e-09)]
    public static double FloatInputs(float x, float y) => (double)x * x * y;

}

public static partial class ExpSuite
{
    [PolynomialNetwork(Activation = Activation.Exp, InputBound = 10, Tolerance = 1e-07)]
    public static double Linear(double x) => 3 * x - 2;

    [PolynomialNetwork(Activation = Activation.Exp, InputBound = 1, Tolerance = 1e-07)]
    public static double Degree8(double x) => Math.Pow(x, 8) - 0.5 * x * x * x + 7;

    [PolynomialNetwork(Activation = Activation.Exp, InputBound = 1, Tolerance = 1e-07)]
    public static double Product2(double x, double y) => x * y;

    [PolynomialNetwork(Activation = Activation.Exp, InputBound = 2, Tolerance = 1e-07)]
    public static double Mixed2(double x, double y) => 2.5 * x * x * y - 0.001 * y * y * y + 40;

    [PolynomialNetwork(Activation = Activation.Exp, InputBound = 1.5, Tolerance = 1e-07)]
    public static double Mixed3(double x, double y, double z) => x * y * z - x + 0.3 * y * y * z * z;

    [PolynomialNetwork(Activation = Activation.Exp, InputBound = 2, Tolerance = 1e-06)]
    public static double Product4(double a, double b, double c, double d) => a * b * c * d;

    [PolynomialNetwork(Activation = Activation.Exp, InputBound = 1, Tolerance = 1e-06)]
    public static double Factored5(double a, double b, double c, double d, double e) => (a + b) * (c - d) * e - 12.5 * a * e;

    [PolynomialNetwork(Activation = Activation.Exp, InputBound = 3, Tolerance = 1e-07)]
    public static double Anharmonic(double q, double p) => 0.5 * p * p + 2 * q * q + 0.1 * q * q * q * q;

    [PolynomialNetwork(Activation = Activation.Exp, InputBound = 1, Tolerance = 1e-06)]
    public static double Legendre4(double x) => (35 * Math.Pow(x, 4) - 30 * x * x + 3) / 8;

    [PolynomialNetwork(Activation = Activation.Exp, InputBound = 1, Tolerance = 1e-05)]
    public static double Chebyshev8(double x) => 128 * Math.Pow(x, 8) - 256 * Math.Pow(x, 6) + 160 * Math.Pow(x, 4) - 32 * x * x + 1;

    [PolynomialNetwork(Activation = Activation.Exp, InputBound = 0.5, Tolerance = 1e-06)]
    public static double Binomial5(double x, double y) => Math.Pow(x - 2 * y, 5);

    [PolynomialNetwork(Activation = Activation.Exp, InputBound = 1, Tolerance = 0.0001)]
    public static double Product8(double a, double b, double c, double d, double e, double f, double g, double h) => a * b * c * d * e * f * g * h;

    [PolynomialNetwork(Activation = Activation.Exp, InputBound = 1, Tolerance = 1e-07)]
    public static double Pairs8(double a, double b, double c, double d, double e, double f, double g, double h) => a * b + c * d + e * f + g * h - a * h;

    [PolynomialNetwork(Activation = Activation.Exp, InputBound = 1, Tolerance = 0.0001)]
    public static double Squares4(double x, double y, double z, double w) => x * x * y * y * z * z * w * w;

    [PolynomialNetwork(Activation = Activation.Exp, InputBound = 0.5, Tolerance = 1e-07)]
    public static double Cubic6(double x1, double x2, double x3, double x4, double x5, double x6) => x1 * x2 * x3 - 0.25 * x4 * x5 * x6 + 1e3 * x1;

    [PolynomialNetwork(Activation = Activation.Exp, InputBound = 2, Tolerance = 1e-06)]
    public static double Locals(double x, double y) { double t = x + y; double u = t * t; return u * u - 3 * t; }

    [PolynomialNetwork(Activation = Activation.Exp, InputBound = 1, Tolerance = 1e-07)]
    public static double Scales(double x, double y) => 1e-3 * Math.Pow(x, 6) * y * y - 1e2 * x * y;

    [PolynomialNetwork(Activation = Activation.Exp, InputBound = 1, Tolerance = 1e-07)]
    public static double Constant(double x) => 5;

    [PolynomialNetwork(Activation = Activation.Exp, InputBound = 1, Tolerance = 1e-07)]
    public static double Ising3(double x, double y, double z) => -(x * y + y * z + z * x) + 0.5 * (x + y + z);

    [PolynomialNetwork(Activation = Activation.Exp, InputBound = 1.5, Tolerance = 1e-06)]
    public static double Power4(double a, double b, double c) => Math.Pow(a + b - c, 4) / 3;

    [PolynomialNetwork(Activation = Activation.Exp, InputBound = 1, Tolerance = 0.0001)]
    public static double Product7(double x1, double x2, double x3, double x4, double x5, double x6, double x7) => x1 * x2 * x3 * x4 * x5 * x6 * x7;

    [PolynomialNetwork(Activation = Activation.Exp, InputBound = 1, Tolerance = 1e-07)]
    public static double FloatInputs(float x, float y) => (double)x * x * y;

}

public static partial class ReLUSuite
{
    [PolynomialNetwork(Activation = Activation.ReLU, InputBound = 10, Tolerance = 1e-09)]
    public static double Linear(double x) => 3 * x - 2;

    [PolynomialNetwork(Activation = Activation.ReLU, InputBound = 1, Tolerance = 1e-09)]
    public static double Degree8(double x) => Math.Pow(x, 8) - 0.5 * x * x * x + 7;

    [PolynomialNetwork(Activation = Activation.ReLU, InputBound = 1, Tolerance = 1e-09)]
    public static double Product2(double x, double y) => x * y;

    [PolynomialNetwork(Activation = Activation.ReLU, InputBound = 2, Tolerance = 1e-09)]
    public static double Mixed2(double x, double y) => 2.5 * x * x * y - 0.001 * y * y * y + 40;

    [PolynomialNetwork(Activation = Activation.ReLU, InputBound = 1.5, Tolerance = 1e-09)]
    public static double Mixed3(double x, double y, double z) => x * y * z - x + 0.3 * y * y * z * z;

    [PolynomialNetwork(Activation = Activation.ReLU, InputBound = 2, Tolerance = 1e-08)]
    public static double Product4(double a, double b, double c, double d) => a * b * c * d;

    [PolynomialNetwork(Activation = Activation.ReLU, InputBound = 1, Tolerance = 1e-08)]
    public static double Factored5(double a, double b, double c, double d, double e) => (a + b) * (c - d) * e - 12.5 * a * e;

    [PolynomialNetwork(Activation = Activation.ReLU, InputBound = 3, Tolerance = 1e-09)]
    public static double Anharmonic(double q, double p) => 0.5 * p * p + 2 * q * q + 0.1 * q * q * q * q;

    [PolynomialNetwork(Activation = Activation.ReLU, InputBound = 1, Tolerance = 1e-08)]
    public static double Legendre4(double x) => (35 * Math.Pow(x, 4) - 30 * x * x + 3) / 8;

    [PolynomialNetwork(Activation = Activation.ReLU, InputBound = 1, Tolerance = 1e-07)]
    public static double Chebyshev8(double x) => 128 * Math.Pow(x, 8) - 256 * Math.Pow(x, 6) + 160 * Math.Pow(x, 4) - 32 * x * x + 1;

    [PolynomialNetwork(Activation = Activation.ReLU, InputBound = 0.5, Tolerance = 1e-08)]
    public static double Binomial5(double x, double y) => Math.Pow(x - 2 * y, 5);

    [PolynomialNetwork(Activation = Activation.ReLU, InputBound = 1, Tolerance = 1e-06)]
    public static double Product8(double a, double b, double c, double d, double e, double f, double g, double h) => a * b * c * d * e * f * g * h;

    [PolynomialNetwork(Activation = Activation.ReLU, InputBound = 1, Tolerance = 1e-09)]
    public static double Pairs8(double a, double b, double c, double d, double e, double f, double g, double h) => a * b + c * d + e * f + g * h - a * h;

    [PolynomialNetwork(Activation = Activation.ReLU, InputBound = 1, Tolerance = 1e-06)]
    public static double Squares4(double x, double y, double z, double w) => x * x * y * y * z * z * w * w;

    [PolynomialNetwork(Activation = Activation.ReLU, InputBound = 0.5, Tolerance = 1e-09)]
    public static double Cubic6(double x1, double x2, double x3, double x4, double x5, double x6) => x1 * x2 * x3 - 0.25 * x4 * x5 * x6 + 1e3 * x1;

    [PolynomialNetwork(Activation = Activation.ReLU, InputBound = 2, Tolerance = 1e-08)]
    public static double Locals(double x, double y) { double t = x + y; double u = t * t; return u * u - 3 * t; }

    [PolynomialNetwork(Activation = Activation.ReLU, InputBound = 1, Tolerance = 1e-09)]
    public static double Scales(double x, double y) => 1e-3 * Math.Pow(x, 6) * y * y - 1e2 * x * y;

    [PolynomialNetwork(Activation = Activation.ReLU, InputBound = 1, Tolerance = 1e-09)]
    public static double Constant(double x) => 5;

    [PolynomialNetwork(Activation = Activation.ReLU, InputBound = 1, Tolerance = 1e-09)]
    public static double Ising3(double x, double y, double z) => -(x * y + y * z + z * x) + 0.5 * (x + y + z);

    [PolynomialNetwork(Activation = Activation.ReLU, InputBound = 1.5, Tolerance = 1e-08)]
    public static double Power4(double a, double b, double c) => Math.Pow(a + b - c, 4) / 3;

    [PolynomialNetwork(Activation = Activation.ReLU, InputBound = 1, Tolerance = 1e-06)]
    public static double Product7(double x1, double x2, double x3, double x4, double x5, double x6, double x7) => x1 * x2 * x3 * x4 * x5 * x6 * x7;

    [PolynomialNetwork(Activation = Activation.ReLU, InputBound = 1, Tolerance = 1e-09)]
    public static double FloatInputs(float x, float y) => (double)x * x * y;

}

public static class Suite
{
    public static IReadOnlyList<SuiteEntry> All { get; } = new SuiteEntry[]
    {
        new("Softplus.Linear", 1, 1e-09, x => SoftplusSuite.Linear(x[0]), x => SoftplusSuite.LinearNetwork.Deep(x[0]), SoftplusSuite.LinearNetwork.DeepModel, SoftplusSuite.LinearNetwork.Scale),
        new("Softplus.Degree8", 1, 1e-09, x => SoftplusSuite.Degree8(x[0]), x => SoftplusSuite.Degree8Network.Deep(x[0]), SoftplusSuite.Degree8Network.DeepModel, SoftplusSuite.Degree8Network.Scale),
        new("Softplus.Product2", 2, 1e-10, x => SoftplusSuite.Product2(x[0], x[1]), x => SoftplusSuite.Product2Network.Deep(x[0], x[1]), SoftplusSuite.Product2Network.DeepModel, SoftplusSuite.Product2Network.Scale),
        new("Softplus.Mixed2", 2, 1e-09, x => SoftplusSuite.Mixed2(x[0], x[1]), x => SoftplusSuite.Mixed2Network.Deep(x[0], x[1]), SoftplusSuite.Mixed2Network.DeepModel, SoftplusSuite.Mixed2Network.Scale),
        new("Softplus.Mixed3", 3, 1e-09, x => SoftplusSuite.Mixed3(x[0], x[1], x[2]), x => SoftplusSuite.Mixed3Network.Deep(x[0], x[1], x[2]), SoftplusSuite.Mixed3Network.DeepModel, SoftplusSuite.Mixed3Network.Scale),
        new("Softplus.Product4", 4, 1e-08, x => SoftplusSuite.Product4(x[0], x[1], x[2], x[3]), x => SoftplusSuite.Product4Network.Deep(x[0], x[1], x[2], x[3]), SoftplusSuite.Product4Network.DeepModel, SoftplusSuite.Product4Network.Scale),
        new("Softplus.Factored5", 5, 1e-08, x => SoftplusSuite.Factored5(x[0], x[1], x[2], x[3], x[4]), x => SoftplusSuite.Factored5Network.Deep(x[0], x[1], x[2], x[3], x[4]), SoftplusSuite.Factored5Network.DeepModel, SoftplusSuite.Factored5Network.Scale),
        new("Softplus.Anharmonic", 2, 1e-09, x => SoftplusSuite.Anharmonic(x[0], x[1]), x => SoftplusSuite.AnharmonicNetwork.Deep(x[0], x[1]), SoftplusSuite.AnharmonicNetwork.DeepModel, SoftplusSuite.AnharmonicNetwork.Scale),
        new("Softplus.Legendre4", 1, 1e-08, x => SoftplusSuite.Legendre4(x[0]), x => SoftplusSuite.Legendre4Network.Deep(x[0]), SoftplusSuite.Legendre4Network.DeepModel, SoftplusSuite.Legendre4Network.Scale),
        new("Softplus.Chebyshev8", 1, 1e-07, x => SoftplusSuite.Chebyshev8(x[0]), x => SoftplusSuite.Chebyshev8Network.Deep(x[0]), SoftplusSuite.Chebyshev8Network.DeepModel, SoftplusSuite.Chebyshev8Network.Scale),
        new("Softplus.Binomial5", 2, 1e-08, x => SoftplusSuite.Binomial5(x[0], x[1]), x => SoftplusSuite.Binomial5Network.Deep(x[0], x[1]), SoftplusSuite.Binomial5Network.DeepModel, SoftplusSuite.Binomial5Network.Scale),
        new("Softplus.Product8", 8, 1e-06, x => SoftplusSuite.Product8(x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7]), x => SoftplusSuite.Product8Network.Deep(x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7]), SoftplusSuite.Product8Network.DeepModel, SoftplusSuite.Product8Network.Scale),
        new("Softplus.Pairs8", 8, 1e-09, x => SoftplusSuite.Pairs8(x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7]), x => SoftplusSuite.Pairs8Network.Deep(x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7]), SoftplusSuite.Pairs8Network.DeepModel, SoftplusSuite.Pairs8Network.Scale),
        new("Softplus.Squares4", 4, 1e-06, x => SoftplusSuite.Squares4(x[0], x[1], x[2], x[3]), x => SoftplusSuite.Squares4Network.Deep(x[0], x[1], x[2], x[3]), SoftplusSuite.Squares4Network.DeepModel, SoftplusSuite.Squares4Network.Scale),
        new("Softplus.Cubic6", 6, 1e-09, x => SoftplusSuite.Cubic6(x[0], x[1], x[2], x[3], x[4], x[5]), x => SoftplusSuite.Cubic6Network.Deep(x[0], x[1], x[2], x[3], x[4], x[5]), SoftplusSuite.Cubic6Network.DeepModel, SoftplusSuite.Cubic6Network.Scale),
        new("Softplus.Locals", 2, 1e-08, x => SoftplusSuite.Locals(x[0], x[1]), x => SoftplusSuite.LocalsNetwork.Deep(x[0], x[1]), SoftplusSuite.LocalsNetwork.DeepModel, SoftplusSuite.LocalsNetwork.Scale),
        new("Softplus.Scales", 2, 1e-09, x => SoftplusSuite.Scales(x[0], x[1]), x => SoftplusSuite.ScalesNetwork.Deep(x[0], x[1]), SoftplusSuite.ScalesNetwork.DeepModel, SoftplusSuite.ScalesNetwork.Scale),
        new("Softplus.Constant", 1, 1e-12, x => SoftplusSuite.Constant(x[0]), x => SoftplusSuite.ConstantNetwork.Deep(x[0]), SoftplusSuite.ConstantNetwork.DeepModel, SoftplusSuite.ConstantNetwork.Scale),
        new("Softplus.Ising3", 3, 1e-09, x => SoftplusSuite.Ising3(x[0], x[1], x[2]), x => SoftplusSuite.Ising3Network.Deep(x[0], x[1], x[2]), SoftplusSuite.Ising3Network.DeepModel, SoftplusSuite.Ising3Network.Scale),
        new("Softplus.Power4", 3, 1e-08, x => SoftplusSuite.Power4(x[0], x[1], x[2]), x => SoftplusSuite.Power4Network.Deep(x[0], x[1], x[2]), SoftplusSuite.Power4Network.DeepModel, SoftplusSuite.Power4Network.Scale),
        new("Softplus.Product7", 7, 1e-06, x => SoftplusSuite.Product7(x[0], x[1], x[2], x[3], x[4], x[5], x[6]), x => SoftplusSuite.Product7Network.Deep(x[0], x[1], x[2], x[3], x[4], x[5], x[6]), SoftplusSuite.Product7Network.DeepModel, SoftplusSuite.Product7Network.Scale),
        new("Softplus.FloatInputs", 2, 1e-09, x => SoftplusSuite.FloatInputs((float)x[0], (float)x[1]), x => SoftplusSuite.FloatInputsNetwork.Deep((float)x[0], (float)x[1]), SoftplusSuite.FloatInputsNetwork.DeepModel, SoftplusSuite.FloatInputsNetwork.Scale),
        new("Sigmoid.Linear", 1, 1e-09, x => SigmoidSuite.Linear(x[0]), x => SigmoidSuite.LinearNetwork.Deep(x[0]), SigmoidSuite.LinearNetwork.DeepModel, SigmoidSuite.LinearNetwork.Scale),
        new("Sigmoid.Degree8", 1, 1e-09, x => SigmoidSuite.Degree8(x[0]), x => SigmoidSuite.Degree8Network.Deep(x[0]), SigmoidSuite.Degree8Network.DeepModel, SigmoidSuite.Degree8Network.Scale),
        new("Sigmoid.Product2", 2, 1e-09, x => SigmoidSuite.Product2(x[0], x[1]), x => SigmoidSuite.Product2Network.Deep(x[0], x[1]), SigmoidSuite.Product2Network.DeepModel, SigmoidSuite.Product2Network.Scale),
        new("Sigmoid.Mixed2", 2, 1e-09, x => SigmoidSuite.Mixed2(x[0], x[1]), x => SigmoidSuite.Mixed2Network.Deep(x[0], x[1]), SigmoidSuite.Mixed2Network.DeepModel, SigmoidSuite.Mixed2Network.Scale),
        new("Sigmoid.Mixed3", 3, 1e-09, x => SigmoidSuite.Mixed3(x[0], x[1], x[2]), x => SigmoidSuite.Mixed3Network.Deep(x[0], x[1], x[2]), SigmoidSuite.Mixed3Network.DeepModel, SigmoidSuite.Mixed3Network.Scale),
        new("Sigmoid.Product4", 4, 1e-08, x => SigmoidSuite.Product4(x[0], x[1], x[2], x[3]), x => SigmoidSuite.Product4Network.Deep(x[0], x[1], x[2], x[3]), SigmoidSuite.Product4Network.DeepModel, SigmoidSuite.Product4Network.Scale),
        new("Sigmoid.Factored5", 5, 1e-08, x => SigmoidSuite.Factored5(x[0], x[1], x[2], x[3], x[4]), x => SigmoidSuite.Factored5Network.Deep(x[0], x[1], x[2], x[3], x[4]), SigmoidSuite.Factored5Network.DeepModel, SigmoidSuite.Factored5Network.Scale),
        new("Sigmoid.Anharmonic", 2, 1e-09, x => SigmoidSuite.Anharmonic(x[0], x[1]), x => SigmoidSuite.AnharmonicNetwork.Deep(x[0], x[1]), SigmoidSuite.AnharmonicNetwork.DeepModel, SigmoidSuite.AnharmonicNetwork.Scale),
        new("Sigmoid.Legendre4", 1, 1e-08, x => SigmoidSuite.Legendre4(x[0]), x => SigmoidSuite.Legendre4Network.Deep(x[0]), SigmoidSuite.Legendre4Network.DeepModel, SigmoidSuite.Legendre4Network.Scale),
        new("Sigmoid.Chebyshev8", 1, 1e-07, x => SigmoidSuite.Chebyshev8(x[0]), x => SigmoidSuite.Chebyshev8Network.Deep(x[0]), SigmoidSuite.Chebyshev8Network.DeepModel, SigmoidSuite.Chebyshev8Network.Scale),
        new("Sigmoid.Binomial5", 2, 1e-08, x => SigmoidSuite.Binomial5(x[0], x[1]), x => SigmoidSuite.Binomial5Network.Deep(x[0], x[1]), SigmoidSuite.Binomial5Network.DeepModel, SigmoidSuite.Binomial5Network.Scale),
        new("Sigmoid.Product8", 8, 1e-06, x => SigmoidSuite.Product8(x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7]), x => SigmoidSuite.Product8Network.Deep(x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7]), SigmoidSuite.Product8Network.DeepModel, SigmoidSuite.Product8Network.Scale),
        new("Sigmoid.Pairs8", 8, 1e-09, x => SigmoidSuite.Pairs8(x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7]), x => SigmoidSuite.Pairs8Network.Deep(x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7]), SigmoidSuite.Pairs8Network.DeepModel, SigmoidSuite.Pairs8Network.Scale),
        new("Sigmoid.Squares4", 4, 1e-06, x => SigmoidSuite.Squares4(x[0], x[1], x[2], x[3]), x => SigmoidSuite.Squares4Network.Deep(x[0], x[1], x[2], x[3]), SigmoidSuite.Squares4Network.DeepModel, SigmoidSuite.Squares4Network.Scale),
        new("Sigmoid.Cubic6", 6, 1e-09, x => SigmoidSuite.Cubic6(x[0], x[1], x[2], x[3], x[4], x[5]), x => SigmoidSuite.Cubic6Network.Deep(x[0], x[1], x[2], x[3], x[4], x[5]), SigmoidSuite.Cubic6Network.DeepModel, SigmoidSuite.Cubic6Network.Scale),
        new("Sigmoid.Locals", 2, 1e-08, x => SigmoidSuite.Locals(x[0], x[1]), x => SigmoidSuite.LocalsNetwork.Deep(x[0], x[1]), SigmoidSuite.LocalsNetwork.DeepModel, SigmoidSuite.LocalsNetwork.Scale),
        new("Sigmoid.Scales", 2, 1e-09, x => SigmoidSuite.Scales(x[0], x[1]), x => SigmoidSuite.ScalesNetwork.Deep(x[0], x[1]), SigmoidSuite.ScalesNetwork.DeepModel, SigmoidSuite.ScalesNetwork.Scale),
        new("Sigmoid.Constant", 1, 1e-09, x => SigmoidSuite.Constant(x[0]), x => SigmoidSuite.ConstantNetwork.Deep(x[0]), SigmoidSuite.ConstantNetwork.DeepModel, SigmoidSuite.ConstantNetwork.Scale),
        new("Sigmoid.Ising3", 3, 1e-09, x => SigmoidSuite.Ising3(x[0], x[1], x[2]), x => SigmoidSuite.Ising3Network.Deep(x[0], x[1], x[2]), SigmoidSuite.Ising3Network.DeepModel, SigmoidSuite.Ising3Network.Scale),
        new("Sigmoid.Power4", 3, 1e-08, x => SigmoidSuite.Power4(x[0], x[1], x[2]), x => SigmoidSuite.Power4Network.Deep(x[0], x[1], x[2]), SigmoidSuite.Power4Network.DeepModel, SigmoidSuite.Power4Network.Scale),
        new("Sigmoid.Product7", 7, 1e-06, x => SigmoidSuite.Product7(x[0], x[1], x[2], x[3], x[4], x[5], x[6]), x => SigmoidSuite.Product7Network.Deep(x[0], x[1], x[2], x[3], x[4], x[5], x[6]), SigmoidSuite.Product7Network.DeepModel, SigmoidSuite.Product7Network.Scale),
        new("Sigmoid.FloatInputs", 2, 1e-09, x => SigmoidSuite.FloatInputs((float)x[0], (float)x[1]), x => SigmoidSuite.FloatInputsNetwork.Deep((float)x[0], (float)x[1]), SigmoidSuite.FloatInputsNetwork.DeepModel, SigmoidSuite.FloatInputsNetwork.Scale),
        new("Tanh.Linear", 1, 1e-09, x => TanhSuite.Linear(x[0]), x => TanhSuite.LinearNetwork.Deep(x[0]), TanhSuite.LinearNetwork.DeepModel, TanhSuite.LinearNetwork.Scale),
        new("Tanh.Degree8", 1, 1e-09, x => TanhSuite.Degree8(x[0]), x => TanhSuite.Degree8Network.Deep(x[0]), TanhSuite.Degree8Network.DeepModel, TanhSuite.Degree8Network.Scale),
        new("Tanh.Product2", 2, 1e-09, x => TanhSuite.Product2(x[0], x[1]), x => TanhSuite.Product2Network.Deep(x[0], x[1]), TanhSuite.Product2Network.DeepModel, TanhSuite.Product2Network.Scale),
        new("Tanh.Mixed2", 2, 1e-09, x => TanhSuite.Mixed2(x[0], x[1]), x => TanhSuite.Mixed2Network.Deep(x[0], x[1]), TanhSuite.Mixed2Network.DeepModel, TanhSuite.Mixed2Network.Scale),
        new("Tanh.Mixed3", 3, 1e-09, x => TanhSuite.Mixed3(x[0], x[1], x[2]), x => TanhSuite.Mixed3Network.Deep(x[0], x[1], x[2]), TanhSuite.Mixed3Network.DeepModel, TanhSuite.Mixed3Network.Scale),
        new("Tanh.Product4", 4, 1e-08, x => TanhSuite.Product4(x[0], x[1], x[2], x[3]), x => TanhSuite.Product4Network.Deep(x[0], x[1], x[2], x[3]), TanhSuite.Product4Network.DeepModel, TanhSuite.Product4Network.Scale),
        new("Tanh.Factored5", 5, 1e-08, x => TanhSuite.Factored5(x[0], x[1], x[2], x[3], x[4]), x => TanhSuite.Factored5Network.Deep(x[0], x[1], x[2], x[3], x[4]), TanhSuite.Factored5Network.DeepModel, TanhSuite.Factored5Network.Scale),
        new("Tanh.Anharmonic", 2, 1e-09, x => TanhSuite.Anharmonic(x[0], x[1]), x => TanhSuite.AnharmonicNetwork.Deep(x[0], x[1]), TanhSuite.AnharmonicNetwork.DeepModel, TanhSuite.AnharmonicNetwork.Scale),
        new("Tanh.Legendre4", 1, 1e-08, x => TanhSuite.Legendre4(x[0]), x => TanhSuite.Legendre4Network.Deep(x[0]), TanhSuite.Legendre4Network.DeepModel, TanhSuite.Legendre4Network.Scale),
        new("Tanh.Chebyshev8", 1, 1e-07, x => TanhSuite.Chebyshev8(x[0]), x => TanhSuite.Chebyshev8Network.Deep(x[0]), TanhSuite.Chebyshev8Network.DeepModel, TanhSuite.Chebyshev8Network.Scale),
        new("Tanh.Binomial5", 2, 1e-08, x => TanhSuite.Binomial5(x[0], x[1]), x => TanhSuite.Binomial5Network.Deep(x[0], x[1]), TanhSuite.Binomial5Network.DeepModel, TanhSuite.Binomial5Network.Scale),
        new("Tanh.Product8", 8, 1e-06, x => TanhSuite.Product8(x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7]), x => TanhSuite.Product8Network.Deep(x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7]), TanhSuite.Product8Network.DeepModel, TanhSuite.Product8Network.Scale),
        new("Tanh.Pairs8", 8, 1e-09, x => TanhSuite.Pairs8(x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7]), x => TanhSuite.Pairs8Network.Deep(x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7]), TanhSuite.Pairs8Network.DeepModel, TanhSuite.Pairs8Network.Scale),
        new("Tanh.Squares4", 4, 1e-06, x => TanhSuite.Squares4(x[0], x[1], x[2], x[3]), x => TanhSuite.Squares4Network.Deep(x[0], x[1], x[2], x[3]), TanhSuite.Squares4Network.DeepModel, TanhSuite.Squares4Network.Scale),
        new("Tanh.Cubic6", 6, 1e-09, x => TanhSuite.Cubic6(x[0], x[1], x[2], x[3], x[4], x[5]), x => TanhSuite.Cubic6Network.Deep(x[0], x[1], x[2], x[3], x[4], x[5]), TanhSuite.Cubic6Network.DeepModel, TanhSuite.Cubic6Network.Scale),
        new("Tanh.Locals", 2, 1e-08, x => TanhSuite.Locals(x[0], x[1]), x => TanhSuite.LocalsNetwork.Deep(x[0], x[1]), TanhSuite.LocalsNetwork.DeepModel, TanhSuite.LocalsNetwork.Scale),
        new("Tanh.Scales", 2, 1e-09, x => TanhSuite.Scales(x[0], x[1]), x => TanhSuite.ScalesNetwork.Deep(x[0], x[1]), TanhSuite.ScalesNetwork.DeepModel, TanhSuite.ScalesNetwork.Scale),
        new("Tanh.Constant", 1, 1e-09, x => TanhSuite.Constant(x[0]), x => TanhSuite.ConstantNetwork.Deep(x[0]), TanhSuite.ConstantNetwork.DeepModel, TanhSuite.ConstantNetwork.Scale),
        new("Tanh.Ising3", 3, 1e-09, x => TanhSuite.Ising3(x[0], x[1], x[2]), x => TanhSuite.Ising3Network.Deep(x[0], x[1], x[2]), TanhSuite.Ising3Network.DeepModel, TanhSuite.Ising3Network.Scale),
        new("Tanh.Power4", 3, 1e-08, x => TanhSuite.Power4(x[0], x[1], x[2]), x => TanhSuite.Power4Network.Deep(x[0], x[1], x[2]), TanhSuite.Power4Network.DeepModel, TanhSuite.Power4Network.Scale),
        new("Tanh.Product7", 7, 1e-06, x => TanhSuite.Product7(x[0], x[1], x[2], x[3], x[4], x[5], x[6]), x => TanhSuite.Product7Network.Deep(x[0], x[1], x[2], x[3], x[4], x[5], x[6]), TanhSuite.Product7Network.DeepModel, TanhSuite.Product7Network.Scale),
        new("Tanh.FloatInputs", 2, 1e-09, x => TanhSuite.FloatInputs((float)x[0], (float)x[1]), x => TanhSuite.FloatInputsNetwork.Deep((float)x[0], (float)x[1]), TanhSuite.FloatInputsNetwork.DeepModel, TanhSuite.FloatInputsNetwork.Scale),
        new("Exp.Linear", 1, 1e-07, x => ExpSuite.Linear(x[0]), x => ExpSuite.LinearNetwork.Deep(x[0]), ExpSuite.LinearNetwork.DeepModel, ExpSuite.LinearNetwork.Scale),
        new("Exp.Degree8", 1, 1e-07, x => ExpSuite.Degree8(x[0]), x => ExpSuite.Degree8Network.Deep(x[0]), ExpSuite.Degree8Network.DeepModel, ExpSuite.Degree8Network.Scale),
        new("Exp.Product2", 2, 1e-07, x => ExpSuite.Product2(x[0], x[1]), x => ExpSuite.Product2Network.Deep(x[0], x[1]), ExpSuite.Product2Network.DeepModel, ExpSuite.Product2Network.Scale),
        new("Exp.Mixed2", 2, 1e-07, x => ExpSuite.Mixed2(x[0], x[1]), x => ExpSuite.Mixed2Network.Deep(x[0], x[1]), ExpSuite.Mixed2Network.DeepModel, ExpSuite.Mixed2Network.Scale),
        new("Exp.Mixed3", 3, 1e-07, x => ExpSuite.Mixed3(x[0], x[1], x[2]), x => ExpSuite.Mixed3Network.Deep(x[0], x[1], x[2]), ExpSuite.Mixed3Network.DeepModel, ExpSuite.Mixed3Network.Scale),
        new("Exp.Product4", 4, 1e-06, x => ExpSuite.Product4(x[0], x[1], x[2], x[3]), x => ExpSuite.Product4Network.Deep(x[0], x[1], x[2], x[3]), ExpSuite.Product4Network.DeepModel, ExpSuite.Product4Network.Scale),
        new("Exp.Factored5", 5, 1e-06, x => ExpSuite.Factored5(x[0], x[1], x[2], x[3], x[4]), x => ExpSuite.Factored5Network.Deep(x[0], x[1], x[2], x[3], x[4]), ExpSuite.Factored5Network.DeepModel, ExpSuite.Factored5Network.Scale),
        new("Exp.Anharmonic", 2, 1e-07, x => ExpSuite.Anharmonic(x[0], x[1]), x => ExpSuite.AnharmonicNetwork.Deep(x[0], x[1]), ExpSuite.AnharmonicNetwork.DeepModel, ExpSuite.AnharmonicNetwork.Scale),
        new("Exp.Legendre4", 1, 1e-06, x => ExpSuite.Legendre4(x[0]), x => ExpSuite.Legendre4Network.Deep(x[0]), ExpSuite.Legendre4Network.DeepModel, ExpSuite.Legendre4Network.Scale),
        new("Exp.Chebyshev8", 1, 1e-05, x => ExpSuite.Chebyshev8(x[0]), x => ExpSuite.Chebyshev8Network.Deep(x[0]), ExpSuite.Chebyshev8Network.DeepModel, ExpSuite.Chebyshev8Network.Scale),
        new("Exp.Binomial5", 2, 1e-06, x => ExpSuite.Binomial5(x[0], x[1]), x => ExpSuite.Binomial5Network.Deep(x[0], x[1]), ExpSuite.Binomial5Network.DeepModel, ExpSuite.Binomial5Network.Scale),
        new("Exp.Product8", 8, 0.0001, x => ExpSuite.Product8(x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7]), x => ExpSuite.Product8Network.Deep(x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7]), ExpSuite.Product8Network.DeepModel, ExpSuite.Product8Network.Scale),
        new("Exp.Pairs8", 8, 1e-07, x => ExpSuite.Pairs8(x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7]), x => ExpSuite.Pairs8Network.Deep(x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7]), ExpSuite.Pairs8Network.DeepModel, ExpSuite.Pairs8Network.Scale),
        new("Exp.Squares4", 4, 0.0001, x => ExpSuite.Squares4(x[0], x[1], x[2], x[3]), x => ExpSuite.Squares4Network.Deep(x[0], x[1], x[2], x[3]), ExpSuite.Squares4Network.DeepModel, ExpSuite.Squares4Network.Scale),
        new("Exp.Cubic6", 6, 1e-07, x => ExpSuite.Cubic6(x[0], x[1], x[2], x[3], x[4], x[5]), x => ExpSuite.Cubic6Network.Deep(x[0], x[1], x[2], x[3], x[4], x[5]), ExpSuite.Cubic6Network.DeepModel, ExpSuite.Cubic6Network.Scale),
        new("Exp.Locals", 2, 1e-06, x => ExpSuite.Locals(x[0], x[1]), x => ExpSuite.LocalsNetwork.Deep(x[0], x[1]), ExpSuite.LocalsNetwork.DeepModel, ExpSuite.LocalsNetwork.Scale),
        new("Exp.Scales", 2, 1e-07, x => ExpSuite.Scales(x[0], x[1]), x => ExpSuite.ScalesNetwork.Deep(x[0], x[1]), ExpSuite.ScalesNetwork.DeepModel, ExpSuite.ScalesNetwork.Scale),
        new("Exp.Constant", 1, 1e-07, x => ExpSuite.Constant(x[0]), x => ExpSuite.ConstantNetwork.Deep(x[0]), ExpSuite.ConstantNetwork.DeepModel, ExpSuite.ConstantNetwork.Scale),
        new("Exp.Ising3", 3, 1e-07, x => ExpSuite.Ising3(x[0], x[1], x[2]), x => ExpSuite.Ising3Network.Deep(x[0], x[1], x[2]), ExpSuite.Ising3Network.DeepModel, ExpSuite.Ising3Network.Scale),
        new("Exp.Power4", 3, 1e-06, x => ExpSuite.Power4(x[0], x[1], x[2]), x => ExpSuite.Power4Network.Deep(x[0], x[1], x[2]), ExpSuite.Power4Network.DeepModel, ExpSuite.Power4Network.Scale),
        new("Exp.Product7", 7, 0.0001, x => ExpSuite.Product7(x[0], x[1], x[2], x[3], x[4], x[5], x[6]), x => ExpSuite.Product7Network.Deep(x[0], x[1], x[2], x[3], x[4], x[5], x[6]), ExpSuite.Product7Network.DeepModel, ExpSuite.Product7Network.Scale),
        new("Exp.FloatInputs", 2, 1e-07, x => ExpSuite.FloatInputs((float)x[0], (float)x[1]), x => ExpSuite.FloatInputsNetwork.Deep((float)x[0], (float)x[1]), ExpSuite.FloatInputsNetwork.DeepModel, ExpSuite.FloatInputsNetwork.Scale),
        new("ReLU.Linear", 1, 1e-09, x => ReLUSuite.Linear(x[0]), x => ReLUSuite.LinearNetwork.Deep(x[0]), ReLUSuite.LinearNetwork.DeepModel, ReLUSuite.LinearNetwork.Scale),
        new("ReLU.Degree8", 1, 1e-09, x => ReLUSuite.Degree8(x[0]), x => ReLUSuite.Degree8Network.Deep(x[0]), ReLUSuite.Degree8Network.DeepModel, ReLUSuite.Degree8Network.Scale),
        new("ReLU.Product2", 2, 1e-09, x => ReLUSuite.Product2(x[0], x[1]), x => ReLUSuite.Product2Network.Deep(x[0], x[1]), ReLUSuite.Product2Network.DeepModel, ReLUSuite.Product2Network.Scale),
        new("ReLU.Mixed2", 2, 1e-09, x => ReLUSuite.Mixed2(x[0], x[1]), x => ReLUSuite.Mixed2Network.Deep(x[0], x[1]), ReLUSuite.Mixed2Network.DeepModel, ReLUSuite.Mixed2Network.Scale),
        new("ReLU.Mixed3", 3, 1e-09, x => ReLUSuite.Mixed3(x[0], x[1], x[2]), x => ReLUSuite.Mixed3Network.Deep(x[0], x[1], x[2]), ReLUSuite.Mixed3Network.DeepModel, ReLUSuite.Mixed3Network.Scale),
        new("ReLU.Product4", 4, 1e-08, x => ReLUSuite.Product4(x[0], x[1], x[2], x[3]), x => ReLUSuite.Product4Network.Deep(x[0], x[1], x[2], x[3]), ReLUSuite.Product4Network.DeepModel, ReLUSuite.Product4Network.Scale),
        new("ReLU.Factored5", 5, 1e-08, x => ReLUSuite.Factored5(x[0], x[1], x[2], x[3], x[4]), x => ReLUSuite.Factored5Network.Deep(x[0], x[1], x[2], x[3], x[4]), ReLUSuite.Factored5Network.DeepModel, ReLUSuite.Factored5Network.Scale),
        new("ReLU.Anharmonic", 2, 1e-09, x => ReLUSuite.Anharmonic(x[0], x[1]), x => ReLUSuite.AnharmonicNetwork.Deep(x[0], x[1]), ReLUSuite.AnharmonicNetwork.DeepModel, ReLUSuite.AnharmonicNetwork.Scale),
        new("ReLU.Legendre4", 1, 1e-08, x => ReLUSuite.Legendre4(x[0]), x => ReLUSuite.Legendre4Network.Deep(x[0]), ReLUSuite.Legendre4Network.DeepModel, ReLUSuite.Legendre4Network.Scale),
        new("ReLU.Chebyshev8", 1, 1e-07, x => ReLUSuite.Chebyshev8(x[0]), x => ReLUSuite.Chebyshev8Network.Deep(x[0]), ReLUSuite.Chebyshev8Network.DeepModel, ReLUSuite.Chebyshev8Network.Scale),
        new("ReLU.Binomial5", 2, 1e-08, x => ReLUSuite.Binomial5(x[0], x[1]), x => ReLUSuite.Binomial5Network.Deep(x[0], x[1]), ReLUSuite.Binomial5Network.DeepModel, ReLUSuite.Binomial5Network.Scale),
        new("ReLU.Product8", 8, 1e-06, x => ReLUSuite.Product8(x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7]), x => ReLUSuite.Product8Network.Deep(x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7]), ReLUSuite.Product8Network.DeepModel, ReLUSuite.Product8Network.Scale),
        new("ReLU.Pairs8", 8, 1e-09, x => ReLUSuite.Pairs8(x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7]), x => ReLUSuite.Pairs8Network.Deep(x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7]), ReLUSuite.Pairs8Network.DeepModel, ReLUSuite.Pairs8Network.Scale),
        new("ReLU.Squares4", 4, 1e-06, x => ReLUSuite.Squares4(x[0], x[1], x[2], x[3]), x => ReLUSuite.Squares4Network.Deep(x[0], x[1], x[2], x[3]), ReLUSuite.Squares4Network.DeepModel, ReLUSuite.Squares4Network.Scale),
        new("ReLU.Cubic6", 6, 1e-09, x => ReLUSuite.Cubic6(x[0], x[1], x[2], x[3], x[4], x[5]), x => ReLUSuite.Cubic6Network.Deep(x[0], x[1], x[2], x[3], x[4], x[5]), ReLUSuite.Cubic6Network.DeepModel, ReLUSuite.Cubic6Network.Scale),
        new("ReLU.Locals", 2, 1e-08, x => ReLUSuite.Locals(x[0], x[1]), x => ReLUSuite.LocalsNetwork.Deep(x[0], x[1]), ReLUSuite.LocalsNetwork.DeepModel, ReLUSuite.LocalsNetwork.Scale),
        new("ReLU.Scales", 2, 1e-09, x => ReLUSuite.Scales(x[0], x[1]), x => ReLUSuite.ScalesNetwork.Deep(x[0], x[1]), ReLUSuite.ScalesNetwork.DeepModel, ReLUSuite.ScalesNetwork.Scale),
        new("ReLU.Constant", 1, 1e-09, x => ReLUSuite.Constant(x[0]), x => ReLUSuite.ConstantNetwork.Deep(x[0]), ReLUSuite.ConstantNetwork.DeepModel, ReLUSuite.ConstantNetwork.Scale),
        new("ReLU.Ising3", 3, 1e-09, x => ReLUSuite.Ising3(x[0], x[1], x[2]), x => ReLUSuite.Ising3Network.Deep(x[0], x[1], x[2]), ReLUSuite.Ising3Network.DeepModel, ReLUSuite.Ising3Network.Scale),
        new("ReLU.Power4", 3, 1e-08, x => ReLUSuite.Power4(x[0], x[1], x[2]), x => ReLUSuite.Power4Network.Deep(x[0], x[1], x[2]), ReLUSuite.Power4Network.DeepModel, ReLUSuite.Power4Network.Scale),
        new("ReLU.Product7", 7, 1e-06, x => ReLUSuite.Product7(x[0], x[1], x[2], x[3], x[4], x[5], x[6]), x => ReLUSuite.Product7Network.Deep(x[0], x[1], x[2], x[3], x[4], x[5], x[6]), ReLUSuite.Product7Network.DeepModel, ReLUSuite.Product7Network.Scale),
        new("ReLU.FloatInputs", 2, 1e-09, x => ReLUSuite.FloatInputs((float)x[0], (float)x[1]), x => ReLUSuite.FloatInputsNetwork.Deep((float)x[0], (float)x[1]), ReLUSuite.FloatInputsNetwork.DeepModel, ReLUSuite.FloatInputsNetwork.Scale),
    };
}
