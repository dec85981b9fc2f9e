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
    /// The incremental pipeline, nothing else: annotated methods → <see cref="MethodSpec"/> (value-equatable,
    /// so unrelated edits hit the cache) → network construction → source. Diagnostics are reported by
    /// <see cref="Diagnostics.PolynomialNetworkAnalyzer"/>, which runs the same front end.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class PolynomialNetworkGenerator : IIncrementalGenerator
    {
        /// <summary>Names of the pipeline steps, for incremental-caching tests.</summary>
        public static class Steps
        {
            public const string Specs = nameof(Specs);
            public const string Settings = nameof(Settings);
            public const string Configured = nameof(Configured);
            public const string FlatBudget = nameof(FlatBudget);
        }

        /// <inheritdoc />
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var settings = context.AnalyzerConfigOptionsProvider
                .Select((provider, _) => Generator.Settings.MaxExpandedTerms(provider.GlobalOptions))
                .WithTrackingName(Steps.Settings);

            var specs = context.SyntaxProvider.ForAttributeWithMetadataName(
                    MethodFrontEnd.PolynomialAttributeName,
                    static (node, _) => node is MethodDeclarationSyntax,
                    static (ctx, ct) =>
                    {
                        if (ctx.TargetSymbol is not IMethodSymbol method || ctx.TargetNode is not MethodDeclarationSyntax syntax) return null;
                        var attribute = ctx.Attributes.FirstOrDefault();
                        if (attribute is null) return null;
                        return MethodFrontEnd.Analyze(method, syntax, attribute, ctx.SemanticModel, NetworkOptions.DefaultMaxExpandedTerms, ct).Spec;
                    })
                .Where(static spec => spec is not null)
                .Select(static (spec, _) => spec!)
                .WithTrackingName(Steps.Specs);

            var configured = specs.Combine(settings)
                .Select(static (pair, _) => pair.Left with { Options = pair.Left.Options with { MaxExpandedTerms = pair.Right } })
                .WithTrackingName(Steps.Configured)
                .Combine(context.CompilationProvider.Combine(context.AnalyzerConfigOptionsProvider))
                .Select(static (pair, _) => WithFlatBudget(pair.Left, pair.Right.Left, pair.Right.Right))
                .WithTrackingName(Steps.FlatBudget);

            context.RegisterSourceOutput(configured, static (spc, spec) =>
            {
                string source;
                try
                {
                    var deep = spec.Options.Form == NetworkForm.Flat ? null : DepthPlanner.Plan(spec.Graph, spec.Options, spc.CancellationToken);
                    var flat = spec.Options.Form == NetworkForm.Deep ? null : TryFlat(spec, spc.CancellationToken);
                    source = NetworkSourceEmitter.Emit(spec, deep, flat);
                }
                catch (OperationCanceledException)
                {
                    throw;
                }
                catch (Exception)
                {
                    // Never fail the build from inside the compiler: the analyzer reports CHEAP009.
                    return;
                }
                spc.AddSource(spec.HintName, SourceText.From(source, System.Text.Encoding.UTF8));
            });
        }

        /// <summary>The flat plan, or null when over budget or when its construction fails (the deep form is still emitted).</summary>
        private static FlatPlan? TryFlat(MethodSpec spec, System.Threading.CancellationToken ct)
        {
            try
            {
                return FlatPlanner.Plan(spec.Graph, spec.Options, ct).Plan;
            }
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (Exception)
            {
                return null;
            }
        }

        /// <summary>
        /// Resolves the flat neuron budget (attribute, .editorconfig of the method's file, MSBuild) into
        /// the options; only for flat requests. Per-file options need the method's syntax tree, found by
        /// path in the compilation (this step re-runs on edits, but its output compares by value, so
        /// construction and emission stay cached).
        /// </summary>
        private static MethodSpec WithFlatBudget(MethodSpec spec, Compilation compilation, Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptionsProvider provider)
        {
            if (spec.Options.Form == NetworkForm.Deep || spec.Options.MaxFlatNeuronsExplicit) return spec;
            var tree = compilation.SyntaxTrees.FirstOrDefault(t => t.FilePath == spec.FilePath);
            var budget = Generator.Settings.MaxFlatNeurons(spec.Options, tree is null ? null : provider.GetOptions(tree), provider.GlobalOptions);
            return spec with { Options = spec.Options with { MaxFlatNeurons = budget } };
        }
    }
}
