using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace CheapLearning.Generator.Construction
{
    /// <summary>
    /// Makes a circuit strictly layered (Eq 6): each gate is placed as early as its inputs allow
    /// (level = 1 + the deepest input), and every input form that still holds values of earlier
    /// layers is carried up with copy gates (footnote 3; they count as neurons). Copies move
    /// whole linear combinations (one copy for Σ of many old values, not one per value) and are
    /// shared between the gates that need the same combination at the same layer.
    /// </summary>
    internal static class Layering
    {
        /// <summary>
        /// Layers <paramref name="source"/>; returns null as soon as the result is sure to have more than
        /// <paramref name="maxNeurons"/> neurons (every gate has at least 2), so a construction that has
        /// already lost to a smaller one is abandoned instead of finished (a left-nested product of
        /// 1,000 variables needs ~500,000 copy gates as written). It also returns null as soon as the gates
        /// placed so far have more than <paramref name="maxExactNeurons"/> neurons (counted exactly, for a caller
        /// that knows that such a circuit cannot win either).
        /// </summary>
        public static Circuit? Layer(Circuit source, CancellationToken ct, long maxNeurons, long maxExactNeurons = long.MaxValue)
        {
            int counted = 0;
            long neurons = 0;
            var result = new Circuit(source.InputCount, source.Gates.Count);
            var levels = new List<int>(source.SignalCount); // level of every signal of result
            for (int i = 0; i < source.InputCount; i++) levels.Add(0);
            var map = new int[source.SignalCount];
            for (int i = 0; i < source.InputCount; i++) map[i] = i;
            var copies = new Dictionary<FormKey, int>(); // by (level, form)
            var live = Live(source);

            for (int g = 0; g < source.Gates.Count; g++)
            {
                ct.ThrowIfCancellationRequested();
                // A gate the output does not depend on (a local that is computed but never used) is not
                // built: it would add neurons, and a layer of dead gates above the output's last layer
                // would break the strict layering the output map is numbered by.
                if (!live[source.InputCount + g]) continue;
                var gate = source.Gates[g];
                var a = Remap(gate.A, map);
                var b = gate.B is null ? null : Remap(gate.B, map);
                int level = 1 + Math.Max(MaxLevel(a, levels), b is null ? 0 : MaxLevel(b, levels));
                a = Raise(result, levels, copies, a, level - 1);
                if (b is not null) b = Raise(result, levels, copies, b, level - 1);
                int before = result.Gates.Count;
                int signal = result.AddGate(gate.Kind, a, b);
                if (result.Gates.Count > before)
                {
                    result.Gates[result.Gates.Count - 1].Level = level;
                    levels.Add(level);
                }
                map[source.InputCount + g] = signal;
                if (2L * result.Gates.Count > maxNeurons) return null;
                for (; counted < result.Gates.Count; counted++) neurons += result.Gates[counted].NeuronCount;
                if (neurons > maxExactNeurons) return null;
            }

            var output = Remap(source.Output, map);
            // (the output's copies may still exceed the budget; the caller compares exact counts)
            result.Output = Raise(result, levels, copies, output, MaxLevel(output, levels));
            return result;
        }

        /// <summary>Which signals the output depends on (gates refer only to earlier signals, so one backward pass).</summary>
        private static bool[] Live(Circuit source)
        {
            var live = new bool[source.SignalCount];
            foreach (var t in source.Output.Terms) live[t.Signal] = true;
            for (int g = source.Gates.Count - 1; g >= 0; g--)
            {
                if (!live[source.InputCount + g]) continue;
                var gate = source.Gates[g];
                foreach (var t in gate.A.Terms) live[t.Signal] = true;
                if (gate.B is not null) foreach (var t in gate.B.Terms) live[t.Signal] = true;
            }
            return live;
        }

        private static SignalForm Remap(SignalForm form, int[] map)
        {
            if (IsFixed(form, map)) return form;
            var terms = new SignalTerm[form.Terms.Length];
            for (int i = 0; i < terms.Length; i++) terms[i] = new SignalTerm(map[form.Terms[i].Signal], form.Terms[i].Coefficient);
            return SignalForm.Combine(form.Constant, terms, terms.Length);
        }

        /// <summary>
        /// Whether remapping <paramref name="form"/> gives it back unchanged: every signal maps to itself, and
        /// the terms are already what <see cref="SignalForm.Combine"/> makes (increasing signals, no zero).
        /// </summary>
        private static bool IsFixed(SignalForm form, int[] map)
        {
            var terms = form.Terms;
            for (int i = 0; i < terms.Length; i++)
            {
                if (map[terms[i].Signal] != terms[i].Signal || terms[i].Coefficient == 0) return false;
                if (i > 0 && terms[i].Signal <= terms[i - 1].Signal) return false;
            }
            return true;
        }

        private static int MaxLevel(SignalForm form, List<int> levels)
        {
            int level = 0;
            foreach (var t in form.Terms) level = Math.Max(level, levels[t.Signal]);
            return level;
        }

        /// <summary>Rewrites <paramref name="form"/> so that all its signals live at <paramref name="target"/>.</summary>
        private static SignalForm Raise(Circuit circuit, List<int> levels, Dictionary<FormKey, int> copies, SignalForm form, int target)
        {
            int lowCount = 0;
            foreach (var t in form.Terms) if (levels[t.Signal] < target) lowCount++;
            if (lowCount == 0) return form;
            // Every term low (the common case: a gate's output carried up): the form's own terms are the low ones.
            bool allLow = lowCount == form.Terms.Length;
            var low = allLow ? form.Terms : new SignalTerm[lowCount];
            var kept = new SignalTerm[form.Terms.Length - lowCount + 1]; // the terms at target, then the copy
            int lowIndex = 0, keptCount = 0;
            if (!allLow)
            {
                foreach (var t in form.Terms)
                {
                    int level = levels[t.Signal];
                    if (level < target) low[lowIndex++] = t;
                    else if (level == target) kept[keptCount++] = t;
                }
            }
            // Copy low/k with k its first coefficient, so that 2x and 3x share one copy of x.
            double k = low[0].Coefficient;
            SignalForm normalized;
            // c/1 is c, bit for bit, and exact: low/1 is low itself (and the form itself when nothing else is in it).
            if (k == 1) normalized = allLow && BitConverter.DoubleToInt64Bits(form.Constant) == 0 ? form : new SignalForm(0, low);
            else
            {
                var scaled = new SignalTerm[lowCount];
                for (int i = 0; i < lowCount; i++) scaled[i] = new SignalTerm(low[i].Signal, low[i].Coefficient / k);
                normalized = new SignalForm(0, scaled);
                // Only when every division is exact (c/k·k == c in double does not prove it), so the copied
                // combination times k is exactly the original one.
                for (int i = 0; i < lowCount; i++)
                {
                    if (ExactQuotient(low[i].Coefficient, k, scaled[i].Coefficient)) continue;
                    k = 1;
                    normalized = new SignalForm(0, low);
                    break;
                }
            }
            var key = new FormKey(normalized, target);
            if (!copies.TryGetValue(key, out int copy))
            {
                var below = Raise(circuit, levels, copies, normalized, target - 1);
                int before = circuit.Gates.Count;
                copy = circuit.AddGate(GateKind.Copy, below);
                if (circuit.Gates.Count > before)
                {
                    circuit.Gates[circuit.Gates.Count - 1].Level = target;
                    levels.Add(target);
                }
                copies[key] = copy;
            }
            kept[keptCount++] = new SignalTerm(copy, k);
            return SignalForm.Combine(form.Constant, kept, keptCount);
        }

        /// <summary>
        /// Whether q·k = c exactly, for q = fl(c/k). Well inside double's range, Dekker's TwoProduct splits q·k
        /// into p + e exactly, and the product is c iff p = c and e = 0 (no BigInteger). Elsewhere (splitting
        /// could overflow, a partial product underflow, a value is not finite) the exact rationals decide, as
        /// they always did.
        /// </summary>
        internal static bool ExactQuotient(double c, double k, double q)
        {
            const double Large = 1e290, Small = 1e-270;
            double p = q * k;
            if (Math.Abs(q) < Large && Math.Abs(k) < Large && Math.Abs(p) < Large && Math.Abs(p) > Small
                && Math.Abs(q) > Small && Math.Abs(k) > Small)
            {
                if (p != c) return false;
                var (qh, ql) = Split(q);
                var (kh, kl) = Split(k);
                double e = ((qh * kh - p) + qh * kl + ql * kh) + ql * kl;
                return e == 0;
            }
            return Algebra.Rational.FromDouble(q) * Algebra.Rational.FromDouble(k) == Algebra.Rational.FromDouble(c);
        }

        /// <summary>Veltkamp's split: x = hi + lo exactly, each with at most 26 significant bits.</summary>
        private static (double Hi, double Lo) Split(double x)
        {
            double t = 134217729.0 * x; // 2^27 + 1
            double hi = t - (t - x);
            return (hi, x - hi);
        }
    }
}
