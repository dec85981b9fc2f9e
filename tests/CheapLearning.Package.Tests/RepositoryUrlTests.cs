using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Text.RegularExpressions;
using CheapLearning.Package.Tests.Infrastructure;

namespace CheapLearning.Package.Tests;

/// <summary>
/// One public address everywhere: package metadata (checked in <see cref="PackageContentsTests"/>), the
/// diagnostics' help links compiled into the packed generator, and README, whose anchors the links point at.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class RepositoryUrlTests
{
    private readonly PackedPackage _package;

    public RepositoryUrlTests(PackedPackage package) => _package = package;

    private List<string> GeneratorStrings()
    {
        using var pe = _package.OpenAssembly("analyzers/dotnet/cs/CheapLearning.Generator.dll");
        var metadata = pe.GetMetadataReader();
        var strings = new List<string>();
        var handle = MetadataTokens.UserStringHandle(1);
        while (!handle.IsNil)
        {
            strings.Add(metadata.GetUserString(handle));
            handle = metadata.GetNextHandle(handle);
        }
        return strings;
    }

    [Fact]
    public void Help_links_point_at_README_anchors_on_the_one_address()
    {
        var strings = GeneratorStrings();
        var links = strings.Where(s => s.StartsWith("http", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, link => Assert.StartsWith(Repository.Url + "/blob/main/README.md#", link));

        var readme = File.ReadAllText(Repository.File("README.md"));
        var ids = strings.Where(s => Regex.IsMatch(s, "^CHEAP[0-9]{3}$")).Distinct().ToList();
        Assert.True(ids.Count >= 10, "too few diagnostic IDs found: " + string.Join(", ", ids));
        Assert.All(ids, id => Assert.Contains($"<a id=\"{id.ToLowerInvariant()}\"></a>{id}", readme));
    }

    [Fact]
    public void README_names_the_same_address()
    {
        var readme = File.ReadAllText(Repository.File("README.md"));
        Assert.Contains(Repository.Url, readme);
        var projectLinks = Regex.Matches(readme, @"https://github\.com/cheaplearning/[^\s)\]""'>]*").Select(m => m.Value).ToList();
        Assert.All(projectLinks, link => Assert.StartsWith(Repository.Url, link));
    }
}
