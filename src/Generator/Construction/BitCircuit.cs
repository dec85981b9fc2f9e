using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CheapLearning.Generator.Algebra;

namespace CheapLearning.Generator.Construction
{
    /// <summary>Why a threshold neuron exists (for size reports).</summary>
    internal enum ThresholdRole { And, Or, Xor, Copy, Compare }

    /// <summary>
    /// One sigmoid threshold neuron h = σ(β(L − θ)) of a deep bit network, L = c + Σ wₛ·s with integer
    /// weights over signals of the previous layer only (strictly layered, Eq 6) and θ a half-integer;
    /// its exact value is the step [L &gt; θ].
    /// </summary>
    internal sealed class ThresholdUnit
    {
        public ThresholdUnit(BitForm input, Rational threshold, int level, ThresholdRole role)
        {
            Input = input;
            Threshold = threshold;
            Level = level;
            Role = role;
        }

        public BitForm Input { get; }
        public Rational Threshold { get; }
        public int Level { get; }
        public ThresholdRole Role { get; }
    }

    /// <summary>Thrown when the deep construction would exceed its neuron limit (CHEAP025).</summary>
    internal sealed class BitNetworkTooLargeException : Exception
    {
        public BitNetworkTooLargeException(int limit) : base("more than " + limit + " neurons") => Limit = limit;
        public int Limit { get; }
    }

    /// <summary>
    /// The deep form of a bit function: its Boolean structure as a circuit of threshold neurons (Eq 13's
    /// neuron with few inputs). Every value is a <see cref="BitForm"/> (free linear combinations of exact
    /// bits), and only these operations cost neurons:
    /// AND of k bit-forms: one neuron, θ = k − ½ (Eq 13 applied to the forms, not just to inputs);
    /// OR of k bit-forms: one neuron, θ = ½; XOR of two: [a + b &gt; ½] − [a + b &gt; 3/2], two neurons,
    /// arranged as a balanced tree for many operands (n-bit parity: 2(n − 1) neurons in ⌈log₂n⌉ layers
    /// against 2ⁿ − 1 flat); a product of arithmetic values expands into ANDs of their bits; c ? a : b =
    /// b + c·(a − b). A value needed by a later layer is carried by copy neurons [s &gt; ½], one per layer,
    /// which also restore it to within σ(−β/2) of an exact bit.
    /// </summary>
    internal sealed class BitCircuit
    {
        public const int DefaultMaxNeurons = 200_000;

        private readonly Dictionary<string, int> _memo = new();
        // By (signal, level) packed into one long (CopyKey), not a value tuple: a dictionary keyed by a tuple is compiled by
        // the JIT for that type in every compiler process, Dictionary<long, int> is compiled once for other uses too.
        private readonly Dictionary<long, int> _copies = new();
        private readonly int _maxNeurons;
        private readonly CancellationToken _ct;

        private BitCircuit(int inputCount, int maxNeurons, CancellationToken ct)
        {
            InputCount = inputCount;
            _maxNeurons = maxNeurons;
            _ct = ct;
        }

        public int InputCount { get; }
        public List<ThresholdUnit> Units { get; } = new();
        public BitForm Output { get; private set; } = BitForm.Of(Rational.Zero);

        public int Depth => Units.Count == 0 ? 0 : Units.Max(u => u.Level);

        public int Count(ThresholdRole role) => Units.Count(u => u.Role == role);

        public int Level(int signal) => signal < InputCount ? 0 : Units[signal - InputCount].Level;

        public int Level(BitForm form)
        {
            int level = 0;
            foreach (var t in form.Terms) level = Math.Max(level, Level(t.Key));
            return level;
        }

