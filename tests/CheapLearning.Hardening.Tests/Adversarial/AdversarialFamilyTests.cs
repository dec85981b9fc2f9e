using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using CheapLearning.Hardening.Tests.Infrastructure;
using CheapLearning.TestKit;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace CheapLearning.Hardening.Tests.Adversarial;

/// <summary>
/// Issue 8's adversarial family: every case of a family, with every activation, in one form (deep,
/// flat, or at most 2 hidden layers), measured against the exact polynomial on random points,
/// corners and near-corners, then a hill-climb from the worst points. Every measured error must be
/// within the bound (plus 4 ulps of p(x)), no output NaN, no bound infinite, and the bound ≤ τ·S
/// or a CHEAP004 saying why not. Prints the bound/measured ratio distribution.
/// </summary>
public class AdversarialFamilyTests
{
    private static readonly string[] Activations = { "Softplus", "Sigmoid", "Tanh", "Exp" };
    private const double DefaultTolerance = 1e-9;

    private readonly ITestOutputHelper _output;

    public AdversarialFamilyTests(ITestOutputHelper output) => _output = output;

    [Theory]
    [InlineData(AdversarialCases.Moderate, "Deep")]
    [InlineData(AdversarialCases.Moderate, "Flat")]
    [InlineData(AdversarialCases.Moderate, "HiddenLayers = 2")]
    [InlineData(AdversarialCases.HighDegree, "Deep")]
    [InlineData(AdversarialCases.HighDegree, "HiddenLayers = 2")]
    [InlineData(AdversarialCases.Coefficients, "Deep")]
    [InlineData(AdversarialCases.Coefficients, "Flat")]
    [InlineData(AdversarialCases.Coefficients, "HiddenLayers = 2")]
    [InlineData(AdversarialCases.Cancellation, "Deep")]
    [InlineData(AdversarialCases.Cancellation, "Flat")]
    [InlineData(AdversarialCases.Cancellation, "HiddenLayers = 2")]
    [InlineData(AdversarialCases.InputBounds, "Deep")]
    [InlineData(AdversarialCases.InputBounds, "Flat")]
    [InlineData(AdversarialCases.InputBounds, "HiddenLayers = 2")]
    public void Family_meets_its_bounds(string family, string form) => Run(family, form);

    private void Run(string family, string form)
    {
        var cases = AdversarialCases.Family(family);
        var methods = new List<(string Name, AdversarialCase Case, string Activation)>();
        var source = new System.Text.StringBuilder("using System;\nusing CheapLearning;\nnamespace A;\npublic static partial class Family\n{\n");
        string formArgument = form == "Flat" ? ", Form = NetworkForm.Flat" : form == "Deep" ? "" : ", " + form;
        for (int i = 0; i < cases.Count; i++)
            foreach (var activation in Activations)
            {
                string name = $"{activation}{i}";
                methods.Add((name, cases[i], activation));
                // Tolerance is written: only a written Tolerance may be reported unreachable (CHEAP004), so every
                // bound above τ·S must come with the warning that says so (the default never warns).
                source.Append($"    [PolynomialNetwork(Activation = Activation.{activation}, InputBound = {cases[i].InputBound.ToString("R", CultureInfo.InvariantCulture)}, Tolerance = {DefaultTolerance.ToString("R", CultureInfo.InvariantCulture)}{formArgument})]\n")
                      .Append($"    public static double {name}({cases[i].Parameters}) => {cases[i].Body};\n");
            }
        source.Append("}\n");
        var compilation = Harness.Create(source.ToString());
        var outcome = Harness.Run(compilation, timeout: TimeSpan.FromSeconds(120));
        outcome.AssertNoCrash($"{family} / {form}");
        var assembly = Harness.EmitAndLoad(outcome.Output, out var context);
        var failures = new List<string>();
        var ratios = new List<double>();
        int networks = 0, notEmitted = 0, points = 0;
        try
        {
            var familyType = assembly.GetType("A.Family")!;
            var tree = compilation.SyntaxTrees.Single();
            var declarations = tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>().ToDictionary(m => m.Identifier.ValueText);
            var semantic = compilation.GetSemanticModel(tree);
            foreach (var (name, c, activation) in methods)
            {
                var span = declarations[name].FullSpan;
                var mine = outcome.CheapDiagnostics.Where(d => span.Contains(d.Location.SourceSpan)).ToList();
                var prefix = form == "Flat" ? "Flat" : "Deep";
                var network = familyType.GetNestedType(name + "Network");
                var evaluator = network?.GetMethod(prefix, Enumerable.Repeat(typeof(double), c.Variables).ToArray());
                if (evaluator is null)
                {
                    // Only the flat form may be refused, and only with a diagnostic that says why.
                    if (form == "Flat" && mine.Any(d => d.Severity >= DiagnosticSeverity.Warning)) { notEmitted++; continue; }
                    failures.Add($"{name} [{c.Body[..Math.Min(80, c.Body.Length)]}]: no {prefix} evaluator; diagnostics: {string.Join("; ", mine)}");
                    continue;
                }
                var check = new NetworkCheck(name, c, PolynomialOracle.FromMethod(semantic, declarations[name]), evaluator,
                    (NetworkModel)network!.GetProperty(prefix + "Model")!.GetValue(null)!, mine.Any(d => d.Id == "CHEAP004"));
                failures.AddRange(check.Run(DefaultTolerance));
                networks++;
                points += check.Points;
                if (check.Worst > 0 && double.IsFinite(check.Bound)) ratios.Add(check.Bound / check.Worst);
            }
        }
        finally
        {
            context.Unload();
        }
        _output.WriteLine($"{family} / {form}: {networks} networks, {notEmitted} flat forms refused with a diagnostic, {points} points checked");
        _output.WriteLine("bound/measured: " + Distribution(ratios));
        Assert.True(failures.Count == 0, $"{failures.Count} failures in {family} / {form}:\n" + string.Join("\n", failures.Take(12)));
        Assert.True(networks >= methods.Count / 2, $"only {networks} of {methods.Count} networks checked");
        Assert.True(points >= networks * 100, $"only {points} points for {networks} networks");
    }

    /// <summary>min, quartiles and max of the ratios (n = count).</summary>
    public static string Distribution(List<double> ratios)
    {
        if (ratios.Count == 0) return "n = 0";
        ratios.Sort();
        string At(double q) => ratios[(int)Math.Round(q * (ratios.Count - 1))].ToString("G3", CultureInfo.InvariantCulture);
        return $"n = {ratios.Count}, min {At(0)}, p25 {At(0.25)}, median {At(0.5)}, p75 {At(0.75)}, max {At(1)}";
    }
}
