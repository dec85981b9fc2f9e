using System;
using System.Threading;
using CheapLearning.Generator.Algebra;
using CheapLearning.Generator.Model;

namespace CheapLearning.Generator.Construction
{
    /// <summary>
    /// Why a plan cannot keep the accuracy contract's promise of finite values and a finite bound
    /// (for the analyzer to report; <see cref="None"/> for every polynomial whose values fit in a double).
    /// </summary>
    internal enum NumericLimit
    {
        /// <summary>Finite weights, finite outputs, finite bound.</summary>
        None,
        /// <summary>
        /// S = Σ|c_m|R^deg(m) itself exceeds double's range (≈1.8e308): the polynomial's values on the box
        /// may not fit in a double; <see cref="DeepPlan.ScaleLog10"/> says how large S is.
        /// </summary>
        ScaleExceedsDouble,
        /// <summary>
        /// S fits, but a weight or an intermediate sum of the network does not (they reach about 10⁵·S
        /// for a multiplication gate's neurons): the values are too close to double's limit.
        /// </summary>
        NetworkExceedsDouble,
    }

    /// <summary>The chosen deep network of a method, with what the accuracy contract needs to know.</summary>
    internal sealed class DeepPlan
    {
        public DeepPlan(BuiltNetwork network, Magnitude scale, string strategy, Polynomial? expanded, int degree)
        {
            Network = network;
            Scale = scale.ToDouble();
            ScaleLog10 = scale.Log2 * 0.30102999566398120;
            Strategy = strategy;
            Expanded = expanded;
            Degree = degree;
            Limit = double.IsInfinity(Scale) ? NumericLimit.ScaleExceedsDouble
                  : !network.IsFinite ? NumericLimit.NetworkExceedsDouble
                  : NumericLimit.None;
        }

        public BuiltNetwork Network { get; }

        /// <summary>S of the accuracy contract: Σ|c_m|R^deg(m) from the exact coefficients, or the expression's majorant when not expanded (+∞ beyond double).</summary>
        public double Scale { get; }

        /// <summary>log₁₀ S, finite even where S is not a double (−∞ for the zero polynomial).</summary>
        public double ScaleLog10 { get; }

        /// <summary>Whether the plan keeps finite values and a finite bound, and if not why.</summary>
        public NumericLimit Limit { get; }

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
    /// monomials (when expansion fits the term limit), keeping the one that meets the tolerance with
    /// fewer neurons (then the smaller error bound). Both use the exact coefficients, each rounded once.
    /// </summary>
    internal static class DeepNetworkPlanner
    {
        public static DeepPlan Plan(ExprGraph graph, NetworkOptions options, CancellationToken ct)
        {
            // ReLU has no Taylor gates: its circuits are assembled by Yarotsky squares (ReluAssembler).
            var sigma = options.Activation == Activation.ReLU ? null : ActivationCalculus.For(options.Activation);
            var expanded = Expansion.TryExpand(graph, options.MaxExpandedTerms, ct);
            var scale = expanded?.AbsoluteSumMagnitude(options.InputBound) ?? graph.MajorantMagnitude(options.InputBound);
            double allowed = options.Tolerance * scale.ToDouble();

            // The monomial construction is built first so that the expression's construction can be
            // abandoned as soon as it has more neurons (it could not win; see Layering.Layer).
            var monomialLayered = expanded is null ? null : Layering.Layer(CircuitBuilders.FromMonomials(expanded, ct), ct, long.MaxValue);
            var monomial = monomialLayered is null ? null : Assemble(monomialLayered, sigma, options, allowed, ct);
            // A layered circuit's neuron count is its smooth network's (one neuron per gate neuron; ReLU squares
            // have more), so the expression's smooth network is neither finished nor assembled once it cannot win
            // (see Better): the monomials' network meets τ·S with fewer neurons. Nor is it assembled when it layers
            // into the very same circuit: its network is the one just assembled.
            bool monomialWinsFewer = sigma is not null && monomial is not null && monomial.ErrorBound <= allowed;
            var structuralLayered = Layering.Layer(CircuitBuilders.FromStructure(graph, ct), ct, monomial?.Neurons ?? long.MaxValue,
                                                   monomialWinsFewer ? monomial!.Neurons : long.MaxValue);
            var structural = structuralLayered is null ? null
                           : monomialWinsFewer && structuralLayered.NeuronCount > monomial!.Neurons ? null
                           : monomialLayered is not null && structuralLayered.SameAs(monomialLayered) ? monomial
                           : Assemble(structuralLayered, sigma, options, allowed, ct);
            BuiltNetwork best;
            string strategy;
            if (structural is null || (monomial is not null && Better(monomial, structural, allowed)))
            {
                best = monomial!;
                strategy = "monomials";
            }
            else
            {
                best = structural;
                strategy = "expression";
            }
            int degree = expanded?.Degree ?? graph.DegreeBound();
            best = best.WithAddedError(ShrinkError(graph, options.InputBound));
            return new DeepPlan(best, scale, strategy, expanded, degree);
        }

        /// <summary>
        /// Whether <paramref name="a"/> beats <paramref name="b"/>: meeting τ·S first (under cancellation the
        /// expression as written can be accurate only relative to its much larger majorant), then fewer
        /// neurons, then the smaller bound.
        /// </summary>
        private static bool Better(BuiltNetwork a, BuiltNetwork b, double allowed)
        {
            bool aMeets = a.ErrorBound <= allowed, bMeets = b.ErrorBound <= allowed;
            if (aMeets != bMeets) return aMeets;
            return a.Neurons < b.Neurons || (a.Neurons == b.Neurons && a.ErrorBound < b.ErrorBound);
        }

        /// <summary>
        /// Constants cut to <see cref="ExprBuilder.ShrunkBits"/> bits (only beyond
        /// <see cref="ExprBuilder.MaxConstantBits"/>) changed each by &lt; 2⁻²⁵⁵ relative; raised to powers of at
        /// most 2³¹·10⁶ along a path, p moves by less than 2⁻²⁰⁰ per cut times its majorant.
        /// </summary>
        private static double ShrinkError(ExprGraph graph, double inputBound)
            => graph.ShrunkConstants == 0 ? 0 : graph.ShrunkConstants * Math.Pow(2, -200) * graph.Majorant(inputBound) + double.Epsilon;

        /// <summary>
        /// The layered circuit as a network of smooth gates, or for ReLU (<paramref name="sigma"/> null) of
        /// Yarotsky squares with as many teeth as <paramref name="allowed"/> needs. Every gate has at least 2
        /// neurons in either, so the budget test of Layering (the circuit was layered with the budget) holds for both.
        /// </summary>
        private static BuiltNetwork Assemble(Circuit layered, ActivationCalculus? sigma, NetworkOptions options, double allowed, CancellationToken ct)
        {
            return sigma is null
                ? ReluAssembler.Choose(layered, options.InputBound, allowed, ct)
                : NetworkAssembler.Assemble(layered, sigma, options.InputBound, ct);
        }
    }
}
