using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace CheapLearning.CodeFixes
{
    /// <summary>
    /// Fix for CHEAP002 when a type containing an annotated method is not partial: "Make 'T' partial". The
    /// analyzer reports that case at the type's name, so the fix is offered exactly where the type declaration
    /// lacks the modifier; the other CHEAP002 causes (generic types or methods, interfaces, local functions)
    /// have no mechanical fix and get none.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PartialTypeCodeFixProvider))]
    public sealed class PartialTypeCodeFixProvider : CodeFixProvider
    {
        /// <summary>Must match DiagnosticDescriptors.CannotReceiveMembers in the generator.</summary>
        public const string DiagnosticId = "CHEAP002";
        public const string Key = "CheapLearning.MakePartial";

        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticId);

        /// <inheritdoc />
        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        /// <inheritdoc />
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null) return;
            foreach (var diagnostic in context.Diagnostics)
            {
                if (!(root.FindToken(diagnostic.Location.SourceSpan.Start).Parent is TypeDeclarationSyntax type)) continue;
                if (type.Identifier.Span != diagnostic.Location.SourceSpan) continue;
                if (type.Modifiers.Any(SyntaxKind.PartialKeyword) || type is InterfaceDeclarationSyntax) continue;
                context.RegisterCodeFix(CodeAction.Create($"Make '{type.Identifier.Text}' partial",
                    ct => MakePartial(context.Document, type, ct), Key), diagnostic);
            }
        }

        private static async Task<Document> MakePartial(Document document, TypeDeclarationSyntax type, CancellationToken ct)
        {
            var editor = await DocumentEditor.CreateAsync(document, ct).ConfigureAwait(false);
            // SyntaxGenerator puts 'partial' where C# requires it (last, right before the type keyword) and keeps
            // the declaration's leading trivia (indentation, doc comments) when it had no modifier before.
            editor.ReplaceNode(type, (node, g) => g.WithModifiers(node, g.GetModifiers(node).WithPartial(true)));
            return editor.GetChangedDocument();
        }
    }
}
