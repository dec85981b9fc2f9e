using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using CheapLearning.Package.Tests.Infrastructure;

namespace CheapLearning.Package.Tests;

/// <summary>
/// README's complete examples, compiled and run against the packed package exactly as printed, so the README can
/// never drift from the product. A complete example is a ```csharp block right after the line
/// <c>&lt;!-- complete-example: Program.cs --&gt;</c>; it is the whole Program.cs of a console project.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class ReadmeExampleTests
{
    private const string Marker = "<!-- complete-example: Program.cs -->";
    private static readonly Regex Example = new("^" + Regex.Escape(Marker) + @"\r?\n```csharp\r?\n(?<code>.*?)\r?\n```", RegexOptions.Singleline | RegexOptions.Multiline);
    private static readonly Regex MarkerLine = new("^" + Regex.Escape(Marker) + @"\r?$", RegexOptions.Multiline);
    private readonly PackedPackage _package;

    public ReadmeExampleTests(PackedPackage package) => _package = package;

    public static IEnumerable<object[]> Readmes() => new[] { new object[] { "README.md" }, new object[] { "src/Package/README.md" } };

    public static List<string> Examples(string text)
    {
        var examples = Example.Matches(text).Select(m => m.Groups["code"].Value + "\n").ToList();
        // A marker not followed by a csharp block would silently test nothing.
        Assert.Equal(MarkerLine.Matches(text).Count, examples.Count);
        return examples;
    }

    [Theory]
    [MemberData(nameof(Readmes))]
    public void Complete_examples_build_without_warnings_and_run(string readme)
    {
        var examples = Examples(File.ReadAllText(Repository.File(readme.Split('/'))));
        Assert.NotEmpty(examples);
        for (int i = 0; i < examples.Count; i++)
        {
            string name = "Readme" + (readme.Contains('/') ? "Package" : "Repo") + i;
            var dir = _package.Consumer(name, new Dictionary<string, string> { ["Program.cs"] = examples[i] },
                                        extraProperties: "<Nullable>enable</Nullable><ImplicitUsings>enable</ImplicitUsings>");
            var (code, output) = Dotnet.Run(dir, "run -c Release");
            Assert.True(code == 0, $"{readme} example {i + 1} failed:\n{examples[i]}\n{output}");
        }
    }

    [Fact]
    public void Every_csharp_block_of_the_Quick_start_is_a_complete_example()
    {
        var readme = File.ReadAllText(Repository.File("README.md")).Replace("\r", "");
        int start = readme.IndexOf("\n## Quick start", StringComparison.Ordinal);
        Assert.True(start >= 0, "README has no Quick start section");
        int end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var section = readme.Substring(start, (end < 0 ? readme.Length : end) - start);
        int blocks = Regex.Matches(section, "^```csharp$", RegexOptions.Multiline).Count;
        Assert.True(blocks > 0, "the Quick start shows no C# code");
        Assert.Equal(blocks, Examples(section).Count);
    }
}
