using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using CheapLearning;
using CheapLearning.TestKit;
using Showcase;

// Prints, for every annotated sample method, the network the generator built and the largest error of its
// evaluator against the exact polynomial the method denotes, on 10,000 random points of the input box. The exact
// value comes from the test suite's oracle (tests/CheapLearning.TestKit): it reads the method's source with its own
// interpreter and computes in rationals, so neither the C# method's rounding nor cancellation can hide an error.
var rows = new List<Entry>
{
    new("Oscillator", "Polynomials", "Oscillator", 2, 2, x => Polynomials.OscillatorNetwork.Deep(x[0], x[1]), Polynomials.OscillatorNetwork.DeepModel),
    new("Product", "Polynomials", "Product", 2, 2, x => Polynomials.ProductNetwork.Deep(x[0], x[1]), Polynomials.ProductNetwork.DeepModel),
    new("Product4", "Polynomials", "Product4", 4, 4, x => Polynomials.Product4Network.Deep(x[0], x[1], x[2], x[3]), Polynomials.Product4Network.DeepModel),
    new("Anharmonic", "Polynomials", "Anharmonic", 2, 4, x => Polynomials.AnharmonicNetwork.Deep(x[0], x[1]), Polynomials.AnharmonicNetwork.DeepModel),
    new("Chain", "Polynomials", "Chain", 4, 2, x => Polynomials.ChainNetwork.Deep(x[0], x[1], x[2], x[3]), Polynomials.ChainNetwork.DeepModel),
    new("Cubic", "Polynomials", "Cubic", 3, 3, x => Polynomials.CubicNetwork.Deep(x[0], x[1], x[2]), Polynomials.CubicNetwork.DeepModel),
    new("Power40", "Polynomials", "Power40", 8, 40,
        x => Polynomials.Power40Network.Deep(x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7]), Polynomials.Power40Network.DeepModel),
    // Flat and fixed-depth forms (FlatForms.cs): the Flat evaluator, resp. Deep with HiddenLayers = 2.
    new("Osc flat", "FlatForms", "Oscillator", 2, 2, x => FlatForms.OscillatorNetwork.Flat(x[0], x[1]), FlatForms.OscillatorNetwork.FlatModel),
    new("Prod6 deep", "FlatForms", "Product6", 6, 6,
        x => FlatForms.Product6Network.Deep(x[0], x[1], x[2], x[3], x[4], x[5]), FlatForms.Product6Network.DeepModel),
    new("Prod6 flat", "FlatForms", "Product6", 6, 6,
        x => FlatForms.Product6Network.Flat(x[0], x[1], x[2], x[3], x[4], x[5]), FlatForms.Product6Network.FlatModel),
    new("Prod9 k=2", "FlatForms", "Product9", 9, 9,
        x => FlatForms.Product9Network.Deep(x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7], x[8]), FlatForms.Product9Network.DeepModel),
};

const int points = 10_000;
var random = new Random(20261128);
Console.WriteLine("CheapLearning showcase: deep networks generated at compile time from annotated C# methods");
Console.WriteLine($"(max error measured against the exact polynomial, in rational arithmetic, on {points:N0} random points of the box |x| <= R)");
Console.WriteLine();
string header = $"{"method",-11} {"vars",4} {"degree",6} {"activation",-10} {"R",5} {"hidden",6} {"neurons",7} {"synapses",8} {"error bound",11} {"measured",9}  ok";
Console.WriteLine(header);
Console.WriteLine(new string('-', header.Length));
bool allOk = true;
foreach (var e in rows)
{
    var m = e.Model;
    var exact = PolynomialOracle.PointwiseFromSource(Source(e.File), e.File, e.Method);
    double worst = 0;
    var x = new double[e.Variables];
    for (int i = 0; i < points; i++)
    {
        for (int j = 0; j < x.Length; j++) x[j] = (2 * random.NextDouble() - 1) * m.InputBound;
        // |network − p(x)| computed exactly, then rounded up: "measured ≤ bound" cannot pass by rounding. Both columns
        // are printed rounded up too (BoundText), so neither the bound nor the measured error reads smaller than it is.
        worst = Math.Max(worst, (ExactNumber.FromDouble(e.Deep(x)) - exact(x)).Abs().RoundUp());
    }
    bool ok = worst <= m.ErrorBound;
    allOk &= ok;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{e.Name,-11} {e.Variables,4} {e.Degree,6} {m.Activation,-10} {m.InputBound,5:G3} {m.HiddenLayers,6} {m.Neurons,7} {m.Synapses,8} {BoundText.AtMost(m.ErrorBound),11} {BoundText.AtMost(worst),9}  {(ok ? "yes" : "NO")}"));
}
Console.WriteLine();
Console.WriteLine(allOk ? "Every network met its proven error bound." : "A network exceeded its error bound.");
// Pictures of every network (open the .svg in a browser; render the .dot with Graphviz).
string pictures = System.IO.Path.Combine(AppContext.BaseDirectory, "networks");
System.IO.Directory.CreateDirectory(pictures);
foreach (var e in rows)
{
    string file = System.IO.Path.Combine(pictures, e.Name.Replace(' ', '-'));
    System.IO.File.WriteAllText(file + ".svg", e.Model.ToSvg(outputName: e.Name));
    System.IO.File.WriteAllText(file + ".dot", e.Model.ToDot(outputName: e.Name));
}
Console.WriteLine($"Wrote {rows.Count} network pictures (.svg, .dot) to {pictures}");
return allOk ? 0 : 1;

// The sample file (Polynomials.cs or FlatForms.cs, embedded in this assembly) that declares class `file`.
static string Source(string file)
{
    using var stream = typeof(Entry).Assembly.GetManifestResourceStream(file + ".cs") ?? throw new FileNotFoundException(file + ".cs is not embedded");
    using var reader = new StreamReader(stream);
    return reader.ReadToEnd();
}

/// <summary>A row: the evaluator to measure, its model, and the method (class = file name) it must equal.</summary>
record Entry(string Name, string File, string Method, int Variables, int Degree, Func<double[], double> Deep, NetworkModel Model);
