using CheapLearning.Generator.Algebra;

namespace CheapLearning.Generator.Polynomials
{
    /// <summary>
    /// C# syntax → expression graph. The only place that knows what C# constructs mean as
    /// polynomial operations; everything it cannot translate is CHEAP001 at that exact node,
    /// naming what it saw. Compile-time constant subexpressions are taken from the compiler
    /// (so <c>1/2</c> is 0, as C# computes it).
    /// </summary>
    internal sealed class PolynomialParser : StraightLineWalker<LinearForm>
    {
        private static readonly WalkerTexts Texts = new(DiagnosticDescriptors.NotAPolynomial, "polynomial's code", "the polynomial",
            "it is not a parameter, a local of this method or a numeric constant", "only double (or float) locals can hold polynomial values",
            "only a local function of double or float parameters passed by value whose body is one expression (=> e, or { return e; }) is inlined as a polynomial",
            "it calls itself, and a recursion has no polynomial of fixed degree");

        private readonly ExprBuilder _builder;
        private readonly IMethodSymbol _method;
        private SemanticIndex _index = SemanticIndex.Empty;

        /// <summary>The left spines of the binary chains being parsed, innermost chain on top (see <see cref="ParseBinaryChain"/>).</summary>
        private readonly List<BinaryExpressionSyntax> _spine = new();

        public PolynomialParser(SemanticModel model, IMethodSymbol method, ExprBuilder builder, List<Diagnostic> diagnostics, CancellationToken ct)
            : base(model, diagnostics, ct, Texts)
        {
            _builder = builder;
            _method = method;
            for (int i = 0; i < method.Parameters.Length; i++) Bind(method.Parameters[i], builder.Variable(i));
        }

        protected override (string What, string Why)? Overflow
            => _builder.Overflowed ? ("An expression with this many distinct products", "more than 100000 distinct products and powers") : null;

        protected override bool CanHold(ILocalSymbol local)
            => local.Type.SpecialType is SpecialType.System_Double or SpecialType.System_Single;

        protected override void OnBody(MethodDeclarationSyntax method)
            => _index = SemanticIndex.FromArithmeticSyntax(method, _method, Ct)
                        // Roslyn builds the operation tree recursively: 1000 nested blocks (or constant ifs) overflowed a 1 MB
                        // stack there, in code the compiler itself compiles; such a body asks the SemanticModel node by node.
                        ?? (SemanticIndex.NestsDeeply(method, 64) ? SemanticIndex.Empty : SemanticIndex.Build(Model.GetOperation(method, Ct), Ct));

        protected override ISymbol? SymbolOf(ExpressionSyntax name)
            => _index.TryGetSymbol(name, out var known) ? known : base.SymbolOf(name);

        protected override LinearForm? Compound(AssignmentExpressionSyntax assignment, LinearForm current, LinearForm right)
        {
            var value = assignment.Kind() switch
            {
                SyntaxKind.AddAssignmentExpression => _builder.Add(current, right),
                SyntaxKind.SubtractAssignmentExpression => _builder.Subtract(current, right),
                SyntaxKind.MultiplyAssignmentExpression => _builder.Multiply(current, right),
                SyntaxKind.DivideAssignmentExpression => Divide(current, right, assignment.Right),
                _ => null,
            };
            value = FloatExact(value, current, right, assignment, assignment.OperatorToken);
            if (value is null && !assignment.IsKind(SyntaxKind.DivideAssignmentExpression))
                NotAllowed(assignment.OperatorToken.GetLocation(), $"The operator '{assignment.OperatorToken.Text}'", "only =, +=, -=, *= and /= by a constant are polynomial");
            return value;
        }

        protected override LinearForm? Step(ExpressionSyntax statement, SyntaxToken op, LinearForm current, bool up)
        {
            var one = _builder.Constant(1);
            var value = up ? _builder.Add(current, one) : _builder.Subtract(current, one);
            // t++ on a float local holding 16777216f stays 16777216 in C#: a float operation like t += 1 (CHEAP007).
            return FloatExact(value, current, one, statement, op);
        }

