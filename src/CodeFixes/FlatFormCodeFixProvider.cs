using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CheapLearning.CodeFixes
{
    /// <summary>
    /// Fixes for CHEAP010 (the flat form exceeds its neuron budget): "Use the deep form" removes the
    /// <c>Form</c> argument (Deep is the default); "Use HiddenLayers = k" does the same and sets
    /// <c>HiddenLayers</c> to the smallest depth that fits the budget, which the analyzer passes in
    /// the diagnostic's properties.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(FlatFormCodeFixProvider))]
    public sealed class FlatFormCodeFixProvider : AttributeCodeFixProvider
    {
        /// <summary>CHEAP010, from the IDs the generator's descriptors use.</summary>
        public const string DiagnosticId = DiagnosticIds.FlatFormTooLarge;
        public const string HiddenLayersProperty = DiagnosticIds.HiddenLayersProperty;
        public const string DeepKey = "CheapLearning.UseDeepForm";
        public const string DepthKey = "CheapLearning.UseHiddenLayers";

        /// <summary>Creates the provider.</summary>
        public FlatFormCodeFixProvider() : base(DiagnosticId) { }

        /// <inheritdoc />
        protected override IEnumerable<(string Title, string Key, Func<AttributeSyntax, AttributeSyntax> Rewrite)> Fixes(Diagnostic diagnostic)
        {
            yield return ("Use the deep form", DeepKey, a => Rewrite(a, null));
            if (diagnostic.Properties.TryGetValue(HiddenLayersProperty, out var k) && int.TryParse(k, out int layers))
                yield return ($"Use HiddenLayers = {layers} (smallest that fits)", DepthKey, a => Rewrite(a, layers));
        }

        private static AttributeSyntax Rewrite(AttributeSyntax attribute, int? hiddenLayers)
        {
            if (attribute.ArgumentList is not { } list) return attribute;
            // Edit the separated list in place (SeparatedSyntaxList.Remove drops a node with its own comma), so the
            // other arguments keep their layout, comments and order: rebuilding the list put them all on one line.
            var arguments = list.Arguments;
            if (hiddenLayers is { } k)
            {
                var value = SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(k));
                var existing = arguments.FirstOrDefault(a => IsNamed(a, "HiddenLayers"));
                if (existing is not null)
                    arguments = arguments.Replace(existing, existing.WithExpression(value.WithTriviaFrom(existing.Expression)));
                else
                {
                    var added = SyntaxFactory.AttributeArgument(SyntaxFactory.NameEquals(SyntaxFactory.IdentifierName("HiddenLayers")), null, value);
                    arguments = arguments.Add(arguments.Count == 0 ? added : added.WithLeadingTrivia(SyntaxFactory.Space));
                }
            }
            var rewritten = list.WithArguments(arguments);
            // An argument whose trivia holds preprocessor directives is removed with RemoveNode, which keeps them: an '#if'
            // before 'Form = …' removed with it left its '#endif' unmatched (CS1028), so the fixed code did not compile.
            // (RemoveNode may leave a blank line there, so the common case keeps the list's own removal.)
            while (rewritten.Arguments.FirstOrDefault(a => IsNamed(a, "Form")) is { } form)
                rewritten = form.ContainsDirectives || rewritten.Arguments.GetSeparators().Any(c => c.ContainsDirectives)
                    ? rewritten.RemoveNode(form, SyntaxRemoveOptions.KeepDirectives)!
                    : rewritten.WithArguments(rewritten.Arguments.Remove(form));
            // No argument left: [PolynomialNetwork], without the empty parentheses (kept when they hold directives).
            if (rewritten.Arguments.Count == 0 && !rewritten.ContainsDirectives)
                return attribute.WithArgumentList(null).WithTrailingTrivia(attribute.GetTrailingTrivia());
            return attribute.WithArgumentList(rewritten);
        }
    }
}
