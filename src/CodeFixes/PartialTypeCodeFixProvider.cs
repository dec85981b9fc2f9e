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
    public sealed class PartialTypeCodeFixProvider : SingleDiagnosticCodeFixProvider
    {
        /// <summary>Must match DiagnosticDescriptors.CannotReceiveMembers in the generator.</summary>
        public const string DiagnosticId = DiagnosticIds.CannotReceiveMembers;
        public const string Key = "CheapLearning.MakePartial";

        /// <summary>Creates the provider.</summary>
        public PartialTypeCodeFixProvider() : base(DiagnosticId) { }

        /// <inheritdoc />
        protected override void Register(CodeFixContext context, SyntaxNode root, Diagnostic diagnostic)
        {
            if (!(root.FindToken(diagnostic.Location.SourceSpan.Start).Parent is TypeDeclarationSyntax type)) return;
            if (type.Identifier.Span != diagnostic.Location.SourceSpan) return;
            if (type.Modifiers.Any(SyntaxKind.PartialKeyword) || type is InterfaceDeclarationSyntax) return;
            context.RegisterCodeFix(CodeAction.Create($"Make '{type.Identifier.Text}' partial",
                ct => MakePartial(context.Document, type, ct), Key), diagnostic);
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