        /// <summary>Builds the circuit of <paramref name="graph"/>; throws <see cref="BitNetworkTooLargeException"/> past the limit.</summary>
        public static BitCircuit Build(BitGraph graph, CancellationToken ct, int maxNeurons = DefaultMaxNeurons)
        {
            var circuit = new BitCircuit(graph.VariableCount, maxNeurons, ct);
            var values = new BitForm[graph.Nodes.Count];
            // Only nodes the result depends on get neurons (a dead local costs nothing).
            var live = new bool[graph.Nodes.Count];
            live[graph.Result] = true;
            for (int i = graph.Result; i >= 0; i--)
                if (live[i]) foreach (int o in graph.Nodes[i].Operands) live[o] = true;
            for (int i = 0; i <= graph.Result; i++)
            {
                ct.ThrowIfCancellationRequested();
                if (!live[i]) continue;
                var n = graph.Nodes[i];
                var ops = n.Operands;
                values[i] = n.Op switch
                {
                    BitOp.Variable => BitForm.Signal(n.Variable),
                    BitOp.Constant => BitForm.Of(n.Value),
                    BitOp.Not => BitForm.Combine(Rational.One, new[] { (values[ops[0]], -Rational.One) }, true),
                    BitOp.And => circuit.And(ops.Select(o => values[o]).ToList()),
                    BitOp.Or => circuit.Or(ops.Select(o => values[o]).ToList()),
                    BitOp.Xor => circuit.Xor(ops.Select(o => values[o]).ToList()),
                    BitOp.Sum => BitForm.Combine(n.Value, ops.Select((o, k) => (values[o], n.Weights[k])), false),
                    BitOp.Product => circuit.Product(values[ops[0]], values[ops[1]]),
                    BitOp.Positive or BitOp.NonNegative or BitOp.Zero => circuit.Compare(n.Op, values[ops[0]]),
                    _ => circuit.Conditional(values[ops[0]], values[ops[1]], values[ops[2]], n.IsBit),
                };
            }
            var output = values[graph.Result];
            output = circuit.CopyWhole(output, circuit.Depth);
            circuit.Output = circuit.RaiseAll(output, circuit.Depth);
            return circuit;
        }

        // ---- Boolean and arithmetic operations on forms ------------------------------------------

        private BitForm And(List<BitForm> operands)
        {
            var distinct = new Dictionary<string, BitForm>();
            foreach (var f in operands)
            {
                if (f.IsConstant)
                {
                    if (f.Constant.IsZero) return BitForm.Of(Rational.Zero);
                    continue;
                }
                distinct[f.Key] = f;
            }
            if (distinct.Count == 0) return BitForm.Of(Rational.One);
            if (distinct.Count == 1) return distinct.Values.First();
            var sum = BitForm.Combine(Rational.Zero, Aligned(distinct.Values).Select(f => (f, Rational.One)), false);
            return Threshold(sum, Half(2 * distinct.Count - 1), ThresholdRole.And);
        }

        private BitForm Or(List<BitForm> operands)
        {
            var distinct = new Dictionary<string, BitForm>();
            foreach (var f in operands)
            {
                if (f.IsConstant)
                {
                    if (!f.Constant.IsZero) return BitForm.Of(Rational.One);
                    continue;
                }
                distinct[f.Key] = f;
            }
            if (distinct.Count == 0) return BitForm.Of(Rational.Zero);
            if (distinct.Count == 1) return distinct.Values.First();
            var sum = BitForm.Combine(Rational.Zero, Aligned(distinct.Values).Select(f => (f, Rational.One)), false);
            return Threshold(sum, Half(1), ThresholdRole.Or);
        }

        /// <summary>A balanced XOR tree: always pairs the two shallowest operands (Huffman order), so depth is ⌈log₂k⌉ for inputs.</summary>
        private BitForm Xor(List<BitForm> operands)
        {
            var pool = new List<BitForm>(operands);
            while (pool.Count > 1)
            {
                _ct.ThrowIfCancellationRequested();
                pool.Sort((a, b) => Level(a).CompareTo(Level(b)));
                var a = pool[0];
                var b = pool[1];
                pool.RemoveRange(0, 2);
                pool.Add(Xor2(a, b));
            }
            return pool.Count == 0 ? BitForm.Of(Rational.Zero) : pool[0];
        }

        private BitForm Xor2(BitForm a, BitForm b)
        {
            if (a.IsConstant) return a.Constant.IsZero ? b : BitForm.Combine(Rational.One, new[] { (b, -Rational.One) }, true);
            if (b.IsConstant) return Xor2(b, a);
            var aligned = Aligned(new[] { a, b });
            var sum = BitForm.Combine(Rational.Zero, new[] { (aligned[0], Rational.One), (aligned[1], Rational.One) }, false);
            var any = Threshold(sum, Half(1), ThresholdRole.Xor);
            var both = Threshold(sum, Half(3), ThresholdRole.Xor);
            return BitForm.Combine(Rational.Zero, new[] { (any, Rational.One), (both, -Rational.One) }, true);
        }

