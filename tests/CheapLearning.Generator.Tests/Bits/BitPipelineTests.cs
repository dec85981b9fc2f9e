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
        var (_, second) = Incremental.RunTwice(new BitNetworkGenerator(), TestCompilation.Create(Source), c => Incremental.ReplaceTree(c, 0, _ => edited));
        return Incremental.Reasons(second, BitNetworkGenerator.Steps.BitSpecs).Single();
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
