using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CheapLearning.Benchmarks;

/// <summary>A compilation of benchmark sources against the running framework and the CheapLearning runtime.</summary>
internal static class BenchmarkCompilation
{
    public static Compilation Create(params string[] sources)
    {
        var references = ((string)System.AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", System.StringComparison.Ordinal))
            .Select(p => MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(NetworkModel).Assembly.Location));
        return CSharpCompilation.Create("Bench", sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, path: $"File{i}.cs")), references,
                                        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
    }
}
