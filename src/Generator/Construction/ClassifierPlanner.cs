using System.Collections.Generic;
using System.Threading;
using CheapLearning.Generator.Bits;
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
                    var p = h.Polynomial!;
                    var deep = DeepNetworkPlanner.Plan(p.Graph, p.Options, ct);
                    if (PolynomialPlanner.DeepTolerance(h.MethodName, p.Options, deep) is { } unreachable) findings.Add(unreachable.About(h.MethodName));
                    networks.Add((deep.Network, p.Options.InputBound, p.Options.CheckInputs));
                }
            }
            return (complete ? networks : null, findings);
        }
    }
}
