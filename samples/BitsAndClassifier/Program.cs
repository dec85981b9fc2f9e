using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using BitsAndClassifier;
using CheapLearning;

// Every bit function on all of its 2^n inputs: deep and flat networks against the plain C# method.
// Then the Bayes classifier of Ising configurations against the posterior computed directly from Bayes' theorem.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
static bool Bit(long mask, int i) => ((mask >> i) & 1) != 0;
static int B(long mask, int i) => (int)((mask >> i) & 1);

var rows = new List<Row>
{
    new("Majority", 3, 10, m => Functions.Majority(Bit(m, 0), Bit(m, 1), Bit(m, 2)) ? 1 : 0,
        m => Functions.MajorityNetwork.Deep(Bit(m, 0), Bit(m, 1), Bit(m, 2)), Functions.MajorityNetwork.DeepModel,
        m => Functions.MajorityNetwork.Flat(Bit(m, 0), Bit(m, 1), Bit(m, 2)), Functions.MajorityNetwork.FlatModel, Functions.MajorityNetwork.FlatMonomials),
    new("Parity10", 10, 8, m => Functions.Parity10(Bit(m, 0), Bit(m, 1), Bit(m, 2), Bit(m, 3), Bit(m, 4), Bit(m, 5), Bit(m, 6), Bit(m, 7), Bit(m, 8), Bit(m, 9)) ? 1 : 0,
        m => Functions.Parity10Network.Deep(Bit(m, 0), Bit(m, 1), Bit(m, 2), Bit(m, 3), Bit(m, 4), Bit(m, 5), Bit(m, 6), Bit(m, 7), Bit(m, 8), Bit(m, 9)), Functions.Parity10Network.DeepModel,
        m => Functions.Parity10Network.Flat(Bit(m, 0), Bit(m, 1), Bit(m, 2), Bit(m, 3), Bit(m, 4), Bit(m, 5), Bit(m, 6), Bit(m, 7), Bit(m, 8), Bit(m, 9)), Functions.Parity10Network.FlatModel,
        Functions.Parity10Network.FlatMonomials),
    new("Parity16", 16, 10, m => Functions.Parity16(Bit(m, 0), Bit(m, 1), Bit(m, 2), Bit(m, 3), Bit(m, 4), Bit(m, 5), Bit(m, 6), Bit(m, 7),
                                                    Bit(m, 8), Bit(m, 9), Bit(m, 10), Bit(m, 11), Bit(m, 12), Bit(m, 13), Bit(m, 14), Bit(m, 15)) ? 1 : 0,
        m => Functions.Parity16Network.Deep(Bit(m, 0), Bit(m, 1), Bit(m, 2), Bit(m, 3), Bit(m, 4), Bit(m, 5), Bit(m, 6), Bit(m, 7),
                                            Bit(m, 8), Bit(m, 9), Bit(m, 10), Bit(m, 11), Bit(m, 12), Bit(m, 13), Bit(m, 14), Bit(m, 15)), Functions.Parity16Network.DeepModel,
        null, null, Functions.Parity16Network.FlatMonomials),
    new("Carry4", 8, 10, m => Functions.Carry4(B(m, 0), B(m, 1), B(m, 2), B(m, 3), B(m, 4), B(m, 5), B(m, 6), B(m, 7)),
        m => Functions.Carry4Network.Deep(B(m, 0), B(m, 1), B(m, 2), B(m, 3), B(m, 4), B(m, 5), B(m, 6), B(m, 7)), Functions.Carry4Network.DeepModel,
        m => Functions.Carry4Network.Flat(B(m, 0), B(m, 1), B(m, 2), B(m, 3), B(m, 4), B(m, 5), B(m, 6), B(m, 7)), Functions.Carry4Network.FlatModel, Functions.Carry4Network.FlatMonomials),
    new("IsingEnergy", 9, 9, m => Functions.IsingEnergy(Bit(m, 0), Bit(m, 1), Bit(m, 2), Bit(m, 3), Bit(m, 4), Bit(m, 5), Bit(m, 6), Bit(m, 7), Bit(m, 8)),
        m => Functions.IsingEnergyNetwork.Deep(Bit(m, 0), Bit(m, 1), Bit(m, 2), Bit(m, 3), Bit(m, 4), Bit(m, 5), Bit(m, 6), Bit(m, 7), Bit(m, 8)), Functions.IsingEnergyNetwork.DeepModel,
        m => Functions.IsingEnergyNetwork.Flat(Bit(m, 0), Bit(m, 1), Bit(m, 2), Bit(m, 3), Bit(m, 4), Bit(m, 5), Bit(m, 6), Bit(m, 7), Bit(m, 8)), Functions.IsingEnergyNetwork.FlatModel,
        Functions.IsingEnergyNetwork.FlatMonomials),
};

