using System.Numerics;
using CheapLearning.Generator.Algebra;

namespace CheapLearning.Generator.Bits
{
    /// <summary>
    /// C# syntax of a <c>[BitNetwork]</c> body → <see cref="BitGraph"/>. Boolean operators on bits become
    /// AND/OR/XOR/NOT nodes, arithmetic becomes sums and products, <c>?:</c> a conditional (Eq 12's
    /// c·a + (1 − c)·b). What it cannot translate is CHEAP021 (an operation outside the bit algebra) or
    /// CHEAP022 (not a function of the bits) at that exact node.
    /// </summary>
    internal sealed partial class BitParser : StraightLineWalker<BitValue>
    {
        private static readonly WalkerTexts Texts = new(DiagnosticDescriptors.NotAFunctionOfBits, "function's code", "the function's value",
            "it is not a bit parameter, a local of this method or a constant", "only bool and numeric locals hold values of a bit function",
            "only a local function of bool or numeric parameters passed by value whose body is one expression (=> e, or { return e; }) is inlined into a bit function",
            "it calls itself, and a recursion is not straight-line code over the bits");

        private readonly BitGraphBuilder _builder;

        /// <param name="attribute">The attribute written on the method, "[BitNetwork]" or "[Hamiltonian]", which CHEAP022 names.</param>
        public BitParser(SemanticModel model, IMethodSymbol method, BitGraphBuilder builder, List<Diagnostic> diagnostics, CancellationToken ct, string attribute)
            : base(model, diagnostics, ct, Texts, attribute)
        {
            _builder = builder;
            _parameterNames = method.Parameters.Select(p => p.Name).ToArray();
            for (int i = 0; i < method.Parameters.Length; i++) Bind(method.Parameters[i], builder.Variable(i));
        }

        protected override (string What, string Why)? Overflow
            => _builder.Overflowed ? ("An expression with this many distinct operations", $"more than {_builder.MaxNodes} distinct subexpressions") : null;

        protected override bool CanHold(ILocalSymbol local) => IsNumericOrBool(local.Type);

        protected override bool CanPass(ITypeSymbol type) => IsNumericOrBool(type);

        protected override BitValue? DefaultArgument(IParameterSymbol parameter, InvocationExpressionSyntax call, string what)
        {
            // [Optional] without a value passes default(T): false, 0.
            if (!parameter.HasExplicitDefaultValue) return _builder.Constant(Rational.Zero);
            if (TryConstant(parameter.ExplicitDefaultValue, out var value)) return _builder.Constant(value);
            if (parameter.ExplicitDefaultValue is double or float)
                return NotAFunctionValue(call.GetLocation(), what, $"the default value of '{parameter.Name}' is NaN or infinite, so it has no exact value");
            return null;   // C#'s own error
        }

        /// <summary>The same node with the same record of C#'s roundings (a memo hit must not drop a rounding to check).</summary>
        protected override bool SameValue(BitValue a, BitValue b) => a.Value == b.Value && ReferenceEquals(a.Rounding, b.Rounding);

        protected override BitValue? Compound(AssignmentExpressionSyntax assignment, BitValue current, BitValue right)
        {
            var type = Model.GetTypeInfo(assignment.Left, Ct).Type;
            var value = CompoundValue(assignment, current, right);
            if (value is not null && assignment.Kind() is not (SyntaxKind.AndAssignmentExpression or SyntaxKind.OrAssignmentExpression or SyntaxKind.ExclusiveOrAssignmentExpression))
                value = Operation(value.Value, type, assignment, current, right);
            return Fits(value, type, assignment.OperatorToken.GetLocation(), assignment);
        }

        protected override BitValue? Step(ExpressionSyntax statement, SyntaxToken op, BitValue current, bool up)
        {
            // n++ is n += 1 in n's own type: an int count that may overflow is refused, a double may round (as for +=).
            var type = Model.GetTypeInfo(statement, Ct).Type;
            BitValue one = _builder.Constant(Rational.One);
            var node = up ? _builder.Add(current.Value, one.Value) : _builder.Subtract(current.Value, one.Value);
            return Fits(Operation(node, type, statement, current, one), type, op.GetLocation(), statement);
        }

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
            => ParseExpression(expression) is { } value ? Converted(expression, value) : null;

