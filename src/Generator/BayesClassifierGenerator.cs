using System;
using CheapLearning.Generator.Construction;
using CheapLearning.Generator.Emit;
using CheapLearning.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CheapLearning.Generator
{
    /// <summary>
    /// The incremental pipeline of <c>[BayesClassifier]</c> (Eq 3–8): annotated classes → value-equatable
    /// <see cref="Model.ClassifierSpec"/> → Hamiltonian networks → the nested <c>Classifier</c>. Diagnostics come
    /// from <see cref="Diagnostics.BayesClassifierAnalyzer"/>.
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
                    static (node, _) => node is ClassDeclarationSyntax,
                    static (ctx, ct) => ctx.TargetSymbol is INamedTypeSymbol type
                        ? ClassifierFrontEnd.Analyze(type, ctx.SemanticModel.Compilation, ct).Spec
                        : null)
                .Where(static spec => spec is not null)
                .Select(static (spec, _) => spec!)
                .WithTrackingName(Steps.ClassifierSpecs);

            context.RegisterSourceOutput(specs, static (spc, spec) =>
            {
                string source;
                try
                {
                    source = ClassifierEmitter.Emit(spec, ClassifierPlanner.Build(spec, spc.CancellationToken));
                }
                catch (OperationCanceledException)
                {
                    throw;
                }
                catch (Exception)
                {
                    return; // never fail the build from inside the compiler; the analyzer reports CHEAP009
                }
                spc.AddSource(spec.HintName, SourceText.From(source, System.Text.Encoding.UTF8));
            });
        }
    }
}
