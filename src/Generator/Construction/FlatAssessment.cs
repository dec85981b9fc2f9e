using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Threading;
using CheapLearning.Generator.Algebra;

namespace CheapLearning.Generator.Construction
{
    /// <summary>What happens to a requested flat form.</summary>
    internal enum FlatVerdict
    {
        /// <summary>Built: within the budget.</summary>
        Fits,
        /// <summary>CHEAP010: the construction exceeds the budget.</summary>
        OverBudget,
        /// <summary>CHEAP011: an explicit budget below the proven minimum of any one-hidden-layer network.</summary>
        BelowMinimum,
        /// <summary>The degree exceeds what the flat error analysis covers (<see cref="FlatNetworkBuilder.MaxDegree"/>).</summary>
        DegreeTooHigh,
        /// <summary>The polynomial has more terms than the expansion limit.</summary>
        NotExpanded,
        /// <summary>ReLU: the proven minimum fits the budget but the ridge construction does not (or the degree is above 12).</summary>
        ReluNotBuilt,
    }

    /// <summary>
    /// Sizes of a requested flat form, decided before anything is constructed: the counts come from
    /// <see cref="TheoryCounts"/> (analytic), and neurons are only enumerated (to count shared ones)
    /// when the unshared total is below <see cref="EnumerationLimit"/>.
    /// </summary>
    internal sealed class FlatAssessment
    {
        /// <summary>Above this many unshared neurons (or 2× the budget, at least 65,536) the exact shared count of a sum is not enumerated.</summary>
        public const int EnumerationLimit = 1 << 20;

        private FlatAssessment() { }

        public FlatVerdict Verdict { get; private set; }
        public int Budget { get; private set; }
        public Polynomial? Expanded { get; private set; }

        /// <summary>The monomial with the largest flat count: it forces the size.</summary>
        public Monomial? Forcing { get; private set; }
        public BigInteger ForcingFlatNeurons { get; private set; }
        public BigInteger ForcingFlatSynapses { get; private set; }
        public BigInteger ForcingDeepNeurons { get; private set; }
        public BigInteger ForcingDeepSynapses { get; private set; }

        /// <summary>Non-constant monomials c.</summary>
        public int MonomialCount { get; private set; }

        /// <summary>The construction's neuron count when known exactly, else null (then between the lower and upper values).</summary>
        public BigInteger? FlatNeurons { get; private set; }

        /// <summary>Σ over monomials of Π(rᵢ+1): the count without sharing.</summary>
        public BigInteger UnsharedNeurons { get; private set; }

        /// <summary>
        /// Proven minimum of one hidden layer: Π(rᵢ+1) for a single monomial (Rolnick &amp; Tegmark
        /// Thm II.1), ⌈max_j m₁(q_j)/c⌉ for a sum of c monomials (the paper's lower bound for sums).
        /// </summary>
        public BigInteger LowerBound { get; private set; }
        public bool LowerBoundIsMonomial => MonomialCount <= 1;

        /// <summary>
        /// ReLU only: the proven minimum of one hidden ReLU layer within τ·S (<see cref="ReluCounts"/>), or null
        /// for smooth activations. It replaces the smooth counts in the verdict: OverBudget (CHEAP013 with these counts) when above
        /// the budget, BelowMinimum (CHEAP011) when an explicit budget is below it, Fits when the ridge construction
        /// (<see cref="ReluFlatBuilder"/>) fits too, else ReluNotBuilt.
        /// </summary>
        public double? ReluFlatMinimum { get; private set; }

        /// <summary>ReLU only: neurons of <see cref="ReluFlatBuilder"/>'s ridge construction (−1 when not counted: over the minimum's budget, or degree above 12).</summary>
        public long ReluFlatConstruction { get; private set; } = -1;

        /// <summary>The assessment for a ReLU flat form, by ReLU's no-flattening law instead of Π(rᵢ+1).</summary>
        public static FlatAssessment AssessRelu(ExprGraph graph, Model.NetworkOptions options, CancellationToken ct)
            => AssessRelu(Expansion.TryExpand(graph, options.MaxExpandedTerms, ct), options, ct);

        /// <summary>As above, from the graph's expansion with <c>options.MaxExpandedTerms</c> (null: over the limit).</summary>
        public static FlatAssessment AssessRelu(Polynomial? expanded, Model.NetworkOptions options, CancellationToken ct)
        {
            var a = Assess(expanded, options.MaxFlatNeurons, options.MaxFlatNeuronsExplicit, ct);
            if (a.Expanded is not { } p) return a;
            double epsilon = options.Tolerance * p.AbsoluteSum(options.InputBound);
            double minimum = ReluCounts.FlatMinimum(p, options.InputBound, epsilon);
            a.ReluFlatMinimum = minimum;
            long construction = minimum <= options.MaxFlatNeurons ? ReluFlatBuilder.Count(p, options.InputBound, epsilon, ct) : -1;
            a.ReluFlatConstruction = construction;
            a.Verdict = minimum > options.MaxFlatNeurons ? (options.MaxFlatNeuronsExplicit ? FlatVerdict.BelowMinimum : FlatVerdict.OverBudget)
                      : construction >= 0 && construction <= options.MaxFlatNeurons ? FlatVerdict.Fits
                      : FlatVerdict.ReluNotBuilt;
            return a;
        }

        /// <summary>The smallest k ≥ 2 whose depth-k count (Thm III.1, summed over monomials) fits the budget; null when none does.</summary>
        public int? SmallestFittingDepth { get; private set; }

