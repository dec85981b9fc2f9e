using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CheapLearning.Hardening.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace CheapLearning.Hardening.Tests;

/// <summary>
/// The same compilation gives byte-identical generated files: across runs, under a culture with a
/// comma decimal separator and a non-ASCII minus sign, in parallel runs, and across processes
/// (the real compiler's output for the showcase, written by the solution build, is compared with
/// this process's).
/// </summary>
public class DeterminismTests
{
    /// <summary>The samples and the snippet corpus: every valid construct the corpus has.</summary>
    private static Compilation Corpus()
        => Harness.Create(SourceCorpus.All.Where(f => !f.Name.Contains(".cs#", StringComparison.Ordinal)).Select(f => f.Text).ToArray());

    private static SortedDictionary<string, byte[]> Generate(Compilation compilation)
    {
        var outcome = Harness.Run(compilation, runAnalyzers: false, timeout: TimeSpan.FromSeconds(60));
        outcome.AssertNoCrash("determinism");
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var s in outcome.Sources) files.Add(s.HintName, System.Text.Encoding.UTF8.GetBytes(s.SourceText.ToString()));
        Assert.NotEmpty(files);
        return files;
    }

    private static void AssertSame(SortedDictionary<string, byte[]> expected, SortedDictionary<string, byte[]> actual, string what)
    {
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var (name, bytes) in expected)
            Assert.True(bytes.AsSpan().SequenceEqual(actual[name]), $"{name} differs {what}");
    }

    [Fact]
    public void Two_runs_give_identical_bytes()
    {
        var compilation = Corpus();
        AssertSame(Generate(compilation), Generate(compilation), "between two runs");
    }

    [Fact]
    public void Output_does_not_depend_on_the_culture()
    {
        var compilation = Corpus();
        var reference = Generate(compilation);
        // A culture with ',' as decimal separator and U+2212 as minus sign, whether or not ICU has sv-SE.
        var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        comma.NumberFormat.NumberDecimalSeparator = ",";
        comma.NumberFormat.NegativeSign = "\u2212";
        comma.NumberFormat.NumberGroupSeparator = "\u00a0";
        var cultures = new List<CultureInfo> { comma };
        try { cultures.Add(CultureInfo.GetCultureInfo("sv-SE")); } catch (CultureNotFoundException) { }
        foreach (var culture in cultures)
        {
            var (current, ui, defaultCulture, defaultUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture,
                                                           CultureInfo.DefaultThreadCurrentCulture, CultureInfo.DefaultThreadCurrentUICulture);
            try
            {
                CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
                CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = culture;
                Assert.Equal(",", (-1.5).ToString(CultureInfo.CurrentCulture).Substring(2, 1));
                AssertSame(reference, Generate(compilation), $"under culture '{culture.Name}'");
            }
            finally
            {
                CultureInfo.CurrentCulture = current;
                CultureInfo.CurrentUICulture = ui;
                CultureInfo.DefaultThreadCurrentCulture = defaultCulture;
                CultureInfo.DefaultThreadCurrentUICulture = defaultUi;
            }
        }
    }

    [Fact]
    public void Parallel_runs_give_identical_bytes()
    {
        var compilation = Corpus();
        var reference = Generate(compilation);
        var results = new SortedDictionary<string, byte[]>[6];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 3 }, i => results[i] = Generate(compilation));
        foreach (var r in results) AssertSame(reference, r, "in a parallel run");
    }

    /// <summary>
    /// Across processes: the solution build compiles samples/Showcase with the real compiler and
    /// EmitCompilerGeneratedFiles, in another process; this process must generate the same bytes.
    /// </summary>
    [Fact]
    public void Generated_files_of_the_showcase_build_match_this_process()
    {
        var generated = Path.Combine(Repository.Root, "samples", "Showcase", "obj");
        var files = Directory.Exists(generated)
            ? Directory.EnumerateFiles(generated, "*.g.cs", SearchOption.AllDirectories)
                .Where(f => f.Replace('\\', '/').Contains("/CheapLearning.Generator.Polynomials.PolynomialNetworkGenerator/", StringComparison.Ordinal))
                .ToList()
            : new List<string>();
        // The newest build's files only (older builds may have left files under other names).
        if (files.Count > 0)
        {
            var newest = files.Max(File.GetLastWriteTimeUtc);
            files = files.Where(f => File.GetLastWriteTimeUtc(f) > newest.AddMinutes(-2)).GroupBy(Path.GetFileName).Select(g => g.First()).ToList();
        }
        Assert.True(files.Count > 0, "Build the solution first: samples/Showcase/obj holds no generated files.");
        var sources = Repository.Files("samples/Showcase").Select(Repository.Read).ToArray();
        var mine = Generate(Harness.Create(sources));
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            Assert.True(mine.ContainsKey(name), $"{name} was generated by the build but not here");
            var bytes = File.ReadAllBytes(file).AsSpan();
            if (bytes.StartsWith(new byte[] { 0xEF, 0xBB, 0xBF })) bytes = bytes.Slice(3); // the build writes a UTF-8 BOM
            Assert.True(bytes.SequenceEqual(mine[name]), $"{name}: the build's bytes differ from this process's");
        }
    }
}
