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
            for (int i = 0; i < method.Parameters.Length; i++) Bind(method.Parameters[i], builder.Variable(i));
        }

        protected override (string What, string Why)? Overflow
            => _builder.Overflowed ? ("An expression with this many distinct operations", $"more than {_builder.MaxNodes} distinct subexpressions") : null;

        protected override bool CanHold(ILocalSymbol local) => IsNumericOrBool(local.Type);

        protected override BitValue? Compound(AssignmentExpressionSyntax assignment, BitValue current, BitValue right) => assignment.Kind() switch
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
            switch (expression)
            {
                case ParenthesizedExpressionSyntax p: return Parse(p.Expression);
                case CheckedExpressionSyntax ch: return Parse(ch.Expression);
                case PrefixUnaryExpressionSyntax u when u.IsKind(SyntaxKind.LogicalNotExpression):
                    return Parse(u.Operand) is { } a ? RequireBits(u.OperatorToken, u.Operand, a.Value) ? _builder.Not(a.Value) : null : null;
                case PrefixUnaryExpressionSyntax u when u.IsKind(SyntaxKind.UnaryMinusExpression):
                    return Parse(u.Operand) is { } neg ? _builder.Scale(neg.Value, -1) : null;
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
            if (IsIntegral(Model.GetTypeInfo(left, Ct).Type) && IsIntegral(Model.GetTypeInfo(right, Ct).Type) && !(Rational.One / d).IsInteger)
                return Unsupported(op.GetLocation(), $"Integer division '{Shorten(left.ToString())} / {Shorten(right.ToString())}'", "it truncates; divide a double instead");
            return _builder.Scale(numerator, Rational.One / d);
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
            return value;
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
