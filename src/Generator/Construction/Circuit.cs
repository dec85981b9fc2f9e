using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace CheapLearning.Generator.Construction
{
    /// <summary>coefficient · signal, a signal being an input xᵢ or a gate's output.</summary>
    internal readonly record struct SignalTerm(int Signal, double Coefficient);

    /// <summary>
    /// Constant + Σ coefficient·signal, terms sorted by signal. Linear, hence free (Eq 6).
    /// Equality: the constant and every term, doubles bit for bit (so 0 and −0 differ, as their texts do).
    /// </summary>
    internal sealed class SignalForm : IEquatable<SignalForm>
    {
        private string? _key;
        private int _hash;

        public SignalForm(double constant, SignalTerm[] terms)
        {
            Constant = constant;
            Terms = terms;
        }

        public double Constant { get; }
        public SignalTerm[] Terms { get; }

        public static SignalForm Of(int signal, double coefficient = 1) => new(0, new[] { new SignalTerm(signal, coefficient) });

        public static SignalForm OfConstant(double c) => new(c, Array.Empty<SignalTerm>());

        /// <summary>A canonical text of the form (round-trip doubles); equal texts ⇔ equal forms.</summary>
        public string Key
        {
            get
            {
                if (_key is not null) return _key;
                var sb = new StringBuilder();
                sb.Append(Constant.ToString("R", CultureInfo.InvariantCulture));
                foreach (var t in Terms)
                    sb.Append('|').Append(t.Signal.ToString(CultureInfo.InvariantCulture)).Append(':').Append(t.Coefficient.ToString("R", CultureInfo.InvariantCulture));
                return _key = sb.ToString();
            }
        }

        /// <summary>
        /// string.CompareOrdinal(a.Key, b.Key) without writing the texts: equal numbers have equal texts, so
        /// only the first differing pair of numbers is formatted, each followed by the character that follows
        /// it in its text ('|' or ':'), or by nothing at the end. The order of a multiplication gate's two
        /// inputs comes from it, and with it the emitted code, which therefore stays as it was.
        /// </summary>
        public static int CompareKeys(SignalForm a, SignalForm b)
        {
            if (!SameBits(a.Constant, b.Constant))
                return CompareTexts(Text(a.Constant), a.Terms.Length > 0 ? '|' : '\0', Text(b.Constant), b.Terms.Length > 0 ? '|' : '\0');
            for (int i = 0; ; i++)
            {
                if (i == a.Terms.Length || i == b.Terms.Length) return a.Terms.Length.CompareTo(b.Terms.Length);
                SignalTerm x = a.Terms[i], y = b.Terms[i];
                if (x.Signal != y.Signal) return CompareSignalTexts(x.Signal, y.Signal);
                if (!SameBits(x.Coefficient, y.Coefficient))
                    return CompareTexts(Text(x.Coefficient), i + 1 < a.Terms.Length ? '|' : '\0', Text(y.Coefficient), i + 1 < b.Terms.Length ? '|' : '\0');
            }
        }

        /// <summary>
        /// Ordinal order of the texts x + ':' and y + ':' of two different signals (non-negative), without writing
        /// them: over their common length the leading digits compare as numbers of as many digits; when one text is
        /// a prefix of the other, its ':' meets a digit of the longer one, and ':' follows every digit.
        /// </summary>
        private static int CompareSignalTexts(int x, int y)
        {
            int dx = Digits(x), dy = Digits(y), common = Math.Min(dx, dy);
            int px = x, py = y;
            for (int i = common; i < dx; i++) px /= 10;
            for (int i = common; i < dy; i++) py /= 10;
            if (px != py) return px < py ? -1 : 1;
            return dx == dy ? 0 : dx < dy ? 1 : -1;
        }

        private static int Digits(int value)
        {
            int n = 1;
            while (value >= 10) { value /= 10; n++; }
            return n;
        }

        private static string Text(double d) => d.ToString("R", CultureInfo.InvariantCulture);

        /// <summary>Ordinal order of x + xNext vs y + yNext, where '\0' stands for the end of the text.</summary>
        private static int CompareTexts(string x, char xNext, string y, char yNext)
        {
            int n = Math.Min(x.Length, y.Length);
            int c = string.CompareOrdinal(x, 0, y, 0, n);
            if (c != 0) return c;
            char cx = x.Length > n ? x[n] : xNext, cy = y.Length > n ? y[n] : yNext;
            if (cx == '\0' || cy == '\0') return cx == cy ? 0 : cx == '\0' ? -1 : 1;
            return cx.CompareTo(cy);
        }

        /// <summary>Equal round-trip texts: the same bits, or both NaN (every NaN prints as "NaN").</summary>
        private static bool SameBits(double x, double y)
            => BitConverter.DoubleToInt64Bits(x) == BitConverter.DoubleToInt64Bits(y) || (double.IsNaN(x) && double.IsNaN(y));

        public bool Equals(SignalForm? other)
        {
            if (ReferenceEquals(this, other)) return true;
            if (other is null || Terms.Length != other.Terms.Length || !SameBits(Constant, other.Constant)) return false;
            for (int i = 0; i < Terms.Length; i++)
                if (Terms[i].Signal != other.Terms[i].Signal || !SameBits(Terms[i].Coefficient, other.Terms[i].Coefficient)) return false;
            return true;
        }

        public override bool Equals(object? obj) => Equals(obj as SignalForm);

        public override int GetHashCode()
        {
            if (_hash != 0) return _hash;
            unchecked
            {
                int h = Bits(Constant);
                foreach (var t in Terms) h = (h * 31 + t.Signal) * 31 + Bits(t.Coefficient);
                return _hash = h == 0 ? 1 : h;
            }
        }

        private static int Bits(double d)
        {
            long bits = double.IsNaN(d) ? 0x7FF8000000000000L : BitConverter.DoubleToInt64Bits(d);
            return unchecked((int)bits ^ (int)(bits >> 32));
        }

        /// <summary>
        /// Σ of the first <paramref name="count"/> terms, per signal in the order given, zeros dropped, sorted by
        /// signal. Sorts <paramref name="terms"/> in place (stable, so equal signals add in the given order, as
        /// the sorted map this replaced did) and keeps the array as the form's when nothing merged or dropped:
        /// the caller hands over an array it no longer uses.
        /// </summary>
        public static SignalForm Combine(double constant, SignalTerm[] terms, int count)
        {
            // Insertion sort: stable, and the forms are short and nearly sorted.
            for (int i = 1; i < count; i++)
            {
                var t = terms[i];
                int j = i - 1;
                while (j >= 0 && terms[j].Signal > t.Signal) { terms[j + 1] = terms[j]; j--; }
                terms[j + 1] = t;
            }
            int n = 0;
            for (int i = 0; i < count;)
            {
                int signal = terms[i].Signal;
                double c = 0;
                for (; i < count && terms[i].Signal == signal; i++) c += terms[i].Coefficient;
                if (c != 0) terms[n++] = new SignalTerm(signal, c);
            }
            if (n < terms.Length) Array.Resize(ref terms, n);
            return new SignalForm(constant, terms);
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

    /// <summary>Gates compared by kind and inputs (<see cref="SignalForm"/> equality), not by their level.</summary>
    internal sealed class GateShape : IEqualityComparer<Gate>
    {
        public static readonly GateShape Instance = new();

        public bool Equals(Gate? x, Gate? y)
            => ReferenceEquals(x, y)
               || (x is not null && y is not null && x.Kind == y.Kind && x.A.Equals(y.A) && (x.B is null ? y.B is null : x.B.Equals(y.B)));

        public int GetHashCode(Gate gate)
            => unchecked(((int)gate.Kind * -1521134295 + gate.A.GetHashCode()) * -1521134295 + (gate.B?.GetHashCode() ?? 0));
    }

    /// <summary>
    /// A signal form with a number: a form raised to a level (<see cref="Layering"/>'s copies), or a form's power
    /// (<see cref="CircuitBuilders"/>). A class, not a value tuple: a dictionary keyed by a value type makes the JIT
    /// compile the dictionary's code again for that type in every compiler process.
    /// </summary>
    internal sealed class FormKey : IEquatable<FormKey>
    {
        private readonly SignalForm _form;
        private readonly int _number;

        public FormKey(SignalForm form, int number)
        {
            _form = form;
            _number = number;
        }

        public bool Equals(FormKey? other) => other is not null && _number == other._number && _form.Equals(other._form);

        public override bool Equals(object? obj) => Equals(obj as FormKey);

        public override int GetHashCode() => unchecked(_form.GetHashCode() * -1521134295 + _number);
    }

    /// <summary>
    /// A polynomial as gates over linear forms, before layering: signal i &lt; InputCount is xᵢ,
    /// signal InputCount + g is gate g's output. Gates only refer to earlier signals, and equal
    /// gates are created once (sub-products are shared).
    /// </summary>
    internal sealed class Circuit
    {
        // Each gate's signal, by kind and inputs (GateShape). Keyed by the gate objects themselves, not by a value
        // tuple: a value-type key makes the JIT compile the dictionary's code again for it in every compiler process.
        private readonly Dictionary<Gate, int> _memo;
        private readonly List<int> _depth;

        /// <summary>A circuit over <paramref name="inputCount"/> inputs, with room for <paramref name="gates"/> gates before any regrowth.</summary>
        public Circuit(int inputCount, int gates = 0)
        {
            InputCount = inputCount;
            _memo = new(gates, GateShape.Instance);
            _depth = new(gates);
            Gates = new(gates);
        }

        public int InputCount { get; }
        public List<Gate> Gates { get; }
        public SignalForm Output { get; set; } = SignalForm.OfConstant(0);

        public int SignalCount => InputCount + Gates.Count;

        public Gate GateOf(int signal) => Gates[signal - InputCount];

        private SignalForm?[] _signalForms = Array.Empty<SignalForm?>();

        /// <summary>
        /// <see cref="SignalForm.Of(int, double)"/> with coefficient 1, one instance per signal: a shared
        /// sub-product is a factor of many gates, and equal forms that are one object compare at once.
        /// </summary>
        public SignalForm FormOf(int signal)
        {
            // Room for every input and the gates the circuit was sized for at once, then doubling.
            if (signal >= _signalForms.Length)
                Array.Resize(ref _signalForms, Math.Max(signal + 1, Math.Max(2 * _signalForms.Length, InputCount + Gates.Capacity)));
            return _signalForms[signal] ??= SignalForm.Of(signal);
        }

        /// <summary>Adds (or reuses) a gate and returns its output signal.</summary>
        [System.Runtime.CompilerServices.MethodImpl((System.Runtime.CompilerServices.MethodImplOptions)512)] // AggressiveOptimization (netstandard2.0 lacks the name): hot, and at tier 0 through a warm server's first dozen compilations (notes-warm, issue 12)
        public int AddGate(GateKind kind, SignalForm a, SignalForm? b = null)
        {
            if (kind == GateKind.Multiply && b is not null && SignalForm.CompareKeys(a, b) > 0) (a, b) = (b, a);
            var gate = new Gate(kind, a, b);
            if (_memo.TryGetValue(gate, out int signal)) return signal;
            Gates.Add(gate);
            _depth.Add(1 + Math.Max(Depth(a), b is null ? 0 : Depth(b)));
            signal = SignalCount - 1;
            _memo.Add(gate, signal);
            return signal;
        }

        /// <summary>u·v: a squaring gate when the factors are equal, else a multiplication gate.</summary>
        public int Multiply(SignalForm a, SignalForm b)
            => a.Equals(b) ? AddGate(GateKind.Square, a) : AddGate(GateKind.Multiply, a, b);

        /// <summary>
        /// Whether <paramref name="other"/> is the same layered circuit: the same inputs, the same gates (kind,
        /// inputs, level) in the same order and the same output, so that every assembler builds the same network.
        /// </summary>
        public bool SameAs(Circuit other)
        {
            if (InputCount != other.InputCount || Gates.Count != other.Gates.Count || !Output.Equals(other.Output)) return false;
            for (int g = 0; g < Gates.Count; g++)
            {
                Gate x = Gates[g], y = other.Gates[g];
                if (x.Kind != y.Kind || x.Level != y.Level || !x.A.Equals(y.A) || !Equals(x.B, y.B)) return false;
            }
            return true;
        }

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
