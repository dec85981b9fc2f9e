using System;
using System.Collections.Generic;
using CheapLearning.Generator.Model;

namespace CheapLearning.Generator.Algebra
{
    /// <summary>The operation of a <see cref="BitNode"/>.</summary>
    internal enum BitOp
    {
        /// <summary>Bit parameter number <see cref="BitNode.Variable"/> (0 or 1).</summary>
        Variable,
        /// <summary>The exact constant <see cref="BitNode.Value"/>.</summary>
        Constant,
        /// <summary>1 − a.</summary>
        Not,
        /// <summary>Π aᵢ of bits (Eq 12's monomials; one threshold neuron).</summary>
        And,
        /// <summary>1 − Π(1 − aᵢ) of bits.</summary>
        Or,
        /// <summary>a ⊕ b ⊕ …: parity of the bits.</summary>
        Xor,
        /// <summary>Value + Σ Weights[k]·Operands[k] (free: folds into affine maps).</summary>
        Sum,
        /// <summary>a·b of arbitrary (real-valued) operands.</summary>
        Product,
        /// <summary>c ? a : b = c·a + (1 − c)·b, c a bit.</summary>
        Conditional,
        /// <summary>[a &gt; 0] of an arithmetic value a (the comparisons &gt; and &lt; of C#, on a difference): a bit.</summary>
        Positive,
        /// <summary>[a ≥ 0] (C#'s ≥ and ≤ on a difference): a bit.</summary>
        NonNegative,
        /// <summary>[a = 0] (C#'s == and != on a difference of values that are not both bits): a bit.</summary>
        Zero,
    }

    internal static class BitOpExtensions
    {
        /// <summary>
        /// Whether the comparison <paramref name="op"/> (<see cref="BitOp.Positive"/>, <see cref="BitOp.NonNegative"/>,
        /// <see cref="BitOp.Zero"/>) holds for a value of sign <paramref name="sign"/>: the one rule the graph's evaluation,
        /// its constant folding, the truth tables and the threshold circuit all apply.
        /// </summary>
        public static bool Holds(this BitOp op, int sign) => op switch
        {
            BitOp.Positive => sign > 0,
            BitOp.NonNegative => sign >= 0,
            _ => sign == 0,
        };
    }

    /// <summary>
    /// A node of a bit function's expression DAG; operands are indices of earlier nodes.
    /// <see cref="IsBit"/> says the node's exact value is 0 or 1 on every input. Equality: by value.
    /// </summary>
    internal readonly record struct BitNode(BitOp Op, int Variable, Rational Value, EquatableArray<int> Operands,
                                            EquatableArray<Rational> Weights, bool IsBit);

    /// <summary>
    /// A function of n bits as written: nodes in topological order, the result the last one.
    /// Equality: by value (it is part of a pipeline model), linear in the number of nodes.
    /// </summary>
    internal sealed record BitGraph(int VariableCount, EquatableArray<BitNode> Nodes, int Result)
    {
        /// <summary>Evaluates the function exactly on the bits of <paramref name="input"/> (bit i = variable i).</summary>
        public Rational Evaluate(ulong input)
        {
            var v = new Rational[Nodes.Count];
            for (int i = 0; i < Nodes.Count; i++)
            {
                var n = Nodes[i];
                var ops = n.Operands;
                switch (n.Op)
                {
                    case BitOp.Variable: v[i] = (long)((input >> n.Variable) & 1); break;
                    case BitOp.Constant: v[i] = n.Value; break;
                    case BitOp.Not: v[i] = Rational.One - v[ops[0]]; break;
                    case BitOp.And:
                        v[i] = Rational.One;
                        foreach (int o in ops) v[i] = v[i] * v[o];
                        break;
                    case BitOp.Or:
                        v[i] = Rational.Zero;
                        foreach (int o in ops) if (!v[o].IsZero) v[i] = Rational.One;
                        break;
                    case BitOp.Xor:
                        long parity = 0;
                        foreach (int o in ops) parity ^= v[o].IsZero ? 0 : 1;
                        v[i] = parity;
                        break;
                    case BitOp.Sum:
                        v[i] = n.Value;
                        for (int k = 0; k < ops.Count; k++) v[i] = v[i] + n.Weights[k] * v[ops[k]];
                        break;
                    case BitOp.Product: v[i] = v[ops[0]] * v[ops[1]]; break;
                    case BitOp.Positive or BitOp.NonNegative or BitOp.Zero: v[i] = n.Op.Holds(v[ops[0]].Sign) ? Rational.One : Rational.Zero; break;
                    default: v[i] = v[ops[0]].IsZero ? v[ops[2]] : v[ops[1]]; break;
                }
            }
            return v[Result];
        }
    }

