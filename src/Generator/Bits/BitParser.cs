using CheapLearning.Generator.Algebra;

namespace CheapLearning.Generator.Bits
{
    /// <summary>
    /// C# syntax of a <c>[BitNetwork]</c> body → <see cref="BitGraph"/>. Boolean operators on bits become
    /// AND/OR/XOR/NOT nodes, arithmetic becomes sums and products, <c>?:</c> a conditional (Eq 12's
    /// c·a + (1 − c)·b). What it cannot translate is CHEAP021 (an operation outside the bit algebra) or
    /// CHEAP022 (not a function of the bits) at that exact node.
    /// </summary>
    internal sealed class BitParser : StraightLineWalker<BitValue>
    {
        private static readonly WalkerTexts Texts = new(DiagnosticDescriptors.NotAFunctionOfBits, "function's code", "the function's value",
            "it is not a bit parameter, a local of this method or a constant", "only bool and numeric locals hold values of a bit function");

        private readonly BitGraphBuilder _builder;

        public BitParser(SemanticModel model, IMethodSymbol method, BitGraphBuilder builder, List<Diagnostic> diagnostics, CancellationToken ct)
            : base(model, diagnostics, ct, Texts)
        {
            _builder = builder;
            _parameterNames = method.Parameters.Select(p => p.Name).ToArray();
            for (int i = 0; i < method.Parameters.Length; i++) Bind(method.Parameters[i], builder.Variable(i));
        }

        protected override (string What, string Why)? Overflow
            => _builder.Overflowed ? ("An expression with this many distinct operations", $"more than {_builder.MaxNodes} distinct subexpressions") : null;

        protected override bool CanHold(ILocalSymbol local) => IsNumericOrBool(local.Type);

        protected override BitValue? Compound(AssignmentExpressionSyntax assignment, BitValue current, BitValue right)
            => Fits(CompoundValue(assignment, current, right), Model.GetTypeInfo(assignment.Left, Ct).Type, assignment.OperatorToken.GetLocation(), assignment);

        private BitValue? CompoundValue(AssignmentExpressionSyntax assignment, BitValue current, BitValue right) => assignment.Kind() switch
        {
            SyntaxKind.AddAssignmentExpression => _builder.Add(current.Value, right.Value),
            SyntaxKind.SubtractAssignmentExpression => _builder.Subtract(current.Value, right.Value),
            SyntaxKind.MultiplyAssignmentExpression => _builder.Product(current.Value, right.Value),
            SyntaxKind.DivideAssignmentExpression => Divide(current.Value, right.Value, assignment.Left, assignment.Right, assignment.OperatorToken),
            SyntaxKind.AndAssignmentExpression => Logic(SyntaxKind.BitwiseAndExpression, current.Value, right.Value, assignment.OperatorToken, assignment.Left, assignment.Right),
            SyntaxKind.OrAssignmentExpression => Logic(SyntaxKind.BitwiseOrExpression, current.Value, right.Value, assignment.OperatorToken, assignment.Left, assignment.Right),
            SyntaxKind.ExclusiveOrAssignmentExpression => Logic(SyntaxKind.ExclusiveOrExpression, current.Value, right.Value, assignment.OperatorToken, assignment.Left, assignment.Right),
            _ => Unsupported(assignment.OperatorToken.GetLocation(), $"The operator '{assignment.OperatorToken.Text}'", "only = += -= *= /= (by a constant) &= |= ^= are supported"),
        };