Console.WriteLine("Bit networks (paper Eq 12-13), checked on every input against the plain C# method");
Console.WriteLine();
string header = $"{"function",-12} {"bits",4} {"D",3} {"deep: layers",12} {"neurons",7} {"max error",9} {"bound",8}   {"flat: neurons",13} {"max error",9} {"bound",8}";
Console.WriteLine(header);
Console.WriteLine(new string('-', header.Length));
bool ok = true;
foreach (var r in rows)
{
    double deepWorst = 0, flatWorst = 0;
    for (long m = 0; m < 1L << r.Bits; m++)
    {
        double exact = r.Exact(m);
        deepWorst = Math.Max(deepWorst, Math.Abs(r.Deep(m) - exact));
        if (r.Flat is not null) flatWorst = Math.Max(flatWorst, Math.Abs(r.Flat(m) - exact));
    }
    double tolerance = Math.Pow(10, -r.Digits);
    ok &= deepWorst <= r.DeepModel.ErrorBound && r.DeepModel.ErrorBound <= tolerance;
    if (r.FlatModel is not null) ok &= flatWorst <= r.FlatModel.ErrorBound && r.FlatModel.ErrorBound <= tolerance;
    string flat = r.FlatModel is null
        ? $"{r.FlatMonomials,13:N0} {"(not built: over budget)",-18}"
        : $"{r.FlatModel.Neurons,13:N0} {flatWorst,9:E1} {r.FlatModel.ErrorBound,8:E1}";
    Console.WriteLine($"{r.Name,-12} {r.Bits,4} {r.Digits,3} {r.DeepModel.HiddenLayers,12} {r.DeepModel.Neurons,7} {deepWorst,9:E1} {r.DeepModel.ErrorBound,8:E1}   {flat}");
}

Console.WriteLine();
Console.WriteLine("Bayes classifier (Eq 8): is a 3x3 Ising configuration from T = 1.5 or T = 4? All 512 configurations.");
var model = Temperature.Classifier.Model;
double worst = 0;
int agree = 0, cold = 0;
var p = new double[2];
for (long m = 0; m < 512; m++)
{
    var x = Enumerable.Range(0, 9).Select(i => Bit(m, i)).ToArray();
    double hc = Temperature.Cold(x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7], x[8]);
    double hh = Temperature.Hot(x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7], x[8]);
    // Bayes' theorem directly, priors 1/2 each: p(cold|x) = 1 / (1 + e^(H_cold − H_hot)).
    double exactCold = 1 / (1 + Math.Exp(hc - hh));
    Temperature.Classifier.Probabilities(x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7], x[8], p);
    worst = Math.Max(worst, Math.Abs(p[0] - exactCold));
    int y = Temperature.Classifier.Classify(x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7], x[8]);
    if (y == (exactCold >= 0.5 ? 0 : 1)) agree++;
    if (y == 0) cold++;
}
Console.WriteLine($"network: {model.Neurons} neurons ({string.Join(" + ", model.Hamiltonians.Select(h => h.Neurons))} Hamiltonian + {model.ClassCount} softmax), {model.Synapses} synapses");
Console.WriteLine($"max |p_network(y|x) - p_Bayes(y|x)| = {worst:E2}; same class as exact Bayes on {agree}/512; classified cold: {cold}");
ok &= worst <= 1e-9 && agree == 512;
Console.WriteLine();
Console.WriteLine(ok ? "Every network met its declared digits." : "A network missed its declared digits.");
return ok ? 0 : 1;

record Row(string Name, int Bits, int Digits, Func<long, double> Exact, Func<long, double> Deep, NetworkModel DeepModel,
           Func<long, double>? Flat, NetworkModel? FlatModel, int FlatMonomials);
