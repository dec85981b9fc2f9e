namespace CheapLearning.Generator.Common
{
    /// <summary>
    /// Deconstruction of a tuple literal into locals, element by element: <c>var (u, v) = (x + y, x - y);</c>,
    /// <c>(double s, _) = (x * y, 0);</c>, <c>(a, b) = (b, a);</c>. Every feature reads it the same way, written once here.
    /// </summary>
    internal abstract partial class StraightLineWalker<TValue>
    {
        /// <summary>Tuples nested deeper than this are refused (a bound on the recursion, far above any real code).</summary>
        private const int MaxTupleNesting = 100;

        private static bool IsDeconstruction(AssignmentExpressionSyntax assignment)
            => assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) && assignment.Left is TupleExpressionSyntax or DeclarationExpressionSyntax;

        /// <summary>
        /// <c>(targets) = (values)</c>: C# evaluates every value on the right, left to right, before it assigns any target
        /// (so <c>(a, b) = (b, a)</c> swaps), and a target takes its value converted to its own type. Only a tuple literal
        /// of the same shape can be read element by element; anything else on the right (a method's tuple, a
        /// <c>Deconstruct</c> call) is refused at the left side.
        /// </summary>
        private bool Deconstruct(AssignmentExpressionSyntax assignment)
        {
            var pairs = new List<(SyntaxNode Target, ExpressionSyntax Value)>();
            if (!Pair(assignment.Left, assignment.Right, pairs, 0))
            {
                NotAllowed(assignment.Left.GetLocation(), $"Deconstructing into '{Shorten(assignment.Left.ToString())}'",
                    "only a tuple literal of the same shape, (a, b) = (e1, e2), is read element by element");
                foreach (var designation in assignment.Left.DescendantNodesAndSelf().OfType<SingleVariableDesignationSyntax>())
                    if (Model.GetDeclaredSymbol(designation, Ct) is { } declared) _refused.Add(declared);
                return false;
            }
            var values = new TValue?[pairs.Count];
            bool ok = true;
            for (int i = 0; i < pairs.Count; i++)
            {
                values[i] = Parse(pairs[i].Value);
                ok &= values[i] is not null;
            }
            for (int i = 0; i < pairs.Count; i++) ok &= AssignElement(pairs[i].Target, values[i]);
            return ok;
        }

        /// <summary>Pairs each target of <paramref name="left"/> with its element of <paramref name="right"/>; false when the shapes differ.</summary>
        private static bool Pair(SyntaxNode left, ExpressionSyntax right, List<(SyntaxNode Target, ExpressionSyntax Value)> pairs, int depth)
        {
            var targets = Elements(left);
            if (targets is null)
            {
                pairs.Add((left, right));
                return true;
            }
            while (right is ParenthesizedExpressionSyntax parenthesized) right = parenthesized.Expression;
            if (depth >= MaxTupleNesting || right is not TupleExpressionSyntax tuple || tuple.Arguments.Count != targets.Count) return false;
            for (int i = 0; i < targets.Count; i++)
                if (!Pair(targets[i], tuple.Arguments[i].Expression, pairs, depth + 1)) return false;
            return true;
        }

        /// <summary>The targets of a tuple-shaped left side (<c>(a, double b)</c>, <c>var (a, b)</c>); null for a single target.</summary>
        private static List<SyntaxNode>? Elements(SyntaxNode left)
        {
            switch (left)
            {
                case TupleExpressionSyntax tuple:
                    var elements = new List<SyntaxNode>(tuple.Arguments.Count);
                    foreach (var argument in tuple.Arguments) elements.Add(argument.Expression);
                    return elements;
                case DeclarationExpressionSyntax { Designation: ParenthesizedVariableDesignationSyntax designation }:
                    return Elements(designation);
                case ParenthesizedVariableDesignationSyntax designation:
                    var variables = new List<SyntaxNode>(designation.Variables.Count);
                    foreach (var variable in designation.Variables) variables.Add(variable);
                    return variables;
                default:
                    return null;
            }
        }

        /// <summary>Gives one target its value: a new local, an existing local or parameter, or a discard.</summary>
        private bool AssignElement(SyntaxNode target, TValue? value)
        {
            if (target is DeclarationExpressionSyntax { Designation: var inner }) target = inner;
            switch (target)
            {
                case DiscardDesignationSyntax:
                    return value is not null;
                case SingleVariableDesignationSyntax designation:
                {
                    if (Model.GetDeclaredSymbol(designation, Ct) is not ILocalSymbol local) return false;
                    if (!CanHold(local))
                    {
                        NotAllowed(designation.GetLocation(), $"A local of type '{local.Type.ToDisplayString()}'", _texts.LocalType);
                        _refused.Add(local);
                        return false;
                    }
                    if (value is null) { _refused.Add(local); return false; }
                    _values[local] = value;
                    return true;
                }
                case ExpressionSyntax expression:
                {
                    var symbol = Model.GetSymbolInfo(expression, Ct).Symbol;
                    if (symbol is IDiscardSymbol) return value is not null;
                    if (symbol is not null && _refused.Contains(symbol)) return false;
                    if (symbol is not (ILocalSymbol or IParameterSymbol) || symbol is ILocalSymbol { IsConst: true })
                    {
                        RefuseWrite(expression, "Assigning to");
                        return false;
                    }
                    if (value is null)
                    {
                        if (_unassigned.Contains(symbol)) _refused.Add(symbol);
                        return false;
                    }
                    _unassigned.Remove(symbol);
                    _values[symbol] = value;
                    return true;
                }
                default:
                    return false;
            }
        }
    }
}
