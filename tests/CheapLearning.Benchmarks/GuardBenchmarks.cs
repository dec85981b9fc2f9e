using CheapLearning.Generator.Polynomials;
using System.Linq;
using BenchmarkDotNet.Attributes;
using CheapLearning.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CheapLearning.Benchmarks;

/// <summary>
/// Timings that used to be stopwatch assertions in unit tests (TheoryCountsTests: the flat count of
/// a product of 1000 variables "instantly"): the generator on a 1000-factor product with
/// Form = Both, where the flat form's exact count (2^1000) decides CHEAP010 without building it.
/// </summary>
[MemoryDiagnoser]
public class GuardBenchmarks
{
    private Compilation _compilation = null!;

    [GlobalSetup]
    public void Setup()
    {
        var names = Enumerable.Range(0, 1000).Select(i => "x" + i).ToArray();
        var source = "using CheapLearning;\npublic static partial class Big\n{\n    [PolynomialNetwork(Form = NetworkForm.Both)]\n"
                     + $"    public static double P({string.Join(", ", names.Select(n => "double " + n))}) => {string.Join(" * ", names)};\n}}\n";
        _compilation = BenchmarkCompilation.Create(source);
    }

    [Benchmark]
    public GeneratorDriver FlatCountOfAProductOf1000() => CSharpGeneratorDriver.Create(new PolynomialNetworkGenerator()).RunGenerators(_compilation);
}
