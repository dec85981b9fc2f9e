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
    /// The entry also keeps the front end's diagnostics and the shape of the compilation it read, for the feature's
    /// analyzer: it runs on that compilation plus the generated files, and <see cref="FrontEndReuse"/> decides whether
    /// the answer still holds there instead of running the front end a second time.
    /// Bounds: entries hang off the node's syntax tree (<see cref="SyntaxMemo"/>), so the memo holds nothing alive (a
    /// collected tree drops its entries; of the compilation, only its trees, references and options are kept: see
    /// <see cref="CompilationShape"/>) and never holds symbols. The
    /// diagnostics' locations name trees of the same compilation, almost always the node's own.
    /// Thread-safe: an entry is immutable and swapped in whole; concurrent misses only compute twice.
    /// </summary>
    internal static class FrontEndMemo<T>
        where T : class
    {
        /// <summary>One analysis: its result, the fingerprint it was computed under (null: none taken), and what it read.</summary>
        internal sealed class Entry
        {
            public Entry(string? fingerprint, T? value, IReadOnlyList<Diagnostic> diagnostics, CompilationShape? read)
            {
                Fingerprint = fingerprint;
                Value = value;
                Diagnostics = diagnostics;
                Read = read;
            }

            public string? Fingerprint { get; }

            public T? Value { get; }

            /// <summary>The front end's diagnostics (the generator drops them; the analyzer reports them).</summary>
            public IReadOnlyList<Diagnostic> Diagnostics { get; }

            /// <summary>What the front end read of its compilation besides the node, or null when not known.</summary>
            public CompilationShape? Read { get; }

            /// <summary>The same result, read from <paramref name="compilation"/>, whose fingerprint equals this one's.</summary>
            public Entry For(Compilation compilation)
                => Read is { } read && read.Is(compilation) ? this : new Entry(Fingerprint, Value, Diagnostics, CompilationShape.Of(compilation));
        }

        /// <summary>
        /// <paramref name="analyze"/>'s result for <paramref name="key"/> read from <paramref name="compilation"/>: the
        /// remembered one when it was computed under the same fingerprint; without a fingerprint (null: the front end may
        /// read something it does not cover) always computed. The fingerprint is taken only from the second sighting of a
        /// node on: the first one (every node of a build, whose trees are parsed anew for each compilation, and every node
        /// of a file just edited in the IDE) has no earlier result to compare with, so it is analyzed and remembered
        /// without one, and the fingerprint it would have written was half of the front end's time in a warm compiler
        /// server (perf, issue 12). The price: the second run over an unchanged tree analyzes once more, and remembers
        /// from then on. Every analysis is remembered with its diagnostics for the analyzer (<see cref="Analyzed"/>).
        /// </summary>
        public static T? GetOrAnalyze(SyntaxNode key, Compilation? compilation, Func<string?> fingerprint, Func<(T? Value, List<Diagnostic> Diagnostics)> analyze)
        {
            var memo = SyntaxMemo.For(key);
            if (memo.Result is not Entry entry)
            {
                var (first, firstDiagnostics) = analyze();
                memo.Result = new Entry(null, first, firstDiagnostics, CompilationShape.Of(compilation));
                return first;
            }
            var print = fingerprint();
            if (print is not null && entry.Fingerprint == print)
            {
                // Still true of this compilation: say so, so the analyzer of this compilation finds it.
                if (compilation is not null && entry.For(compilation) is var current && !ReferenceEquals(current, entry)) memo.Result = current;
                return entry.Value;
            }
            var (value, diagnostics) = analyze();
            memo.Result = new Entry(print, value, diagnostics, CompilationShape.Of(compilation));
            return value;
        }

        /// <summary>The last analysis of <paramref name="key"/> by this front end, or null when there was none.</summary>
        public static Entry? Analyzed(SyntaxNode key) => SyntaxMemo.For(key).Result as Entry;
    }
}
