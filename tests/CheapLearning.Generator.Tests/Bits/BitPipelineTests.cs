using System.Linq;
using CheapLearning.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CheapLearning.Generator.Tests.Bits;

/// <summary>The bit pipeline model is value-equatable: unrelated edits hit the cache, real ones do not.</summary>
public class BitPipelineTests
{
    private const string Source = """
        using CheapLearning;
        public static partial class C
        {
            [BitNetwork] public static bool Majority(bool a, bool b, bool c) => (a & b) | (a & c) | (b & c);
        }
        """;

    private static IncrementalStepRunReason Rerun(string edited)
    {
        var compilation = TestCompilation.Create(Source);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { new BitNetworkGenerator().AsSourceGenerator() },
            parseOptions: TestCompilation.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGenerators(compilation);
        var tree = compilation.SyntaxTrees.Single();
        var next = compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(edited, TestCompilation.ParseOptions, tree.FilePath));
        driver = driver.RunGenerators(next);
        var step = driver.GetRunResult().Results.Single().TrackedSteps[BitNetworkGenerator.Steps.BitSpecs].Single();
        return step.Outputs.Single().Reason;
    }

    [Fact]
    public void Unrelated_edit_is_cached()
        => Assert.True(Rerun(Source + "\n// a comment\nclass Other { }") is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);

    [Fact]
    public void Edited_body_is_modified()
        => Assert.Equal(IncrementalStepRunReason.Modified, Rerun(Source.Replace("(b & c)", "(b ^ c)")));

    [Fact]
    public void Equal_sources_give_equal_specs()
        => Assert.Equal(BitTestCompilation.Spec("static partial class C { [BitNetwork] static bool F(bool a, bool b) => a ^ !b; }"),
                        BitTestCompilation.Spec("static partial class C { [BitNetwork] static bool F(bool a, bool b) => a ^ !b; }"));
}
