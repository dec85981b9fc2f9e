using System.Numerics;
using CheapLearning.Generator.Algebra;

namespace CheapLearning.Generator.Bits
{
    /// <summary>
    /// Whether C#'s arithmetic on the bits equals the exact values the <see cref="BitGraph"/> holds. The graph computes
    /// exactly, C# does not: an integer operation can wrap, a float or double operation or conversion can round, an
    /// integer division can truncate, and a comparison of rounded values can differ from the exact one. Each such case
    /// is CHEAP021 at its operator, naming an input where it happens (exact up to 12 bits, interval bounds above).
    /// </summary>
    internal sealed partial class BitParser
    {
        /// <summary>A comparison's integer weights (its sides' values times their common denominator) stay below this.</summary>
        private static Rational MaxComparisonScale => (Rational)(1L << 40);

        private static IFormatProvider Inv => System.Globalization.CultureInfo.InvariantCulture;

        private static string FormatGrid(BigInteger grid)
            => grid.IsPowerOfTwo && grid > 1024 ? "2^" + (BitLength(grid) - 1).ToString(Inv) : grid.ToString(null, Inv);

        private static int BitLength(BigInteger value)
        {
            int length = 0;
            for (; !value.IsZero; value >>= 1) length++;
            return length;
        }

        /// <summary>
        /// Whether C#'s value of <paramref name="value"/> is its exact value on every input: every operation or conversion
        /// below it that may round (<see cref="Rounding"/>) is confirmed exact on the inputs, else CHEAP021 at
        /// <paramref name="at"/> naming the operation and an input where it rounds (or saying it may, above 12 bits).
        /// </summary>
        private bool Exact(BitValue value, Location at, string what, string verb)
        {
            var seen = new HashSet<Rounding>();
            var stack = new Stack<Rounding>();
            if (value.Rounding is { } root) stack.Push(root);
            while (stack.Count > 0)
            {
                var r = stack.Pop();
                if (!seen.Add(r)) continue;
                if (r.Left is { } left) stack.Push(left);
                if (r.Right is { } right) stack.Push(right);
                if (r.Node < 0) continue;
                string detail = "may round it on some bit input";
                if (_builder.VariableCount <= ExactRangeBits && _witnessSearches++ < MaxWitnessSearches)
                {
                    var w = Witness(r.Node, v => Representable(v, r.Type, r.From));
                    if (w is null) continue;
                    if (w.Value.Input.Length > 0)
                        detail = r.Type == SpecialType.System_Decimal && w.Value.Value.Abs().CompareTo(DecimalMax) > 0
                            // decimal does not round a value beyond its range: C# throws OverflowException.
                            ? $"cannot hold it: at {w.Value.Input} its exact value is {Digits(w.Value.Value)}, beyond decimal's range (C# throws OverflowException)"
                            : $"rounds it: at {w.Value.Input} its exact value is {Digits(w.Value.Value)}, {(r.From == SpecialType.None ? "not a " + TypeName(r.Type) : "which the conversion does not keep")}";
                }
                string computes = r.From == SpecialType.None
                    ? $"C# computes '{r.Text}' in {TypeName(r.Type)},"
                    : $"C# converts '{r.Text}' from {TypeName(r.From)} to decimal, keeping {SignificantDigits(r.From)} significant digits,";
                Unsupported(at, what,
                    $"{computes} which {detail}, so C# may {verb} it differently from the exact values the network uses; " +
                    "compute it with integers (count with int) or with values C# represents exactly");
                return false;
            }
            return true;
        }

        /// <summary>decimal.MaxValue (a property: the generator keeps no static state).</summary>
        private static Rational DecimalMax => Rational.Create(new BigInteger(decimal.MaxValue), BigInteger.One);

