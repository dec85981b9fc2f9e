using System;
using System.Globalization;
using System.Threading;
using CheapLearning.Generator.Construction;
using CheapLearning.Generator.Model;
using CheapLearning.Generator.Tests.Infrastructure;
using Xunit.Abstractions;

namespace CheapLearning.Generator.Tests.Construction;

/// <summary>
/// The README's ReLU table: the same polynomials as softplus deep, ReLU deep and ReLU flat (the proven
/// minimum of one hidden ReLU layer), at the default τ = 1e−9 on [−1, 1]ⁿ. Every measured error (exact dyadic
/// values, random points, corners, nodes) is within its bound. Run with
/// <c>dotnet test --filter ReluTableTests --logger "console;verbosity=detailed"</c> to print the table.
/// </summary>
public class ReluTableTests
{
    private readonly ITestOutputHelper _output;

    public ReluTableTests(ITestOutputHelper output) => _output = output;

    public static TheoryData<string> Names => new() { "x·y", "x²y² + 2xz³ − y⁴ + ½", "x₁⋯x₈", "T₈(x)" };

    private static TermList Polynomial(string name) => name switch
    {
        "x·y" => new TermList(2, new[] { (1.0, new[] { 1, 1 }) }),
        "x²y² + 2xz³ − y⁴ + ½" => new TermList(3, new[] { (1.0, new[] { 2, 2, 0 }), (2.0, new[] { 1, 0, 3 }), (-1.0, new[] { 0, 4, 0 }), (0.5, new[] { 0, 0, 0 }) }),
        "x₁⋯x₈" => new TermList(8, new[] { (1.0, new[] { 1, 1, 1, 1, 1, 1, 1, 1 }) }),
        _ => new TermList(1, new[] { (128.0, new[] { 8 }), (-256.0, new[] { 6 }), (160.0, new[] { 4 }), (-32.0, new[] { 2 }), (1.0, new[] { 0 }) }),
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Softplus_deep_relu_deep_and_relu_flat(string name)
    {
        const double tolerance = 1e-9; // the default τ
        var p = Polynomial(name);
        var line = name.PadRight(22);
        foreach (var activation in new[] { Activation.Softplus, Activation.ReLU })
        {
            var plan = ReluNetworkTests.Plan(p, 1, tolerance, activation);
            var net = plan.Network;
            double measured = ReluNetworkTests.MaxError(Networks.ToModel(net, 1), p,
                ReluNetworkTests.Points(p.Variables, 1, Math.Min(Math.Max(net.HiddenLayers, 1), 10), 4000, 1));
            Assert.True(measured <= net.ErrorBound, $"{name} {activation}: measured {measured:E3} > bound {net.ErrorBound:E3}");
            if (activation == Activation.ReLU)
                Assert.True(net.ErrorBound <= tolerance * plan.Scale, $"{name} {activation}: bound {net.ErrorBound:E3} > τS");
            line += $" | {activation,-8} S {plan.Scale:G4} {net.Neurons,5} neurons {net.HiddenLayers,3} layers bound {net.ErrorBound:E2} measured {measured:E2}";
        }
        var options = NetworkOptions.Default with { Activation = Activation.ReLU, Tolerance = tolerance, Form = NetworkForm.Both };
        var (assessment, _) = FlatPlanner.Plan(p.ToGraph(), options, CancellationToken.None);
        double flat = assessment.ReluFlatMinimum!.Value;
        var deep = ReluNetworkTests.Plan(p, 1, tolerance).Network;
        Assert.True(flat > deep.Neurons, $"{name}: flat ReLU minimum {flat} vs deep {deep.Neurons}");
        line += $" | ReLU flat ≥ {flat.ToString("N0", CultureInfo.InvariantCulture)} neurons, 1 layer";
        _output.WriteLine(line);
    }
}
