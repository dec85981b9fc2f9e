namespace CheapLearning.Generator.Common
{
    /// <summary>
    /// The members C# looks up by name for a construct that never writes the name: Deconstruct (a deconstruction that
    /// is not element by element from a tuple literal, a positional or var (…) pattern), the enumerator and disposal
    /// patterns (foreach, using), Add (collection initializers), the awaiter, the query operators, GetPinnableReference
    /// (fixed), Length/Count/Slice (indices, ranges, list patterns), the interpolated string handler's Append methods.
    /// A declaration of such a member elsewhere can change what the method means without its text naming anything
    /// that changed: the front ends' reuse checks (<see cref="SemanticFingerprint"/>, <see cref="CompilationDelta"/>)
    /// ask this.
    /// </summary>
    internal static class PatternMembers
    {
        /// <summary>Whether <paramref name="name"/> is a member C# binds for one of these constructs.</summary>
        public static bool IsName(string name)
        {
            switch (name)
            {
                case "Deconstruct": case "GetEnumerator": case "GetAsyncEnumerator": case "MoveNext": case "MoveNextAsync": case "Current":
                case "Dispose": case "DisposeAsync": case "Add": case "GetAwaiter": case "IsCompleted": case "GetResult":
                case "Select": case "SelectMany": case "Where": case "OrderBy": case "OrderByDescending": case "ThenBy": case "ThenByDescending":
                case "GroupBy": case "Join": case "GroupJoin": case "Cast": case "GetPinnableReference": case "Length": case "Count": case "Slice":
                case "AppendLiteral": case "AppendFormatted":
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>Whether <paramref name="syntax"/> holds a construct that binds one of these members.</summary>
        public static bool BoundBy(SyntaxNode syntax)
        {
            // A deconstruction's targets are judged with its value (element by element from a tuple literal binds nothing).
            foreach (var node in syntax.DescendantNodes(static n => !(n.Parent is AssignmentExpressionSyntax a && a.Left == n && IsDeconstruction(a))))
            {
                switch (node)
                {
                    case CommonForEachStatementSyntax or UsingStatementSyntax or QueryExpressionSyntax or AwaitExpressionSyntax or FixedStatementSyntax
                        or ParenthesizedVariableDesignationSyntax or PositionalPatternClauseSyntax or RangeExpressionSyntax or ListPatternSyntax
                        or SlicePatternSyntax or InterpolatedStringExpressionSyntax or CollectionExpressionSyntax:
                    case LocalDeclarationStatementSyntax { UsingKeyword.RawKind: not 0 }:
                    case InitializerExpressionSyntax i when i.IsKind(SyntaxKind.CollectionInitializerExpression):
                    case PrefixUnaryExpressionSyntax u when u.IsKind(SyntaxKind.IndexExpression):
                    case AssignmentExpressionSyntax a when IsDeconstruction(a) && Deconstructs(a.Left, a.Right):
                        return true;
                }
            }
            return false;
        }

        private static bool IsDeconstruction(AssignmentExpressionSyntax a)
            => a.IsKind(SyntaxKind.SimpleAssignmentExpression) && Targets(a.Left) is not null;

        /// <summary>Whether assigning <paramref name="value"/> to <paramref name="target"/> calls a Deconstruct somewhere.</summary>
        private static bool Deconstructs(SyntaxNode target, ExpressionSyntax value)
        {
            if (Targets(target) is not { } targets) return false;
            while (value is ParenthesizedExpressionSyntax p) value = p.Expression;
            if (value is not TupleExpressionSyntax tuple || tuple.Arguments.Count != targets.Count) return true;
            for (int i = 0; i < targets.Count; i++)
                if (Deconstructs(targets[i], tuple.Arguments[i].Expression)) return true;
            return false;
        }

        /// <summary>A deconstruction target's elements, or null for a single target.</summary>
        private static List<SyntaxNode>? Targets(SyntaxNode target) => target switch
        {
            TupleExpressionSyntax t => t.Arguments.Select(a => (SyntaxNode)a.Expression).ToList(),
            DeclarationExpressionSyntax { Designation: ParenthesizedVariableDesignationSyntax p } => p.Variables.Cast<SyntaxNode>().ToList(),
            ParenthesizedVariableDesignationSyntax p => p.Variables.Cast<SyntaxNode>().ToList(),
            _ => null,
        };
    }
}