        /// <summary>The exact value to 21 significant digits (… when there are more), to show it is not the type's.</summary>
        private static string Digits(Rational v)
        {
            var a = BigInteger.Abs(v.Numerator);
            var q = v.Denominator;
            var integer = BigInteger.DivRem(a, q, out var remainder);
            string whole = integer.ToString(null, Inv);
            if (whole.Length > 21) // beyond double's range, say: the leading digits and the power of ten
            {
                // An exact power-of-ten multiple (a long overflow like 2.7E+28) drops its zeros and the …
                bool exact = remainder.IsZero && whole.Substring(21).All(c => c == '0');
                string mantissa = whole.Substring(0, 1) + "." + whole.Substring(1, 20);
                if (exact) mantissa = mantissa.TrimEnd('0').TrimEnd('.');
                return (v.Sign < 0 ? "-" : "") + mantissa + (exact ? "" : "…") + "E+" + (whole.Length - 1).ToString(Inv);
            }
            if (integer.IsZero && !a.IsZero && a * BigInteger.Pow(10, 6) < q)
            {
                // Below 10^-6 (1e-300 * 1e-300 printed 600 zeros): the significant digits and the power of ten.
                int exponent = 0;
                var scaled = a;
                while (scaled < q) { scaled *= 10; exponent++; }
                return Digits(Rational.Create(v.Sign < 0 ? -scaled : scaled, q)) + "E-" + exponent.ToString(Inv);
            }
            var sb = new System.Text.StringBuilder(v.Sign < 0 ? "-" : "").Append(whole);
            int significant = integer.IsZero ? 0 : integer.ToString(null, Inv).Length;
            if (!remainder.IsZero) sb.Append('.');
            while (!remainder.IsZero && significant < 21)
            {
                var digit = BigInteger.DivRem(remainder * 10, q, out remainder);
                sb.Append((char)('0' + (int)digit));
                if (significant > 0 || !digit.IsZero) significant++;
            }
            return remainder.IsZero ? sb.ToString() : sb.Append('…').ToString();
        }

        private static string TypeName(SpecialType type) => type switch
        {
            SpecialType.System_Single => "float",
            SpecialType.System_Decimal => "decimal",
            _ => "double",
        };

        /// <summary>The value of an arithmetic operation of C# type <paramref name="type"/>, remembering it when C# may round it.</summary>
        private BitValue Operation(int node, ITypeSymbol? type, ExpressionSyntax expression, BitValue left, BitValue right)
            => BitValue.Of(node, Rounding.Merge(Rounding.Merge(left.Rounding, right.Rounding), MayRound(node, type, expression)));

        /// <summary>An implicit conversion (int to double at a + 0.5, long to double in a comparison, an assignment to a float local).</summary>
        private BitValue? Converted(ExpressionSyntax expression, BitValue value)
        {
            var info = Model.GetTypeInfo(expression, Ct);
            if (info.Type is null || info.ConvertedType is null || SymbolEqualityComparer.Default.Equals(info.Type, info.ConvertedType)) return value;
            // float f = n rounds an int above 2²⁴ as a float operation would (the same check, at the converted expression).
            if (info.ConvertedType.SpecialType == SpecialType.System_Single && !_overflowReported)
                return FloatExact(value, expression.GetLocation(), expression, "conversion");
            return Conversion(value, info.Type, info.ConvertedType, expression);
        }

        private BitValue Conversion(BitValue value, ITypeSymbol? from, ITypeSymbol? to, ExpressionSyntax expression)
        {
            if (to is null || SymbolEqualityComparer.Default.Equals(from, to)) return value;
            var round = MayRound(value.Value, to, expression, from?.SpecialType ?? SpecialType.None);
            return round is null ? value : BitValue.Of(value.Value, Rounding.Merge(value.Rounding, round));
        }