        protected override BitValue? ParseCore(ExpressionSyntax expression)
        {
            var constant = Model.GetConstantValue(expression, Ct);
            if (constant.HasValue && TryConstant(constant.Value, out var c)) return _builder.Constant(c);
            // C#'s folding stays C#'s (1e308 * 10 is ∞): parsing the operands instead would give the exact 1e309, and
            // double.NaN was called a non-const field. Coefficients are exact rationals; NaN and ∞ have none.
            if (constant.Value is double or float)
                return NotAFunctionValue(expression.GetLocation(), $"The constant '{Shorten(expression.ToString())}'", "it is NaN or infinite, so it has no exact value");
            switch (expression)
            {
                case ParenthesizedExpressionSyntax p: return Parse(p.Expression);
                case CheckedExpressionSyntax ch: return Parse(ch.Expression);
                case PrefixUnaryExpressionSyntax u when u.IsKind(SyntaxKind.LogicalNotExpression):
                    return Parse(u.Operand) is { } a ? RequireBits(u.OperatorToken, u.Operand, a.Value) ? _builder.Not(a.Value) : null : null;
                case PrefixUnaryExpressionSyntax u when u.IsKind(SyntaxKind.UnaryMinusExpression):
                    return Parse(u.Operand) is { } neg ? Fits(_builder.Scale(neg.Value, -1), Model.GetTypeInfo(u, Ct).Type, u.OperatorToken.GetLocation(), u) : null;
                case PrefixUnaryExpressionSyntax u when u.IsKind(SyntaxKind.UnaryPlusExpression):
                    return Parse(u.Operand);
                case BinaryExpressionSyntax b:
                    return ParseBinary(b);
                case ConditionalExpressionSyntax cond:
                {
                    var condition = Parse(cond.Condition);
                    var whenTrue = Parse(cond.WhenTrue);
                    var whenFalse = Parse(cond.WhenFalse);
                    if (condition is null || whenTrue is null || whenFalse is null) return null;
                    return _builder.Conditional(condition.Value, whenTrue.Value, whenFalse.Value);
                }
                case IdentifierNameSyntax or MemberAccessExpressionSyntax:
                    return ParseName(expression);
                case CastExpressionSyntax cast:
                    return ParseCast(cast);
                case InvocationExpressionSyntax invocation:
                {
                    var method = Model.GetSymbolInfo(invocation, Ct).Symbol as IMethodSymbol;
                    string name = method is null ? invocation.Expression.ToString() : method.ContainingType.Name + "." + method.Name;
                    NotAFunction(invocation.GetLocation(), $"A call to '{name}'", "a bit network computes the body's own Boolean and arithmetic operations only");
                    return null;
                }
                case PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax:
                    return Unsupported(expression.GetLocation(), $"The operator in '{Shorten(expression.ToString())}'", "only ! on bits and unary - and + are supported");
                default:
                    NotAFunction(expression.GetLocation(), Describe(expression), "only parameters, locals, constants, Boolean operators, + - * and ?: are supported");
                    return null;
            }
        }

        private BitValue? ParseBinary(BinaryExpressionSyntax b)
        {
            var kind = b.Kind();
            switch (kind)
            {
                case SyntaxKind.LogicalAndExpression or SyntaxKind.LogicalOrExpression or SyntaxKind.BitwiseAndExpression
                    or SyntaxKind.BitwiseOrExpression or SyntaxKind.ExclusiveOrExpression or SyntaxKind.EqualsExpression
                    or SyntaxKind.NotEqualsExpression or SyntaxKind.AddExpression or SyntaxKind.SubtractExpression
                    or SyntaxKind.MultiplyExpression or SyntaxKind.DivideExpression:
                    break;
                default:
                    return Unsupported(b.OperatorToken.GetLocation(), $"The operator '{b.OperatorToken.Text}'",
                        "bits combine with & | ^ && || == != and values with + - * and division by a constant");
            }
            // Walk left-nested chains iteratively so that long sums and parities keep the stack flat.
            var spine = new Stack<BinaryExpressionSyntax>();
            ExpressionSyntax left = b;
            while (left is BinaryExpressionSyntax inner && inner.Kind() == kind && !IsConstant(inner))
            {
                spine.Push(inner);
                left = inner.Left;
            }
            var acc = Parse(left);
            bool ok = acc is not null;
            while (spine.Count > 0)
            {
                var node = spine.Pop();
                var right = Parse(node.Right);
                if (acc is null || right is null) { ok = false; continue; }
                acc = kind switch
                {
                    SyntaxKind.AddExpression => _builder.Add(acc.Value, right.Value),
                    SyntaxKind.SubtractExpression => _builder.Subtract(acc.Value, right.Value),
                    SyntaxKind.MultiplyExpression => _builder.Product(acc.Value, right.Value),
                    SyntaxKind.DivideExpression => Divide(acc.Value, right.Value, node.Left, node.Right, node.OperatorToken),
                    _ => Logic(kind, acc.Value, right.Value, node.OperatorToken, node.Left, node.Right),
                };
                if (kind is SyntaxKind.AddExpression or SyntaxKind.SubtractExpression or SyntaxKind.MultiplyExpression or SyntaxKind.DivideExpression)
                    acc = Fits(acc, Model.GetTypeInfo(node, Ct).Type, node.OperatorToken.GetLocation(), node);
                if (acc is null) ok = false;
            }
            return ok ? acc : null;
        }

