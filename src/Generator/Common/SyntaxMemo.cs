using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace CheapLearning.Generator.Common
{
    /// <summary>
    /// What the generators remember about one syntax node (an annotated method or class): the free names
    /// <see cref="SemanticFingerprint"/> reads from its syntax, and the front end's last result
    /// (<see cref="FrontEndMemo{T}"/>). Kept per syntax tree, by the node's span and kind: a tree is immutable, so
    /// these name one node of it, and an unchanged file keeps its tree object across runs. Why not one
    /// <see cref="ConditionalWeakTable{TKey,TValue}"/> entry per node: each is a dependent handle, taken under a lock
    /// and scanned by every garbage collection, and two per method were ~5 % of a cold run (dotnet-trace, issue 12);
    /// per tree there is one. Bounds as before: a collected tree drops its memos, which hold no symbols or syntax.
    /// </summary>
    internal sealed class SyntaxMemo
    {
        private static readonly ConditionalWeakTable<SyntaxTree, ConcurrentDictionary<NodeKey, SyntaxMemo>> Table = new();

        /// <summary>The node's memo, created empty on first use.</summary>
        public static SyntaxMemo For(SyntaxNode node)
            => Table.GetValue(node.SyntaxTree, static _ => new ConcurrentDictionary<NodeKey, SyntaxMemo>())
                    .GetOrAdd(new NodeKey(node.Span.Start, node.Span.End, node.RawKind), static _ => new SyntaxMemo());

        /// <summary>The node's free names (<see cref="SemanticFingerprint"/>); they depend on its syntax alone.</summary>
        public volatile object? Names;

        /// <summary>
        /// The front end's last result with the fingerprint it was computed under (<see cref="FrontEndMemo{T}"/>):
        /// an immutable entry swapped in whole. One front end per node in practice; a second one on the same node
        /// finds an entry of another type, computes, and replaces it (correct, only not remembered).
        /// </summary>
        public volatile object? Result;
    }

    /// <summary>
    /// A node of a known tree: its span and kind. A class, not a value tuple: a dictionary keyed by a value type makes
    /// the JIT compile the dictionary's code again for that type in every compiler process (about 20 methods), and a
    /// class key shares the code compiled for all reference types.
    /// </summary>
    internal sealed class NodeKey : IEquatable<NodeKey>
    {
        private readonly int _start, _end, _kind;

        public NodeKey(int start, int end, int kind)
        {
            _start = start;
            _end = end;
            _kind = kind;
        }

        public bool Equals(NodeKey? other) => other is not null && _start == other._start && _end == other._end && _kind == other._kind;

        public override bool Equals(object? obj) => Equals(obj as NodeKey);

        public override int GetHashCode() => unchecked((_start * -1521134295 + _end) * -1521134295 + _kind);
    }
}
