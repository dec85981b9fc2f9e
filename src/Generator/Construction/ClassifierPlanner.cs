using System.Collections.Generic;
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
                    else networks.Add((plan.Deep.Network, 1.0, true));
                }
                else
                {
                    // [PolynomialNetwork]'s own plan, with the Hamiltonian's options unchanged (no project settings).
                    var p = h.Polynomial!;
                    var plan = PolynomialPlanner.Plan(p, new ProjectSettings(p.Options.MaxExpandedTerms, null), ct);
                    foreach (var f in plan.Findings)
                        if (f.Descriptor.Id == DiagnosticIds.ToleranceUnreachable) findings.Add(f.About(h.MethodName));
                    networks.Add((plan.Deep!.Network, p.Options.InputBound, p.Options.CheckInputs));
                }
            }
            return (complete ? networks : null, findings);
        }
    }
}
