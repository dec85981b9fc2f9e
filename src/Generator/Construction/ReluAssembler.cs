using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace CheapLearning.Generator.Construction
{
    /// <summary>
    /// Turns a layered circuit (the same one the smooth gates use) into a ReLU network with a proven
    /// bound. Every circuit level becomes a block of m + 1 ReLU layers: a squaring gate is one
    /// Yarotsky square (<see cref="ReluSquareBlock"/>), a multiplication gate two by polarization,
    /// a copy gate an exact carry. As for the smooth gates, each gate input is divided by its exact
    /// bound Û so the square works on [−1, 1] and its error scales by Û² (scale-free gates).
    /// <para>
    /// The truncation of a square is known exactly (2^(−2m−2)) and the only other error is the
    /// rounding of the affine maps (σ = max(0, ·) rounds nothing), so the bound is tight; m is the
    /// smallest that meets the allowed error, or the one with the smallest bound when none does.
    /// One m serves every square of the network (all blocks of a level must be equally deep anyway).
    /// </para>
    /// </summary>
    internal static class ReluAssembler
    {
        /// <summary>Beyond 2^(−62) the truncation is far below double rounding for every scale.</summary>
        public const int MaxTeeth = 30;

        /// <summary>Normalising bounds are kept in [2⁻¹⁰⁰⁰, ∞) so that 1/Û never overflows (2⁻¹⁰⁰⁰ exactly).</summary>
        private const double MinimumScale = 9.332636185032189e-302;

        public static BuiltNetwork Choose(Circuit layered, double inputBound, double allowed, CancellationToken ct)
        {
            if (!layered.Gates.Any(g => g.Kind != GateKind.Copy)) return Assemble(layered, inputBound, 0, ct);
            // The bound falls like 4⁻ᵐ until rounding dominates: when the most teeth meet the allowed error,
            // bisect for the fewest that do (a handful of assemblies instead of thirty).
            var most = Assemble(layered, inputBound, MaxTeeth, ct);
            if (most.ErrorBound <= allowed)
            {
                int lo = 0, hi = MaxTeeth;
                var best = most;
                while (lo < hi)
                {
                    int mid = (lo + hi) / 2;
                    var network = Assemble(layered, inputBound, mid, ct);
                    if (network.ErrorBound <= allowed) { hi = mid; best = network; }
                    else lo = mid + 1;
                }
                return best;
            }
            // Out of reach: the smallest bound, where more teeth stop paying for themselves.
            BuiltNetwork? smallest = null;
            for (int m = 0; m <= MaxTeeth; m++)
            {
                var network = Assemble(layered, inputBound, m, ct);
                if (smallest is not null && !(network.ErrorBound < smallest.ErrorBound)) return smallest;
                smallest = network;
            }
            return smallest!;
        }

        /// <summary>The network with <paramref name="m"/> teeth per square (m + 1 ReLU layers per circuit level).</summary>
        public static BuiltNetwork Assemble(Circuit layered, double inputBound, int m, CancellationToken ct)
        {
            int n = layered.InputCount;
            var values = new ReluValue?[layered.SignalCount];
            for (int i = 0; i < n; i++) values[i] = ReluValue.Column(i, inputBound, 0);
            var layers = new ReluLayers(n, inputBound);
            int depth = layered.Gates.Count == 0 ? 0 : layered.Gates.Max(g => g.Level);
            bool squares = layered.Gates.Any(g => g.Kind != GateKind.Copy);
            int blockLayers = squares ? ReluSquareBlock.LayersFor(m) : 1;
            int multiply = 0, square = 0, copy = 0;
            for (int level = 1; level <= depth; level++)
            {
                ct.ThrowIfCancellationRequested();
                var blocks = new List<(int Signal, IReluBlock Block, double OutputScale, double Bound)>();
                for (int g = 0; g < layered.Gates.Count; g++)
                {
                    var gate = layered.Gates[g];
                    if (gate.Level != level) continue;
                    var a = FormValue(gate.A, values);
                    double scaleA = Math.Max(a.Bound, MinimumScale);
                    switch (gate.Kind)
                    {
                        case GateKind.Multiply:
                        {
                            multiply++;
                            var b = FormValue(gate.B!, values);
                            double scaleB = Math.Max(b.Bound, MinimumScale);
                            blocks.Add((n + g, new ReluProductBlock(a, scaleA, b, scaleB, m), 1, a.Bound * b.Bound));
                            break;
                        }
                        case GateKind.Square:
                        {
                            square++;
                            var normalised = ReluValue.Combine(0, new[] { (a, 1 / scaleA) }, a.Bound / scaleA, a.Error / scaleA);
                            blocks.Add((n + g, new ReluSquareBlock(normalised, m), scaleA * scaleA, a.Bound * a.Bound));
                            break;
                        }
                        default:
                            copy++;
                            blocks.Add((n + g, new ReluCopyBlock(a), 1, a.Bound));
                            break;
                    }
                }
                for (int step = 0; step < blockLayers; step++)
                {
                    foreach (var block in blocks) block.Block.Step(layers);
                    layers.EndLayer();
                }
                // Values of earlier levels refer to layers that are gone; Layering guarantees no gate reads them.
                Array.Clear(values, 0, values.Length);
                foreach (var (signal, block, outputScale, bound) in blocks)
                {
                    var r = block.Result;
                    values[signal] = outputScale == 1 ? new ReluValue(r.Constant, r.Terms, bound, r.Error)
                        : ReluValue.Combine(0, new[] { (r, outputScale) }, bound, outputScale * r.Error);
                }
            }
            return layers.Finish(FormValue(layered.Output, values), multiply, square, copy);
        }

        /// <summary>
        /// A circuit form over the current signals. Its coefficients are exact ones rounded once
        /// (CircuitBuilders): off by ≤ u|c| (or half a subnormal) on a value of size ≤ B + E.
        /// </summary>
        private static ReluValue FormValue(SignalForm form, ReluValue?[] values)
        {
            double bound = Math.Abs(form.Constant), error = GateDesign.Unit * Math.Abs(form.Constant);
            var parts = new List<(ReluValue, double)>();
            foreach (var t in form.Terms)
            {
                var v = values[t.Signal] ?? throw new InvalidOperationException("A layered circuit reads only the previous level.");
                double w = Math.Abs(t.Coefficient);
                bound += w * v.Bound;
                error += w * v.Error + (GateDesign.Unit * w + double.Epsilon) * (v.Bound + v.Error);
                parts.Add((v, t.Coefficient));
            }
            return ReluValue.Combine(form.Constant, parts, bound, error);
        }
    }
}
