using System;
using System.Threading;
using CheapLearning.Generator.Algebra;
using CheapLearning.Generator.Model;

namespace CheapLearning.Generator.Construction
{
    /// <summary>The chosen deep network of a method, with what the accuracy contract needs to know.</summary>
    internal sealed class DeepPlan
    {
        public DeepPlan(BuiltNetwork network, double scale, string strategy, Polynomial? expanded, int degree)
        {
            Network = network;
            Scale = scale;
            Strategy = strategy;
            Expanded = expanded;
            Degree = degree;
        }

        public BuiltNetwork Network { get; }

        /// <summary>S of the accuracy contract: Σ|c_m|R^deg(m), or the expression's majorant when not expanded.</summary>
        public double Scale { get; }

        /// <summary>"expression" or "monomials": which construction won.</summary>
        public string Strategy { get; }

        /// <summary>The expanded polynomial, or null when it exceeded the term limit.</summary>
        public Polynomial? Expanded { get; }

        public int Degree { get; }

        /// <summary>The tolerance the network meets: ErrorBound / S.</summary>
        public double ReachableTolerance => Scale > 0 ? Network.ErrorBound / Scale : Network.ErrorBound;
    }

    /// <summary>
    /// Builds the deep network for a method: from the expression as written and from the expanded
    /// monomials (when expansion fits the term limit), keeping the one with fewer neurons (then the
    /// smaller error bound).
    /// </summary>
    internal static class DeepNetworkPlanner
    {
        public static DeepPlan Plan(ExprGraph graph, NetworkOptions options, CancellationToken ct)
        {
            var sigma = ActivationCalculus.For(options.Activation);
            var expanded = Expansion.TryExpand(graph, options.MaxExpandedTerms, ct);

            // The monomial construction is built first so that the expression's construction can be
            // abandoned as soon as it has more neurons (it could not win; see Layering.Layer).
            var monomial = expanded is null ? null : Build(CircuitBuilders.FromMonomials(expanded, ct), sigma, options, ct, long.MaxValue);
            var structural = Build(CircuitBuilders.FromStructure(graph, ct), sigma, options, ct, monomial?.Neurons ?? long.MaxValue);
            BuiltNetwork best;
            string strategy;
            if (structural is null || (monomial is not null
                && (monomial.Neurons < structural.Neurons || (monomial.Neurons == structural.Neurons && monomial.ErrorBound < structural.ErrorBound))))
            {
                best = monomial!;
                strategy = "monomials";
            }
            else
            {
                best = structural;
                strategy = "expression";
            }
            double scale = expanded?.AbsoluteSum(options.InputBound) ?? graph.Majorant(options.InputBound);
            int degree = expanded?.Degree ?? graph.DegreeBound();
            best = best.WithAddedError(RepresentationError(graph, degree, scale));
            return new DeepPlan(best, scale, strategy, expanded, degree);
        }

        /// <summary>
        /// Folding constants and combining coefficients (3x + 2x, products of scalars, expansion)
        /// rounds each coefficient a few times, so the network computes a polynomial whose
        /// coefficients may differ from the exact ones by γ_K relative, K bounded by the operations
        /// that can touch one coefficient: |Δp| ≤ γ_K·S on the box.
        /// </summary>
        private static double RepresentationError(ExprGraph graph, int degree, double scale)
        {
            double k = 4 + 2.0 * (graph.Atoms.Count + graph.Result.Terms.Count + Math.Min(degree, 1_000_000));
            return k * GateDesign.Unit / (1 - k * GateDesign.Unit) * scale;
        }

        private static BuiltNetwork? Build(Circuit circuit, ActivationCalculus sigma, NetworkOptions options, CancellationToken ct, long maxNeurons)
            => Layering.Layer(circuit, ct, maxNeurons) is { } layered ? NetworkAssembler.Assemble(layered, sigma, options.InputBound, ct) : null;
    }
}
