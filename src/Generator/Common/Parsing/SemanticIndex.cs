using Microsoft.CodeAnalysis.Operations;

namespace CheapLearning.Generator.Common
{
    /// <summary>
    /// Constant values and referenced symbols of a method body, read from one walk of its IOperation
    /// tree. Asking the SemanticModel node by node costs O(depth) per query, O(n²) for a left-nested
    /// sum of n terms (20,000 terms took 43 s); this index answers in O(1). A node it does not know
    /// (e.g. parentheses, which have no operation) falls back to the SemanticModel, so answers never
    /// change, only their cost.
    /// </summary>
    internal sealed class SemanticIndex
    {
        private readonly Dictionary<SyntaxNode, Optional<object?>> _constants = new();
        private readonly Dictionary<SyntaxNode, ISymbol> _symbols = new();

        public static SemanticIndex Build(IOperation? root, CancellationToken ct)
        {
            var index = new SemanticIndex();
            if (root is null) return index;
            // Pre-order with an explicit stack (no recursion on deep trees); an inner operation on the same
            // syntax (a literal under its implicit conversion) overwrites the outer one, which is what
            // SemanticModel.GetConstantValue reports for that node.
            var stack = new Stack<IOperation>();
            stack.Push(root);
            int visited = 0;
            while (stack.Count > 0)
            {
                if ((++visited & 1023) == 0) ct.ThrowIfCancellationRequested();
                var op = stack.Pop();
                index._constants[op.Syntax] = op.ConstantValue;
                ISymbol? symbol = op switch
                {
                    IParameterReferenceOperation p => p.Parameter,
                    ILocalReferenceOperation l => l.Local,
                    IFieldReferenceOperation f => f.Field,
                    IPropertyReferenceOperation p => p.Property,
                    _ => null,
                };
                if (symbol is not null) index._symbols[op.Syntax] = symbol;
                var children = new List<IOperation>(op.ChildOperations);
                for (int i = children.Count - 1; i >= 0; i--) stack.Push(children[i]);
            }
            return index;
        }

        /// <summary>
        /// The index of a body that is one arithmetic expression (an expression body or a lone <c>return</c>)
        /// over the method's parameters and int or double literals with + − * / and parentheses, read from the
        /// syntax alone; null for any other body, which then goes through <see cref="Build"/>. Binding the body
        /// for its IOperation tree was about half of the generator's time on such methods (dotnet-trace, issue 12),
        /// and here syntax already says what binding would: a simple name that is a parameter's name denotes that
        /// parameter (one expression declares no locals, lambdas and other constructs are refused), a literal's
        /// token carries the compiler's own value, and parentheses, unary signs and binary operations of two
        /// constants fold as C# folds them (<see cref="Fold"/>: <c>1/2</c> is 0).
        /// </summary>
        public static SemanticIndex? FromArithmeticSyntax(MethodDeclarationSyntax method, IMethodSymbol symbol, CancellationToken ct)
        {
            var body = method.ExpressionBody?.Expression
                       ?? (method.Body is { Statements: { Count: 1 } statements } && statements[0] is ReturnStatementSyntax { Expression: { } returned } ? returned : null);
            if (body is null || body.ContainsDiagnostics) return null;
            var parameters = new Dictionary<string, IParameterSymbol>(StringComparer.Ordinal);
            foreach (var parameter in symbol.Parameters)
            {
                if (parameters.ContainsKey(parameter.Name)) return null;
                parameters.Add(parameter.Name, parameter);
            }

            // Pre-order with an explicit stack (sums of thousands of terms nest deeply); constants are then
            // computed in reverse pre-order, where every node comes after all of its descendants.
            var nodes = new List<ExpressionSyntax>();
            var stack = new Stack<ExpressionSyntax>();
            stack.Push(body);
            while (stack.Count > 0)
            {
                if ((nodes.Count & 1023) == 1023) ct.ThrowIfCancellationRequested();
                var node = stack.Pop();
                nodes.Add(node);
                switch (node)
                {
                    case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.NumericLiteralExpression):
                    case IdentifierNameSyntax:
                        break;
                    case ParenthesizedExpressionSyntax parenthesized:
                        stack.Push(parenthesized.Expression);
                        break;
                    case PrefixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.UnaryMinusExpression) || unary.IsKind(SyntaxKind.UnaryPlusExpression):
                        stack.Push(unary.Operand);
                        break;
                    case BinaryExpressionSyntax binary when binary.Kind() is SyntaxKind.AddExpression or SyntaxKind.SubtractExpression
                                                             or SyntaxKind.MultiplyExpression or SyntaxKind.DivideExpression:
                        stack.Push(binary.Right);
                        stack.Push(binary.Left);
                        break;
                    default:
                        return null;
                }
            }

