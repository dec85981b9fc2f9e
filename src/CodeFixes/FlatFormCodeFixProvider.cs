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
    /// Fixes for CHEAP010 (the flat form exceeds its neuron budget): "Use the deep form" removes the
    /// <c>Form</c> argument (Deep is the default); "Use HiddenLayers = k" does the same and sets
    /// <c>HiddenLayers</c> to the smallest depth that fits the budget, which the analyzer passes in
    /// the diagnostic's properties.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(FlatFormCodeFixProvider))]
    public sealed class FlatFormCodeFixProvider : SingleDiagnosticCodeFixProvider
    {
        /// <summary>CHEAP010, from the IDs the generator's descriptors use.</summary>
        public const string DiagnosticId = DiagnosticIds.FlatFormTooLarge;
        public const string HiddenLayersProperty = DiagnosticIds.HiddenLayersProperty;
        public const string DeepKey = "CheapLearning.UseDeepForm";
        public const string DepthKey = "CheapLearning.UseHiddenLayers";

        /// <summary>Creates the provider.</summary>
        public FlatFormCodeFixProvider() : base(DiagnosticId) { }

        /// <inheritdoc />
        protected override void Register(CodeFixContext context, SyntaxNode root, Diagnostic diagnostic)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var attribute = node.AncestorsAndSelf().OfType<AttributeSyntax>().FirstOrDefault();
            if (attribute is null) return;
            context.RegisterCodeFix(CodeAction.Create("Use the deep form",
                ct => Rewrite(context.Document, attribute, null, ct), DeepKey), diagnostic);
            if (diagnostic.Properties.TryGetValue(HiddenLayersProperty, out var k) && int.TryParse(k, out int layers))
                context.RegisterCodeFix(CodeAction.Create($"Use HiddenLayers = {layers} (smallest that fits)",
                    ct => Rewrite(context.Document, attribute, layers, ct), DepthKey), diagnostic);
        }

        private static async Task<Document> Rewrite(Document document, AttributeSyntax attribute, int? hiddenLayers, CancellationToken ct)
        {
            var root = await document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
            if (root is null) return document;
            var arguments = attribute.ArgumentList?.Arguments ?? default;
            var kept = arguments.Where(a => !IsNamed(a, "Form") && !(hiddenLayers is not null && IsNamed(a, "HiddenLayers"))).ToList();
            if (hiddenLayers is { } k)
                kept.Add(SyntaxFactory.AttributeArgument(
                    SyntaxFactory.NameEquals(SyntaxFactory.IdentifierName("HiddenLayers")), null,
                    SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(k))));
            var list = kept.Count == 0 ? null
                : SyntaxFactory.AttributeArgumentList(SyntaxFactory.SeparatedList(kept.Select((a, i) => i == 0 ? a.WithoutLeadingTrivia() : a.WithLeadingTrivia(SyntaxFactory.Space))));
            var fixedAttribute = attribute.WithArgumentList(list).WithTriviaFrom(attribute);
            return document.WithSyntaxRoot(root.ReplaceNode(attribute, fixedAttribute));
        }

        private static bool IsNamed(AttributeArgumentSyntax argument, string name)
            => argument.NameEquals?.Name.Identifier.Text == name;
    }
}