        private BitValue? Logic(SyntaxKind kind, int a, int b, SyntaxToken op, ExpressionSyntax left, ExpressionSyntax right)
        {
            if (!RequireBits(op, left, a) || !RequireBits(op, right, b)) return null;
            return kind switch
            {
                SyntaxKind.LogicalAndExpression or SyntaxKind.BitwiseAndExpression => _builder.And(a, b),
                SyntaxKind.LogicalOrExpression or SyntaxKind.BitwiseOrExpression => _builder.Or(a, b),
                SyntaxKind.EqualsExpression => _builder.Equal(a, b),
                _ => _builder.Xor(a, b), // ^ and !=
            };
        }

        /// <summary>Boolean operators apply to bits only: CHEAP021 at the operand that is not one.</summary>
        private bool RequireBits(SyntaxToken op, ExpressionSyntax operand, int node)
        {
            if (_builder.IsBit(node)) return true;
            Unsupported(operand.GetLocation(), $"The operator '{op.Text}' on '{Shorten(operand.ToString())}'",
                "that value is not a bit (0 or 1 on every input); Boolean operators apply to bits, arithmetic values use + - * and ?:");
            return false;
        }

        private BitValue? Divide(int numerator, int denominator, ExpressionSyntax left, ExpressionSyntax right, SyntaxToken op)
        {
            if (!_builder.TryConstant(denominator, out var d))
                return Unsupported(right.GetLocation(), $"Division by '{Shorten(right.ToString())}'", "a bit function can only be divided by a constant");
            if (d.IsZero)
                return Unsupported(right.GetLocation(), "Division by zero", "the divisor is the constant 0");
            var quotient = _builder.Scale(numerator, Rational.One / d);
            if (IsIntegral(Model.GetTypeInfo(left, Ct).Type) && IsIntegral(Model.GetTypeInfo(right, Ct).Type) && !(Rational.One / d).IsInteger)
            {
                // Exact when every input's quotient is an integer (s * (s - 1) / 2); confirmed on the inputs when there are few.
                string why = "it truncates; divide a double instead";
                if (_builder.VariableCount <= ExactRangeBits && _witnessSearches++ < MaxWitnessSearches)
                {
                    var w = Witness(quotient, v => v.IsInteger);
                    if (w is null) return quotient;
                    if (w.Value.Input.Length > 0)
                        why = $"it truncates {w.Value.Value.ToDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture)} at {w.Value.Input}; divide a double instead";
                }
                return Unsupported(op.GetLocation(), $"Integer division '{Shorten(left.ToString())} / {Shorten(right.ToString())}'", why);
            }
            return quotient;
        }

        private BitValue? ParseCast(CastExpressionSyntax cast)
        {
            var type = Model.GetTypeInfo(cast.Type, Ct).Type;
            var from = Model.GetTypeInfo(cast.Expression, Ct).Type;
            var value = Parse(cast.Expression);
            if (value is null) return null;
            if (type is null || !IsNumericOrBool(type))
                return NotAFunctionValue(cast.GetLocation(), $"A cast to '{type?.ToDisplayString() ?? cast.Type.ToString()}'", "only numeric casts keep a value of the bits");
            if (IsIntegral(type) && !IsIntegral(from) && !_builder.IsBit(value.Value))
                return Unsupported(cast.GetLocation(), $"The cast '{Shorten(cast.ToString())}'", "a cast to an integer type truncates a value that may not be an integer");
            return Fits(value, type, cast.GetLocation(), cast);
        }

