using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CheapLearning.Package.Tests.Infrastructure;

namespace CheapLearning.Package.Tests;

/// <summary>What the packed .nupkg and .snupkg hold: files, metadata, symbols and Source Link.</summary>
[Collection(PackageCollection.Name)]
public sealed class PackageContentsTests
{
    private static readonly Guid SourceLinkKind = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");
    private readonly PackedPackage _package;

    public PackageContentsTests(PackedPackage package) => _package = package;

    private List<string> Entries()
    {
        using var zip = ZipFile.OpenRead(_package.Package);
        return zip.Entries.Select(e => e.FullName).ToList();
    }

    private XElement Metadata()
    {
        var nuspec = XDocument.Parse(Encoding.UTF8.GetString(PackedPackage.ReadEntry(_package.Package, "CheapLearning.nuspec")).TrimStart('\uFEFF'));
        return nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    private string Field(string name) => Metadata().Elements().Single(e => e.Name.LocalName == name).Value;

    [Fact]
    public void Holds_the_generator_and_code_fixes_under_analyzers_and_the_runtime_under_lib()
    {
        var entries = Entries();
        Assert.Contains("analyzers/dotnet/cs/CheapLearning.Generator.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/CheapLearning.CodeFixes.dll", entries);
        Assert.Contains("lib/netstandard2.0/CheapLearning.dll", entries);
        Assert.Contains("lib/netstandard2.0/CheapLearning.xml", entries);
        Assert.Contains("buildTransitive/CheapLearning.props", entries);
        Assert.Contains("icon.png", entries);
        Assert.Contains("README.md", entries);
        // Nothing of the build leaks in: no test or sample assembly, no PDB beside the analyzers (they embed theirs).
        Assert.DoesNotContain(entries, e => e.Contains("Tests", StringComparison.Ordinal) || e.EndsWith(".pdb", StringComparison.Ordinal));
    }

    [Fact]
    public void Metadata_names_the_project_its_license_icon_readme_and_commit()
    {
        Assert.Equal(Repository.Url, Field("projectUrl"));
        var repository = Metadata().Elements().Single(e => e.Name.LocalName == "repository");
        Assert.Equal(Repository.Url, repository.Attribute("url")?.Value);
        Assert.Equal("git", repository.Attribute("type")?.Value);
        Assert.Matches("^[0-9a-f]{40}$", repository.Attribute("commit")?.Value ?? "");
        Assert.Equal("MIT", Field("license"));
        Assert.Equal("icon.png", Field("icon"));
        Assert.Equal("README.md", Field("readme"));
        Assert.StartsWith("Copyright (c) ", Field("copyright"));
        Assert.Contains("MIT License", File.ReadAllText(Repository.File("LICENSE")));
        var icon = PackedPackage.ReadEntry(_package.Package, "icon.png");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, icon.Take(4).ToArray());
    }

    [Fact]
    public void Release_notes_are_the_latest_changelog_entry_of_this_version()
    {
        // Entries are "## [version] - date" headings; the first one after the preamble is the latest.
        var changelog = File.ReadAllText(Repository.File("CHANGELOG.md")).Replace("\r", "");
        var entries = changelog.Split("\n## [").Skip(1).ToList();
        Assert.NotEmpty(entries);
        var latest = entries[0];
        Assert.StartsWith(_package.Version + "]", latest);
        string notes = latest.Substring(latest.IndexOf('\n') + 1).Trim();
        Assert.Equal(notes, Field("releaseNotes").Replace("\r", "").Trim());
    }

