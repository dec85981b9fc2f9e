namespace CheapLearning.Generator.Bits
{
    /// <summary>
    /// The incremental pipeline of <c>[BitNetwork]</c>: annotated methods → <see cref="BitMethodSpec"/>
    /// (value-equatable) → with the consumer's <see cref="LanguageSupport"/> → <see cref="BitPlanner"/> →
    /// <see cref="BitEmitter"/>. Diagnostics come from <see cref="BitNetworkAnalyzer"/>, which runs the same
    /// front end and plan.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class BitNetworkGenerator : IIncrementalGenerator
    {
        /// <summary>Names of the pipeline steps, for incremental-caching tests.</summary>
        public static class Steps
        {
            public const string BitSpecs = nameof(BitSpecs);
        }

        /// <inheritdoc />
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var specs = GeneratorSupport.AnnotatedMethods(context, BitFrontEnd.AttributeName,
                    static (method, syntax, attribute, model, ct) => BitFrontEnd.Analyze(method, syntax, attribute, model, ct),
                    static _ => false)
                .Select(static (located, _) => located.Value)
                .WithTrackingName(Steps.BitSpecs);

            context.RegisterSourceOutput(specs.Combine(GeneratorSupport.Language(context)), static (spc, input) =>
            {
                var (spec, support) = input;
                // No plan: the findings say why (CHEAP025), and the analyzer reports them.
                GeneratorSupport.AddSource(spc, spec.HintName, new EmittedKey(spec, support), () =>
                {
                    var (plan, findings) = BitPlanner.Plan(spec, spc.CancellationToken);
                    return new EmittedSource(plan is null ? null : BitEmitter.Emit(spec, plan, support), findings);
                },
                findings => Plans.BitFindings.Add(spec, findings)); // for the analyzer, which needs only these
            });
        }
    }
}
