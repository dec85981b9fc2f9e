using System;
using System.Collections.Generic;
using System.Linq;
using BitsAndClassifier;
using Showcase;

namespace CheapLearning.Onnx.Tests;

/// <summary>One network of the samples with its exact function, written out by hand over the rationals.</summary>
public sealed record SampleNetwork(string Name, NetworkModel Model, string[] InputNames, bool Bits, Func<Rational[], Rational> Exact)
{
    public override string ToString() => Name;
}

/// <summary>
/// Every network the samples build (samples/Showcase and samples/BitsAndClassifier, compiled here by the
/// generator). The exact functions are the sample methods re-typed with exact arithmetic: the double
/// constants (0.1, 0.75, …) are taken at their exact binary values, as the generator folds them.
/// </summary>
public static class SampleNetworks
{
    private static Rational R(double v) => Rational.FromDouble(v);

    private static Rational Product(Rational[] x) => x.Aggregate((Rational)1, (a, b) => a * b);

    private static Rational Bit(bool b) => b ? 1 : 0;

    private static bool B(Rational r) => !r.Numerator.IsZero;

    public static IReadOnlyList<SampleNetwork> All { get; } = new List<SampleNetwork>
    {
        new("Oscillator", Polynomials.OscillatorNetwork.DeepModel, new[] { "q", "p" }, false, x => R(0.5) * x[1] * x[1] + R(2.0) * x[0] * x[0]),
        new("Product", Polynomials.ProductNetwork.DeepModel, new[] { "x", "y" }, false, Product),
        new("Product4", Polynomials.Product4Network.DeepModel, new[] { "a", "b", "c", "d" }, false, Product),
        new("Anharmonic", Polynomials.AnharmonicNetwork.DeepModel, new[] { "q", "p" }, false, x =>
        {
            Rational omega = R(1.25), q2 = x[0] * x[0];
            return R(0.5) * x[1] * x[1] + R(0.5) * omega * omega * q2 + R(0.1) * q2 * q2;
        }),
        new("Chain", Polynomials.ChainNetwork.DeepModel, new[] { "s0", "s1", "s2", "s3" }, false, s =>
            -(R(1.0) * s[0] * s[1] + R(0.5) * s[1] * s[2] - R(0.75) * s[2] * s[3]) + R(0.2) * (s[0] + s[1] + s[2] + s[3])),
        new("Cubic", Polynomials.CubicNetwork.DeepModel, new[] { "x", "y", "z" }, false, v =>
            4 * v[0] * v[0] * v[0] - 3 * v[0] * v[1] * v[2] + v[2] * v[2] - R(0.25)),
        new("Power40", Polynomials.Power40Network.DeepModel, new[] { "a", "b", "c", "d", "e", "f", "g", "h" }, false,
            x => Rational.Pow(x.Aggregate((Rational)0, (a, b) => a + b), 40)),
        new("OscillatorFlat", FlatForms.OscillatorNetwork.FlatModel, new[] { "q", "p" }, false, x => R(0.5) * x[1] * x[1] + R(2.0) * x[0] * x[0]),
        new("Product6Deep", FlatForms.Product6Network.DeepModel, new[] { "a", "b", "c", "d", "e", "f" }, false, Product),
        new("Product6Flat", FlatForms.Product6Network.FlatModel, new[] { "a", "b", "c", "d", "e", "f" }, false, Product),
        new("Product9K2", FlatForms.Product9Network.DeepModel, new[] { "a", "b", "c", "d", "e", "f", "g", "h", "i" }, false, Product),
        new("MajorityDeep", Functions.MajorityNetwork.DeepModel, new[] { "a", "b", "c" }, true, Majority),
        new("MajorityFlat", Functions.MajorityNetwork.FlatModel, new[] { "a", "b", "c" }, true, Majority),
        new("Parity10Deep", Functions.Parity10Network.DeepModel, Names("x", 10), true, Parity),
        new("Parity10Flat", Functions.Parity10Network.FlatModel, Names("x", 10), true, Parity),
        new("Parity16Deep", Functions.Parity16Network.DeepModel, Names("x", 16), true, Parity),
        new("Carry4Deep", Functions.Carry4Network.DeepModel, new[] { "a0", "a1", "a2", "a3", "b0", "b1", "b2", "b3" }, true, Carry4),
        new("Carry4Flat", Functions.Carry4Network.FlatModel, new[] { "a0", "a1", "a2", "a3", "b0", "b1", "b2", "b3" }, true, Carry4),
        new("IsingEnergyDeep", Functions.IsingEnergyNetwork.DeepModel, Names("x", 9), true, IsingEnergy),
        new("IsingEnergyFlat", Functions.IsingEnergyNetwork.FlatModel, Names("x", 9), true, IsingEnergy),
    };

    public static SampleNetwork Get(string name) => All.Single(e => e.Name == name);

    private static string[] Names(string prefix, int n) => Enumerable.Range(0, n).Select(i => prefix + i).ToArray();

    private static Rational Majority(Rational[] x) => Bit((B(x[0]) && B(x[1])) || (B(x[0]) && B(x[2])) || (B(x[1]) && B(x[2])));

    private static Rational Parity(Rational[] x) => Bit(x.Count(B) % 2 == 1);

    private static Rational Carry4(Rational[] x)
    {
        bool a0 = B(x[0]), a1 = B(x[1]), a2 = B(x[2]), a3 = B(x[3]), b0 = B(x[4]), b1 = B(x[5]), b2 = B(x[6]), b3 = B(x[7]);
        bool c1 = a0 && b0;
        bool c2 = (a1 && b1) || ((a1 ^ b1) && c1);
        bool c3 = (a2 && b2) || ((a2 ^ b2) && c2);
        return Bit((a3 && b3) || ((a3 ^ b3) && c3));
    }

    /// <summary>Energy of the 3×3 lattice with the sample's couplings; bit 1 is spin +1.</summary>
    public static Rational IsingEnergy(Rational[] x) => IsingEnergy(x, new[] { 1.0, 0.8, 1.2, 0.9, 1.1, 0.7, 0.5, 1.3, 0.6, 1.4, 1.0, -0.4 });

    /// <summary>The uniform-coupling energy (all J = 1) the temperature classifier uses.</summary>
    public static Rational UniformIsingEnergy(Rational[] x) => IsingEnergy(x, Enumerable.Repeat(1.0, 12).ToArray());

    private static Rational IsingEnergy(Rational[] x, double[] j)
    {
        var s = x.Select(b => B(b) ? (Rational)1 : -1).ToArray();
        (int, int)[] bonds = { (0, 1), (1, 2), (3, 4), (4, 5), (6, 7), (7, 8), (0, 3), (3, 6), (1, 4), (4, 7), (2, 5), (5, 8) };
        Rational sum = 0;
        for (int k = 0; k < bonds.Length; k++) sum += R(j[k]) * s[bonds[k].Item1] * s[bonds[k].Item2];
        return -sum;
    }
}
