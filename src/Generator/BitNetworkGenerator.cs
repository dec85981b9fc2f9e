using System;
using System.Linq;
using CheapLearning.Generator.Construction;
using CheapLearning.Generator.Emit;
using CheapLearning.Generator.Model;
using CheapLearning.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CheapLearning.Generator
{
    /// <summary>
    /// The incremental pipeline of <c>[BitNetwork]</c>: annotated methods → <see cref="BitMethodSpec"/>
    /// (value-equatable) → deep and flat threshold networks → source. Diagnostics come from
    /// <see cref="Diagnostics.BitNetworkAnalyzer"/>, which runs the same front end and planner.
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
            var specs = context.SyntaxProvider.ForAttributeWithMetadataName(
                    BitFrontEnd.AttributeName,
                    static (node, _) => node is MethodDeclarationSyntax,
                    static (ctx, ct) =>
                    {
                        if (ctx.TargetSymbol is not IMethodSymbol method || ctx.TargetNode is not MethodDeclarationSyntax syntax) return null;
                        var attribute = ctx.Attributes.FirstOrDefault();
                        if (attribute is null) return null;
                        return BitFrontEnd.Analyze(method, syntax, attribute, ctx.SemanticModel, ct).Spec;
                    })
                .Where(static spec => spec is not null)
                .Select(static (spec, _) => spec!)
                .WithTrackingName(Steps.BitSpecs);

            context.RegisterSourceOutput(specs, static (spc, spec) =>
            {
                string source;
                try
                {
                    var plan = BitNetworkPlanner.Plan(spec.Graph, spec.Options, spc.CancellationToken);
                    source = BitSourceEmitter.Emit(spec, plan);
                }
                catch (OperationCanceledException)
                {
                    throw;
                }
                catch (Exception)
                {
                    // Never fail the build from inside the compiler: the analyzer reports CHEAP025 or CHEAP009.
                    return;
                }
                spc.AddSource(spec.HintName, SourceText.From(source, System.Text.Encoding.UTF8));
            });
        }
    }
}
