using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CheapLearning.CodeFixes
{
    /// <summary>
    /// Fix for CHEAP004 (the requested Tolerance cannot be reached in double precision): "Set Tolerance = t",
    /// where t is the reachable tolerance the analyzer computed (rounded up to two digits, so the fixed code
    /// no longer warns). t comes from the diagnostic's <see cref="ReachableToleranceProperty"/> property, never from
    /// the message text. When the analyzer finds no reachable tolerance (values overflow double on the input box) no fix is offered.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReachableToleranceCodeFixProvider))]
    public sealed class ReachableToleranceCodeFixProvider : AttributeCodeFixProvider
    {
        /// <summary>The diagnostic fixed: CHEAP004, the generator's own constant.</summary>
        public const string DiagnosticId = DiagnosticIds.ToleranceUnreachable;
        /// <summary>Diagnostic.Properties key of the reachable tolerance (invariant "R" format), set by the analyzer.</summary>
        public const string ReachableToleranceProperty = DiagnosticIds.ReachableToleranceProperty;
        public const string Key = "CheapLearning.SetReachableTolerance";

        /// <summary>Creates the provider.</summary>
        public ReachableToleranceCodeFixProvider() : base(DiagnosticId) { }

        /// <inheritdoc />
        protected override IEnumerable<(string Title, string Key, Func<AttributeSyntax, AttributeSyntax> Rewrite)> Fixes(Diagnostic diagnostic)
        {
            if (!(ReachableTolerance(diagnostic) is double tolerance)) yield break;
            string literal = Literal(tolerance);
            yield return ($"Set Tolerance = {literal} (reachable)", Key, a => SetTolerance(a, tolerance, literal));
        }

        /// <summary>The reachable tolerance the diagnostic states, or null when it states none.</summary>
        public static double? ReachableTolerance(Diagnostic diagnostic)
        {
            if (!diagnostic.Properties.TryGetValue(ReachableToleranceProperty, out var text) || text is null) return null;
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double t) && t > 0 && !double.IsInfinity(t)
                ? t : (double?)null;
        }

        /// <summary>A C# double literal of <paramref name="value"/> that round-trips, in the README's style (1e-10).</summary>
        public static string Literal(double value)
        {
            string text = value.ToString("R", CultureInfo.InvariantCulture).Replace("E", "e").Replace("e+", "e");
            return text.IndexOfAny(new[] { '.', 'e' }) < 0 ? text + ".0" : text;
        }

        private static AttributeSyntax SetTolerance(AttributeSyntax attribute, double tolerance, string literal)
        {
            var value = SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(literal, tolerance));
            var arguments = attribute.ArgumentList?.Arguments ?? default;
            var existing = arguments.FirstOrDefault(a => IsNamed(a, "Tolerance"));
            if (existing is not null) return attribute.ReplaceNode(existing, existing.WithExpression(value.WithTriviaFrom(existing.Expression)));
            var added = SyntaxFactory.AttributeArgument(SyntaxFactory.NameEquals(SyntaxFactory.IdentifierName("Tolerance")), null, value);
            var list = attribute.ArgumentList ?? SyntaxFactory.AttributeArgumentList();
            return attribute.WithArgumentList(list.WithArguments(list.Arguments.Count == 0
                ? list.Arguments.Add(added)
                : list.Arguments.Add(added.WithLeadingTrivia(SyntaxFactory.Space))));
        }
    }
}