    /// <summary>Builds a <see cref="BitGraph"/> with hash-consing (equal nodes are created once) and constant folding.</summary>
    internal sealed class BitGraphBuilder
    {
        private readonly List<BitNode> _nodes = new();
        private readonly Dictionary<BitNode, int> _index = new();

        public BitGraphBuilder(int variableCount, int maxNodes = 100_000)
        {
            VariableCount = variableCount;
            MaxNodes = maxNodes;
        }

        public int VariableCount { get; }
        public int MaxNodes { get; }

        /// <summary>True once more nodes were requested than allowed; the graph is then unusable.</summary>
        public bool Overflowed { get; private set; }

        public BitGraph Build(int result) => new(VariableCount, new EquatableArray<BitNode>(_nodes.ToArray()), result);

        public BitNode this[int node] => _nodes[node];

        public bool IsBit(int node) => _nodes[node].IsBit;

        public bool TryConstant(int node, out Rational value)
        {
            var n = _nodes[node];
            value = n.Value;
            return n.Op == BitOp.Constant;
        }

        public int Variable(int index) => Intern(new BitNode(BitOp.Variable, index, Rational.Zero, EquatableArray<int>.Empty, EquatableArray<Rational>.Empty, true));

        public int Constant(Rational value)
            => Intern(new BitNode(BitOp.Constant, -1, value, EquatableArray<int>.Empty, EquatableArray<Rational>.Empty,
                                  value.IsZero || value == Rational.One));

        public int Not(int a)
        {
            if (TryConstant(a, out var c)) return Constant(Rational.One - c);
            if (_nodes[a].Op == BitOp.Not) return _nodes[a].Operands[0];
            return Node(BitOp.Not, true, a);
        }

        /// <summary>AND of bits; nested ANDs are flattened (one threshold neuron for the whole product).</summary>
        public int And(params int[] operands) => Associative(BitOp.And, operands, absorbing: Rational.Zero, neutral: Rational.One);

        public int Or(params int[] operands) => Associative(BitOp.Or, operands, absorbing: Rational.One, neutral: Rational.Zero);

        /// <summary>XOR of bits; nested XORs are flattened so that the deep form can build a balanced tree.</summary>
        public int Xor(params int[] operands)
        {
            var list = new List<int>();
            bool flip = false;
            foreach (int o in operands)
            {
                if (TryConstant(o, out var c)) { flip ^= !c.IsZero; continue; }
                if (_nodes[o].Op == BitOp.Xor) list.AddRange(_nodes[o].Operands); else list.Add(o);
            }
            // x ⊕ x = 0: keep the operands that occur an odd number of times.
            var odd = new SortedSet<int>();
            foreach (int o in list) if (!odd.Remove(o)) odd.Add(o);
            var ops = new int[odd.Count];
            odd.CopyTo(ops);
            int result = ops.Length == 0 ? Constant(0) : ops.Length == 1 ? ops[0] : Node(BitOp.Xor, true, ops);
            return flip ? Not(result) : result;
        }

        public int Equal(int a, int b) => Not(Xor(a, b));

        /// <summary>
        /// The bit [a op 0] of an arithmetic value a, op one of <see cref="BitOp.Positive"/>, <see cref="BitOp.NonNegative"/>,
        /// <see cref="BitOp.Zero"/>: folded for a constant, and for a bit a (0 or 1) written with the bit itself.
        /// </summary>
        public int Compare(BitOp op, int a)
        {
            if (TryConstant(a, out var c))
                return Constant(op.Holds(c.Sign) ? Rational.One : Rational.Zero);
            if (IsBit(a)) return op switch { BitOp.Positive => a, BitOp.NonNegative => Constant(Rational.One), _ => Not(a) };
            return Node(op, true, a);
        }

