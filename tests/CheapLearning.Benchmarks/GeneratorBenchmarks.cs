using System.Linq;
using BenchmarkDotNet.Attributes;
using CheapLearning.Generator.Polynomials;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CheapLearning.Benchmarks;

/// <summary>
/// What the generator costs a build or a keystroke: a full run on a file of annotated methods, and
/// a rerun after an edit elsewhere (which the incremental pipeline should answer from its cache).
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private Compilation _compilation = null!;
    private Compilation _edited = null!;
    private GeneratorDriver _warm = null!;

    [Params(10, 100)]
    public int Methods { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var body = string.Join("\n", Enumerable.Range(0, Methods).Select(i =>
            $"[PolynomialNetwork] public static double P{i}(double x, double y, double z) => {i % 7 + 1} * x * y - z * z * x + 0.5 * y;"));
        var source = $"using CheapLearning;\npublic static partial class Many\n{{\n{body}\n}}\n";
        _compilation = BenchmarkCompilation.Create(source, "class Other { int F() => 1; }");
        var other = _compilation.SyntaxTrees.Last();
        _edited = _compilation.ReplaceSyntaxTree(other, CSharpSyntaxTree.ParseText("class Other { int F() => 2; }"));
        _warm = CSharpGeneratorDriver.Create(new PolynomialNetworkGenerator()).RunGenerators(_compilation);
    }

    [Benchmark(Baseline = true)]
    public GeneratorDriver FullRun() => CSharpGeneratorDriver.Create(new PolynomialNetworkGenerator()).RunGenerators(_compilation);

    [Benchmark]
    public GeneratorDriver RerunAfterUnrelatedEdit() => _warm.RunGenerators(_edited);
}
