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
        /// 1,000 variables needs ~500,000 copy gates as written).
        /// </summary>
        public static Circuit? Layer(Circuit source, CancellationToken ct, long maxNeurons)
        {
            var result = new Circuit(source.InputCount);
            var levels = new List<int>(); // level of every signal of result
            for (int i = 0; i < source.InputCount; i++) levels.Add(0);
            var map = new int[source.SignalCount];
            for (int i = 0; i < source.InputCount; i++) map[i] = i;
            var copies = new Dictionary<string, int>();
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
            => SignalForm.Combine(form.Constant, form.Terms.Select(t => new SignalTerm(map[t.Signal], t.Coefficient)));

        private static int MaxLevel(SignalForm form, List<int> levels)
        {
            int level = 0;
            foreach (var t in form.Terms) level = Math.Max(level, levels[t.Signal]);
            return level;
        }

        /// <summary>Rewrites <paramref name="form"/> so that all its signals live at <paramref name="target"/>.</summary>
        private static SignalForm Raise(Circuit circuit, List<int> levels, Dictionary<string, int> copies, SignalForm form, int target)
        {
            var low = form.Terms.Where(t => levels[t.Signal] < target).ToArray();
            if (low.Length == 0) return form;
            var high = form.Terms.Where(t => levels[t.Signal] == target);
            // Copy low/k with k its first coefficient, so that 2x and 3x share one copy of x.
            double k = low[0].Coefficient;
            var normalized = new SignalForm(0, low.Select(t => new SignalTerm(t.Signal, t.Coefficient / k)).ToArray());
            // Only when every division is exact (checked in rationals: c/k·k == c in double does not prove
            // it), so the copied combination times k is exactly the original one.
            if (low.Any(t => Algebra.Rational.FromDouble(t.Coefficient / k) * Algebra.Rational.FromDouble(k) != Algebra.Rational.FromDouble(t.Coefficient)))
            {
                k = 1;
                normalized = new SignalForm(0, low);
            }
            string key = target.ToString(System.Globalization.CultureInfo.InvariantCulture) + "@" + normalized.Key;
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
            return SignalForm.Combine(form.Constant, high.Append(new SignalTerm(copy, k)));
        }
    }
}