        private BitForm Product(BitForm a, BitForm b)
        {
            if (a.IsConstant) return BitForm.Combine(Rational.Zero, new[] { (b, a.Constant) }, b.IsBit && (a.Constant == Rational.One));
            if (b.IsConstant) return Product(b, a);
            if (a.IsBit && b.IsBit) return And(new List<BitForm> { a, b });
            if (!a.IsBit && b.IsBit) (a, b) = (b, a);
            var parts = new List<(BitForm, Rational)>();
            if (a.IsBit)
            {
                // a·(b₀ + Σ wⱼtⱼ) = b₀·a + Σ wⱼ·AND(a, tⱼ)
                parts.Add((a, b.Constant));
                foreach (var t in b.Terms) parts.Add((And(new List<BitForm> { a, BitForm.Signal(t.Key) }), t.Value));
                return BitForm.Combine(Rational.Zero, parts, false);
            }
            // (a₀ + Σ uᵢsᵢ)(b₀ + Σ vⱼtⱼ): the products of bits sᵢtⱼ are ANDs (sᵢsᵢ = sᵢ).
            var constant = a.Constant * b.Constant;
            parts.Add((new BitForm(Rational.Zero, b.Terms, false), a.Constant));
            parts.Add((new BitForm(Rational.Zero, a.Terms, false), b.Constant));
            foreach (var s in a.Terms)
                foreach (var t in b.Terms)
                {
                    _ct.ThrowIfCancellationRequested();
                    var st = s.Key == t.Key ? BitForm.Signal(s.Key) : And(new List<BitForm> { BitForm.Signal(s.Key), BitForm.Signal(t.Key) });
                    parts.Add((st, s.Value * t.Value));
                }
            return BitForm.Combine(constant, parts, false);
        }

        private BitForm Conditional(BitForm c, BitForm a, BitForm b, bool isBit)
        {
            // c ? a : b = b + c·(a − b)   (Eq 12's c·a + (1 − c)·b)
            var difference = BitForm.Combine(Rational.Zero, new[] { (a, Rational.One), (b, -Rational.One) }, false);
            var product = Product(c, difference);
            return BitForm.Combine(Rational.Zero, new[] { (b, Rational.One), (product, Rational.One) }, isBit);
        }

        /// <summary>
        /// [a &gt; 0], [a ≥ 0] or [a = 0] of a form a = c + Σ wₛ·s: with D the common denominator of c and the wₛ and g the
        /// gcd of the integers D·wₛ, S = Σ (D·wₛ/g)·s is integer-valued and a op 0 ⟺ S op t, t = −D·c/g. So a &gt; 0 is the
        /// threshold neuron [S &gt; ⌊t⌋ + ½] and a ≥ 0 is [S &gt; ⌈t⌉ − ½] (Eq 13's neuron, the same margin ½ as an AND);
        /// a = 0 is [S &gt; t − ½] − [S &gt; t + ½] for an integer t (two neurons, as an XOR) and 0 otherwise.
        /// </summary>
        private BitForm Compare(BitOp op, BitForm a)
        {
            if (a.IsConstant)
            {
                return BitForm.Of(op.Holds(a.Constant.Sign) ? Rational.One : Rational.Zero);
            }
            var denominator = a.Constant.Denominator;
            foreach (var w in a.Terms.Values) denominator = Lcm(denominator, w.Denominator);
            var gcd = System.Numerics.BigInteger.Zero;
            foreach (var w in a.Terms.Values) gcd = System.Numerics.BigInteger.GreatestCommonDivisor(gcd, w.Numerator * (denominator / w.Denominator));
            var scale = Rational.Create(denominator, gcd);
            var sum = BitForm.Combine(Rational.Zero, new[] { (new BitForm(Rational.Zero, a.Terms, false), scale) }, false);
            var t = -(a.Constant * scale);
            switch (op)
            {
                case BitOp.Positive: return Threshold(sum, Floor(t) + Half(1), ThresholdRole.Compare);
                case BitOp.NonNegative: return Threshold(sum, -Floor(-t) - Half(1), ThresholdRole.Compare);
                default:
                    if (!t.IsInteger) return BitForm.Of(Rational.Zero);
                    var atLeast = Threshold(sum, t - Half(1), ThresholdRole.Compare);
                    var above = Threshold(sum, t + Half(1), ThresholdRole.Compare);
                    return BitForm.Combine(Rational.Zero, new[] { (atLeast, Rational.One), (above, -Rational.One) }, true);
            }
        }

