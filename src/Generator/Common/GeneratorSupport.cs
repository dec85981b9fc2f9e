
namespace CheapLearning.Generator.Common
{
    /// <summary>
    /// A pipeline value with, only when it needs them, the syntax tree whose .editorconfig options apply to it
    /// (<c>AnalyzerConfigOptionsProvider.GetOptions(tree)</c>; the ForAttributeWithMetadataName transform cannot
    /// see options, and <c>CompilationProvider</c> would re-run on every edit). Equality: the value, and the tree
    /// by reference. The compiler's provider knows only the current compilation's trees, so a cached value must
    /// never hold an older tree: an edit of such a file makes the value new (the cheap options step re-runs, and
    /// its output compares by value, so plan and emitted file stay cached). A value that reads no file options
    /// (bits, classifiers, deep-only polynomials, an explicit MaxFlatNeurons) carries no tree, so an edit
    /// elsewhere in its file leaves every step cached. A pipeline never tracks a Located value under a step
    /// name: its first tracked step is the value read out of it, which stays Unchanged across such edits.
    /// </summary>
    internal sealed class Located<T> : IEquatable<Located<T>>
        where T : IEquatable<T>
    {
        public Located(T value, SyntaxTree? tree)
        {
            Value = value;
            Tree = tree;
        }

        public T Value { get; }

        /// <summary>The tree whose file options the value needs, or null when it reads none.</summary>
        public SyntaxTree? Tree { get; }

        public bool Equals(Located<T>? other)
            => other is not null && ReferenceEquals(Tree, other.Tree) && Value.Equals(other.Value);

        public override bool Equals(object? obj) => Equals(obj as Located<T>);

        public override int GetHashCode() => Value.GetHashCode();
    }

    /// <summary>The pipeline pieces every generator shares: its inputs and its last step.</summary>
    internal static class GeneratorSupport
    {
        /// <summary>The consumer's language version, reduced to what generated code may use.</summary>
        public static IncrementalValueProvider<LanguageSupport> Language(IncrementalGeneratorInitializationContext context)
            => context.ParseOptionsProvider.Select(static (options, _) => LanguageSupport.From(options));

        /// <summary>
        /// Every method carrying <paramref name="attributeName"/> that the feature's front end accepts, with its
        /// syntax tree when <paramref name="readsFileOptions"/> says its file's options matter. The predicate is
        /// cheap and slightly broad (any method), so a method the front end refuses reaches the analyzer's
        /// diagnostic instead of being dropped silently. Roslyn runs this transform for every annotated method after
        /// every edit; <see cref="FrontEndMemo{T}"/> answers it without re-parsing a method whose syntax and
        /// <see cref="SemanticFingerprint"/> did not change. The front end's diagnostics stay with its spec in the memo,
        /// for the feature's analyzer (<see cref="FrontEndReuse"/>).
        /// </summary>
        public static IncrementalValuesProvider<Located<T>> AnnotatedMethods<T>(IncrementalGeneratorInitializationContext context, string attributeName,
            Func<IMethodSymbol, MethodDeclarationSyntax, AttributeData, SemanticModel, CancellationToken, (T? Spec, List<Diagnostic> Diagnostics)> analyze,
            Func<T, bool> readsFileOptions)
            where T : class, IEquatable<T>
            => context.SyntaxProvider.ForAttributeWithMetadataName(
                    attributeName,
                    static (node, _) => node is MethodDeclarationSyntax,
                    (ctx, ct) =>
                        ctx.TargetSymbol is IMethodSymbol annotated && ctx.TargetNode is MethodDeclarationSyntax annotatedSyntax
                        // Ours only: the search is by metadata name, which a look-alike from another assembly shares (TargetReader.IsOurs).
                        && ctx.Attributes.FirstOrDefault(a => TargetReader.IsOurs(a, attributeName, ctx.SemanticModel.Compilation)) is { } attribute
                        && WithBody(annotated, annotatedSyntax, attribute, ctx.SemanticModel, ct) is (var method, var syntax, var model)
                        && FrontEndMemo<T>.GetOrAnalyze(syntax, model.Compilation, () => SemanticFingerprint.Of(method, syntax, attribute, model, ct),
                               () => analyze(method, syntax, attribute, model, ct)) is { } spec
                            ? new Located<T>(spec, readsFileOptions(spec) ? syntax.SyntaxTree : null)
                            : null)
                .Where(static spec => spec is not null)
                .Select(static (spec, _) => spec!);

        /// <summary>
        /// The declaration whose body the front end reads: the annotated one, or for an attribute on the bodiless defining
        /// declaration of a partial method, the implementing one (its symbol, syntax and semantic model, which may be of
        /// another file). Partial methods have no <see cref="SemanticFingerprint"/>, so they are re-read after every edit,
        /// an edit of the implementing file included. The analyzer reads the same declaration (AnnotatedMethodAnalyzer).
        /// Null for the defining declaration when the implementing one carries the attribute too (CS0579): that one is
        /// read, and reading both gave two files under one hint name (the generator threw, CS8785).
        /// </summary>
        internal static (IMethodSymbol Method, MethodDeclarationSyntax Syntax, SemanticModel Model)? WithBody(
            IMethodSymbol method, MethodDeclarationSyntax syntax, AttributeData attribute, SemanticModel model, CancellationToken ct)
        {
            if (syntax.Body is not null || syntax.ExpressionBody is not null
                || method.PartialImplementationPart is not { } implementation
                || implementation.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(ct) is not MethodDeclarationSyntax implementing)
                return (method, syntax, model);
            var tree = implementing.SyntaxTree;
            if (implementation.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute.AttributeClass)
                                                        && a.ApplicationSyntaxReference is { } applied && applied.SyntaxTree == tree && implementing.Span.Contains(applied.Span)))
                return null;
            return (implementation, implementing, tree == syntax.SyntaxTree ? model : model.Compilation.GetSemanticModel(tree));
        }

        /// <summary>
        /// Adds the file that <paramref name="emit"/> plans and writes for <paramref name="key"/>, the whole input of the
        /// source output, or the one this process already wrote for an equal key (<see cref="Plans.Sources"/>: a build
        /// server parses every build anew, so Roslyn's own tables cannot tell an unchanged method). Either way the plan's
        /// findings go to <paramref name="findingsForAnalyzer"/>, the feature's analyzer's cache. A null text (nothing to
        /// emit) or a failure adds nothing: the analyzer, which runs the same plan, reports why (CHEAP009 for a
        /// failure). A failed or cancelled emit is not remembered; cancellation propagates.
        /// </summary>
        public static void AddSource(SourceProductionContext context, string hintName, EmittedKey key, Func<EmittedSource> emit,
                                     Action<IReadOnlyList<Finding>> findingsForAnalyzer)
        {
            EmittedSource emitted;
            try
            {
                emitted = Plans.Sources.GetOrAdd(key, emit);
            }
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (Exception)
            {
                return;
            }
            findingsForAnalyzer(emitted.Findings);
            if (emitted.Text is not null) context.AddSource(hintName, emitted.Text);
        }
    }
}