        private BitValue? ParseExpression(ExpressionSyntax expression)
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
                    return Parse(u.Operand) is { } neg ? Fits(BitValue.Of(_builder.Scale(neg.Value, -1), neg.Rounding), Model.GetTypeInfo(u, Ct).Type, u.OperatorToken.GetLocation(), u) : null;
                case PrefixUnaryExpressionSyntax u when u.IsKind(SyntaxKind.UnaryPlusExpression):
                    return Parse(u.Operand);
                case BinaryExpressionSyntax b:
                    return ParseBinary(b);
                case ConditionalExpressionSyntax cond when ConstantCondition(cond.Condition) is { } chosen:
                    // C#'s compile-time choice (a const bool switch): the method computes that branch only, so the
                    // other one is never read (the polynomial parser does the same).
                    return Parse(chosen ? cond.WhenTrue : cond.WhenFalse);
                case ConditionalExpressionSyntax cond:
                {
                    var condition = Parse(cond.Condition);
                    var whenTrue = Parse(cond.WhenTrue);
                    var whenFalse = Parse(cond.WhenFalse);
                    if (condition is null || whenTrue is null || whenFalse is null) return null;
                    return BitValue.Of(_builder.Conditional(condition.Value, whenTrue.Value, whenFalse.Value), Rounding.Merge(whenTrue.Rounding, whenFalse.Rounding));
                }
                case IdentifierNameSyntax or MemberAccessExpressionSyntax:
                    return ParseName(expression);
                case CastExpressionSyntax cast:
                    return ParseCast(cast);
                case InvocationExpressionSyntax invocation:
                {
                    var method = Model.GetSymbolInfo(invocation, Ct).Symbol as IMethodSymbol;
                    if (MissesArgument(invocation)) return null;
                    if (method is { MethodKind: MethodKind.LocalFunction }) return InlineLocalFunction(invocation, method);
                    if (StraightLine.FusedMultiplyAdd(invocation, method) is { } fma) return FusedMultiplyAdd(invocation, fma.X, fma.Y, fma.Z);
                    if (CallRefusedElsewhere(invocation, method)) return null;
                    string name = method is null ? invocation.Expression.ToString() : method.ContainingType.Name + "." + method.Name;
                    NotAFunction(invocation.GetLocation(), $"A call to '{name}'", "a bit network computes the body's own Boolean and arithmetic operations only");
                    return null;
                }
                case PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax:
                    return Unsupported(expression.GetLocation(), $"The operator in '{Shorten(expression.ToString())}'", "only ! on bits and unary - and + are supported");
                default:
                    NotAFunction(expression.GetLocation(), Describe(expression), "only parameters, locals, constants, Boolean operators, comparisons, + - * and ?: are supported");
                    return null;
            }
        }

        /// <summary>
        /// <c>Math.FusedMultiplyAdd(x, y, z)</c>: x·y + z with one rounding, so only the sum is recorded as an operation that
        /// may round (the product inside it is exact).
        /// </summary>
        private BitValue? FusedMultiplyAdd(InvocationExpressionSyntax invocation, ExpressionSyntax xSyntax, ExpressionSyntax ySyntax, ExpressionSyntax zSyntax)
        {
            var x = Parse(xSyntax);
            var y = Parse(ySyntax);
            var z = Parse(zSyntax);
            if (x is null || y is null || z is null) return null;
            var type = Model.GetTypeInfo(invocation, Ct).Type;
            var product = BitValue.Of(_builder.Product(x.Value, y.Value), Rounding.Merge(x.Rounding, y.Rounding));
            return Fits(Operation(_builder.Add(product.Value, z.Value), type, invocation, product, z), type, invocation.GetLocation(), invocation);
        }

        private BitValue? ParseBinary(BinaryExpressionSyntax b)
        {
            var kind = b.Kind();
            switch (kind)
            {
                case SyntaxKind.LogicalAndExpression or SyntaxKind.LogicalOrExpression or SyntaxKind.BitwiseAndExpression
                    or SyntaxKind.BitwiseOrExpression or SyntaxKind.ExclusiveOrExpression or SyntaxKind.EqualsExpression
                    or SyntaxKind.NotEqualsExpression or SyntaxKind.AddExpression or SyntaxKind.SubtractExpression
                    or SyntaxKind.MultiplyExpression or SyntaxKind.DivideExpression or SyntaxKind.LessThanExpression
                    or SyntaxKind.LessThanOrEqualExpression or SyntaxKind.GreaterThanExpression or SyntaxKind.GreaterThanOrEqualExpression:
                    break;
                default:
                    return Unsupported(b.OperatorToken.GetLocation(), $"The operator '{b.OperatorToken.Text}'",
                        "bits combine with & | ^ && || == !=, values with + - * and division by a constant, and values compare with == != < <= > >=");
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
                bool arithmetic = kind is SyntaxKind.AddExpression or SyntaxKind.SubtractExpression or SyntaxKind.MultiplyExpression or SyntaxKind.DivideExpression;
                var before = acc;
                acc = kind switch
                {
                    SyntaxKind.AddExpression => _builder.Add(acc.Value, right.Value),
                    SyntaxKind.SubtractExpression => _builder.Subtract(acc.Value, right.Value),
                    SyntaxKind.MultiplyExpression => _builder.Product(acc.Value, right.Value),
                    SyntaxKind.DivideExpression => Divide(acc.Value, right.Value, node.Left, node.Right, node.OperatorToken),
                    _ when IsComparison(node) => Compare(node, acc, right),
                    _ => Logic(kind, acc.Value, right.Value, node.OperatorToken, node.Left, node.Right),
                };
                if (arithmetic)
                {
                    var type = Model.GetTypeInfo(node, Ct).Type;
                    acc = Fits(acc is null ? null : Operation(acc.Value, type, node, before, right), type, node.OperatorToken.GetLocation(), node);
                }
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
                if (NotAnInteger(quotient) is not { } at) return quotient;
                return Unsupported(op.GetLocation(), $"Integer division '{Shorten(left.ToString())} / {Shorten(right.ToString())}'",
                    at.Length > 0 ? $"it truncates {at}; divide a double instead" : "it truncates; divide a double instead");
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
            if (IsIntegral(type) && !IsIntegral(from) && !_builder.IsBit(value.Value) && Truncates(value.Value) is { } truncates)
                return Unsupported(cast.GetLocation(), $"The cast '{Shorten(cast.ToString())}'", truncates);
            // A bit computed in floating point is truncated from C#'s rounded value (0.99999999999999989 casts to 0).
            if (IsIntegral(type) && !IsIntegral(from) && !Exact(value, cast.GetLocation(), $"The cast '{Shorten(cast.ToString())}'", "truncate"))
                return null;
            return Fits(Conversion(value, from, type, cast.Expression), type, cast.GetLocation(), cast);
        }

        /// <summary>
        /// Why a cast of <paramref name="node"/> to an integer type may truncate, or null when its value is an integer on every
        /// input: integer constants and weights throughout, or confirmed on the inputs (up to 12 bits). <c>double s = (a ? 1 : 0)
        /// + (b ? 1 : 0); return (int)s;</c> was refused although s is a count.
        /// </summary>
        private string? Truncates(int node)
        {
            Range(node);
            if (_integral[node]) return null;
            if (NotAnInteger(node) is not { } at) return null;
            return "a cast to an integer type truncates " + (at.Length > 0 ? at : "a value that may not be an integer");
        }

        /// <summary>
        /// Where <paramref name="node"/> is not an integer, searched on the inputs when there are few (an integer cast or
        /// division truncates there): "v at input", with v the exact value, not the nearest double ((int)(d * 10) with
        /// d = 0.7 truncates 6.99999999999999955591…, which "truncates 7" hid); "" when none was searched or none can be
        /// named; null when it is an integer on every input.
        /// </summary>
        private string? NotAnInteger(int node)
        {
            if (_builder.VariableCount > ExactRangeBits || _witnessSearches++ >= MaxWitnessSearches) return "";
            var w = Witness(node, v => v.IsInteger);
            if (w is null) return null;
            return w.Value.Input.Length > 0 ? $"{Digits(w.Value.Value)} at {w.Value.Input}" : "";
        }

        // ---- comparisons and C#'s rounding ------------------------------------------------------------

        /// <summary>&lt; &lt;= &gt; &gt;=, and == != unless both sides are bools (then they are XNOR and XOR of bits).</summary>
        private bool IsComparison(BinaryExpressionSyntax node) => node.Kind() switch
        {
            SyntaxKind.LessThanExpression or SyntaxKind.LessThanOrEqualExpression or SyntaxKind.GreaterThanExpression or SyntaxKind.GreaterThanOrEqualExpression => true,
            SyntaxKind.EqualsExpression or SyntaxKind.NotEqualsExpression
                => Model.GetTypeInfo(node.Left, Ct).ConvertedType?.SpecialType != SpecialType.System_Boolean
                   || Model.GetTypeInfo(node.Right, Ct).ConvertedType?.SpecialType != SpecialType.System_Boolean,
            _ => false,
        };

        /// <summary>
        /// A comparison of two values of the bits is the bit [d op 0] of their exact difference d (a threshold neuron,
        /// see BitCircuit.Compare); == and != of two bits stay XNOR and XOR. Sound only when C# compares the exact values:
        /// every operation below either operand that may round in floating point is checked first (<see cref="Exact"/>).
        /// </summary>
        private BitValue? Compare(BinaryExpressionSyntax node, BitValue left, BitValue right)
        {
            string what = $"The comparison '{Shorten(node.ToString())}'";
            if (!Exact(left, node.OperatorToken.GetLocation(), what, "decide") || !Exact(right, node.OperatorToken.GetLocation(), what, "decide")) return null;
            var kind = node.Kind();
            if (kind is SyntaxKind.EqualsExpression or SyntaxKind.NotEqualsExpression && _builder.IsBit(left.Value) && _builder.IsBit(right.Value))
                return kind == SyntaxKind.EqualsExpression ? _builder.Equal(left.Value, right.Value) : _builder.Xor(left.Value, right.Value);
            bool less = kind is SyntaxKind.LessThanExpression or SyntaxKind.LessThanOrEqualExpression;
            int difference = less ? _builder.Subtract(right.Value, left.Value) : _builder.Subtract(left.Value, right.Value);
            var (lo, hi) = Range(difference);
            var reach = Max(lo.Abs(), hi.Abs()) * Rational.Create(Grid(difference), BigInteger.One);
            if (reach.CompareTo(MaxComparisonScale) > 0)
                return Unsupported(node.OperatorToken.GetLocation(), what,
                    $"its sides differ by multiples of 1/{FormatGrid(Grid(difference))} up to {Max(lo.Abs(), hi.Abs()).ToDouble().ToString("G6", Inv)}, so its threshold neuron needs integer weights above 2^40, " +
                    "beyond what the network computes exactly; compare integer-valued expressions (count with int, or scale the weights to integers)");
            return kind switch
            {
                SyntaxKind.GreaterThanExpression or SyntaxKind.LessThanExpression => _builder.Compare(BitOp.Positive, difference),
                SyntaxKind.GreaterThanOrEqualExpression or SyntaxKind.LessThanOrEqualExpression => _builder.Compare(BitOp.NonNegative, difference),
                SyntaxKind.EqualsExpression => _builder.Compare(BitOp.Zero, difference),
                _ => _builder.Not(_builder.Compare(BitOp.Zero, difference)),
            };
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
                case double d when Numeric.IsFinite(d): r = Rational.FromDouble(d); return true;
                case float f when !float.IsNaN(f) && !float.IsInfinity(f): r = Rational.FromDouble(f); return true;
                case int i: r = i; return true;
                case long l: r = l; return true;
                case short s: r = s; return true;
                case byte by: r = by; return true;
                case sbyte sb: r = sb; return true;
                case uint ui: r = ui; return true;
                case ushort us: r = us; return true;
                case ulong ul: r = Rational.Create(ul, System.Numerics.BigInteger.One); return true;
                case decimal m: r = FromDecimal(m); return true;
                default: return false;
            }
        }

        /// <summary>The exact value of a decimal.</summary>
        private static Rational FromDecimal(decimal m)
        {
            var bits = decimal.GetBits(m);
            var mantissa = (new System.Numerics.BigInteger((uint)bits[2]) << 64) | (new System.Numerics.BigInteger((uint)bits[1]) << 32) | (uint)bits[0];
            int scale = (bits[3] >> 16) & 0xFF;
            if (bits[3] < 0) mantissa = -mantissa;
            return Rational.Create(mantissa, System.Numerics.BigInteger.Pow(10, scale));
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
}
