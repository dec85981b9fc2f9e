using System;
using System.Collections.Generic;
using System.Threading;
using CheapLearning.Generator.Algebra;
using CheapLearning.Generator.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CheapLearning.Generator.Bits
{
    /// <summary>
    /// C# syntax of a <c>[BitNetwork]</c> body → <see cref="BitGraph"/>. Boolean operators on bits become
    /// AND/OR/XOR/NOT nodes, arithmetic becomes sums and products, <c>?:</c> a conditional (Eq 12's
    /// c·a + (1 − c)·b). What it cannot translate is CHEAP021 (an operation outside the bit algebra) or
    /// CHEAP022 (not a function of the bits) at that exact node.
    /// </summary>
    internal sealed class BitParser
    {
        private const int MaxNesting = 1000;

        private readonly SemanticModel _model;
        private readonly BitGraphBuilder _builder;
        private readonly Dictionary<ISymbol, int> _values = new(SymbolEqualityComparer.Default);
        private readonly List<Diagnostic> _diagnostics;
        private readonly CancellationToken _ct;
        private int _nesting;

        public BitParser(SemanticModel model, IMethodSymbol method, BitGraphBuilder builder, List<Diagnostic> diagnostics, CancellationToken ct)
        {
            _model = model;
            _builder = builder;
            _diagnostics = diagnostics;
            _ct = ct;
            for (int i = 0; i < method.Parameters.Length; i++) _values[method.Parameters[i]] = builder.Variable(i);
        }

        /// <summary>Parses an expression body or a straight-line block; null after reporting errors.</summary>
        public int? ParseBody(MethodDeclarationSyntax method)
        {
            if (method.ExpressionBody is { } arrow) return Parse(arrow.Expression);
            if (method.Body is null)
            {
                NotAFunction(method.Identifier.GetLocation(), "A method without a body", "the generator needs the function's code");
                return null;
            }
            var statements = method.Body.Statements;
            if (statements.Count == 0)
            {
                NotAFunction(method.Body.GetLocation(), "An empty body", "the body must end in a return of the function's value");
                return null;
            }
            bool ok = true;
            for (int i = 0; i < statements.Count; i++)
            {
                _ct.ThrowIfCancellationRequested();
                var statement = statements[i];
                bool last = i == statements.Count - 1;
                switch (statement)
                {
                    case LocalDeclarationStatementSyntax local when !last:
                        ok &= DeclareLocals(local);
                        break;
                    case ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax assignment } when !last:
                        ok &= Assign(assignment);
                        break;
                    case ReturnStatementSyntax { Expression: { } value } when last:
                        var result = Parse(value);
                        return ok ? result : null;
                    default:
                        NotAFunction(statement.GetLocation(), Describe(statement), "the body must be locals, assignments to them, and one final return");
                        return null;
                }
            }
            return null;
        }

        private bool DeclareLocals(LocalDeclarationStatementSyntax declaration)
        {
            bool ok = true;
            foreach (var variable in declaration.Declaration.Variables)
            {
                if (_model.GetDeclaredSymbol(variable, _ct) is not ILocalSymbol symbol) { ok = false; continue; }
                if (variable.Initializer is null)
                {
                    NotAFunction(variable.GetLocation(), $"The local '{symbol.Name}' without an initializer", "every local must be initialized where it is declared");
                    ok = false;
                    continue;
                }
                if (!IsNumericOrBool(symbol.Type))
                {
                    NotAFunction(declaration.Declaration.Type.GetLocation(), $"A local of type '{symbol.Type.ToDisplayString()}'", "only bool and numeric locals hold values of a bit function");
                    ok = false;
                    continue;
                }
                var value = Parse(variable.Initializer.Value);
                if (value is null) { ok = false; continue; }
                _values[symbol] = value.Value;
            }
            return ok;
        }

        private bool Assign(AssignmentExpressionSyntax assignment)
        {
            var target = _model.GetSymbolInfo(assignment.Left, _ct).Symbol;
            if (target is not (ILocalSymbol or IParameterSymbol) || !_values.TryGetValue(target, out int current))
            {
                NotAFunction(assignment.Left.GetLocation(), $"Assigning to '{assignment.Left}'", "only the method's own locals and parameters can be assigned");
                return false;
            }
            var right = Parse(assignment.Right);
            if (right is null) return false;
            int? value = assignment.Kind() switch
            {
                SyntaxKind.SimpleAssignmentExpression => right,
                SyntaxKind.AddAssignmentExpression => _builder.Add(current, right.Value),
                SyntaxKind.SubtractAssignmentExpression => _builder.Subtract(current, right.Value),
                SyntaxKind.MultiplyAssignmentExpression => _builder.Product(current, right.Value),
                SyntaxKind.DivideAssignmentExpression => Divide(current, right.Value, assignment.Left, assignment.Right, assignment.OperatorToken),
                SyntaxKind.AndAssignmentExpression => Logic(SyntaxKind.BitwiseAndExpression, current, right.Value, assignment.OperatorToken, assignment.Left, assignment.Right),
                SyntaxKind.OrAssignmentExpression => Logic(SyntaxKind.BitwiseOrExpression, current, right.Value, assignment.OperatorToken, assignment.Left, assignment.Right),
                SyntaxKind.ExclusiveOrAssignmentExpression => Logic(SyntaxKind.ExclusiveOrExpression, current, right.Value, assignment.OperatorToken, assignment.Left, assignment.Right),
                _ => Unsupported(assignment.OperatorToken.GetLocation(), $"The operator '{assignment.OperatorToken.Text}'", "only = += -= *= /= (by a constant) &= |= ^= are supported"),
            };
            if (value is null) return false;
            _values[target] = value.Value;
            return true;
        }

        /// <summary>Parses an expression; null after reporting.</summary>
        public int? Parse(ExpressionSyntax expression)
        {
            _ct.ThrowIfCancellationRequested();
            if (++_nesting > MaxNesting)
            {
                _nesting--;
                NotAFunction(expression.GetLocation(), "An expression nested this deeply", $"more than {MaxNesting} levels of nesting");
                return null;
            }
            try
            {
                return ParseCore(expression);
            }
            finally
            {
                _nesting--;
            }
        }

        private int? ParseCore(ExpressionSyntax expression)
        {
            var constant = _model.GetConstantValue(expression, _ct);
            if (constant.HasValue && TryConstant(constant.Value, out var c)) return _builder.Constant(c);
            switch (expression)
            {
                case ParenthesizedExpressionSyntax p: return Parse(p.Expression);
                case CheckedExpressionSyntax ch: return Parse(ch.Expression);
                case PrefixUnaryExpressionSyntax u when u.IsKind(SyntaxKind.LogicalNotExpression):
                    return Parse(u.Operand) is { } a ? RequireBits(u.OperatorToken, u.Operand, a) ? _builder.Not(a) : null : null;
                case PrefixUnaryExpressionSyntax u when u.IsKind(SyntaxKind.UnaryMinusExpression):
                    return Parse(u.Operand) is { } neg ? _builder.Scale(neg, -1) : null;
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
                    var method = _model.GetSymbolInfo(invocation, _ct).Symbol as IMethodSymbol;
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

        private int? ParseBinary(BinaryExpressionSyntax b)
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

        private int? Logic(SyntaxKind kind, int a, int b, SyntaxToken op, ExpressionSyntax left, ExpressionSyntax right)
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

        private int? Divide(int numerator, int denominator, ExpressionSyntax left, ExpressionSyntax right, SyntaxToken op)
        {
            if (!_builder.TryConstant(denominator, out var d))
                return Unsupported(right.GetLocation(), $"Division by '{Shorten(right.ToString())}'", "a bit function can only be divided by a constant");
            if (d.IsZero)
                return Unsupported(right.GetLocation(), "Division by zero", "the divisor is the constant 0");
            if (IsIntegral(_model.GetTypeInfo(left, _ct).Type) && IsIntegral(_model.GetTypeInfo(right, _ct).Type) && !(Rational.One / d).IsInteger)
                return Unsupported(op.GetLocation(), $"Integer division '{Shorten(left.ToString())} / {Shorten(right.ToString())}'", "it truncates; divide a double instead");
            return _builder.Scale(numerator, Rational.One / d);
        }

        private int? ParseCast(CastExpressionSyntax cast)
        {
            var type = _model.GetTypeInfo(cast.Type, _ct).Type;
            var from = _model.GetTypeInfo(cast.Expression, _ct).Type;
            var value = Parse(cast.Expression);
            if (value is null) return null;
            if (type is null || !IsNumericOrBool(type))
                return NotAFunctionValue(cast.GetLocation(), $"A cast to '{type?.ToDisplayString() ?? cast.Type.ToString()}'", "only numeric casts keep a value of the bits");
            if (IsIntegral(type) && !IsIntegral(from) && !_builder.IsBit(value.Value))
                return Unsupported(cast.GetLocation(), $"The cast '{Shorten(cast.ToString())}'", "a cast to an integer type truncates a value that may not be an integer");
            return value;
        }

        private int? ParseName(ExpressionSyntax expression)
        {
            var symbol = _model.GetSymbolInfo(expression, _ct).Symbol;
            if (symbol is not null && _values.TryGetValue(symbol, out int value)) return value;
            string what = symbol switch
            {
                IFieldSymbol f => $"The field '{f.Name}'",
                IPropertySymbol p => $"The property '{p.Name}'",
                ILocalSymbol l => $"The local '{l.Name}'",
                IParameterSymbol p => $"The parameter '{p.Name}'",
                null => $"'{expression}'",
                _ => $"'{symbol.Name}'",
            };
            NotAFunction(expression.GetLocation(), what, symbol is IFieldSymbol or IPropertySymbol
                ? "only const fields are constants; a field or property that is not const can change at run time"
                : "it is not a bit parameter, a local of this method or a constant");
            return null;
        }

        private bool IsConstant(ExpressionSyntax e)
        {
            var c = _model.GetConstantValue(e, _ct);
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

        private static string Describe(SyntaxNode node) => node switch
        {
            ForStatementSyntax => "A 'for' loop",
            ForEachStatementSyntax => "A 'foreach' loop",
            WhileStatementSyntax => "A 'while' loop",
            DoStatementSyntax => "A 'do' loop",
            IfStatementSyntax => "An 'if' statement",
            SwitchStatementSyntax => "A 'switch' statement",
            SwitchExpressionSyntax => "A switch expression",
            ReturnStatementSyntax => "An early 'return'",
            ElementAccessExpressionSyntax => "An element access",
            ObjectCreationExpressionSyntax or ImplicitObjectCreationExpressionSyntax => "An object creation",
            LambdaExpressionSyntax => "A lambda",
            AssignmentExpressionSyntax => "An assignment inside an expression",
            ThrowExpressionSyntax or ThrowStatementSyntax => "A throw",
            LiteralExpressionSyntax l => $"The literal {l}",
            _ => $"'{Shorten(node.ToString())}'",
        };

        private static string Shorten(string text) => text.Length <= 40 ? text : text.Substring(0, 37) + "...";

        private void NotAFunction(Location location, string what, string why)
            => _diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.NotAFunctionOfBits, location, what, why));

        private int? NotAFunctionValue(Location location, string what, string why)
        {
            NotAFunction(location, what, why);
            return null;
        }

        private int? Unsupported(Location location, string what, string why)
        {
            _diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.NotBitAlgebra, location, what, why));
            return null;
        }
    }
}
