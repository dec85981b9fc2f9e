using System.Collections.Generic;
using System.Threading;
using CheapLearning.Generator.Model;

namespace CheapLearning.Generator.Construction
{
    /// <summary>Builds the deep network of every Hamiltonian of a classifier (bit or polynomial), in class order.</summary>
    internal static class ClassifierPlanner
    {
        public static List<(BuiltNetwork Network, double InputBound, bool CheckInputs)> Build(ClassifierSpec spec, CancellationToken ct)
        {
            var networks = new List<(BuiltNetwork, double, bool)>();
            foreach (var h in spec.Hamiltonians)
            {
                ct.ThrowIfCancellationRequested();
                if (h.Bits is { } bits)
                    networks.Add((BitNetworkPlanner.Plan(bits.Graph, bits.Options, ct).Deep.Network, 1.0, true));
                else
                {
                    var p = h.Polynomial!;
                    networks.Add((DeepNetworkPlanner.Plan(p.Graph, p.Options, ct).Network, p.Options.InputBound, p.Options.CheckInputs));
                }
            }
            return networks;
        }
    }
}
