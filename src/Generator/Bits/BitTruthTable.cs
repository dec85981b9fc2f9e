using CheapLearning.Generator.Algebra;

namespace CheapLearning.Generator.Bits
{
    /// <summary>
    /// The exact multilinear polynomial (paper, Eq 12) of a function of few bits from its truth table, when the
    /// symbolic reduction (<see cref="MultilinearReduction"/>) gave up on its work budget. A function of n bits has
    /// exactly one multilinear polynomial, with at most 2ⁿ − 1 non-constant monomials: its coefficients are the Möbius
    /// transform h_K = Σ_{J⊆K} (−1)^|K∖J| f(J) of the values f(J) on the 2ⁿ inputs. So for n ≤ 16 the flat size is never
    /// "more than 65,536": products of two large comparison polynomials (<c>s &gt;= 8 &amp;&amp; s != 12</c> on 16 bits)
    /// exceeded the symbolic budget and CHEAP023 said the flat form "needs more than 65,536 neurons".
    /// </summary>
    internal static class BitTruthTable
    {
        /// <summary>Truth tables are built up to this many variables (2^16 entries).</summary>
        public const int MaxVariables = 16;

        /// <summary>
        /// Node evaluations allowed (graph nodes × 2ⁿ), so the generator stays fast on large graphs: in long arithmetic
        /// (about 10 ns each), and in exact rationals (non-integer weights, about 0.7 µs each).
        /// </summary>
        private const long MaxWork = 1L << 23, MaxRationalWork = 1L << 20;

        /// <summary>
        /// The polynomial of <paramref name="graph"/> from its values on every input, or null when it has more than
        /// <see cref="MaxVariables"/> variables, the evaluation would exceed <see cref="MaxWork"/>, or it has more than
        /// <paramref name="maxTerms"/> terms (the constant included, as <see cref="MultilinearReduction.TryReduce"/> counts).
        /// </summary>
        public static Multilinear? TryReduce(BitGraph graph, int maxTerms, CancellationToken ct)
        {
            int n = graph.VariableCount;
            if (n > MaxVariables) return null;
            long size = 1L << n;
            if (graph.Nodes.Count * size > MaxWork) return null;
            // Counts and integer sums (the usual comparisons) in long arithmetic: exact Rationals cost ~20 times more.
            var terms = new Dictionary<ulong, Rational>();
            if (IntegerTable(graph, size, ct) is { } integers && SubsetTransform.TryApply(integers, n, inverse: true, ct))
            {
                for (long x = 0; x < size; x++)
                {
                    if (integers[x] == 0) continue;
                    if (terms.Count >= maxTerms) return null;
                    terms[(ulong)x] = integers[x];
                }
                return new Multilinear(n, terms);
            }
            if (graph.Nodes.Count * size > MaxRationalWork) return null;
            var values = RationalTable(graph, size, ct);
            SubsetTransform.Apply(values, n, inverse: true, ct);
            for (long x = 0; x < size; x++)
            {
                if (values[x].IsZero) continue;
                if (terms.Count >= maxTerms) return null;
                terms[(ulong)x] = values[x];
            }
            return new Multilinear(n, terms);
        }

        private static Rational[] RationalTable(BitGraph graph, long size, CancellationToken ct)
        {
            var values = new Rational[size];
            for (long x = 0; x < size; x++)
            {
                if ((x & 255) == 0) ct.ThrowIfCancellationRequested();
                values[x] = graph.Evaluate((ulong)x);
            }
            return values;
        }

        /// <summary>
        /// The values when every constant and weight is an integer and every node's value fits a long on every input
        /// (checked arithmetic), else null; the same operations as <see cref="BitGraph.Evaluate"/>.
        /// </summary>
        private static long[]? IntegerTable(BitGraph graph, long size, CancellationToken ct)
        {
            int count = graph.Result + 1;
            var nodes = new BitNode[count];
            var constants = new long[count];
            var weights = new long[count][];
            var operands = new int[count][];
            for (int i = 0; i < count; i++)
            {
                var node = nodes[i] = graph.Nodes[i];
                if (!TryLong(node.Value, out constants[i])) return null;
                operands[i] = node.Operands.AsSpan().ToArray();
                weights[i] = new long[node.Weights.Count];
                for (int k = 0; k < weights[i].Length; k++)
                    if (!TryLong(node.Weights[k], out weights[i][k])) return null;
            }
            var v = new long[count];
            var values = new long[size];
            try
            {
                for (long x = 0; x < size; x++)
                {
                    if ((x & 255) == 0) ct.ThrowIfCancellationRequested();
                    for (int i = 0; i < count; i++)
                    {
                        var ops = operands[i];
                        long r;
                        switch (nodes[i].Op)
                        {
                            case BitOp.Variable: r = (x >> nodes[i].Variable) & 1; break;
                            case BitOp.Constant: r = constants[i]; break;
                            case BitOp.Not: r = 1 - v[ops[0]]; break;
                            case BitOp.And:
                                r = 1;
                                foreach (int o in ops) if (v[o] == 0) r = 0;
                                break;
                            case BitOp.Or:
                                r = 0;
                                foreach (int o in ops) if (v[o] != 0) r = 1;
                                break;
                            case BitOp.Xor:
                                r = 0;
                                foreach (int o in ops) if (v[o] != 0) r = 1 - r;
                                break;
                            case BitOp.Sum:
                                r = constants[i];
                                for (int k = 0; k < ops.Length; k++) r = checked(r + weights[i][k] * v[ops[k]]);
                                break;
                            case BitOp.Product: r = checked(v[ops[0]] * v[ops[1]]); break;
                            case BitOp.Positive or BitOp.NonNegative or BitOp.Zero: r = nodes[i].Op.Holds(Math.Sign(v[ops[0]])) ? 1 : 0; break;
                            default: r = v[ops[0]] == 0 ? v[ops[2]] : v[ops[1]]; break;
                        }
                        v[i] = r;
                    }
                    values[x] = v[graph.Result];
                }
            }
            catch (OverflowException)
            {
                return null;
            }
            return values;
        }

        private static bool TryLong(Rational r, out long value)
        {
            value = 0;
            if (!r.IsInteger || r.Numerator < long.MinValue || r.Numerator > long.MaxValue) return false;
            value = (long)r.Numerator;
            return true;
        }
    }
}