    [Fact]
    public void Package_readme_is_its_own_with_absolute_links_only()
    {
        var readme = Encoding.UTF8.GetString(PackedPackage.ReadEntry(_package.Package, "README.md"));
        Assert.Equal(File.ReadAllText(Repository.File("src", "Package", "README.md")), readme);
        var links = Regex.Matches(readme, @"\]\(([^)\s]+)\)").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, link => Assert.StartsWith("https://", link));
        Assert.All(links.Where(l => l.Contains("github.com", StringComparison.Ordinal)), link => Assert.StartsWith(Repository.Url, link));
        Assert.DoesNotContain("For contributors", readme);
    }

    [Fact]
    public void Package_readme_names_every_runtime_target_and_dependency_the_package_has()
    {
        // The package page is what a user reads before installing: it said "a small netstandard2.0 runtime library.
        // It has no other dependency" while the package also ships lib/net8.0 and depends on System.Memory there.
        var readme = Encoding.UTF8.GetString(PackedPackage.ReadEntry(_package.Package, "README.md"));
        var targets = Entries().Where(e => e.StartsWith("lib/", StringComparison.Ordinal) && e.EndsWith("/CheapLearning.dll", StringComparison.Ordinal))
            .Select(e => e.Split('/')[1]).ToList();
        Assert.True(targets.Count >= 2, "expected lib/netstandard2.0 and lib/net8.0, got " + string.Join(", ", targets));
        Assert.All(targets, tfm => Assert.Contains("`" + tfm + "`", readme));
        var dependencies = Metadata().Descendants().Where(e => e.Name.LocalName == "dependency")
            .Select(e => e.Attribute("id")!.Value).Distinct().ToList();
        Assert.NotEmpty(dependencies);
        Assert.All(dependencies, id => Assert.Contains("`" + id + "`", readme));
        Assert.DoesNotContain("no other dependency", readme, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Every_assembly_has_source_linked_symbols_with_no_local_path()
    {
        string commit = Metadata().Elements().Single(e => e.Name.LocalName == "repository").Attribute("commit")!.Value;
        string rawUrl = Repository.Url.Replace("https://github.com/", "https://raw.githubusercontent.com/") + "/" + commit + "/*";
        var snupkg = Path.ChangeExtension(_package.Package, ".snupkg");
        Assert.True(File.Exists(snupkg), "no .snupkg beside the .nupkg");

        var pdbs = new Dictionary<string, MetadataReaderProvider>();
        foreach (var analyzer in new[] { "CheapLearning.Generator.dll", "CheapLearning.CodeFixes.dll" })
        {
            var bytes = PackedPackage.ReadEntry(_package.Package, "analyzers/dotnet/cs/" + analyzer);
            AssertNoLocalPath(analyzer, bytes);
            using var pe = new PEReader(new MemoryStream(bytes));
            var embedded = pe.ReadDebugDirectory().Single(d => d.Type == DebugDirectoryEntryType.EmbeddedPortablePdb);
            pdbs[analyzer] = pe.ReadEmbeddedPortablePdbDebugDirectoryData(embedded);
        }
        AssertNoLocalPath("CheapLearning.dll", PackedPackage.ReadEntry(_package.Package, "lib/netstandard2.0/CheapLearning.dll"));
        var runtimePdb = PackedPackage.ReadEntry(snupkg, "lib/netstandard2.0/CheapLearning.pdb");
        AssertNoLocalPath("CheapLearning.pdb", runtimePdb);
        pdbs["CheapLearning.pdb"] = MetadataReaderProvider.FromPortablePdbImage(System.Collections.Immutable.ImmutableArray.Create(runtimePdb));

        foreach (var (name, provider) in pdbs)
        {
            using (provider)
            {
                var pdb = provider.GetMetadataReader();
                var sourceLink = pdb.CustomDebugInformation.Select(pdb.GetCustomDebugInformation)
                    .Where(c => pdb.GetGuid(c.Kind) == SourceLinkKind)
                    .Select(c => Encoding.UTF8.GetString(pdb.GetBlobBytes(c.Value))).SingleOrDefault();
                Assert.True(sourceLink is not null, name + " has no Source Link");
                Assert.Contains("\"/_/*\":\"" + rawUrl + "\"", sourceLink!.Replace(" ", ""));
                var documents = pdb.Documents.Select(d => pdb.GetString(pdb.GetDocument(d).Name)).ToList();
                Assert.NotEmpty(documents);
                Assert.All(documents, d => Assert.StartsWith("/_/", d));
            }
        }
    }

    private static void AssertNoLocalPath(string name, byte[] bytes)
    {
        foreach (var encoding in new[] { Encoding.UTF8, Encoding.Unicode })
        {
            var path = encoding.GetBytes(Repository.Root);
            Assert.True(bytes.AsSpan().IndexOf(path) < 0, $"{name} records the local path {Repository.Root}: the pack is not deterministic");
        }
    }
}
