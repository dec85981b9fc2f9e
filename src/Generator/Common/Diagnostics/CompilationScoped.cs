namespace CheapLearning.Generator.Common
{
    /// <summary>
    /// A value an analyzer computes once per compilation, at its first use inside an analysis action rather than in
    /// the compilation-start action. Why: a compilation-start action runs while the compiler is still building the
    /// compilation's declarations (merging every tree's, parsing the generators' output trees), and the first
    /// symbol question (<c>GetTypeByMetadataName</c>) waits for that under a lock; the analyzer driver times the
    /// wait as the analyzer's own. In a cold build of 1,000 polynomial methods beside 1,000 regex patterns that wait
    /// was 14.6 s of our analyzers' 53 s of sampled time (dotnet-trace, issue 12), charged again to each analyzer
    /// that happened to ask while it lasted. By the time a syntax-node action runs, the compiler has declared the
    /// symbols and the question costs microseconds. Thread-safe: concurrent first uses may both compute (the values
    /// are equal); a cancelled computation stores nothing.
    /// </summary>
    internal sealed class CompilationScoped<T>
    {
        private sealed class Box
        {
            public Box(T value) => Value = value;

            public T Value { get; }
        }

        private volatile Box? _box;

        public T Get(CancellationToken ct, Func<CancellationToken, T> compute)
        {
            if (_box is { } known) return known.Value;
            var value = compute(ct);
            _box = new Box(value);
            return value;
        }
    }
}
