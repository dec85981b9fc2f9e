namespace CheapLearning.Generator.Polynomials
{
    /// <summary>
    /// The incremental pipeline of <c>[PolynomialNetwork]</c>, nothing else: annotated methods →
    /// <see cref="MethodSpec"/> (value-equatable, so unrelated edits hit the cache) → with the file's
    /// <see cref="ProjectSettings"/> and the consumer's <see cref="LanguageSupport"/> →
    /// <see cref="PolynomialPlanner"/> → <see cref="PolynomialEmitter"/>. Diagnostics come from
    /// <see cref="PolynomialNetworkAnalyzer"/>, which runs the same front end and plan.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class PolynomialNetworkGenerator : IIncrementalGenerator
    {
        /// <summary>Names of the pipeline steps, for incremental-caching tests.</summary>
        public static class Steps
        {
            public const string Configured = nameof(Configured);
            public const string Language = nameof(Language);
        }

        /// <summary>
        /// Whether the spec's settings come from its file's .editorconfig as well as the project: only a flat form's
        /// budget does, and not when the attribute writes it. The analyzer reads settings by the same rule, so both
        /// plan with equal settings and share the plan's findings (<see cref="Plans"/>).
        /// </summary>
        internal static bool ReadsFileOptions(MethodSpec spec) => spec.Options.Form != NetworkForm.Deep && !spec.Options.MaxFlatNeuronsExplicit;

        /// <inheritdoc />
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var language = GeneratorSupport.Language(context).WithTrackingName(Steps.Language);
            // Untracked on purpose: a method whose flat budget comes from its file's .editorconfig carries its
            // syntax tree here (see Located), so this value is new after any edit of that file.
            var located = GeneratorSupport.AnnotatedMethods(context, PolynomialFrontEnd.AttributeName,
                static (method, syntax, attribute, model, ct) => PolynomialFrontEnd.Analyze(method, syntax, attribute, model, ct),
                ReadsFileOptions);

            // The first tracked step: the spec and its file's settings, by value, so an edit of the file (new tree),
            // a new options provider (an .editorconfig edit) or a rerun of the front end leaves it Unchanged
            // unless what the plan reads changed.
            var configured = located.Combine(context.AnalyzerConfigOptionsProvider)
                .Select(static (pair, _) => new ConfiguredSpec(pair.Left.Value,
                    ProjectSettings.Read(pair.Left.Tree is { } tree ? pair.Right.GetOptions(tree) : null, pair.Right.GlobalOptions)))
                .WithTrackingName(Steps.Configured)
                .Combine(language);

            context.RegisterSourceOutput(configured, static (spc, input) =>
            {
                var (configured, support) = input;
                var (spec, settings) = configured;
                GeneratorSupport.AddSource(spc, spec.HintName, new EmittedKey(configured, support),
                    () =>
                    {
                        var plan = PolynomialPlanner.Plan(spec, settings, spc.CancellationToken);
                        return new EmittedSource(PolynomialEmitter.Emit(spec, plan, support), plan.Findings);
                    },
                    findings => Plans.PolynomialFindings.Add(configured, findings)); // for the analyzer, which needs only these
            });
        }
    }
}
