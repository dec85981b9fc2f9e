using System.Linq;
using CheapLearning.Generator.Common;
using CheapLearning.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

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
            var language = context.ParseOptionsProvider.Select(static (options, _) => LanguageSupport.From(options));
            var specs = context.SyntaxProvider.ForAttributeWithMetadataName(
                    BitFrontEnd.AttributeName,
                    static (node, _) => node is MethodDeclarationSyntax,
                    static (ctx, ct) =>
                        ctx.TargetSymbol is IMethodSymbol method && ctx.TargetNode is MethodDeclarationSyntax syntax
                        && ctx.Attributes.FirstOrDefault() is { } attribute
                            ? BitFrontEnd.Analyze(method, syntax, attribute, ctx.SemanticModel, ct).Spec
                            : null)
                .Where(static spec => spec is not null)
                .Select(static (spec, _) => spec!)
                .WithTrackingName(Steps.BitSpecs);

            context.RegisterSourceOutput(specs.Combine(language), static (spc, input) =>
            {
                var (spec, support) = input;
                // No plan: the findings say why (CHEAP025), and the analyzer reports them.
                GeneratorSupport.AddSource(spc, spec.HintName,
                    () => BitPlanner.Plan(spec, spc.CancellationToken).Plan is { } plan ? BitEmitter.Emit(spec, plan, support) : null);
            });
        }
    }
}
