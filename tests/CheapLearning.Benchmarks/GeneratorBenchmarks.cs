using System.Linq;
using BenchmarkDotNet.Attributes;
using CheapLearning.Generator.Bits;
using CheapLearning.Generator.Classifier;
using CheapLearning.Generator.Polynomials;
using CheapLearning.TestKit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CheapLearning.Benchmarks;

/// <summary>
/// What the generators cost a build or a keystroke, on issue 12's project (<see cref="AnnotatedProject"/>:
/// polynomials, bit functions and classifiers over ten files): a full run of all three generators, and reruns
/// after an edit in an unrelated file, after an edit outside any annotated member of an annotated file, and
/// after an edit of one annotated method. The floor is Roslyn's own driver cost for the same project:
/// <see cref="FloorGenerators"/> find the same attributes with ForAttributeWithMetadataName and emit nothing.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private const int Files = 10;
    private string[] _sources = null!;
    private Compilation _compilation = null!;
    private Compilation _otherFileEdited = null!;
    private Compilation _sameFileEdited = null!;
    private Compilation _methodEdited = null!;
    private GeneratorDriver _warm = null!;
    private GeneratorDriver _warmFloor = null!;

    [Params(1000)]
    public int Methods { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _sources = AnnotatedProject.Sources(Methods, Files);
        _compilation = BenchmarkCompilation.Create(_sources);
        _otherFileEdited = Edit(_compilation, Files, "=> 1;", "=> 2;");
        _sameFileEdited = Edit(_compilation, 0, AnnotatedProject.UnrelatedMethod, AnnotatedProject.UnrelatedMethod.Replace("=> 1;", "=> 2;"));
        var body = AnnotatedProject.PolynomialBody(1);
        _methodEdited = Edit(_compilation, 0, body, body + " + 1");
        _warm = Ours().RunGenerators(_compilation);
        _warmFloor = Floor().RunGenerators(_compilation);
    }

    private static Compilation Edit(Compilation compilation, int file, string from, string to)
    {
        var tree = compilation.SyntaxTrees.ElementAt(file);
        var text = tree.ToString();
        if (!text.Contains(from)) throw new System.InvalidOperationException($"file {file} does not contain '{from}'");
        return compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(text.Replace(from, to), (CSharpParseOptions)tree.Options, tree.FilePath));
    }

    private GeneratorDriver Ours() => CSharpGeneratorDriver.Create(
        new[] { new PolynomialNetworkGenerator().AsSourceGenerator(), new BitNetworkGenerator().AsSourceGenerator(), new BayesClassifierGenerator().AsSourceGenerator() },
        parseOptions: (CSharpParseOptions)_compilation.SyntaxTrees.First().Options);

    private GeneratorDriver Floor() => CSharpGeneratorDriver.Create(FloorGenerators.All(), parseOptions: (CSharpParseOptions)_compilation.SyntaxTrees.First().Options);

    /// <summary>
    /// A cold run: freshly parsed trees (new syntax nodes, so the front-end memo, which a build never has warm,
    /// remembers nothing; parsing is a few ms of it) and a new driver.
    /// </summary>
    [Benchmark(Baseline = true)]
    public GeneratorDriver FullRun() => Ours().RunGenerators(BenchmarkCompilation.Create(_sources));

    [Benchmark]
    public GeneratorDriver RerunAfterEditInOtherFile() => _warm.RunGenerators(_otherFileEdited);

    [Benchmark]
    public GeneratorDriver RerunAfterEditOutsideMethods() => _warm.RunGenerators(_sameFileEdited);

    [Benchmark]
    public GeneratorDriver RerunAfterEditOfOneMethod() => _warm.RunGenerators(_methodEdited);

    [Benchmark]
    public GeneratorDriver FloorRerunAfterEditInOtherFile() => _warmFloor.RunGenerators(_otherFileEdited);

    [Benchmark]
    public GeneratorDriver FloorRerunAfterEditOutsideMethods() => _warmFloor.RunGenerators(_sameFileEdited);
}