        public int Sum(Rational constant, IReadOnlyList<(int Node, Rational Weight)> terms)
        {
            var map = new SortedDictionary<int, Rational>();
            foreach (var (node, weight) in terms)
            {
                if (TryConstant(node, out var c)) { constant += weight * c; continue; }
                var n = _nodes[node];
                if (n.Op == BitOp.Sum)
                {
                    constant += weight * n.Value;
                    for (int k = 0; k < n.Operands.Count; k++) AddTo(map, n.Operands[k], weight * n.Weights[k]);
                }
                else AddTo(map, node, weight);
            }
            var ops = new List<int>();
            var weights = new List<Rational>();
            foreach (var kv in map)
                if (!kv.Value.IsZero) { ops.Add(kv.Key); weights.Add(kv.Value); }
            if (ops.Count == 0) return Constant(constant);
            if (ops.Count == 1 && constant.IsZero && weights[0] == Rational.One) return ops[0];
            if (ops.Count == 1 && constant == Rational.One && weights[0] == -Rational.One && _nodes[ops[0]].IsBit) return Not(ops[0]);
            return Intern(new BitNode(BitOp.Sum, -1, constant, new EquatableArray<int>(ops.ToArray()),
                                      new EquatableArray<Rational>(weights.ToArray()), false));
        }

        public int Add(int a, int b) => Sum(Rational.Zero, new[] { (a, Rational.One), (b, Rational.One) });

        public int Subtract(int a, int b) => Sum(Rational.Zero, new[] { (a, Rational.One), (b, -Rational.One) });

        public int Scale(int a, Rational k) => Sum(Rational.Zero, new[] { (a, k) });

        /// <summary>a·b: AND when both are bits, a scaling when one is constant.</summary>
        public int Product(int a, int b)
        {
            if (TryConstant(a, out var ca)) return Scale(b, ca);
            if (TryConstant(b, out var cb)) return Scale(a, cb);
            if (IsBit(a) && IsBit(b)) return And(a, b);
            if (a > b) (a, b) = (b, a);
            return Node(BitOp.Product, false, a, b);
        }

        /// <summary>c ? a : b with c a bit.</summary>
        public int Conditional(int c, int a, int b)
        {
            if (TryConstant(c, out var cc)) return cc.IsZero ? b : a;
            if (a == b) return a;
            if (TryConstant(a, out var ca) && TryConstant(b, out var cb))
                return Sum(cb, new[] { (c, ca - cb) }); // c·a + (1 − c)·b = b + (a − b)·c
            return Node(BitOp.Conditional, IsBit(a) && IsBit(b), c, a, b);
        }

        private int Associative(BitOp op, int[] operands, Rational absorbing, Rational neutral)
        {
            var list = new List<int>();
            foreach (int o in operands)
            {
                if (TryConstant(o, out var c))
                {
                    if (c == absorbing) return Constant(absorbing);
                    continue; // the neutral element
                }
                if (_nodes[o].Op == op) list.AddRange(_nodes[o].Operands); else list.Add(o);
            }
            var sorted = Sorted(list);
            if (sorted.Length == 0) return Constant(neutral);
            if (sorted.Length == 1) return sorted[0];
            return Node(op, true, sorted);
        }

        private static int[] Sorted(List<int> list)
        {
            var set = new SortedSet<int>(list);
            var result = new int[set.Count];
            set.CopyTo(result);
            return result;
        }

        private static void AddTo(SortedDictionary<int, Rational> map, int key, Rational value)
        {
            map.TryGetValue(key, out var c);
            map[key] = c + value;
        }

        private int Node(BitOp op, bool isBit, params int[] operands)
            => Intern(new BitNode(op, -1, Rational.Zero, new EquatableArray<int>(operands), EquatableArray<Rational>.Empty, isBit));

        private int Intern(BitNode node)
        {
            if (_index.TryGetValue(node, out int id)) return id;
            if (_nodes.Count >= MaxNodes)
            {
                Overflowed = true;
                return 0;
            }
            id = _nodes.Count;
            _nodes.Add(node);
            _index.Add(node, id);
            return id;
        }
    }
}
