namespace CheapLearning.Generator.Common
{
    /// <summary>
    /// The front end's result for one annotated method, reused across generator runs while the method's syntax
    /// node and its <see cref="SemanticFingerprint"/> are the same. Why: Roslyn re-runs every
    /// ForAttributeWithMetadataName transform after every edit (any edit can change semantics anywhere), and
    /// ours parses the body into an expression graph, so a keystroke re-parsed all annotated methods (dotnet-trace,
    /// issue 12: 95 % of a rerun, ~100× Roslyn's own floor at 1,000 methods). An unchanged file keeps its syntax tree
    /// object, so the same node means the same text; the fingerprint covers what the front end reads from outside
    /// that text. Returning the very same spec also makes the pipeline's equality check a reference comparison.
    /// Bounds: entries hang off the node's syntax tree (<see cref="SyntaxMemo"/>), so the memo holds nothing alive (a
    /// collected tree drops its entries) and never holds symbols or compilations.
    /// Thread-safe: an entry is an immutable pair swapped in whole; concurrent misses only compute twice.
    /// </summary>
    internal static class FrontEndMemo<T>
        where T : class
    {
        private sealed class Entry
        {
            public Entry(string? fingerprint, T? value)
            {
                Fingerprint = fingerprint;
                Value = value;
            }

            public string? Fingerprint { get; }

            public T? Value { get; }
        }

        /// <summary>
        /// <paramref name="analyze"/>'s result for <paramref name="key"/>: the remembered one when it was computed
        /// under the same fingerprint; without a fingerprint (null: the front end may read something it does not
        /// cover) always computed and not remembered. The fingerprint is taken only from the second sighting of a node
        /// on: the first one (every node of a build, whose trees are parsed anew for each compilation, and every node of
        /// a file just edited in the IDE) has no earlier result to compare with, so it is analyzed and marked seen, and
        /// the fingerprint it would have written was half of the front end's time in a warm compiler server (perf,
        /// issue 12). The price: the second run over an unchanged tree analyzes once more, and remembers from then on.
        /// </summary>
        public static T? GetOrAnalyze(SyntaxNode key, Func<string?> fingerprint, Func<T?> analyze)
        {
            var memo = SyntaxMemo.For(key);
            if (memo.Result is not Entry entry)
            {
                memo.Result = Seen;
                return analyze();
            }
            var print = fingerprint();
            if (print is null) return analyze();
            if (entry.Fingerprint == print) return entry.Value;
            var value = analyze();
            memo.Result = new Entry(print, value);
            return value;
        }

        /// <summary>The entry of a node analyzed once, without a fingerprint: it matches none (a fingerprint is never null).</summary>
        private static Entry Seen => new(null, null);
    }
}
