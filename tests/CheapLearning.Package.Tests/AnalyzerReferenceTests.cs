using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using CheapLearning.Package.Tests.Infrastructure;

namespace CheapLearning.Package.Tests;

/// <summary>
/// The analyzers folder must load in the oldest host the package supports: Roslyn 4.8 (Visual Studio 17.8,
/// .NET 8 SDK). A host resolves an analyzer's references from what it carries itself; an assembly that asks for
/// a higher version (System.Composition 8.0 in a 7.0 host) fails to load, and its code fixes silently vanish.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class AnalyzerReferenceTests
{
    /// <summary>Assembly versions a Roslyn 4.8 host carries (Microsoft.CodeAnalysis 4.8.0 and its dependencies).</summary>
    private static readonly Dictionary<string, Version> Roslyn48Host = new(StringComparer.Ordinal)
    {
        ["netstandard"] = new(2, 0, 0, 0),
        ["Microsoft.CodeAnalysis"] = new(4, 8, 0, 0),
        ["Microsoft.CodeAnalysis.CSharp"] = new(4, 8, 0, 0),
        ["Microsoft.CodeAnalysis.Workspaces"] = new(4, 8, 0, 0),
        ["Microsoft.CodeAnalysis.CSharp.Workspaces"] = new(4, 8, 0, 0),
        ["System.Collections.Immutable"] = new(7, 0, 0, 0),
        ["System.Reflection.Metadata"] = new(7, 0, 0, 0),
        ["System.Composition.AttributedModel"] = new(7, 0, 0, 0),
        ["System.Composition.Runtime"] = new(7, 0, 0, 0),
        ["System.Composition.Hosting"] = new(7, 0, 0, 0),
        ["System.Composition.TypedParts"] = new(7, 0, 0, 0),
        ["System.Text.Encoding.CodePages"] = new(7, 0, 0, 0),
        ["System.Memory"] = new(4, 0, 1, 2),
        ["System.Buffers"] = new(4, 0, 3, 0),
        ["System.Numerics.Vectors"] = new(4, 1, 4, 0),
        ["System.Runtime.CompilerServices.Unsafe"] = new(6, 0, 0, 0),
        ["System.Threading.Tasks.Extensions"] = new(4, 2, 0, 1),
    };

    private readonly PackedPackage _package;

    public AnalyzerReferenceTests(PackedPackage package) => _package = package;

    [Fact]
    public void No_analyzer_assembly_references_more_than_a_Roslyn_4_8_host_carries()
    {
        using var zip = ZipFile.OpenRead(_package.Package);
        var analyzers = zip.Entries.Where(e => e.FullName.StartsWith("analyzers/", StringComparison.Ordinal) && e.FullName.EndsWith(".dll", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, analyzers.Count);
        var shipped = analyzers.Select(e => Path.GetFileNameWithoutExtension(e.Name)).ToHashSet();
        var problems = new List<string>();
        foreach (var entry in analyzers)
        {
            using var pe = _package.OpenAssembly(entry.FullName);
            var metadata = pe.GetMetadataReader();
            foreach (var handle in metadata.AssemblyReferences)
            {
                var reference = metadata.GetAssemblyReference(handle);
                string name = metadata.GetString(reference.Name);
                if (shipped.Contains(name)) continue; // beside it in the same folder
                if (!Roslyn48Host.TryGetValue(name, out var carried))
                    problems.Add($"{entry.Name} references {name} {reference.Version}, which a Roslyn 4.8 host does not carry");
                else if (reference.Version > carried)
                    problems.Add($"{entry.Name} references {name} {reference.Version}, above the {carried} a Roslyn 4.8 host carries");
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Code_fixes_are_exported_to_the_IDE()
    {
        // Hosts find fixers by [ExportCodeFixProvider] on public types: read the attributes, not just the file's presence.
        using var pe = _package.OpenAssembly("analyzers/dotnet/cs/CheapLearning.CodeFixes.dll");
        var metadata = pe.GetMetadataReader();
        var exported = new List<string>();
        foreach (var typeHandle in metadata.TypeDefinitions)
        {
            var type = metadata.GetTypeDefinition(typeHandle);
            foreach (var attributeHandle in type.GetCustomAttributes())
            {
                var attribute = metadata.GetCustomAttribute(attributeHandle);
                if (attribute.Constructor.Kind != HandleKind.MemberReference) continue;
                var parent = metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent;
                if (parent.Kind == HandleKind.TypeReference && metadata.GetString(metadata.GetTypeReference((TypeReferenceHandle)parent).Name) == "ExportCodeFixProviderAttribute")
                    exported.Add(metadata.GetString(type.Name));
            }
        }
        Assert.Equal(new[] { "FlatFormCodeFixProvider", "PartialTypeCodeFixProvider", "ReachableToleranceCodeFixProvider" }, exported.OrderBy(n => n, StringComparer.Ordinal));
    }
}