        protected override LinearForm? ParseCore(ExpressionSyntax expression)
        {
            var constant = Constant(expression);
            if (constant.HasValue && TryNumber(constant.Value, out double c))
            {
                c = AsConverted(expression, constant.Value, c);
                if (Numeric.IsFinite(c)) return _builder.Constant(c);
                // Coefficients are exact rationals (accuracy contract): NaN and ∞ have no exact value.
                Report(expression.GetLocation(), $"The constant '{expression}'", "it is NaN or infinite, so it is no polynomial coefficient");
                return null;
            }
            switch (expression)
            {
                case LiteralExpressionSyntax literal:
                    Report(literal.GetLocation(), $"The literal {literal}", "only numeric literals are allowed");
                    return null;
                case ParenthesizedExpressionSyntax parenthesized:
                    return Parse(parenthesized.Expression);
                case CheckedExpressionSyntax checkedExpression:
                    return Parse(checkedExpression.Expression);
                case PrefixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.UnaryMinusExpression):
                    return Parse(unary.Operand) is { } negated ? _builder.Scale(negated, -1) : null;
                case PrefixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.UnaryPlusExpression):
                    return Parse(unary.Operand);
                case BinaryExpressionSyntax binary when IsArithmetic(binary):
                    return ParseBinaryChain(binary);
                case IdentifierNameSyntax or MemberAccessExpressionSyntax:
                    return ParseName(expression);
                case CastExpressionSyntax cast:
                    var type = Model.GetTypeInfo(cast.Type, Ct).Type;
                    if (type?.SpecialType is SpecialType.System_Single && RoundsToFloat(cast))
                        Report(DiagnosticDescriptors.FloatRounding, cast.GetLocation(), $"The cast '{Shorten(cast.ToString())}'", "rounds a double value to float");
                    if (type?.SpecialType is SpecialType.System_Double or SpecialType.System_Single) return Parse(cast.Expression);
                    Report(cast.GetLocation(), $"A cast to '{type?.ToDisplayString() ?? cast.Type.ToString()}'", "only casts to double or float keep a polynomial a polynomial");
                    return null;
                case InvocationExpressionSyntax invocation:
                    return ParseInvocation(invocation);
                case ConditionalExpressionSyntax conditional when Constant(conditional.Condition) is { HasValue: true, Value: bool chosen }:
                    // A constant condition (a literal or a const bool switch) is C#'s own compile-time choice: the
                    // method computes the chosen branch only, so that branch is the polynomial and the other is never read.
                    return Parse(chosen ? conditional.WhenTrue : conditional.WhenFalse);
                case ConditionalExpressionSyntax conditional:
                    Report(conditional.GetLocation(), Describe(conditional), "the method may compute either branch, so it is piecewise, not one polynomial (a const condition picks one)");
                    return null;
                default:
                    Report(expression.GetLocation(), Describe(expression), "only + - * (and / by a constant), parameters, locals, constants and Math.Pow with an integer exponent are polynomial");
                    return null;
            }
        }

        /// <summary>
        /// Whether <c>(float)e</c> rounds a double value in a method whose parameters are all double: there the cast
        /// is a deliberate loss of precision the exact polynomial cannot follow (CHEAP007). A constant cast is the
        /// compiler's constant (handled before), a float operand is unchanged, and in a method with a float
        /// parameter float rounding is the method's own arithmetic, which p already leaves aside.
        /// </summary>
        private bool RoundsToFloat(CastExpressionSyntax cast)
            => !HasFloatParameter && Model.GetTypeInfo(cast.Expression, Ct).Type?.SpecialType == SpecialType.System_Double;

        private bool HasFloatParameter
        {
            get
            {
                foreach (var p in _method.Parameters)
                    if (p.Type.SpecialType == SpecialType.System_Single) return true;
                return false;
            }
        }

        /// <summary>Whether a float operation was already reported in this method (see <see cref="FloatExact"/>).</summary>
        private bool _floatOperationReported;

        /// <summary>
        /// A float operation (<c>t * 3</c>, <c>t *= 3</c> on a float local) in a method whose parameters are all double:
        /// C# rounds its result to float, the network keeps the exact value (the accuracy contract is stated for the
        /// exact polynomial). Its operands there are constants (a float local can only take a polynomial value through
        /// a cast, CHEAP007 already), so the exact result is known: when it is not a float, CHEAP007 at the operator,
        /// once per method (later operations start from the exact value the network uses, not from C#'s). An exact
        /// operation (0.5f * 3) rounds nothing and stays silent; a C# constant expression (0.1f * 3 in full) never gets
        /// here: it is the compiler's folded float, which the network reads too.
        /// </summary>
        private LinearForm? FloatExact(LinearForm? result, LinearForm operand, LinearForm right, ExpressionSyntax operation, SyntaxToken op)
        {
            if (result is not null && result.IsConstant && operand.IsConstant && right.IsConstant) FloatExact(result.Constant, operation, op);
            return result;
        }

        private void FloatExact(Rational exact, ExpressionSyntax operation, SyntaxToken op)
        {
            if (_floatOperationReported || Model.GetTypeInfo(operation, Ct).Type?.SpecialType != SpecialType.System_Single || HasFloatParameter) return;
            if (exact.IsFloat) return;
            double d = exact.ToDouble();
            _floatOperationReported = true;
            string value = (Rational.FromDouble(d) == exact ? "" : "≈ ") + d.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            Report(DiagnosticDescriptors.FloatRounding, op.GetLocation(), $"The float operation '{Shorten(operation.ToString())}'",
                $"rounds its exact value {value} to float");
        }

        /// <summary>
        /// The constant as C# converts it where it is used. The compiler's constant of an integer expression is the integer;
        /// where a float is expected (<c>float t = 16777217;</c>, <c>x * 16777217</c> with a float x, <c>t += 123456789L</c>)
        /// C# converts it implicitly to float, which rounds above 2^24: t is 16777216, and the network must use that value
        /// (accuracy contract: every constant at the value the compiler gives it). Only integers beyond float's exact range
        /// can change, so only they ask for the converted type. The conversion is the host's integer-to-float cast, as the
        /// compiler's own constant folding is (one rounding, not two through double).
        /// </summary>
        private double AsConverted(ExpressionSyntax expression, object? value, double number)
        {
            const double FloatExactIntegers = 16777216;   // 2^24: every integer up to it is a float
            if (value is double or float or decimal || !(Math.Abs(number) > FloatExactIntegers)
                || Model.GetTypeInfo(expression, Ct).ConvertedType?.SpecialType != SpecialType.System_Single)
                return number;
            return value switch
            {
                long l => (float)l,
                ulong ul => (float)ul,
                uint ui => (float)ui,
                int i => (float)i,
                _ => (float)number,   // short, ushort, char, byte, sbyte: below 2^24, never here
            };
        }

        private static bool IsArithmetic(BinaryExpressionSyntax b)
            => b.Kind() is SyntaxKind.AddExpression or SyntaxKind.SubtractExpression or SyntaxKind.MultiplyExpression or SyntaxKind.DivideExpression;

        /// <summary>
        /// a + b − c + … is left-nested; walking the left spine iteratively keeps the parser's stack
        /// flat for sums of tens of thousands of terms.
        /// </summary>
        [System.Runtime.CompilerServices.MethodImpl((System.Runtime.CompilerServices.MethodImplOptions)512)] // AggressiveOptimization (netstandard2.0 lacks the name): hot, and at tier 0 through a warm server's first dozen compilations (notes-warm, issue 12)
        private LinearForm? ParseBinaryChain(BinaryExpressionSyntax binary)
        {
            // This chain's spine sits on top of the shared stack, above the spines of the chains it is nested in:
            // each chain pops exactly what it pushed before returning, so one list serves the whole body (a stack
            // per chain was most of the parser's allocation, dotnet-trace, issue 12).
            var spine = _spine;
            int bottom = spine.Count;
            ExpressionSyntax left = binary;
            while (left is BinaryExpressionSyntax b && IsArithmetic(b))
            {
                spine.Add(b);
                left = b.Left;
            }
            // Only a bottom segment of the spine can be a C# constant (a node is constant only if the
            // node below it is), so ask the compiler from the bottom up and stop at the first
            // non-constant node: asking for every node cost O(n²) (a 20,000-term sum took 43 s).
            while (spine.Count > bottom && IsConstant(spine[spine.Count - 1])) left = Pop(spine);
            var acc = Parse(left);
            bool ok = acc is not null;
            // A run of + and − accumulates in place (ExprBuilder.Sum); a product or quotient takes its value.
            ExprBuilder.Sum? sum = null;
            // The exact value of the run of + and − so far while all its terms are constants (a float sum's every
            // step is a rounding in C#, see FloatExact), else null.
            Rational? constantSum = null;
            while (spine.Count > bottom)
            {
                Ct.ThrowIfCancellationRequested();
                var node = Pop(spine);
                var right = Parse(node.Right);
                if (right is null || acc is null) { ok = false; continue; }
                var kind = node.Kind();
                if (kind is SyntaxKind.AddExpression or SyntaxKind.SubtractExpression)
                {
                    if (sum is null) constantSum = acc.IsConstant ? acc.Constant : null;
                    sum ??= _builder.StartSum(acc);
                    sum.Add(right, negate: kind == SyntaxKind.SubtractExpression);
                    if (constantSum is { } before && right.IsConstant && !_floatOperationReported)
                    {
                        constantSum = kind == SyntaxKind.SubtractExpression ? before - right.Constant : before + right.Constant;
                        FloatExact(constantSum.Value, node, node.OperatorToken);
                    }
                    else constantSum = null;
                    continue;
                }
                if (sum is not null)
                {
                    acc = _builder.EndSum(sum);
                    sum = null;
                }
                acc = FloatExact(kind == SyntaxKind.MultiplyExpression ? _builder.Multiply(acc, right) : Divide(acc, right, node.Right),
                    acc, right, node, node.OperatorToken);
                if (acc is null) ok = false;
            }
            if (sum is not null) acc = _builder.EndSum(sum);
            return ok ? acc : null;
        }

        private static BinaryExpressionSyntax Pop(List<BinaryExpressionSyntax> stack)
        {
            var top = stack[stack.Count - 1];
            stack.RemoveAt(stack.Count - 1);
            return top;
        }

        /// <summary>The compiler's constant value of <paramref name="e"/>, from the index when it knows the node.</summary>
        private Optional<object?> Constant(ExpressionSyntax e)
            => _index.TryGetConstant(e, out var value) ? value : Model.GetConstantValue(e, Ct);

        private bool IsConstant(ExpressionSyntax e)
        {
            var c = Constant(e);
            return c.HasValue && TryNumber(c.Value, out _);
        }

        private LinearForm? Divide(LinearForm numerator, LinearForm denominator, ExpressionSyntax denominatorSyntax)
        {
            if (!denominator.IsConstant)
            {
                Report(denominatorSyntax.GetLocation(), $"Division by '{denominatorSyntax}'", "a polynomial can only be divided by a constant");
                return null;
            }
            if (denominator.Constant == 0)
            {
                Report(denominatorSyntax.GetLocation(), "Division by zero", "the divisor is the constant 0");
                return null;
            }
            return _builder.Scale(numerator, Rational.One / denominator.Constant);
        }

        private LinearForm? ParseInvocation(InvocationExpressionSyntax invocation)
        {
            if (MissesArgument(invocation)) return null;
            var method = Model.GetSymbolInfo(invocation, Ct).Symbol as IMethodSymbol;
            // A Pow of the user's own Math class is named with its namespace, so the message does not seem to refuse Math.Pow.
            string name = method is null ? invocation.Expression.ToString()
                : (method.Name == "Pow" && method.ContainingType.Name is "Math" or "MathF" && method.ContainingType.ToDisplayString() != "System." + method.ContainingType.Name
                    ? method.ContainingType.ToDisplayString() : method.ContainingType.Name) + "." + method.Name;
            // MathF.Pow(x, k) is the same power computed in float: a float method's arithmetic, like its * and +.
            if (method is { Name: "Pow" } && method.ContainingType.ToDisplayString() is "System.Math" or "System.MathF" && invocation.ArgumentList.Arguments.Count == 2)
            {
                var arguments = invocation.ArgumentList.Arguments;
                var exponentSyntax = StraightLine.Argument(arguments, 1, "y");
                var exponent = Model.GetConstantValue(exponentSyntax, Ct);
                if (!exponent.HasValue || !TryNumber(exponent.Value, out double k) || k < 0 || k != Math.Floor(k) || k > 1_000_000)
                {
                    Report(exponentSyntax.GetLocation(), $"{method.ContainingType.Name}.Pow with exponent '{exponentSyntax}'",
                        "the exponent must be a non-negative integer constant (at most 1000000)");
                    return null;
                }
                var b = Parse(StraightLine.Argument(arguments, 0, "x"));
                if (b is null) return null;
                var power = _builder.Power(b, (int)k);
                // MathF.Pow(0.1f, 2) in a double method returns 0.1f² rounded to float: a float operation like 0.1f * 0.1f (CHEAP007).
                if (power.IsConstant) FloatExact(power.Constant, invocation, invocation.Expression.GetLastToken());
                return power;
            }
            if (StraightLine.FusedMultiplyAdd(invocation, method) is { } fma)
            {
                // x·y + z with one rounding; p is the exact value, so the rounding is the method's, like that of + and *.
                var x = Parse(fma.X);
                var y = Parse(fma.Y);
                var z = Parse(fma.Z);
                if (x is null || y is null || z is null) return null;
                var fused = _builder.Add(_builder.Multiply(x, y), z);
                if (fused.IsConstant) FloatExact(fused.Constant, invocation, invocation.Expression.GetLastToken());
                return fused;
            }
            if (method is { MethodKind: MethodKind.LocalFunction }) return InlineLocalFunction(invocation, method);
            if (CallRefusedElsewhere(invocation, method)) return null;
            Report(invocation.GetLocation(), $"A call to '{name}'", "only Math.Pow with a non-negative integer constant exponent and Math.FusedMultiplyAdd are polynomial");
            return null;
        }

        protected override bool CanPass(ITypeSymbol type) => IsNumber(type);

        protected override LinearForm? DefaultArgument(IParameterSymbol parameter, InvocationExpressionSyntax call, string what)
        {
            // [Optional] without a value passes default(double), 0.
            double d = 0;
            if (parameter.HasExplicitDefaultValue && !TryNumber(parameter.ExplicitDefaultValue, out d)) return null;   // C#'s own error
            if (Numeric.IsFinite(d)) return _builder.Constant(d);
            Report(call.GetLocation(), what, $"the default value of '{parameter.Name}' is NaN or infinite, so it is no polynomial coefficient");
            return null;
        }

        private static bool IsNumber(ITypeSymbol type) => type.SpecialType is SpecialType.System_Double or SpecialType.System_Single;

        private static bool TryNumber(object? value, out double number)
        {
            switch (value)
            {
                case double d: number = d; return true;
                case float f: number = f; return true;
                case int i: number = i; return true;
                case long l: number = l; return true;
                case short s: number = s; return true;
                case byte b: number = b; return true;
                case sbyte sb: number = sb; return true;
                case uint ui: number = ui; return true;
                case ulong ul: number = ul; return true;
                case ushort us: number = us; return true;
                case decimal m: number = (double)m; return true;
                case char ch: number = ch; return true;   // C# promotes a char operand to int: 'a' * x is 97·x
                default: number = 0; return false;
            }
        }

        protected override string Describe(SyntaxNode node) => node switch
        {
            ConditionalExpressionSyntax => "A conditional expression (?:) whose condition is not a constant",
            PostfixUnaryExpressionSyntax or PrefixUnaryExpressionSyntax => $"The operator in '{node}'",
            BinaryExpressionSyntax b => $"The operator '{b.OperatorToken.Text}'",
            _ => base.Describe(node),
        };

        private void Report(Location location, string what, string why) => NotAllowed(location, what, why);
    }
}
