using System;
using System.Collections.Generic;
using System.Threading;
using CheapLearning.Generator.Algebra;
using CheapLearning.Generator.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CheapLearning.Generator.Polynomials
{
    /// <summary>
    /// C# syntax → expression graph. The only place that knows what C# constructs mean as
    /// polynomial operations; everything it cannot translate is CHEAP001 at that exact node,
    /// naming what it saw. Compile-time constant subexpressions are taken from the compiler
    /// (so <c>1/2</c> is 0, as C# computes it).
    /// </summary>
    internal sealed class PolynomialParser
    {
        private const int MaxNesting = 1000;

        private readonly SemanticModel _model;
        private readonly ExprBuilder _builder;
        private readonly Dictionary<ISymbol, LinearForm> _values = new(SymbolEqualityComparer.Default);
        private readonly List<Diagnostic> _diagnostics;
        private readonly CancellationToken _ct;
        private int _nesting;
        private SemanticIndex _index = SemanticIndex.Build(null, default);

        public PolynomialParser(SemanticModel model, IMethodSymbol method, ExprBuilder builder, List<Diagnostic> diagnostics, CancellationToken ct)
        {
            _model = model;
            _builder = builder;
            _diagnostics = diagnostics;
            _ct = ct;
            for (int i = 0; i < method.Parameters.Length; i++) _values[method.Parameters[i]] = builder.Variable(i);
        }

        /// <summary>Parses an expression body or a straight-line block; null after reporting errors.</summary>
        public LinearForm? ParseBody(MethodDeclarationSyntax method)
        {
            _index = SemanticIndex.Build(_model.GetOperation(method, _ct), _ct);
            if (method.ExpressionBody is { } arrow) return Parse(arrow.Expression);
            if (method.Body is null)
            {
                Report(method.Identifier.GetLocation(), "A method without a body", "the generator needs the polynomial's code");
                return null;
            }
            LinearForm? result = null;
            bool ok = true;
            var statements = method.Body.Statements;
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
                        result = Parse(value);
                        break;
                    case ReturnStatementSyntax ret when !last:
                        Report(ret.GetLocation(), "An early 'return'", "the body must be straight-line code ending in one return");
                        return null;
                    default:
                        Report(statement.GetLocation(), Describe(statement), "the body must be locals, assignments to them, and one final return");
                        return null;
                }
            }
            if (statements.Count == 0 || statements[statements.Count - 1] is not ReturnStatementSyntax)
            {
                if (statements.Count == 0) Report(method.Body.GetLocation(), "An empty body", "the body must end in a return of the polynomial");
                return null;
            }
            return ok ? result : null;
        }

        private bool DeclareLocals(LocalDeclarationStatementSyntax declaration)
        {
            bool ok = true;
            foreach (var variable in declaration.Declaration.Variables)
            {
                if (_model.GetDeclaredSymbol(variable, _ct) is not ILocalSymbol symbol) { ok = false; continue; }
                if (variable.Initializer is null)
                {
                    Report(variable.GetLocation(), $"The local '{symbol.Name}' without an initializer", "every local must be initialized where it is declared");
                    ok = false;
                    continue;
                }
                if (!symbol.IsConst && symbol.Type.SpecialType is not (SpecialType.System_Double or SpecialType.System_Single))
                {
                    Report(declaration.Declaration.Type.GetLocation(), $"A local of type '{symbol.Type.ToDisplayString()}'", "only double (or float) locals can hold polynomial values");
                    ok = false;
                    continue;
                }
                var value = Parse(variable.Initializer.Value);
                if (value is null) { ok = false; continue; }
                _values[symbol] = value;
            }
            return ok;
        }

        private bool Assign(AssignmentExpressionSyntax assignment)
        {
            var target = _model.GetSymbolInfo(assignment.Left, _ct).Symbol;
            if (target is not (ILocalSymbol or IParameterSymbol) || !_values.TryGetValue(target, out var current))
            {
                Report(assignment.Left.GetLocation(), $"Assigning to '{assignment.Left}'", "only the method's own locals and parameters can be assigned");
                return false;
            }
            var right = Parse(assignment.Right);
            if (right is null) return false;
            LinearForm? value = assignment.Kind() switch
            {
                SyntaxKind.SimpleAssignmentExpression => right,
                SyntaxKind.AddAssignmentExpression => _builder.Add(current, right),
                SyntaxKind.SubtractAssignmentExpression => _builder.Subtract(current, right),
                SyntaxKind.MultiplyAssignmentExpression => _builder.Multiply(current, right),
                SyntaxKind.DivideAssignmentExpression => Divide(current, right, assignment.Right),
                _ => null,
            };
            if (value is null)
            {
                if (assignment.Kind() != SyntaxKind.DivideAssignmentExpression)
                    Report(assignment.OperatorToken.GetLocation(), $"The operator '{assignment.OperatorToken.Text}'", "only =, +=, -=, *= and /= by a constant are polynomial");
                return false;
            }
            _values[target] = value;
            return true;
        }

        /// <summary>Parses an expression; null after reporting.</summary>
        public LinearForm? Parse(ExpressionSyntax expression)
        {
            _ct.ThrowIfCancellationRequested();
            if (++_nesting > MaxNesting)
            {
                _nesting--;
                Report(expression.GetLocation(), "An expression nested this deeply", $"more than {MaxNesting} levels of nesting");
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

        private LinearForm? ParseCore(ExpressionSyntax expression)
        {
            var constant = Constant(expression);
            if (constant.HasValue && TryNumber(constant.Value, out double c)) return _builder.Constant(c);
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
                    var type = _model.GetTypeInfo(cast.Type, _ct).Type;
                    if (type?.SpecialType is SpecialType.System_Double or SpecialType.System_Single) return Parse(cast.Expression);
                    Report(cast.GetLocation(), $"A cast to '{type?.ToDisplayString() ?? cast.Type.ToString()}'", "only casts to double or float keep a polynomial a polynomial");
                    return null;
                case InvocationExpressionSyntax invocation:
                    return ParseInvocation(invocation);
                default:
                    Report(expression.GetLocation(), Describe(expression), "only + - * (and / by a constant), parameters, locals, constants and Math.Pow with an integer exponent are polynomial");
                    return null;
            }
        }

        private static bool IsArithmetic(BinaryExpressionSyntax b)
            => b.Kind() is SyntaxKind.AddExpression or SyntaxKind.SubtractExpression or SyntaxKind.MultiplyExpression or SyntaxKind.DivideExpression;

        /// <summary>
        /// a + b − c + … is left-nested; walking the left spine iteratively keeps the parser's stack
        /// flat for sums of tens of thousands of terms.
        /// </summary>
        private LinearForm? ParseBinaryChain(BinaryExpressionSyntax binary)
        {
            var spine = new Stack<BinaryExpressionSyntax>();
            ExpressionSyntax left = binary;
            while (left is BinaryExpressionSyntax b && IsArithmetic(b))
            {
                spine.Push(b);
                left = b.Left;
            }
            // Only a bottom segment of the spine can be a C# constant (a node is constant only if the
            // node below it is), so ask the compiler from the bottom up and stop at the first
            // non-constant node: asking for every node cost O(n²) (a 20,000-term sum took 43 s).
            while (spine.Count > 0 && IsConstant(spine.Peek())) left = spine.Pop();
            var acc = Parse(left);
            bool ok = acc is not null;
            while (spine.Count > 0)
            {
                _ct.ThrowIfCancellationRequested();
                var node = spine.Pop();
                var right = Parse(node.Right);
                if (right is null || acc is null) { ok = false; continue; }
                acc = node.Kind() switch
                {
                    SyntaxKind.AddExpression => _builder.Add(acc, right),
                    SyntaxKind.SubtractExpression => _builder.Subtract(acc, right),
                    SyntaxKind.MultiplyExpression => _builder.Multiply(acc, right),
                    _ => Divide(acc, right, node.Right),
                };
                if (acc is null) ok = false;
            }
            return ok ? acc : null;
        }

        /// <summary>The compiler's constant value of <paramref name="e"/>, from the index when it knows the node.</summary>
        private Optional<object?> Constant(ExpressionSyntax e)
            => _index.TryGetConstant(e, out var value) ? value : _model.GetConstantValue(e, _ct);

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
            return _builder.Scale(numerator, 1.0 / denominator.Constant);
        }

        private LinearForm? ParseName(ExpressionSyntax expression)
        {
            var symbol = _index.TryGetSymbol(expression, out var known) ? known : _model.GetSymbolInfo(expression, _ct).Symbol;
            if (symbol is not null && _values.TryGetValue(symbol, out var value)) return value;
            string what = symbol switch
            {
                IFieldSymbol f => $"The field '{f.Name}'",
                IPropertySymbol p => $"The property '{p.Name}'",
                ILocalSymbol l => $"The local '{l.Name}'",
                IParameterSymbol p => $"The parameter '{p.Name}'",
                null => $"'{expression}'",
                _ => $"'{symbol.Name}'",
            };
            string why = symbol is IFieldSymbol or IPropertySymbol
                ? "only const fields are constants; a field or property that is not const can change at run time"
                : "it is not a parameter, a local of this method or a numeric constant";
            Report(expression.GetLocation(), what, why);
            return null;
        }

        private LinearForm? ParseInvocation(InvocationExpressionSyntax invocation)
        {
            var method = _model.GetSymbolInfo(invocation, _ct).Symbol as IMethodSymbol;
            string name = method is null ? invocation.Expression.ToString() : method.ContainingType.Name + "." + method.Name;
            if (method is { Name: "Pow" } && method.ContainingType.ToDisplayString() == "System.Math" && invocation.ArgumentList.Arguments.Count == 2)
            {
                var exponentSyntax = invocation.ArgumentList.Arguments[1].Expression;
                var exponent = _model.GetConstantValue(exponentSyntax, _ct);
                if (!exponent.HasValue || !TryNumber(exponent.Value, out double k) || k < 0 || k != Math.Floor(k) || k > 1_000_000)
                {
                    Report(exponentSyntax.GetLocation(), $"Math.Pow with exponent '{exponentSyntax}'",
                        "the exponent must be a non-negative integer constant (at most 1000000)");
                    return null;
                }
                var b = Parse(invocation.ArgumentList.Arguments[0].Expression);
                return b is null ? null : _builder.Power(b, (int)k);
            }
            Report(invocation.GetLocation(), $"A call to '{name}'", "only Math.Pow with a non-negative integer constant exponent is polynomial");
            return null;
        }

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
                default: number = 0; return false;
            }
        }

        private static string Describe(SyntaxNode node) => node switch
        {
            ConditionalExpressionSyntax => "A conditional expression (?:)",
            ForStatementSyntax => "A 'for' loop",
            ForEachStatementSyntax => "A 'foreach' loop",
            WhileStatementSyntax => "A 'while' loop",
            DoStatementSyntax => "A 'do' loop",
            IfStatementSyntax => "An 'if' statement",
            SwitchStatementSyntax => "A 'switch' statement",
            SwitchExpressionSyntax => "A switch expression",
            ElementAccessExpressionSyntax => "An element access",
            ObjectCreationExpressionSyntax or ImplicitObjectCreationExpressionSyntax => "An object creation",
            LambdaExpressionSyntax => "A lambda",
            PostfixUnaryExpressionSyntax or PrefixUnaryExpressionSyntax => $"The operator in '{node}'",
            BinaryExpressionSyntax b => $"The operator '{b.OperatorToken.Text}'",
            AssignmentExpressionSyntax => "An assignment inside an expression",
            ThrowExpressionSyntax or ThrowStatementSyntax => "A throw",
            _ => $"'{Shorten(node.ToString())}'",
        };

        private static string Shorten(string text) => text.Length <= 40 ? text : text.Substring(0, 37) + "...";

        private void Report(Location location, string what, string why)
            => _diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.NotAPolynomial, location, what, why));
    }
}