        /// <summary>
        /// A record of the C# operation when its type is floating (double, float, decimal) and its exact value is not
        /// shown to be representable in that type on every input by the cheap test: every value is a multiple of 1/g
        /// (g the node's <see cref="Grid"/>) of magnitude at most m, so with g = 2ᵏ and m·g ≤ 2⁵³ each is a double
        /// (2²⁴: a float), and with g | 10ˢ (s ≤ 28) and m·10ˢ &lt; 2⁹⁶ a decimal. A conversion of a double or float
        /// (<paramref name="from"/>) to decimal keeps only 15, resp. 7, significant digits ((decimal)16777215f is 16777220):
        /// exact when g = 2ᵏ and m·10ᵏ &lt; 10¹⁵ (10⁷), every value then having no more digits.
        /// </summary>
        private Rounding? MayRound(int node, ITypeSymbol? type, ExpressionSyntax expression, SpecialType from = SpecialType.None)
        {
            var special = type?.SpecialType ?? SpecialType.None;
            if (special is not (SpecialType.System_Double or SpecialType.System_Single or SpecialType.System_Decimal)) return null;
            if (special != SpecialType.System_Decimal || from is not (SpecialType.System_Double or SpecialType.System_Single)) from = SpecialType.None;
            if (_builder.IsBit(node) && _builder.TryConstant(node, out _)) return null;
            var (lo, hi) = Range(node);
            var max = Max(lo.Abs(), hi.Abs());
            var grid = Grid(node);
            if (from != SpecialType.None)
            {
                if (PowerOfTwoGridBelow(grid, max, 10, BigInteger.Pow(10, SignificantDigits(from)), orEqual: false)) return null;
            }
            else if (special == SpecialType.System_Decimal)
            {
                int scale = DecimalScale(grid);
                if (scale >= 0 && (max * Rational.Create(BigInteger.Pow(10, scale), BigInteger.One)).CompareTo(Rational.Create(BigInteger.One << 96, BigInteger.One)) < 0) return null;
            }
            else if (PowerOfTwoGridBelow(grid, max, 2, BigInteger.One << (special == SpecialType.System_Double ? 53 : 24), orEqual: true))
                return null;
            return new Rounding(node, special, Shorten(expression.ToString()), null, null, from);
        }

        /// <summary>
        /// Whether the grid g is 2ᵏ (k &lt; 150) and m·rᵏ is below <paramref name="limit"/> (or equal, with
        /// <paramref name="orEqual"/>): r = 2 asks whether every multiple of 2⁻ᵏ up to m fits a 53-bit (24-bit) significand,
        /// r = 10 whether it has at most as many significant digits as the limit's power of ten allows.
        /// </summary>
        private static bool PowerOfTwoGridBelow(BigInteger grid, Rational max, int radix, BigInteger limit, bool orEqual)
        {
            if (!grid.IsPowerOfTwo) return false;
            int k = BitLength(grid) - 1;
            if (k >= 150) return false;
            int order = (max * Rational.Create(BigInteger.Pow(radix, k), BigInteger.One)).CompareTo(Rational.Create(limit, BigInteger.One));
            return orEqual ? order <= 0 : order < 0;
        }

        /// <summary>The significant digits C# keeps converting a double (15) or a float (7) to decimal.</summary>
        private static int SignificantDigits(SpecialType from) => from == SpecialType.System_Single ? 7 : 15;

        /// <summary>The smallest s with g | 10ˢ, or −1 when there is none up to 28 (decimal's largest scale).</summary>
        private static int DecimalScale(BigInteger grid)
        {
            for (int s = 0; s <= 28; s++) if ((BigInteger.Pow(10, s) % grid).IsZero) return s;
            return -1;
        }

        /// <summary>
        /// Whether C# holds the exact value <paramref name="v"/> in the type without rounding; for a conversion from a double
        /// or float to decimal (<paramref name="from"/>), whether C#'s conversion gives it (it keeps 15, resp. 7, digits).
        /// </summary>
        private static bool Representable(Rational v, SpecialType type, SpecialType from = SpecialType.None)
        {
            if (from != SpecialType.None)
            {
                // Beyond decimal's range the conversion throws (Fits reports it); the generator must not.
                if (v.Abs().CompareTo(DecimalMax) > 0) return false;
                double x = v.ToDouble();
                if (from == SpecialType.System_Single) x = (float)x;
                if (Rational.FromDouble(x) != v) return false;
                decimal converted = from == SpecialType.System_Single ? (decimal)(float)x : (decimal)x;
                return FromDecimal(converted) == v;
            }
            if (type == SpecialType.System_Decimal)
            {
                int scale = DecimalScale(v.Denominator);
                return scale >= 0 && BigInteger.Abs(v.Numerator * (BigInteger.Pow(10, scale) / v.Denominator)) < (BigInteger.One << 96);
            }
            double d = v.ToDouble();
            if (type == SpecialType.System_Single)
            {
                float f = (float)d;
                return !float.IsInfinity(f) && Rational.FromDouble(f) == v;
            }
            return !double.IsInfinity(d) && Rational.FromDouble(d) == v;
        }