        private static Rational Floor(Rational r)
        {
            var q = System.Numerics.BigInteger.DivRem(r.Numerator, r.Denominator, out var remainder);
            if (remainder.Sign < 0) q -= 1;
            return Rational.Create(q, System.Numerics.BigInteger.One);
        }

        private static System.Numerics.BigInteger Lcm(System.Numerics.BigInteger a, System.Numerics.BigInteger b)
            => a / System.Numerics.BigInteger.GreatestCommonDivisor(a, b) * b;

        // ---- neurons and strict layering -----------------------------------------------------------

        private static Rational Half(int odd) => Rational.Create(odd, 2);

        /// <summary>The neuron [L &gt; θ] as a form; L's signals are first carried up to one layer below it.</summary>
        private BitForm Threshold(BitForm input, Rational threshold, ThresholdRole role)
        {
            if (input.IsConstant) return BitForm.Of(input.Constant.CompareTo(threshold) > 0 ? Rational.One : Rational.Zero);
            if (!input.Constant.IsInteger || input.Terms.Values.Any(w => !w.IsInteger))
                throw new InvalidOperationException("A threshold neuron's input must have integer weights.");
            int level = Level(input) + 1;
            var raised = RaiseAll(input, level - 1);
            return BitForm.Signal(Neuron(raised, threshold, level, role));
        }

        private int Neuron(BitForm input, Rational threshold, int level, ThresholdRole role)
        {
            string key = input.Key + "@" + threshold;
            if (_memo.TryGetValue(key, out int signal)) return signal;
            if (Units.Count >= _maxNeurons) throw new BitNetworkTooLargeException(_maxNeurons);
            Units.Add(new ThresholdUnit(input, threshold, level, role));
            signal = InputCount + Units.Count - 1;
            _memo.Add(key, signal);
            return signal;
        }

        /// <summary>
        /// Bit operands of one neuron, carried up to a common layer: a bit-valued form of several signals (an XOR
        /// result h₁ − h₂, say) is copied whole by one neuron [form &gt; ½] per layer instead of one per signal.
        /// </summary>
        private List<BitForm> Aligned(IEnumerable<BitForm> operands)
        {
            var list = operands.ToList();
            int level = list.Max(f => Level(f));
            for (int i = 0; i < list.Count; i++) list[i] = CopyWhole(list[i], level);
            return list;
        }

        private BitForm CopyWhole(BitForm form, int level)
        {
            while (form.IsBit && form.Terms.Count > 1 && Level(form) < level)
                form = BitForm.Signal(Neuron(RaiseAll(form, Level(form)), Half(1), Level(form) + 1, ThresholdRole.Copy));
            return form;
        }

        /// <summary>Rewrites the form so that every signal lives at <paramref name="level"/> (copy neurons below it).</summary>
        private BitForm RaiseAll(BitForm form, int level)
        {
            if (form.Terms.All(t => Level(t.Key) == level)) return form;
            var terms = new SortedDictionary<int, Rational>();
            foreach (var t in form.Terms)
            {
                int s = Raise(t.Key, level);
                terms.TryGetValue(s, out var c);
                terms[s] = c + t.Value;
            }
            return new BitForm(form.Constant, terms, form.IsBit);
        }

        private int Raise(int signal, int level)
        {
            int current = Level(signal);
            if (current == level) return signal;
            long key = CopyKey(signal, level);
            if (_copies.TryGetValue(key, out int copy)) return copy;
            int below = Raise(signal, level - 1);
            copy = Neuron(BitForm.Signal(below), Half(1), level, ThresholdRole.Copy);
            _copies[key] = copy;
            return copy;
        }

        private static long CopyKey(int signal, int level) => ((long)signal << 32) | (uint)level;
    }
}
