using System;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using CheapLearning.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CheapLearning.Generator.Tests.Bits;

/// <summary>The C# examples of docs/bits-and-classifier.md compile with the generators, usage lines included.</summary>
public class DocExamplesTests
{
    private static string Docs() => File.ReadAllText(Repository.File("docs", "bits-and-classifier.md"));

    [Fact]
    public async System.Threading.Tasks.Task Every_example_compiles_without_warnings()
    {
        var blocks = Regex.Matches(Docs(), "```csharp\n(.*?)```", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(2, blocks.Count);
        int i = 0;
        foreach (var block in blocks)
        {
            var lines = block.Split('\n');
            int cut = Array.FindIndex(lines, l => l.StartsWith("// Generated", StringComparison.Ordinal) || l.StartsWith("Span<double>", StringComparison.Ordinal));
            Assert.True(cut > 0);
            string declarations = string.Join("\n", lines.Take(cut));
            string usage = string.Join("\n", lines.Skip(cut));
            string source = "using System;\nusing CheapLearning;\n" + declarations.Replace("using CheapLearning;", "")
                          + $"\nstatic class Usage{i++} {{ static void Run() {{\n{usage}\n}} }}";
            var (output, run) = BitTestCompilation.RunGenerator(TestCompilation.Create(source));
            Assert.NotEmpty(run.GeneratedTrees);
            var problems = TestCompilation.Problems(output).Where(d => d.Id != "CS0219" && d.Id != "CS0168").ToList();
            Assert.True(problems.Count == 0, string.Join("\n", problems));
            var analyzers = System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(
                new BitNetworkAnalyzer(), new BayesClassifierAnalyzer());
            var reported = await output.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync();
            Assert.Empty(reported);
        }
    }
}
