using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using CheapLearning.Generator.Algebra;
using CheapLearning.Generator.Model;
using CheapLearning.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CheapLearning.Generator.Tests.Bits;

/// <summary>Compiles [BitNetwork] sources with the bit generator, runs its analyzer, and parses single methods.</summary>
internal static class BitTestCompilation
{
    public static (Compilation Output, GeneratorDriverRunResult Result) RunGenerator(Compilation compilation) => TestCompilation.RunAllGenerators(compilation);

    public static Assembly BuildAndLoad(params string[] sources) => TestCompilation.BuildAndLoad(sources);

    public static ImmutableArray<Diagnostic> Analyze(params string[] sources)
        => TestCompilation.Create(sources)
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new BitNetworkAnalyzer()))
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();

    /// <summary>Runs the front end on the only [BitNetwork] method of <paramref name="source"/>.</summary>
    public static BitMethodSpec Spec(string source)
    {
        var compilation = TestCompilation.Create("using CheapLearning;\n" + source);
        var tree = compilation.SyntaxTrees.Single();
        var model = compilation.GetSemanticModel(tree);
        var syntax = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.AttributeLists.Count > 0);
        var method = model.GetDeclaredSymbol(syntax)!;
        var attribute = method.GetAttributes().Single(a => a.AttributeClass!.Name == "BitNetworkAttribute");
        var (spec, diagnostics) = BitFrontEnd.Analyze(method, syntax, attribute, model, CancellationToken.None);
        Assert.True(spec is not null, string.Join("\n", diagnostics));
        return spec!;
    }

    public static Multilinear Reduce(string source)
        => MultilinearReduction.TryReduce(Spec(source).Graph, 1 << 17, CancellationToken.None)!;
}