        /// <summary>The common denominator g of a node's values: every value is a multiple of 1/g (by node index, after <see cref="Range"/>).</summary>
        private BigInteger Grid(int node)
        {
            Range(node);
            return _grids[node];
        }

        private readonly List<BigInteger> _grids = new();

        private static BigInteger Lcm(BigInteger a, BigInteger b) => a / BigInteger.GreatestCommonDivisor(a, b) * b;

        /// <summary>
        /// An integer operation (or a cast to an integer type) whose exact value can leave its type's range: C# wraps it
        /// (or throws in a checked context), while the network computes the exact polynomial of Eq 12, so the two would
        /// differ on some input and the bound stated against the method would be false. CHEAP021 at the operator, once per
        /// method (every operation above it overflows too). The range is interval arithmetic over the bits, a sound bound,
        /// confirmed on the inputs themselves when there are few (the diagnostic then names one); when the exact value fits, C#'s wrapped arithmetic (a ring homomorphism to Z/2^k) gives it exactly, so
        /// intermediate values need no separate check beyond their own type. A decimal operation or cast (from a double) beyond
        /// ±decimal.MaxValue is refused too: C# throws OverflowException there, checked or not, while the network returned a
        /// value (it was caught only below a comparison).
        /// </summary>
        private BitValue? Fits(BitValue? value, ITypeSymbol? type, Location at, ExpressionSyntax expression)
        {
            if (value is null || _overflowReported) return value;
            if (type?.SpecialType == SpecialType.System_Single) return FloatExact(value, at, expression);
            bool isDecimal = type?.SpecialType == SpecialType.System_Decimal;
            Rational min, max;
            if (isDecimal) (min, max) = (-DecimalMax, DecimalMax);
            else if (!IntegralRange(type, out min, out max)) return value;
            var (lo, hi) = Range(value.Value);
            if (lo.CompareTo(min) >= 0 && hi.CompareTo(max) <= 0) return value;
            var inv = System.Globalization.CultureInfo.InvariantCulture;
            string reach;
            if (_builder.VariableCount <= ExactRangeBits && _witnessSearches++ < MaxWitnessSearches)
            {
                // Few bits: the interval may be loose ((a ? k : 0) * (a ? 0 : k) is always 0), so look for an input that
                // really leaves the range, and name it.
                if (Witness(value.Value, v => v.CompareTo(min) >= 0 && v.CompareTo(max) <= 0) is not { } w)
                {
                    // Every input fits: the node's exact range lies in the type's, which tightens the intervals built on it.
                    _ranges[value.Value] = (Max(lo, min), Min(hi, max));
                    return value;
                }
                if (w.Input.Length > 0) reach = $"{Digits(w.Value)} at {w.Input}";
                else reach = IntervalReach(lo, hi, max, inv);
            }
            else reach = IntervalReach(lo, hi, max, inv);
            _overflowReported = true;
            string name = type!.ToDisplayString();
            return Unsupported(at, $"The {name} {(expression is CastExpressionSyntax ? "cast" : "operation")} '{Shorten(expression.ToString())}'",
                $"its exact value {(reach.StartsWith("may", StringComparison.Ordinal) ? "" : "is ")}{reach}, outside {name}'s range, where " +
                (isDecimal ? "C# throws OverflowException but the network computes the exact value; compute in double"
                           : "C# wraps it (or throws when checked) but the network computes the exact value; compute in long or double"));
        }

