using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace CheapLearning.Generator.Construction
{
    /// <summary>coefficient · signal, a signal being an input xᵢ or a gate's output.</summary>
    internal readonly record struct SignalTerm(int Signal, double Coefficient);

    /// <summary>Constant + Σ coefficient·signal, terms sorted by signal. Linear, hence free (Eq 6).</summary>
    internal sealed class SignalForm
    {
        public SignalForm(double constant, SignalTerm[] terms)
        {
            Constant = constant;
            Terms = terms;
        }

        public double Constant { get; }
        public SignalTerm[] Terms { get; }

        public static SignalForm Of(int signal, double coefficient = 1) => new(0, new[] { new SignalTerm(signal, coefficient) });

        public static SignalForm OfConstant(double c) => new(c, Array.Empty<SignalTerm>());

        /// <summary>A canonical text key, used to share equal gates.</summary>
        public string Key
        {
            get
            {
                var sb = new StringBuilder();
                sb.Append(Constant.ToString("R", CultureInfo.InvariantCulture));
                foreach (var t in Terms)
                    sb.Append('|').Append(t.Signal).Append(':').Append(t.Coefficient.ToString("R", CultureInfo.InvariantCulture));
                return sb.ToString();
            }
        }

        public static SignalForm Combine(double constant, IEnumerable<SignalTerm> terms)
        {
            var sum = new SortedDictionary<int, double>();
            foreach (var t in terms)
            {
                sum.TryGetValue(t.Signal, out double c);
                sum[t.Signal] = c + t.Coefficient;
            }
            var list = new List<SignalTerm>();
            foreach (var kv in sum) if (kv.Value != 0) list.Add(new SignalTerm(kv.Key, kv.Value));
            return new SignalForm(constant, list.ToArray());
        }
    }

    /// <summary>A gate of the circuit; <see cref="B"/> only for multiplication.</summary>
    internal sealed class Gate
    {
        public Gate(GateKind kind, SignalForm a, SignalForm? b)
        {
            Kind = kind;
            A = a;
            B = b;
        }

        public GateKind Kind { get; }
        public SignalForm A { get; }
        public SignalForm? B { get; }

        /// <summary>The hidden layer the gate's neurons sit in (set by layering; 1-based).</summary>
        public int Level { get; set; }

        public int NeuronCount => Kind == GateKind.Multiply ? 4 : 2;
    }

    /// <summary>
    /// A polynomial as gates over linear forms, before layering: signal i &lt; InputCount is xᵢ,
    /// signal InputCount + g is gate g's output. Gates only refer to earlier signals, and equal
    /// gates are created once (sub-products are shared).
    /// </summary>
    internal sealed class Circuit
    {
        private readonly Dictionary<string, int> _memo = new();
        private readonly List<int> _depth = new();

        public Circuit(int inputCount) => InputCount = inputCount;

        public int InputCount { get; }
        public List<Gate> Gates { get; } = new();
        public SignalForm Output { get; set; } = SignalForm.OfConstant(0);

        public int SignalCount => InputCount + Gates.Count;

        public Gate GateOf(int signal) => Gates[signal - InputCount];

        /// <summary>Adds (or reuses) a gate and returns its output signal.</summary>
        public int AddGate(GateKind kind, SignalForm a, SignalForm? b = null)
        {
            if (kind == GateKind.Multiply && b is not null && string.CompareOrdinal(a.Key, b.Key) > 0) (a, b) = (b, a);
            string key = ((int)kind).ToString(CultureInfo.InvariantCulture) + "#" + a.Key + "#" + (b?.Key ?? "");
            if (_memo.TryGetValue(key, out int signal)) return signal;
            Gates.Add(new Gate(kind, a, b));
            _depth.Add(1 + Math.Max(Depth(a), b is null ? 0 : Depth(b)));
            signal = SignalCount - 1;
            _memo.Add(key, signal);
            return signal;
        }

        /// <summary>u·v: a squaring gate when the factors are equal, else a multiplication gate.</summary>
        public int Multiply(SignalForm a, SignalForm b)
            => a.Key == b.Key ? AddGate(GateKind.Square, a) : AddGate(GateKind.Multiply, a, b);

        /// <summary>Gates on the longest path from the inputs to this signal (0 for an input).</summary>
        public int Depth(int signal) => signal < InputCount ? 0 : _depth[signal - InputCount];

        public int Depth(SignalForm form)
        {
            int d = 0;
            foreach (var t in form.Terms) d = Math.Max(d, Depth(t.Signal));
            return d;
        }

        public int NeuronCount
        {
            get
            {
                int n = 0;
                foreach (var g in Gates) n += g.NeuronCount;
                return n;
            }
        }
    }
}
