using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using CheapLearning.TestKit;

namespace CheapLearning.Hardening.Tests.Adversarial;

/// <summary>
/// Measures one emitted network against its exact polynomial: random points, corners, near-corners
/// (each coordinate one step inside the box), then a hill-climb from the worst points. Returns the
/// failures as text (method, input, values) instead of stopping at the first.
/// </summary>
public sealed class NetworkCheck(string name, AdversarialCase c, PolynomialOracle oracle, MethodInfo evaluator, NetworkModel model, bool warned)
{
    private const int RandomPoints = 64, ClimbStarts = 4, ClimbSteps = 40;

    private readonly List<string> _failures = new();

    public double Bound => model.ErrorBound;
    public double Worst { get; private set; }
    public int Points { get; private set; }

    public IReadOnlyList<string> Run(double tolerance)
    {
        double r = c.InputBound;
        if (!double.IsFinite(Bound)) Fail($"bound {Bound}{(warned ? " (with CHEAP004)" : "")}");
        double tauS = oracle.ToleranceTimesScale(tolerance, r);
        if (!(Bound <= tauS) && !warned) Fail($"bound {Bound:G3} > τ·S = {tauS:G3} without CHEAP004");
        var random = new Random(Seeds.Stable(name + c.Body));
        int n = c.Variables;
        var scored = new List<(double Error, double[] X)>();
        for (int k = 0; k < RandomPoints; k++) scored.Add(Measure(Enumerable.Range(0, n).Select(_ => (2 * random.NextDouble() - 1) * r).ToArray()));
        for (int mask = 0; mask < 1 << n; mask++)
        {
            var corner = Enumerable.Range(0, n).Select(j => ((mask >> j) & 1) == 0 ? -r : r).ToArray();
            scored.Add(Measure(corner));
            scored.Add(Measure(corner.Select(v => v * (1 - 1e-6)).ToArray()));
            scored.Add(Measure(corner.Select(v => Math.BitDecrement(Math.Abs(v)) * Math.Sign(v)).ToArray()));
        }
        foreach (var start in scored.OrderByDescending(s => s.Error).Take(ClimbStarts).ToList()) Climb(start, random, r);
        return _failures;
    }

    /// <summary>Moves from a point in random directions with shrinking steps, keeping a move when the error grows.</summary>
    private void Climb((double Error, double[] X) best, Random random, double r)
    {
        double step = 0.1;
        for (int i = 0; i < ClimbSteps && _failures.Count < 3; i++)
        {
            var next = best.X.Select(v => Math.Clamp(v + step * r * (2 * random.NextDouble() - 1), -r, r)).ToArray();
            var candidate = Measure(next);
            if (candidate.Error > best.Error) best = candidate; else step *= 0.8;
        }
    }

    private (double Error, double[] X) Measure(double[] x)
    {
        Points++;
        double value = (double)evaluator.Invoke(null, x.Cast<object>().ToArray())!;
        double fromModel = model.Evaluate(x);
        string at = oracle.Describe(x);
        if (BitConverter.DoubleToInt64Bits(value) != BitConverter.DoubleToInt64Bits(fromModel)) Fail($"evaluator {value:R} ≠ model {fromModel:R} at {at}");
        if (double.IsNaN(value)) { Fail($"NaN at {at}"); return (double.PositiveInfinity, x); }
        double error = oracle.ExactError(value, x);
        double reference = oracle.Value(x).ToDouble();
        if (double.IsFinite(Bound) && error > Bound + PolynomialOracle.Slack(reference))
            Fail($"|network − p| = {error:G3} > bound {Bound:G3} at {at}: network {value:R}, exact p {reference:R}");
        Worst = Math.Max(Worst, error);
        return (error, x);
    }

    private void Fail(string what)
    {
        if (_failures.Count < 3) _failures.Add($"{name} [{(c.Body.Length > 80 ? c.Body[..80] + "…" : c.Body)}, R = {c.InputBound:G3}]: {what}");
    }
}