        /// <summary>
        /// Up to this many bits an overflow is confirmed on the inputs themselves, at most <see cref="MaxWitnessSearches"/>
        /// times per method and while 2ⁿ evaluations of the graph so far stay within <see cref="MaxWitnessWork"/> node
        /// evaluations (the analyzer runs on every keystroke); beyond that the interval bound is reported as such.
        /// </summary>
        private const int ExactRangeBits = 12, MaxWitnessSearches = 8;

        private const long MaxWitnessWork = 1 << 20;

        private int _witnessSearches;

        private readonly string[] _parameterNames;

        /// <summary>
        /// A float operation (or cast to float) whose exact value is not always a float: C# rounds it to float (relative
        /// error up to 6e-8, far above the digits a bit network proves) while the network computes the exact value. Exact
        /// when every constant below it is an integer and its values stay within ±2²⁴; else confirmed on the inputs when
        /// there are few, naming one; else reported as possible. CHEAP021 at the operator, once per method.
        /// </summary>
        private BitValue? FloatExact(BitValue value, Location at, ExpressionSyntax expression, string? kind = null)
        {
            var (lo, hi) = Range(value.Value);
            var limit = (Rational)(1 << 24);
            if (_integral[value.Value] && lo.CompareTo(-limit) >= 0 && hi.CompareTo(limit) <= 0) return value;
            string detail = "may not be a float on some bit input";
            if (_builder.VariableCount <= ExactRangeBits && _witnessSearches++ < MaxWitnessSearches)
            {
                var w = Witness(value.Value, v => v.IsFloat);
                if (w is null) return value;
                if (w.Value.Input.Length > 0)
                    detail = $"is {w.Value.Value.ToDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture)} at {w.Value.Input}, not a float";
            }
            _overflowReported = true;
            return Unsupported(at, $"The float {kind ?? (expression is CastExpressionSyntax ? "cast" : "operation")} '{Shorten(expression.ToString())}'",
                $"its exact value {detail}; C# rounds it to float but the network computes the exact value; compute in double");
        }

        private static string IntervalReach(Rational lo, Rational hi, Rational max, IFormatProvider inv)
            => "may reach " + (hi.CompareTo(max) > 0 ? "up to " + hi.ToDouble().ToString("G6", inv) : "down to " + lo.ToDouble().ToString("G6", inv)) + " on some bit input";

        /// <summary>
        /// The first bit input (in counting order) where the node's exact value leaves [min, max], or null when none does;
        /// an empty input when the search would cost more than <see cref="MaxWitnessWork"/> (then the interval stands).
        /// </summary>
        private (Rational Value, string Input)? Witness(int node, Func<Rational, bool> holds)
        {
            var graph = _builder.Build(node);
            if ((long)graph.Nodes.Count << _builder.VariableCount > MaxWitnessWork) return (Rational.Zero, "");
            for (ulong x = 0; x < 1UL << _builder.VariableCount; x++)
            {
                Ct.ThrowIfCancellationRequested();
                var v = graph.Evaluate(x);
                if (holds(v)) continue;
                var input = string.Join(", ", _parameterNames.Select((p, i) => $"{p} = {(x >> i) & 1}"));
                return (v, input);
            }
            return null;
        }

        private bool _overflowReported;

        /// <summary>Interval bounds of every node's exact value over all bit inputs, by node index (operands come first).</summary>
        private readonly List<(Rational Lo, Rational Hi)> _ranges = new();

        /// <summary>Whether a node's value is an integer on every input because every constant below it is (by node index).</summary>
        private readonly List<bool> _integral = new();

