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
        /// <summary>An index that knows no node (every question goes to the SemanticModel).</summary>
        public static readonly SemanticIndex Empty = new();

        private readonly Dictionary<SyntaxNode, Optional<object?>> _constants = new(NodeIdentity.Instance);
        private readonly Dictionary<SyntaxNode, ISymbol> _symbols = new(NodeIdentity.Instance);

        /// <summary>
        /// Syntax nodes by reference, as the default comparer, but hashed by position, width and kind. Why: a syntax node
        /// does not override GetHashCode, and the runtime's identity hash of a node never hashed before (every node of a
        /// fresh tree) took the slow path that stores it in the object's header, about a tenth of the generator's CPU
        /// time on the N = 100 benchmark (dotnet-trace, issue 12). Full span (not Span, which walks down to the first
        /// token for its leading trivia): constant time on any node. Two nodes of one tree rarely share all three,
        /// and equality is still by reference, so every answer is the one the default comparer gave.
        /// </summary>
        private sealed class NodeIdentity : IEqualityComparer<SyntaxNode>
        {
            public static readonly NodeIdentity Instance = new();

            public bool Equals(SyntaxNode? x, SyntaxNode? y) => ReferenceEquals(x, y);

            public int GetHashCode(SyntaxNode node)
            {
                var span = node.FullSpan;
                return unchecked((span.Start * 31 + span.Length) * 31 + node.RawKind);
            }
        }

        /// <summary>
        /// Set by <see cref="FromArithmeticSyntax"/>: the body it read whole. Every expression inside it is then known
        /// without an entry of its own: a node missing from <see cref="_constants"/> is not constant, and a simple
        /// name is the parameter of <see cref="_parameters"/> with that name (entries for every node were most of the
        /// index's allocation, dotnet-trace, issue 12).
        /// </summary>
        private readonly ExpressionSyntax? _body;

        private readonly IParameterSymbol[]? _parameters;

        private SemanticIndex()
        {
        }

        private SemanticIndex(ExpressionSyntax body, IParameterSymbol[] parameters)
        {
            _body = body;
            _parameters = parameters;
        }

        public static SemanticIndex Build(IOperation? root, CancellationToken ct)
        {
            if (root is null) return Empty;
            var index = new SemanticIndex();
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
                // An implicit operation never overwrites its node's entry: an omitted argument's default value (or a
                // [CallerLineNumber]) is an implicit constant on the call's own syntax, and 'x * Helper(x)' with
                // Helper(double t, double k = 0.5) read the call as the constant 0.5, a silent wrong network. An
                // implicit conversion is the outer operation of its syntax and still yields to the operand inside it.
                if (!op.IsImplicit || !index._constants.ContainsKey(op.Syntax))
                {
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
                }
                var children = new List<IOperation>(op.ChildOperations);
                for (int i = children.Count - 1; i >= 0; i--) stack.Push(children[i]);
            }
            return index;
        }

        /// <summary>
        /// Whether statements nest more than <paramref name="limit"/> deep in <paramref name="method"/> (blocks, checked blocks,
        /// ifs, local functions' bodies), read iteratively; expressions are not counted (the operation tree of a long sum is
        /// built without recursion).
        /// </summary>
        public static bool NestsDeeply(MethodDeclarationSyntax method, int limit)
        {
            if (method.Body is null) return false;
            var stack = new Stack<(SyntaxNode Node, int Depth)>();
            stack.Push((method.Body, 1));
            while (stack.Count > 0)
            {
                var (node, depth) = stack.Pop();
                if (depth > limit) return true;
                foreach (var child in node.ChildNodes())
                {
                    if (child is StatementSyntax) stack.Push((child, depth + 1));
                    else if (child is ElseClauseSyntax or SwitchSectionSyntax or CatchClauseSyntax or FinallyClauseSyntax) stack.Push((child, depth));
                }
            }
            return false;
        }

        /// <summary>The traversal buffers of <see cref="FromArithmeticSyntax"/>, reused by the thread's next call (it is not reentrant).</summary>
        [ThreadStatic]
        private static (List<ExpressionSyntax> Nodes, Stack<ExpressionSyntax> Stack)? t_buffers;

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
            var parameters = symbol.Parameters;
            for (int i = 0; i < parameters.Length; i++)
                for (int j = 0; j < i; j++)
                    if (parameters[i].Name == parameters[j].Name) return null;

            var (nodes, stack) = t_buffers ?? (new List<ExpressionSyntax>(), new Stack<ExpressionSyntax>());
            t_buffers = null;
            try
            {
                return Read(body, parameters.ToArray(), nodes, stack, ct);
            }
            finally
            {
                nodes.Clear();
                stack.Clear();
                t_buffers = (nodes, stack);
            }
        }

        [System.Runtime.CompilerServices.MethodImpl((System.Runtime.CompilerServices.MethodImplOptions)512)] // AggressiveOptimization (netstandard2.0 lacks the name): hot, and at tier 0 through a warm server's first dozen compilations (notes-warm, issue 12)
        private static SemanticIndex? Read(ExpressionSyntax body, IParameterSymbol[] parameters, List<ExpressionSyntax> nodes, Stack<ExpressionSyntax> stack, CancellationToken ct)
        {
            // Pre-order with an explicit stack (sums of thousands of terms nest deeply); constants are then
            // computed in reverse pre-order, where every node comes after all of its descendants.
            stack.Push(body);
            while (stack.Count > 0)
            {
                if ((nodes.Count & 1023) == 1023) ct.ThrowIfCancellationRequested();
                var node = stack.Pop();
                nodes.Add(node);
                switch (node)
                {
                    case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.NumericLiteralExpression):
                        break;
                    case IdentifierNameSyntax name:
                        if (Parameter(parameters, name.Identifier.ValueText) is null) return null;
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

            var index = new SemanticIndex(body, parameters);
            var constants = index._constants;
            for (int i = nodes.Count - 1; i >= 0; i--)
            {
                Optional<object?> constant;
                switch (nodes[i])
                {
                    case LiteralExpressionSyntax literal:
                        // int and finite double only: other literal types (float, long, decimal, …) convert
                        // and fold by rules this reader does not repeat.
                        object? value = literal.Token.Value;
                        if (value is not int && !(value is double d && Numeric.IsFinite(d))) return null;
                        constant = new Optional<object?>(value);
                        break;
                    case IdentifierNameSyntax:
                        continue;
                    case ParenthesizedExpressionSyntax parenthesized:
                        if (!constants.TryGetValue(parenthesized.Expression, out constant)) continue;
                        break;
                    case PrefixUnaryExpressionSyntax unary:
                        if (!constants.TryGetValue(unary.Operand, out constant)) continue;
                        if (unary.IsKind(SyntaxKind.UnaryMinusExpression))
                            constant = new Optional<object?>(constant.Value is int k ? -k : (object)(-(double)constant.Value!));
                        break;
                    case BinaryExpressionSyntax binary:
                        if (!constants.TryGetValue(binary.Left, out var left) || !constants.TryGetValue(binary.Right, out var right)) continue;
                        if (Fold(binary.Kind(), left.Value!, right.Value!) is not { } folded) return null;
                        constant = new Optional<object?>(folded);
                        break;
                    default:
                        return null;
                }
                constants[nodes[i]] = constant;
            }
            return index;
        }

        /// <summary>The parameter named <paramref name="name"/> (a method has a handful: a scan beats hashing).</summary>
        private static IParameterSymbol? Parameter(IParameterSymbol[] parameters, string name)
        {
            foreach (var p in parameters)
                if (p.Name == name) return p;
            return null;
        }

        /// <summary>Whether <paramref name="node"/> is an expression of the body <see cref="FromArithmeticSyntax"/> read.</summary>
        /// <remarks>
        /// Full spans, not spans: a span walks down to the node's first token for its leading trivia, the whole left
        /// spine of a left-nested sum, and this is asked for every node the parser reads (with the spans, 4 % of all
        /// samples of a warm N = 100 run, perf, issue 12). For a node of the body's token structure (not of structured
        /// trivia, which the parser never reads) the two containments agree: a descendant lies inside both, any
        /// other node outside both.
        /// </remarks>
        private bool InBody(SyntaxNode node)
            => _body is not null && node is ExpressionSyntax && _body.FullSpan.Contains(node.FullSpan) && node.SyntaxTree == _body.SyntaxTree;

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

        public bool TryGetConstant(SyntaxNode node, out Optional<object?> value)
        {
            if (_constants.TryGetValue(node, out value)) return true;
            value = default;
            return InBody(node);
        }

        public bool TryGetSymbol(SyntaxNode node, out ISymbol? symbol)
        {
            if (_parameters is not null)
            {
                symbol = node is IdentifierNameSyntax name && InBody(node) ? Parameter(_parameters, name.Identifier.ValueText) : null;
                return symbol is not null;
            }
            bool found = _symbols.TryGetValue(node, out var s);
            symbol = s;
            return found;
        }
    }
}
