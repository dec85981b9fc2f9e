using System.Linq;
using System.Text.RegularExpressions;
using CheapLearning.Hardening.Tests.Infrastructure;
using Xunit;

namespace CheapLearning.Hardening.Tests;

/// <summary>
/// "Finite" is written once, as <c>Numeric.IsFinite</c> (src/Shared/Numeric.cs, linked into the generator, the runtime
/// and the ONNX exporter: netstandard2.0 has no double.IsFinite). The idiom <c>double.IsNaN(x) || double.IsInfinity(x)</c>
/// (and its negation) stood at 21 sites in 19 files. Emitted code (strings written for consumers, "global::System.Double")
/// cannot call an internal helper and is not matched.
/// </summary>
public class FiniteCheckTests
{
    private static readonly Regex Idiom = new(
        @"double\.IsNaN\((?<x>[^()]+)\)\s*\|\|\s*double\.IsInfinity\(\k<x>\)|double\.IsInfinity\((?<x>[^()]+)\)\s*\|\|\s*double\.IsNaN\(\k<x>\)|!double\.IsNaN\((?<x>[^()]+)\)\s*&&\s*!double\.IsInfinity\(\k<x>\)");

    [Fact]
    public void No_source_file_spells_out_the_finite_check()
    {
        var sites = new[] { "src/Generator", "src/Shared", "src/Runtime", "src/Onnx", "src/CodeFixes" }
            .SelectMany(folder => Repository.Files(folder))
            .Where(f => !f.EndsWith("/Numeric.cs"))
            .SelectMany(f => Repository.Read(f).Split('\n').Select((line, i) => (f, i, line)))
            .Where(t => Idiom.IsMatch(t.line))
            .Select(t => $"{t.f}:{t.i + 1}: {t.line.Trim()}")
            .ToArray();
        Assert.True(sites.Length == 0, "Use Numeric.IsFinite:\n" + string.Join("\n", sites));
    }

    [Fact]
    public void The_shared_numeric_file_is_linked_into_generator_and_onnx()
    {
        // The runtime links src/Shared/*.cs; the generator and the exporter name their shared files one by one.
        Assert.Contains(@"..\Shared\Numeric.cs", Repository.Read("src/Generator/CheapLearning.Generator.csproj"));
        Assert.Contains(@"..\Shared\Numeric.cs", Repository.Read("src/Onnx/CheapLearning.Onnx.csproj"));
    }
}
