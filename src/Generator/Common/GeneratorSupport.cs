using System;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CheapLearning.Generator.Common
{
    /// <summary>
    /// A pipeline value with the syntax tree it was found in, carried for one step only: the step that reads
    /// the tree's .editorconfig options (<c>AnalyzerConfigOptionsProvider.GetOptions(tree)</c>; the
    /// ForAttributeWithMetadataName transform cannot see options, and <c>CompilationProvider</c> would re-run
    /// on every edit). Equality: the value and the tree's path, since options are a function of the path
    /// (editorconfig sections match paths); an edit elsewhere in the file leaves it equal, and cached.
    /// </summary>
    internal sealed class Located<T> : IEquatable<Located<T>>
        where T : IEquatable<T>
    {
        public Located(T value, SyntaxTree tree)
        {
            Value = value;
            Tree = tree;
        }

        public T Value { get; }

        public SyntaxTree Tree { get; }

        public bool Equals(Located<T>? other)
            => other is not null && Value.Equals(other.Value) && string.Equals(Tree.FilePath, other.Tree.FilePath, StringComparison.Ordinal);

        public override bool Equals(object? obj) => Equals(obj as Located<T>);

        public override int GetHashCode() => unchecked(Value.GetHashCode() * 31 + StringComparer.Ordinal.GetHashCode(Tree.FilePath));
    }

    /// <summary>The last step of every generator: emit one file, never failing the build from inside the compiler.</summary>
    internal static class GeneratorSupport
    {
        /// <summary>
        /// Adds the file <paramref name="emit"/> writes. Null (nothing to emit) or a failure adds nothing: the
        /// feature's analyzer, which runs the same plan, reports why (CHEAP009 for a failure); cancellation propagates.
        /// </summary>
        public static void AddSource(SourceProductionContext context, string hintName, Func<string?> emit)
        {
            string? source;
            try
            {
                source = emit();
            }
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (Exception)
            {
                return;
            }
            if (source is not null) context.AddSource(hintName, SourceText.From(source, Encoding.UTF8));
        }
    }
}
