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
                        VacuousPosterior(findings, h.MethodName, plan.Deep.Network.ErrorBound, "the bound grows with the Hamiltonian's coefficients: scale them down");
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
                    VacuousPosterior(findings, h.MethodName, plan.Deep.Network.ErrorBound,
                        $"InputBound = {p.Options.InputBound.ToString("G6", CultureInfo.InvariantCulture)} bounds the inputs the network is proven on: lower it, or scale the Hamiltonian's inputs and coefficients down");
                }
            }
            return (complete ? networks : null, findings);
        }

        /// <summary>
        /// CHEAP031 at the Hamiltonian's InputBound, else its attribute, when its network's bound ε leaves the classifier's
        /// posteriors unbounded: each is within a factor e^(±2ε) of Bayes' theorem (Eq 8), so each probability within
        /// e^(2ε) − 1, which from ε = ln 2 / 2 is at least 1 (or is not finite): the classifier's stated bound then says
        /// nothing, while the method feature would not warn (a default Tolerance never does).
        /// </summary>
        private static void VacuousPosterior(List<Finding> findings, string hamiltonian, double epsilon, string advice)
        {
            double probability = Math.Exp(2 * epsilon) - 1;
            if (probability < 1) return;
            findings.Add(new Finding(DiagnosticDescriptors.VacuousPosteriorBound, new[] { Place.ArgumentOf("InputBound"), Place.Attribute },
                hamiltonian, BoundText.AtMost(epsilon), BoundText.AtMost(probability), advice).About(hamiltonian));
        }
    }
}
