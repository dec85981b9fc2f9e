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
            // A generic or file-local type here or around it, or an interface around it, keeps the network from being generated
            // whatever the modifiers (its own CHEAP002 says so): 'partial' there cannot help, so it is not offered.
            if (type.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().Any(t => t.TypeParameterList is not null || t.Modifiers.Any(SyntaxKind.FileKeyword)
                                                                             || t is InterfaceDeclarationSyntax)) return;
            context.RegisterCodeFix(CodeAction.Create($"Make '{type.Identifier.Text}' partial",
                ct => MakePartial(context.Document, type, ct), Key), diagnostic);
        }

        private static async Task<Document> MakePartial(Document document, TypeDeclarationSyntax type, CancellationToken ct)
        {
            var root = await document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
            return root is null ? document : document.WithSyntaxRoot(root.ReplaceNode(type, WithPartial(type)));
        }

        /// <summary>
        /// <paramref name="type"/> with 'partial' right before the type keyword, where C# requires it (<c>readonly ref partial struct</c>).
        /// 'partial' takes the keyword's leading trivia (indentation, a doc comment of a type without attributes or modifiers, or
        /// directives such as a modifier under <c>#if NET8_0_OR_GREATER</c>): put after the last written modifier instead, it
        /// came before such an '#if' and its modifier (CS0267 where the symbol is defined). Built by hand, without elastic
        /// trivia: SyntaxGenerator's version made the formatter insert a blank line above a declaration that had no modifier.
        /// </summary>
        private static TypeDeclarationSyntax WithPartial(TypeDeclarationSyntax type)
        {
            var partial = SyntaxFactory.Token(type.Keyword.LeadingTrivia, SyntaxKind.PartialKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space));
            return type.WithKeyword(type.Keyword.WithLeadingTrivia()).WithModifiers(type.Modifiers.Add(partial));
        }
    }
}
