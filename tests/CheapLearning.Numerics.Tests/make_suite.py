#!/usr/bin/env python3
"""Writes Suite.cs: the numerical suite's polynomials, once per activation, plus a registry.
Run `python3 make_suite.py` after editing POLYNOMIALS; the output is committed."""

ACTIVATIONS = ["Softplus", "Sigmoid", "Tanh", "Exp", "ReLU"]
V8 = "double a, double b, double c, double d, double e, double f, double g, double h"
# name, parameters, body (expression or block), InputBound, Tolerance
POLYNOMIALS = [
    ("Linear", "double x", "=> 3 * x - 2;", 10, 1e-9),
    ("Degree8", "double x", "=> Math.Pow(x, 8) - 0.5 * x * x * x + 7;", 1, 1e-9),
    ("Product2", "double x, double y", "=> x * y;", 1, 1e-10),
    ("Mixed2", "double x, double y", "=> 2.5 * x * x * y - 0.001 * y * y * y + 40;", 2, 1e-9),
    ("Mixed3", "double x, double y, double z", "=> x * y * z - x + 0.3 * y * y * z * z;", 1.5, 1e-9),
    ("Product4", "double a, double b, double c, double d", "=> a * b * c * d;", 2, 1e-8),
    ("Factored5", "double a, double b, double c, double d, double e", "=> (a + b) * (c - d) * e - 12.5 * a * e;", 1, 1e-8),
    ("Anharmonic", "double q, double p", "=> 0.5 * p * p + 2 * q * q + 0.1 * q * q * q * q;", 3, 1e-9),
    ("Legendre4", "double x", "=> (35 * Math.Pow(x, 4) - 30 * x * x + 3) / 8;", 1, 1e-8),
    ("Chebyshev8", "double x", "=> 128 * Math.Pow(x, 8) - 256 * Math.Pow(x, 6) + 160 * Math.Pow(x, 4) - 32 * x * x + 1;", 1, 1e-7),
    ("Binomial5", "double x, double y", "=> Math.Pow(x - 2 * y, 5);", 0.5, 1e-8),
    ("Product8", V8, "=> a * b * c * d * e * f * g * h;", 1, 1e-6),
    ("Pairs8", V8, "=> a * b + c * d + e * f + g * h - a * h;", 1, 1e-9),
    ("Squares4", "double x, double y, double z, double w", "=> x * x * y * y * z * z * w * w;", 1, 1e-6),
    ("Cubic6", "double x1, double x2, double x3, double x4, double x5, double x6", "=> x1 * x2 * x3 - 0.25 * x4 * x5 * x6 + 1e3 * x1;", 0.5, 1e-9),
    ("Locals", "double x, double y", "{ double t = x + y; double u = t * t; return u * u - 3 * t; }", 2, 1e-8),
    ("Scales", "double x, double y", "=> 1e-3 * Math.Pow(x, 6) * y * y - 1e2 * x * y;", 1, 1e-9),
    ("Constant", "double x", "=> 5;", 1, 1e-12),
    ("Ising3", "double x, double y, double z", "=> -(x * y + y * z + z * x) + 0.5 * (x + y + z);", 1, 1e-9),
    ("Power4", "double a, double b, double c", "=> Math.Pow(a + b - c, 4) / 3;", 1.5, 1e-8),
    ("Product7", "double x1, double x2, double x3, double x4, double x5, double x6, double x7", "=> x1 * x2 * x3 * x4 * x5 * x6 * x7;", 1, 1e-6),
    ("FloatInputs", "float x, float y", "=> (double)x * x * y;", 1, 1e-9),
]

def tolerance(act, tol):
    # The gates of Softplus reach 1e-10 on x*y; the other activations a little less (ReLU: any tolerance,
    # with more teeth per square, so 1e-9 keeps its networks small), Exp (no bias
    # removes its lambda^2 error term) about 100 times less.
    if act != "Softplus":
        tol = max(tol, 1e-9)
    return tol * (100 if act == "Exp" else 1)

def args(params):
    return ", ".join(f"x[{i}]" if p.split()[0] == "double" else f"(float)x[{i}]" for i, p in enumerate(params.split(", ")))

def main():
    out = ["// Written by make_suite.py (edit the list there and rerun it).", "using System;", "using System.Collections.Generic;", "using CheapLearning;", "",
           "namespace CheapLearning.Numerics.Tests;", ""]
    for act in ACTIVATIONS:
        out.append(f"public static partial class {act}Suite")
        out.append("{")
        for name, params, body, r, tol in POLYNOMIALS:
            tol_act = tolerance(act, tol)
            out.append(f"    [PolynomialNetwork(Activation = Activation.{act}, InputBound = {r}, Tolerance = {tol_act:g})]")
            out.append(f"    public static double {name}({params}) {body}")
            out.append("")
        out.append("}")
        out.append("")
    out.append("public static class Suite")
    out.append("{")
    out.append("    public static IReadOnlyList<SuiteEntry> All { get; } = new SuiteEntry[]")
    out.append("    {")
    for act in ACTIVATIONS:
        for name, params, body, r, tol in POLYNOMIALS:
            tol_act = tolerance(act, tol)
            n = len(params.split(", "))
            a = args(params)
            out.append(f"        new(\"{act}.{name}\", {n}, {tol_act:g}, x => {act}Suite.{name}({a}), x => {act}Suite.{name}Network.Deep({a}), "
                       f"{act}Suite.{name}Network.DeepModel, {act}Suite.{name}Network.Scale),")
    out.append("    };")
    out.append("}")
    open("Suite.cs", "w").write("\n".join(out) + "\n")

main()
