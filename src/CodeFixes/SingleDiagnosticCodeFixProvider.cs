using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace CheapLearning.CodeFixes
{
    /// <summary>
    /// The shape every CheapLearning code fix shares: it fixes one diagnostic ID, Fix All merges the fixes of a
    /// document, project or solution in one batch, and each diagnostic gets its fixes from <see cref="Register"/>.
    /// </summary>
    public abstract class SingleDiagnosticCodeFixProvider : CodeFixProvider
    {
        /// <summary>Fixes <paramref name="diagnosticId"/>.</summary>
        protected SingleDiagnosticCodeFixProvider(string diagnosticId) => FixableDiagnosticIds = ImmutableArray.Create(diagnosticId);

        /// <inheritdoc />
        public sealed override ImmutableArray<string> FixableDiagnosticIds { get; }

        /// <inheritdoc />
        public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        /// <inheritdoc />
        public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null) return;
            foreach (var diagnostic in context.Diagnostics) Register(context, root, diagnostic);
        }

        /// <summary>Registers the fixes for one <paramref name="diagnostic"/> of the document whose syntax is <paramref name="root"/>.</summary>
        protected abstract void Register(CodeFixContext context, SyntaxNode root, Diagnostic diagnostic);
    }
}