        /// <summary>
        /// An integer operation (or a cast to an integer type) whose exact value can leave its type's range: C# wraps it
        /// (or throws in a checked context), while the network computes the exact polynomial of Eq 12, so the two would
        /// differ on some input and the bound stated against the method would be false. CHEAP021 at the operator, once per
        /// method (every operation above it overflows too). The range is interval arithmetic over the bits, a sound bound,
        /// confirmed on the inputs themselves when there are few (the diagnostic then names one); when the exact value fits, C#'s wrapped arithmetic (a ring homomorphism to Z/2^k) gives it exactly, so
        /// intermediate values need no separate check beyond their own type.
        /// </summary>
        private BitValue? Fits(BitValue? value, ITypeSymbol? type, Location at, ExpressionSyntax expression)
        {
            if (value is null || _overflowReported) return value;
            if (type?.SpecialType == SpecialType.System_Single) return FloatExact(value, at, expression);
            if (!IntegralRange(type, out var min, out var max)) return value;
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
                if (w.Input.Length > 0) reach = $"{w.Value.ToDouble().ToString("G6", inv)} at {w.Input}";
                else reach = IntervalReach(lo, hi, max, inv);
            }
            else reach = IntervalReach(lo, hi, max, inv);
            _overflowReported = true;
            string name = type!.ToDisplayString();
            return Unsupported(at, $"The {name} {(expression is CastExpressionSyntax ? "cast" : "operation")} '{Shorten(expression.ToString())}'",
                $"its exact value {(reach.StartsWith("may", StringComparison.Ordinal) ? "" : "is ")}{reach}, outside {name}'s range, where C# wraps it (or throws when checked) " +
                "but the network computes the exact value; compute in long or double");
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
        private BitValue? FloatExact(BitValue value, Location at, ExpressionSyntax expression)
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
            return Unsupported(at, $"The float {(expression is CastExpressionSyntax ? "cast" : "operation")} '{Shorten(expression.ToString())}'",
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

        private bool IsConstant(ExpressionSyntax e)
        {
            var c = Model.GetConstantValue(e, Ct);
            return c.HasValue && TryConstant(c.Value, out _);
        }

        private static bool IsNumericOrBool(ITypeSymbol? t)
            => t?.SpecialType is SpecialType.System_Boolean or SpecialType.System_Double or SpecialType.System_Single
               or SpecialType.System_Decimal || IsIntegral(t);

        private static bool IsIntegral(ITypeSymbol? t)
            => t?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Int16
               or SpecialType.System_Byte or SpecialType.System_SByte or SpecialType.System_UInt16 or SpecialType.System_UInt32
               or SpecialType.System_UInt64;

        private static bool TryConstant(object? value, out Rational r)
        {
            r = Rational.Zero;
            switch (value)
            {
                case bool b: r = b ? Rational.One : Rational.Zero; return true;
                case double d when !double.IsNaN(d) && !double.IsInfinity(d): r = Rational.FromDouble(d); return true;
                case float f when !float.IsNaN(f) && !float.IsInfinity(f): r = Rational.FromDouble(f); return true;
                case int i: r = i; return true;
                case long l: r = l; return true;
                case short s: r = s; return true;
                case byte by: r = by; return true;
                case sbyte sb: r = sb; return true;
                case uint ui: r = ui; return true;
                case ushort us: r = us; return true;
                case ulong ul: r = Rational.Create(ul, System.Numerics.BigInteger.One); return true;
                case decimal m:
                    var bits = decimal.GetBits(m);
                    var mantissa = (new System.Numerics.BigInteger((uint)bits[2]) << 64) | (new System.Numerics.BigInteger((uint)bits[1]) << 32) | (uint)bits[0];
                    int scale = (bits[3] >> 16) & 0xFF;
                    if (bits[3] < 0) mantissa = -mantissa;
                    r = Rational.Create(mantissa, System.Numerics.BigInteger.Pow(10, scale));
                    return true;
                default: return false;
            }
        }

        protected override string Describe(SyntaxNode node) => node switch
        {
            ReturnStatementSyntax => "An early 'return'",
            LiteralExpressionSyntax l => $"The literal {l}",
            _ => base.Describe(node),
        };

        private void NotAFunction(Location location, string what, string why) => NotAllowed(location, what, why);

        private BitValue? NotAFunctionValue(Location location, string what, string why)
        {
            NotAFunction(location, what, why);
            return null;
        }

        private BitValue? Unsupported(Location location, string what, string why)
        {
            Report(DiagnosticDescriptors.NotBitAlgebra, location, what, why);
            return null;
        }
    }

    /// <summary>
    /// A node of the bit graph as the walker holds it: a reference, so that "no value (an error was
    /// reported)" is null, converting from the builder's node index.
    /// </summary>
    internal sealed class BitValue
    {
        private BitValue(int value) => Value = value;

        public int Value { get; }

        public static implicit operator BitValue(int node) => new(node);
    }
}
