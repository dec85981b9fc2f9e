namespace CheapLearning.Generator.Common
{
    /// <summary>
    /// A method analyzer's front end for one compilation: the answer the feature's generator already computed for the
    /// method (<see cref="FrontEndMemo{T}"/>, diagnostics included) when it still holds on the analyzer's compilation
    /// (<see cref="CompilationDelta.Allows"/>), else the front end run anew. Why: a build runs the generators first, on
    /// the same syntax trees, and the analyzer then parsed every annotated method a second time: 64 % of the
    /// polynomial analyzer's time at 100 methods (issue 12). The generator cannot report the diagnostics itself (they
    /// would escape #pragma and .editorconfig, and its cached steps would drop them), so it leaves them in the memo.
    /// Partial methods are always analyzed anew (their two declarations may lie in two files, each analyzed for its own share),
    /// and so are classifier types declared in more than one place.
    /// One per compilation; thread-safe.
    /// </summary>
    internal sealed class FrontEndReuse
    {
        private readonly Compilation _analyzed;

        /// <summary>The difference to each compilation a remembered answer was read from (in a build: one), by its shape.</summary>
        private readonly List<KnownDelta> _deltas = new();

        public FrontEndReuse(Compilation analyzed) => _analyzed = analyzed;

        /// <summary>The front end's spec and diagnostics for <paramref name="method"/>: remembered when they hold here, else from <paramref name="analyze"/>.</summary>
        public (T? Spec, IReadOnlyList<Diagnostic> Diagnostics) Analyze<T>(IMethodSymbol method, MethodDeclarationSyntax syntax,
                                                                          Func<(T? Spec, List<Diagnostic> Diagnostics)> analyze, CancellationToken ct)
            where T : class
        {
            if (Remembered<T>(method, syntax, ct) is { } entry) return (entry.Value, entry.Diagnostics);
            var (spec, diagnostics) = analyze();
            return (spec, diagnostics);
        }

        /// <summary>
        /// The front end's spec and diagnostics for a <c>[BayesClassifier]</c> <paramref name="type"/>: remembered when they
        /// hold here, else from <paramref name="analyze"/>. Only for a type of one declaration (besides ours), which then
        /// holds every Hamiltonian the front end reads.
        /// </summary>
        public (T? Spec, IReadOnlyList<Diagnostic> Diagnostics) Analyze<T>(INamedTypeSymbol type, Func<(T? Spec, List<Diagnostic> Diagnostics)> analyze, CancellationToken ct)
            where T : class
        {
            if (UserDeclaration(type) is { } declaration && Remembered<T>(type, declaration.GetSyntax(ct), ct) is { } entry)
                return (entry.Value, entry.Diagnostics);
            var (spec, diagnostics) = analyze();
            return (spec, diagnostics);
        }

        /// <summary>The type's one declaration outside our generated files (those re-declare it around the generated classifier), or null.</summary>
        internal static SyntaxReference? UserDeclaration(INamedTypeSymbol type)
        {
            SyntaxReference? found = null;
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                if (CompilationDelta.IsOurs(reference.SyntaxTree.FilePath)) continue;
                if (found is not null) return null;
                found = reference;
            }
            return found;
        }

        /// <summary>The generator's analysis of <paramref name="syntax"/> when it holds on this compilation; null otherwise.</summary>
        internal FrontEndMemo<T>.Entry? Remembered<T>(IMethodSymbol method, MethodDeclarationSyntax syntax, CancellationToken ct)
            where T : class
            => method.PartialDefinitionPart is not null || method.PartialImplementationPart is not null ? null : Remembered<T>((ISymbol)method, syntax, ct);

        internal FrontEndMemo<T>.Entry? Remembered<T>(ISymbol declared, SyntaxNode syntax, CancellationToken ct)
            where T : class
        {
            if (FrontEndMemo<T>.Analyzed(syntax) is not { Read: { } read } entry) return null;
            var delta = Delta(read, ct);
            return delta is not null && delta.Allows(declared, syntax, entry.Diagnostics) ? entry : null;
        }

        /// <summary>
        /// The difference between this compilation and the one of shape <paramref name="read"/>, computed once per shape: the
        /// first caller computes it, callers on other threads wait for it (they raced before, each walking every generated
        /// file on a machine whose cores the compiler is using). A cancelled computation leaves it for the next caller.
        /// </summary>
        private CompilationDelta? Delta(CompilationShape read, CancellationToken ct)
        {
            KnownDelta? known = null;
            lock (_deltas)
            {
                foreach (var candidate in _deltas)
                    if (candidate.Read.Same(read)) known = candidate;
                if (known is null)
                {
                    // A few shapes at most (an IDE edit between a generator run and this analysis); keep the latest ones.
                    if (_deltas.Count == 4) _deltas.RemoveAt(0);
                    _deltas.Add(known = new KnownDelta(read));
                }
            }
            lock (known)
            {
                if (!known.Computed)
                {
                    known.Delta = CompilationDelta.Between(_analyzed, read, ct);
                    known.Computed = true;
                }
                return known.Delta;
            }
        }

        /// <summary>A shape and its difference to this compilation (a class: see NodeKey on value types in collections); guarded by its own lock.</summary>
        private sealed class KnownDelta
        {
            public KnownDelta(CompilationShape read) => Read = read;

            public CompilationShape Read { get; }

            public bool Computed { get; set; }

            public CompilationDelta? Delta { get; set; }
        }
    }
}
