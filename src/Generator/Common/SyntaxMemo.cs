using System.Runtime.CompilerServices;

namespace CheapLearning.Generator.Common
{
    /// <summary>
    /// What the generators remember about one syntax node (an annotated method or class): the free names
    /// <see cref="SemanticFingerprint"/> reads from its syntax, and the front end's last result
    /// (<see cref="FrontEndMemo{T}"/>). One table for both: a <see cref="ConditionalWeakTable{TKey,TValue}"/> entry
    /// is a dependent handle taken under a lock, and two of them per method were ~5 % of a cold run (dotnet-trace,
    /// issue 12). Bounds as before: entries hang off the node, so a collected tree drops them, and hold no symbols.
    /// </summary>
    internal sealed class SyntaxMemo
    {
        private static readonly ConditionalWeakTable<SyntaxNode, SyntaxMemo> Table = new();

        /// <summary>The node's memo, created empty on first use.</summary>
        public static SyntaxMemo For(SyntaxNode node) => Table.GetValue(node, static _ => new SyntaxMemo());

        /// <summary>The node's free names (<see cref="SemanticFingerprint"/>); they depend on its syntax alone.</summary>
        public volatile object? Names;

        /// <summary>
        /// The front end's last result with the fingerprint it was computed under (<see cref="FrontEndMemo{T}"/>):
        /// an immutable entry swapped in whole. One front end per node in practice; a second one on the same node
        /// finds an entry of another type, computes, and replaces it (correct, only not remembered).
        /// </summary>
        public volatile object? Result;
    }
}
