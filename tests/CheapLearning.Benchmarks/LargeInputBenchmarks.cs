using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using BenchmarkDotNet.Attributes;
using CheapLearning.Generator.Algebra;
using CheapLearning.Generator.Bits;
using CheapLearning.Generator.Common;
using CheapLearning.Generator.Construction;
using CheapLearning.Generator.Model;
using CheapLearning.Generator.Polynomials;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CheapLearning.Benchmarks;

/// <summary>
/// Issue 12, target 3 (large inputs) and the per-keystroke planning of the showcase's power of 40:
/// <list type="bullet">
/// <item>planning a polynomial of 2,000 distinct terms (8 variables, degree ≤ 6; target ≤ 1 s);</item>
/// <item>the flat count behind CHEAP006/CHEAP010 for a product of 1,000 variables (target ≤ 10 ms),
///   alone (<see cref="FlatAssessment"/>) and as the whole plan of a <c>Form = Both</c> method;</item>
/// <item>the plan of <c>Math.Pow(a+b+c+d+e+f+g+h, 40)</c> (samples/Showcase Power40), which the analyzer
///   runs on every keystroke in that method (target ≤ 10 ms);</item>
/// <item>the plan of a 10-bit parity with <c>Form = Both, Digits = 8</c> (deep and 1,023-neuron flat forms),
///   which the bit analyzer runs when that method's spec changes (target ≤ 10 ms).</item>
/// </list>
/// The front end runs once in setup; each benchmark is the planner alone, as the generator and the
/// analyzer call it (the process-wide gate-design cache is warm after the first call, as in an IDE).
/// Run: <c>dotnet run -c Release --project tests/CheapLearning.Benchmarks -- --filter *LargeInput*</c>
/// </summary>
[MemoryDiagnoser]
public class LargeInputBenchmarks
{
    private static readonly ProjectSettings Settings = new(NetworkOptions.DefaultMaxExpandedTerms, null);

    // Internal generator types (InternalsVisibleTo): benchmark methods return object, the class stays public.
    private MethodSpec _terms2000 = null!;
    private MethodSpec _product1000 = null!;
    private MethodSpec _power40 = null!;
    private BitGraph _parity10 = null!;

    [GlobalSetup]
    public void Setup()
    {
        _terms2000 = Spec("[PolynomialNetwork] public static double P(double a, double b, double c, double d, double e, double f, double g, double h) => "
                          + TwoThousandTerms() + ";");
        var names = Enumerable.Range(0, 1000).Select(i => "x" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        _product1000 = Spec("[PolynomialNetwork(Form = NetworkForm.Both)] public static double P("
                            + string.Join(", ", names.Select(n => "double " + n)) + ") => " + string.Join(" * ", names) + ";");
        _power40 = Spec("[PolynomialNetwork(InputBound = 0.1, Tolerance = 1e-6)] public static double P(double a, double b, double c, double d, double e, double f, double g, double h)"
                        + " => System.Math.Pow(a + b + c + d + e + f + g + h, 40);");
        var bits = new BitGraphBuilder(10);
        _parity10 = bits.Build(bits.Xor(Enumerable.Range(0, 10).Select(bits.Variable).ToArray()));
        if (_terms2000.Graph.Result.Terms.Count == 0) throw new InvalidOperationException("the 2,000-term method did not parse");
    }

    [Benchmark]
    public object Plan2000Terms() => PolynomialPlanner.Plan(_terms2000, Settings, CancellationToken.None);

    [Benchmark]
    public object FlatCountProductOf1000()
        => FlatAssessment.Assess(_product1000.Graph, _product1000.Options.MaxFlatNeurons, _product1000.Options.MaxFlatNeuronsExplicit,
                                 _product1000.Options.MaxExpandedTerms, CancellationToken.None);

    [Benchmark]
    public object PlanProductOf1000FormBoth() => PolynomialPlanner.Plan(_product1000, Settings, CancellationToken.None);

    [Benchmark]
    public object PlanPower40() => PolynomialPlanner.Plan(_power40, Settings, CancellationToken.None);

    [Benchmark]
    public object PlanParity10FormBoth() => BitNetworkPlanner.Plan(_parity10, BitOptions.Default with { Form = CheapLearning.Generator.NetworkForm.Both, Digits = 8 }, CancellationToken.None);

    /// <summary>2,000 distinct monomials of degree ≤ 6 in 8 variables with two-decimal coefficients (seeded).</summary>
    private static string TwoThousandTerms()
    {
        var random = new Random(2000);
        var seen = new HashSet<string>();
        var terms = new List<string>();
        string[] variables = { "a", "b", "c", "d", "e", "f", "g", "h" };
        while (terms.Count < 2000)
        {
            int degree = random.Next(7);
            var factors = Enumerable.Range(0, degree).Select(_ => variables[random.Next(8)]).OrderBy(v => v, StringComparer.Ordinal).ToArray();
            if (!seen.Add(string.Join("*", factors))) continue;
            string coefficient = (random.Next(1, 1000) / 100.0).ToString("0.00", CultureInfo.InvariantCulture);
            terms.Add(string.Join(" * ", new[] { coefficient }.Concat(factors)));
        }
        return string.Join(" + ", terms);
    }

    /// <summary>The front end's spec of the one method in <paramref name="member"/>.</summary>
    private static MethodSpec Spec(string member)
    {
        var compilation = BenchmarkCompilation.Create("using CheapLearning;\npublic static partial class Big\n{\n    " + member + "\n}\n");
        var tree = compilation.SyntaxTrees.Single();
        var model = compilation.GetSemanticModel(tree);
        var syntax = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single();
        var method = (IMethodSymbol)model.GetDeclaredSymbol(syntax)!;
        var attribute = method.GetAttributes().Single();
        var (spec, diagnostics) = PolynomialFrontEnd.Analyze(method, syntax, attribute, model, CancellationToken.None);
        return spec ?? throw new InvalidOperationException("front end refused the benchmark method: " + string.Join("; ", diagnostics));
    }
}