        public static FlatAssessment Assess(ExprGraph graph, int budget, bool budgetExplicit, int maxExpandedTerms, CancellationToken ct)
            => Assess(Expansion.TryExpand(graph, maxExpandedTerms, ct), budget, budgetExplicit, ct);

        /// <summary>
        /// The assessment of an expansion already made (the deep planner expands the same graph with the same
        /// limit first, and expanding twice was a large part of planning big polynomials); null: over the limit.
        /// </summary>
        public static FlatAssessment Assess(Polynomial? p, int budget, bool budgetExplicit, CancellationToken ct)
        {
            var a = new FlatAssessment { Budget = budget };
            a.Expanded = p;
            if (p is null)
            {
                a.Verdict = FlatVerdict.NotExpanded;
                return a;
            }
            var terms = p.Terms;
            var monomials = new List<Monomial>(terms.Count);
            for (int i = 0; i < terms.Count; i++) if (terms[i].Key.Degree > 0) monomials.Add(terms[i].Key);
            a.MonomialCount = monomials.Count;
            BigInteger unshared = BigInteger.Zero, max = BigInteger.Zero;
            foreach (var m in monomials)
            {
                var count = TheoryCounts.FlatNeurons(m.Exponents);
                unshared += count;
                if (count > max || a.Forcing is null)
                {
                    max = count;
                    a.Forcing = m;
                }
            }
            a.UnsharedNeurons = unshared;
            if (a.Forcing is not null)
            {
                a.ForcingFlatNeurons = max;
                a.ForcingFlatSynapses = TheoryCounts.FlatSynapses(a.Forcing.Exponents);
                a.ForcingDeepNeurons = TheoryCounts.DeepNeurons(a.Forcing.Degree);
                a.ForcingDeepSynapses = TheoryCounts.DeepSynapses(a.Forcing.Degree);
            }
            int c = Math.Max(1, monomials.Count);
            a.LowerBound = (max + c - 1) / c;
            // A single monomial's count is analytic; sums are deduplicated by enumeration only while small.
            long limit = Math.Min(EnumerationLimit, Math.Max(1 << 16, 2L * budget));
            if (monomials.Count <= 1) a.FlatNeurons = unshared;
            else if (unshared <= limit) a.FlatNeurons = FlatNetworkBuilder.CountNeurons(p);

            bool over = a.FlatNeurons is { } exact ? exact > budget : true;
            if (over) a.SmallestFittingDepth = SmallestDepth(monomials, budget, ct);
            if (budgetExplicit && a.LowerBound > budget) a.Verdict = FlatVerdict.BelowMinimum;
            else if (over) a.Verdict = FlatVerdict.OverBudget;
            else if (p.Degree > FlatNetworkBuilder.MaxDegree) a.Verdict = FlatVerdict.DegreeTooHigh;
            else a.Verdict = FlatVerdict.Fits;
            return a;
        }

        private static int? SmallestDepth(List<Monomial> monomials, int budget, CancellationToken ct)
        {
            if (monomials.Count == 0) return null;
            int deepest = Math.Max(2, monomials.Max(m => TheoryCounts.CeilLog2(m.Degree)));
            // Depth-k costs per degree for every k at once (one level search per degree, not one per k).
            var byDegree = new Dictionary<int, double[]>();
            var flats = new double[monomials.Count];
            for (int i = 0; i < flats.Length; i++) flats[i] = (double)TheoryCounts.FlatNeurons(monomials[i].Exponents);
            for (int k = 2; k <= deepest; k++)
            {
                ct.ThrowIfCancellationRequested();
                double total = 0;
                for (int i = 0; i < monomials.Count; i++)
                {
                    var m = monomials[i];
                    if (!byDegree.TryGetValue(m.Degree, out var depths))
                        byDegree[m.Degree] = depths = TheoryCounts.ProductNeuronsApproxByDepth(m.Degree, deepest);
                    total += Math.Min(depths[k], flats[i]);
                    if (total > budget) break;
                }
                if (total <= budget) return k;
            }
            return null;
        }
    }
}

namespace CheapLearning.Generator.Construction
{
    /// <summary>The flat form of a method when it is requested and fits; the assessment either way.</summary>
    internal static class FlatPlanner
    {
        public static (FlatAssessment Assessment, FlatPlan? Plan) Plan(ExprGraph graph, Model.NetworkOptions options, CancellationToken ct)
            => Plan(Expansion.TryExpand(graph, options.MaxExpandedTerms, ct), options, ct);

        /// <summary>As above, from the graph's expansion with <c>options.MaxExpandedTerms</c> (null: over the limit).</summary>
        public static (FlatAssessment Assessment, FlatPlan? Plan) Plan(Polynomial? expanded, Model.NetworkOptions options, CancellationToken ct)
        {
            if (options.Activation == Activation.ReLU)
            {
                var relu = FlatAssessment.AssessRelu(expanded, options, ct);
                if (relu.Verdict != FlatVerdict.Fits) return (relu, null);
                double scale = relu.Expanded!.AbsoluteSum(options.InputBound);
                return (relu, ReluFlatBuilder.Build(relu.Expanded, options.InputBound, options.Tolerance * scale, scale, ct));
            }
            var assessment = FlatAssessment.Assess(expanded, options.MaxFlatNeurons, options.MaxFlatNeuronsExplicit, ct);
            if (assessment.Verdict != FlatVerdict.Fits) return (assessment, null);
            var plan = FlatNetworkBuilder.Build(assessment.Expanded!, ActivationCalculus.For(options.Activation), options.InputBound, ct);
            return (assessment, plan);
        }
    }
}
