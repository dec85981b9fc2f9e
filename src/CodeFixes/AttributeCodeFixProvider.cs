using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CheapLearning.CodeFixes
{
    /// <summary>
    /// A fix that rewrites the attribute its diagnostic lies in (CHEAP004 at <c>Tolerance</c>, CHEAP010 at <c>Form</c>):
    /// it finds that attribute, registers each fix <see cref="Fixes"/> offers for it, and when a fix is applied puts
    /// the rewritten attribute in its place. No attribute around the diagnostic: no fix.
    /// </summary>
    public abstract class AttributeCodeFixProvider : SingleDiagnosticCodeFixProvider
    {
        /// <summary>Fixes <paramref name="diagnosticId"/>.</summary>
        protected AttributeCodeFixProvider(string diagnosticId) : base(diagnosticId) { }

        /// <inheritdoc />
        protected sealed override void Register(CodeFixContext context, SyntaxNode root, Diagnostic diagnostic)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var attribute = node.AncestorsAndSelf().OfType<AttributeSyntax>().FirstOrDefault();
            if (attribute is null) return;
            foreach (var (title, key, rewrite) in Fixes(diagnostic))
                context.RegisterCodeFix(CodeAction.Create(title, ct => Replace(context.Document, attribute, rewrite, ct), key), diagnostic);
        }

        /// <summary>The fixes for <paramref name="diagnostic"/>: title, equivalence key, and the attribute rewritten (run when applied).</summary>
        protected abstract IEnumerable<(string Title, string Key, Func<AttributeSyntax, AttributeSyntax> Rewrite)> Fixes(Diagnostic diagnostic);

        /// <summary>Whether the argument is <c><paramref name="name"/> = …</c>.</summary>
        protected static bool IsNamed(AttributeArgumentSyntax argument, string name) => argument.NameEquals?.Name.Identifier.ValueText == name;   // "@Form" is Form

        private static async Task<Document> Replace(Document document, AttributeSyntax attribute, Func<AttributeSyntax, AttributeSyntax> rewrite, CancellationToken ct)
        {
            var root = await document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
            if (root is null) return document;
            return document.WithSyntaxRoot(root.ReplaceNode(attribute, rewrite(attribute)));
        }
    }
}
