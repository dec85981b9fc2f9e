using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CheapLearning.Benchmarks;

/// <summary>
/// Roslyn's own cost of an incremental generator that finds CheapLearning's attributes: one generator per
/// attribute, each a ForAttributeWithMetadataName with the same predicate kind as ours, a transform that
/// returns the member's name (a string: equal on a rerun) and an output of one line per member. What a rerun of
/// these costs is the driver's floor, which no change to CheapLearning's pipelines can go below.
/// </summary>
internal static class FloorGenerators
{
    public static ISourceGenerator[] All() => new[]
    {
        new Floor("CheapLearning.PolynomialNetworkAttribute", methods: true).AsSourceGenerator(),
        new Floor("CheapLearning.BitNetworkAttribute", methods: true).AsSourceGenerator(),
        new Floor("CheapLearning.BayesClassifierAttribute", methods: false).AsSourceGenerator(),
    };

    private sealed class Floor : IIncrementalGenerator
    {
        private readonly string _attribute;
        private readonly bool _methods;

        public Floor(string attribute, bool methods)
        {
            _attribute = attribute;
            _methods = methods;
        }

        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            bool methods = _methods;
            var names = context.SyntaxProvider.ForAttributeWithMetadataName(_attribute,
                (node, _) => methods ? node is MethodDeclarationSyntax : node is ClassDeclarationSyntax,
                static (ctx, _) => ctx.TargetSymbol.Name);
            // One small file per member, as ours emit one each: the driver's own cost per output is part of the floor.
            context.RegisterSourceOutput(names, static (spc, name) => spc.AddSource(name + ".Floor.g.cs", "// " + name));
        }
    }
}
