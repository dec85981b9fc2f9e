using System;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
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
    /// no longer warns). t comes from the diagnostic's <see cref="ReachableToleranceProperty"/> property, or,
    /// from analyzers that only state it, from the message's closing "a reachable Tolerance is t". When the
    /// analyzer finds no reachable tolerance (values overflow double on the input box) no fix is offered.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReachableToleranceCodeFixProvider))]
    public sealed class ReachableToleranceCodeFixProvider : SingleDiagnosticCodeFixProvider
    {
        /// <summary>Must match DiagnosticDescriptors.ToleranceUnreachable in the generator.</summary>
        public const string DiagnosticId = "CHEAP004";
        /// <summary>Diagnostic.Properties key of the reachable tolerance (invariant "R" format).</summary>
        public const string ReachableToleranceProperty = "ReachableTolerance";
        public const string Key = "CheapLearning.SetReachableTolerance";

        private static readonly Regex MessageTail = new Regex(@"a reachable Tolerance is (?<t>[0-9][0-9.]*(?:[eE][+-]?[0-9]+)?)\s*$", RegexOptions.CultureInvariant);

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
            string? text = diagnostic.Properties.TryGetValue(ReachableToleranceProperty, out var property) ? property : null;
            if (text is null)
            {
                var match = MessageTail.Match(diagnostic.GetMessage(CultureInfo.InvariantCulture));
                if (!match.Success) return null;
                text = match.Groups["t"].Value;
            }
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
