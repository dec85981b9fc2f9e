using System;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
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
    public sealed class ReachableToleranceCodeFixProvider : SingleDiagnosticCodeFixProvider
    {
        /// <summary>The diagnostic fixed: CHEAP004, the generator's own constant.</summary>
        public const string DiagnosticId = DiagnosticIds.ToleranceUnreachable;
        /// <summary>Diagnostic.Properties key of the reachable tolerance (invariant "R" format), set by the analyzer.</summary>
        public const string ReachableToleranceProperty = DiagnosticIds.ReachableToleranceProperty;
        public const string Key = "CheapLearning.SetReachableTolerance";

        /// <summary>Creates the provider.</summary>
        public ReachableToleranceCodeFixProvider() : base(DiagnosticId) { }

        /// <inheritdoc />
        protected override void Register(CodeFixContext context, SyntaxNode root, Diagnostic diagnostic)
        {
            if (!(ReachableTolerance(diagnostic) is double tolerance)) return;
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var attribute = node.AncestorsAndSelf().OfType<AttributeSyntax>().FirstOrDefault();
            if (attribute is null) return;
            string literal = Literal(tolerance);
            context.RegisterCodeFix(CodeAction.Create($"Set Tolerance = {literal} (reachable)",
                ct => SetTolerance(context.Document, attribute, tolerance, literal, ct), Key), diagnostic);
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

        private static async Task<Document> SetTolerance(Document document, AttributeSyntax attribute, double tolerance, string literal, CancellationToken ct)
        {
            var root = await document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
            if (root is null) return document;
            var value = SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(literal, tolerance));
            var arguments = attribute.ArgumentList?.Arguments ?? default;
            var existing = arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.Text == "Tolerance");
            AttributeSyntax fixedAttribute;
            if (existing is not null)
            {
                fixedAttribute = attribute.ReplaceNode(existing, existing.WithExpression(value.WithTriviaFrom(existing.Expression)));
            }
            else
            {
                var added = SyntaxFactory.AttributeArgument(SyntaxFactory.NameEquals(SyntaxFactory.IdentifierName("Tolerance")), null, value);
                var list = attribute.ArgumentList ?? SyntaxFactory.AttributeArgumentList();
                fixedAttribute = attribute.WithArgumentList(list.WithArguments(list.Arguments.Count == 0
                    ? list.Arguments.Add(added)
                    : list.Arguments.Add(added.WithLeadingTrivia(SyntaxFactory.Space))));
            }
            return document.WithSyntaxRoot(root.ReplaceNode(attribute, fixedAttribute));
        }
    }
}
