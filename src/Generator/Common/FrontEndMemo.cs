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
            public Entry(string fingerprint, T? value)
            {
                Fingerprint = fingerprint;
                Value = value;
            }

            public string Fingerprint { get; }

            public T? Value { get; }
        }

        /// <summary>
        /// <paramref name="analyze"/>'s result for <paramref name="key"/>: the remembered one when it was computed
        /// under the same <paramref name="fingerprint"/>; without a fingerprint (null: the front end may read
        /// something it does not cover) always computed and not remembered.
        /// </summary>
        public static T? GetOrAnalyze(SyntaxNode key, string? fingerprint, Func<T?> analyze)
        {
            if (fingerprint is null) return analyze();
            var memo = SyntaxMemo.For(key);
            if (memo.Result is Entry entry && entry.Fingerprint == fingerprint) return entry.Value;
            var value = analyze();
            memo.Result = new Entry(fingerprint, value);
            return value;
        }
    }
}
