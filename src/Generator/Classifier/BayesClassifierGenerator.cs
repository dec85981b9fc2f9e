using CheapLearning.Generator.Construction;

namespace CheapLearning.Generator.Classifier
{
    /// <summary>
    /// The incremental pipeline of <c>[BayesClassifier]</c> (Eq 3–8): annotated classes → value-equatable
    /// <see cref="ClassifierSpec"/> → with the consumer's <see cref="LanguageSupport"/> → Hamiltonian networks
    /// (<see cref="ClassifierPlanner"/>) → the nested <c>Classifier</c>. Diagnostics come from
    /// <see cref="BayesClassifierAnalyzer"/>, which runs the same front end and plan.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class BayesClassifierGenerator : IIncrementalGenerator
    {
        /// <summary>Names of the pipeline steps, for incremental-caching tests.</summary>
        public static class Steps
        {
            public const string ClassifierSpecs = nameof(ClassifierSpecs);
        }

        /// <inheritdoc />
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var specs = context.SyntaxProvider.ForAttributeWithMetadataName(
                    ClassifierFrontEnd.AttributeName,
                    // A record class is a class too ([BayesClassifier] allows it; a record struct is CS0592).
                    static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax,
                    // Memoized like the method features' front ends (see GeneratorSupport.AnnotatedMethods).
                    // Ours only: a look-alike [BayesClassifier] of another assembly shares the metadata name (TargetReader.IsOurs).
                    static (ctx, ct) => ctx.TargetSymbol is INamedTypeSymbol type
                                        && ctx.Attributes.FirstOrDefault(a => TargetReader.IsOurs(a, ClassifierFrontEnd.AttributeName, ctx.SemanticModel.Compilation)) is { } attribute
                        ? FrontEndMemo<ClassifierSpec>.GetOrAnalyze(ctx.TargetNode, ctx.SemanticModel.Compilation, () => SemanticFingerprint.OfClassifier(type, ctx.TargetNode, attribute, ctx.SemanticModel, ct),
                            () => ClassifierFrontEnd.Analyze(type, ctx.SemanticModel.Compilation, ct))
                        : null)
                .Where(static spec => spec is not null)
                .Select(static (spec, _) => spec!)
                .WithTrackingName(Steps.ClassifierSpecs);

            context.RegisterSourceOutput(specs.Combine(GeneratorSupport.Language(context)), static (spc, input) =>
            {
                var (spec, support) = input;
                GeneratorSupport.AddSource(spc, spec.HintName, new EmittedKey(spec, support),
                    () =>
                    {
                        var (networks, findings) = ClassifierPlanner.Plan(spec, spc.CancellationToken);
                        return new EmittedSource(networks is null ? null : ClassifierEmitter.Emit(spec, networks, support), findings);
                    },
                    findings => Plans.ClassifierFindings.Add(spec, findings)); // for the analyzer: the plan's findings
            });
        }
    }
}
