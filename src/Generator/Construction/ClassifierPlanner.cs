using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using CheapLearning.Generator.Bits;
using CheapLearning.Generator.Common;
using CheapLearning.Generator.Model;
using CheapLearning.Generator.Polynomials;

namespace CheapLearning.Generator.Construction
{
    /// <summary>
    /// Builds the deep network of every Hamiltonian of a classifier (bit or polynomial), in class order, with the
    /// findings its method feature would report for it (CHEAP004, CHEAP024, CHEAP025), each about its Hamiltonian.
    /// </summary>
    internal static class ClassifierPlanner
    {
        /// <summary>The networks (null when one cannot be built: CHEAP025 says why) and the findings.</summary>
        public static (List<(BuiltNetwork Network, double InputBound, bool CheckInputs)>? Networks, IReadOnlyList<Finding> Findings) Plan(ClassifierSpec spec, CancellationToken ct)
        {
            var networks = new List<(BuiltNetwork, double, bool)>();
            var findings = new List<Finding>();
            var shares = new List<Share>();
            bool complete = true;
            foreach (var h in spec.Hamiltonians)
            {
                ct.ThrowIfCancellationRequested();
                if (h.Bits is { } bits)
                {
                    var (plan, found) = BitPlanner.Plan(bits, ct);
                    foreach (var f in found) findings.Add(f.About(h.MethodName));
                    if (plan is null) complete = false;
                    else
                    {
                        networks.Add((plan.Deep.Network, 1.0, true));
                        var (low, high) = PosteriorBound.BitOutputRange(plan.Circuit.Output.Constant, plan.Circuit.Output.Terms.Values);
                        shares.Add(new Share(h.MethodName, plan.Deep.Network.ErrorBound, PosteriorBound.ScoreMagnitudeBound(low, high, h.Mu),
                            "the bound grows with the Hamiltonian's coefficients: scale them down"));
                    }
                }
                else
                {
                    // [PolynomialNetwork]'s own plan, with the Hamiltonian's options unchanged (no project settings).
                    var p = h.Polynomial!;
                    var plan = PolynomialPlanner.Plan(p, new ProjectSettings(p.Options.MaxExpandedTerms, null), ct);
                    foreach (var f in plan.Findings)
                        if (f.Descriptor.Id == DiagnosticIds.ToleranceUnreachable) findings.Add(f.About(h.MethodName));
                    networks.Add((plan.Deep!.Network, p.Options.InputBound, p.Options.CheckInputs));
                    // |H| ≤ S on the Hamiltonian's box, which holds the classifier's (the smallest InputBound's, CHEAP032).
                    double scale = plan.Deep.Scale;
                    shares.Add(new Share(h.MethodName, plan.Deep.Network.ErrorBound, PosteriorBound.ScoreMagnitudeBound(-scale, scale, h.Mu),
                        $"InputBound = {p.Options.InputBound.ToString("G6", CultureInfo.InvariantCulture)} bounds the inputs the network is proven on: lower it, or scale the Hamiltonian's inputs and coefficients down"));
                }
            }
            VacuousPosterior(findings, shares, spec.Hamiltonians.Count);
            return (complete ? networks : null, findings);
        }

        /// <summary>A Hamiltonian's part in the posterior bound: its network's ε, a bound of its |−H − µ| on the box, the advice for its ε.</summary>
        private sealed record Share(string Hamiltonian, double Epsilon, double ScoreMagnitude, string Advice);

        /// <summary>
        /// CHEAP031 at a Hamiltonian's InputBound, else its attribute, when the classifier's stated posterior bound
        /// (<see cref="PosteriorBound"/>: each posterior within e^(±2t) of Bayes' theorem, t = ε + 2⁻⁵¹·(M + K), ε the largest
        /// network bound, M = max_y |−H_y − µ_y|) says nothing somewhere on the box: e^(2t) − 1 ≥ 1 from t = ln 2 / 2 (or t is
        /// not finite), while the method feature would not warn (a default Tolerance never does). M is bounded over the box
        /// (<see cref="Share.ScoreMagnitude"/>). Reported at every Hamiltonian whose own ε and M make t vacuous, else (the
        /// classifier's largest ε and largest M come from different Hamiltonians) at the one with the largest own t.
        /// </summary>
        private static void VacuousPosterior(List<Finding> findings, List<Share> shares, int classCount)
        {
            if (shares.Count == 0) return;
            double epsilon = 0, magnitude = 0;
            foreach (var share in shares)
            {
                // NaN propagates: a NaN bound is no bound (IsVacuous).
                epsilon = double.IsNaN(share.Epsilon) || share.Epsilon > epsilon ? share.Epsilon : epsilon;
                magnitude = double.IsNaN(share.ScoreMagnitude) || share.ScoreMagnitude > magnitude ? share.ScoreMagnitude : magnitude;
                if (double.IsNaN(epsilon) || double.IsNaN(magnitude)) break;
            }
            double exponent = PosteriorBound.Exponent(epsilon, magnitude, classCount);
            if (!PosteriorBound.IsVacuous(exponent)) return;
            Share? largest = null;
            double largestOwn = double.NegativeInfinity;
            bool any = false;
            foreach (var share in shares)
            {
                double own = PosteriorBound.Exponent(share.Epsilon, share.ScoreMagnitude, classCount);
                if (PosteriorBound.IsVacuous(own))
                {
                    Report(findings, share, exponent);
                    any = true;
                }
                else if (own > largestOwn)
                {
                    largestOwn = own;
                    largest = share;
                }
            }
            if (!any && largest is not null) Report(findings, largest, exponent);
        }

        private static void Report(List<Finding> findings, Share share, double exponent)
        {
            // Rounding of large scores, not the network, decides: lowering InputBound or the coefficients' scale helps only as far as it lowers |H|.
            string advice = PosteriorBound.ScoreRounding * share.ScoreMagnitude > share.Epsilon
                ? "the double rounding of the scores −H − µ grows with their size: keep |H| + |µ| well below 1e14 (a constant common to all Hamiltonians can be subtracted without changing a posterior)"
                : share.Advice;
            findings.Add(new Finding(DiagnosticDescriptors.VacuousPosteriorBound, new[] { Place.ArgumentOf("InputBound"), Place.Attribute },
                share.Hamiltonian, BoundText.AtMost(share.Epsilon), BoundText.AtMost(share.ScoreMagnitude), BoundText.AtMost(exponent),
                BoundText.AtMost(PosteriorBound.ProbabilityError(exponent)), advice).About(share.Hamiltonian));
        }
    }
}