            var index = new SemanticIndex();
            for (int i = nodes.Count - 1; i >= 0; i--)
            {
                Optional<object?> constant;
                switch (nodes[i])
                {
                    case LiteralExpressionSyntax literal:
                        // int and finite double only: other literal types (float, long, decimal, …) convert
                        // and fold by rules this reader does not repeat.
                        object? value = literal.Token.Value;
                        if (value is not int && !(value is double d && !double.IsNaN(d) && !double.IsInfinity(d))) return null;
                        constant = new Optional<object?>(value);
                        break;
                    case IdentifierNameSyntax name:
                        if (!parameters.TryGetValue(name.Identifier.ValueText, out var parameter)) return null;
                        index._symbols[name] = parameter;
                        constant = default;
                        break;
                    case ParenthesizedExpressionSyntax parenthesized:
                        constant = index._constants[parenthesized.Expression];
                        break;
                    case PrefixUnaryExpressionSyntax unary:
                        constant = index._constants[unary.Operand];
                        if (constant.HasValue && unary.IsKind(SyntaxKind.UnaryMinusExpression))
                            constant = new Optional<object?>(constant.Value is int k ? -k : (object)(-(double)constant.Value!));
                        break;
                    case BinaryExpressionSyntax binary:
                        var (left, right) = (index._constants[binary.Left], index._constants[binary.Right]);
                        if (!left.HasValue || !right.HasValue) constant = default;
                        else if (Fold(binary.Kind(), left.Value!, right.Value!) is { } folded) constant = new Optional<object?>(folded);
                        else return null;
                        break;
                    default:
                        return null;
                }
                index._constants[nodes[i]] = constant;
            }
            return index;
        }

        /// <summary>
        /// C#'s folding of a binary operation of two int or double constants: an int operand of a double
        /// operation converts exactly, a double operation is IEEE double arithmetic (what the compiler folds
        /// with), an int operation truncates division. Null where C# reports an error instead (an int
        /// result out of range: constant expressions are checked; an int division by zero).
        /// </summary>
        private static object? Fold(SyntaxKind kind, object left, object right)
        {
            if (left is int a && right is int b)
            {
                long r;
                switch (kind)
                {
                    case SyntaxKind.AddExpression: r = (long)a + b; break;
                    case SyntaxKind.SubtractExpression: r = (long)a - b; break;
                    case SyntaxKind.MultiplyExpression: r = (long)a * b; break;
                    default:
                        if (b == 0) return null;
                        r = (long)a / b;
                        break;
                }
                return r is >= int.MinValue and <= int.MaxValue ? (int)r : null;
            }
            double x = left is int i ? i : (double)left, y = right is int j ? j : (double)right;
            return kind switch
            {
                SyntaxKind.AddExpression => x + y,
                SyntaxKind.SubtractExpression => x - y,
                SyntaxKind.MultiplyExpression => x * y,
                _ => x / y,
            };
        }

        public bool TryGetConstant(SyntaxNode node, out Optional<object?> value) => _constants.TryGetValue(node, out value);

        public bool TryGetSymbol(SyntaxNode node, out ISymbol? symbol)
        {
            bool found = _symbols.TryGetValue(node, out var s);
            symbol = s;
            return found;
        }
    }
}