        private (Rational Lo, Rational Hi) Range(int node)
        {
            for (int i = _ranges.Count; i <= node; i++)
            {
                Ct.ThrowIfCancellationRequested();
                var n = _builder[i];
                var ops = n.Operands;
                _ranges.Add(n.Op switch
                {
                    _ when n.IsBit => (Rational.Zero, Rational.One),
                    BitOp.Constant => (n.Value, n.Value),
                    BitOp.Sum => SumRange(n),
                    BitOp.Product => ProductRange(_ranges[ops[0]], _ranges[ops[1]]),
                    BitOp.Conditional => (Min(_ranges[ops[1]].Lo, _ranges[ops[2]].Lo), Max(_ranges[ops[1]].Hi, _ranges[ops[2]].Hi)),
                    _ => (Rational.Zero, Rational.One),
                });
                _grids.Add(n.IsBit ? BigInteger.One : n.Op switch
                {
                    BitOp.Constant => n.Value.Denominator,
                    BitOp.Sum => SumGrid(n),
                    BitOp.Product => _grids[ops[0]] * _grids[ops[1]],
                    BitOp.Conditional => Lcm(_grids[ops[1]], _grids[ops[2]]),
                    _ => BigInteger.One,
                });
                _integral.Add(n.IsBit || n.Op switch
                {
                    BitOp.Constant => n.Value.IsInteger,
                    BitOp.Sum => n.Value.IsInteger && n.Weights.All(w => w.IsInteger) && ops.All(o => _integral[o]),
                    BitOp.Product => _integral[ops[0]] && _integral[ops[1]],
                    BitOp.Conditional => _integral[ops[1]] && _integral[ops[2]],
                    _ => true,
                });
            }
            return _ranges[node];
        }

        private BigInteger SumGrid(BitNode n)
        {
            var grid = n.Value.Denominator;
            for (int k = 0; k < n.Operands.Count; k++) grid = Lcm(grid, n.Weights[k].Denominator * _grids[n.Operands[k]]);
            return grid;
        }

        private (Rational Lo, Rational Hi) SumRange(BitNode n)
        {
            Rational lo = n.Value, hi = n.Value;
            for (int k = 0; k < n.Operands.Count; k++)
            {
                var w = n.Weights[k];
                var (a, b) = _ranges[n.Operands[k]];
                lo += w.Sign >= 0 ? w * a : w * b;
                hi += w.Sign >= 0 ? w * b : w * a;
            }
            return (lo, hi);
        }

        private static (Rational Lo, Rational Hi) ProductRange((Rational Lo, Rational Hi) a, (Rational Lo, Rational Hi) b)
        {
            Rational p1 = a.Lo * b.Lo, p2 = a.Lo * b.Hi, p3 = a.Hi * b.Lo, p4 = a.Hi * b.Hi;
            return (Min(Min(p1, p2), Min(p3, p4)), Max(Max(p1, p2), Max(p3, p4)));
        }

        private static Rational Min(Rational a, Rational b) => a.CompareTo(b) <= 0 ? a : b;

        private static Rational Max(Rational a, Rational b) => a.CompareTo(b) >= 0 ? a : b;

        private static bool IntegralRange(ITypeSymbol? type, out Rational min, out Rational max)
        {
            (min, max) = type?.SpecialType switch
            {
                SpecialType.System_Int32 => ((Rational)int.MinValue, (Rational)int.MaxValue),
                SpecialType.System_Int64 => ((Rational)long.MinValue, (Rational)long.MaxValue),
                SpecialType.System_Int16 => ((Rational)short.MinValue, (Rational)short.MaxValue),
                SpecialType.System_SByte => ((Rational)sbyte.MinValue, (Rational)sbyte.MaxValue),
                SpecialType.System_Byte => (Rational.Zero, (Rational)byte.MaxValue),
                SpecialType.System_UInt16 => (Rational.Zero, (Rational)ushort.MaxValue),
                SpecialType.System_UInt32 => (Rational.Zero, (Rational)uint.MaxValue),
                SpecialType.System_UInt64 => (Rational.Zero, Rational.Create(ulong.MaxValue, System.Numerics.BigInteger.One)),
                _ => (Rational.Zero, Rational.Zero),
            };
            return IsIntegral(type);
        }
    }
}
