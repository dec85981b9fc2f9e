using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;
using Xunit;

namespace CheapLearning.Package.Tests.Infrastructure;

/// <summary>
/// Packs CheapLearning from this repository once per test run into a private feed, and creates consumer projects
/// that restore it exactly as a user would: a nuget.config that clears every inherited source and lists only this
/// feed plus the machine's own configured sources (for the SDK's and the test projects' other packages), and a
/// private packages folder, so the global NuGet cache can never hand back an older package of the same version.
/// </summary>
public sealed class PackedPackage : IDisposable
{
    public PackedPackage()
    {
        Root = Path.Combine(Path.GetTempPath(), "cheaplearning-package-" + Guid.NewGuid().ToString("N"));
        Feed = Path.Combine(Root, "feed");
        Packages = Path.Combine(Root, "packages");
        Directory.CreateDirectory(Feed);
        var runtime = Repository.File("src", "Runtime", "CheapLearning.Runtime.csproj");
        PackOutput = Dotnet.Run(Root, $"pack \"{runtime}\" -c Release -o \"{Feed}\"");
        var packages = Directory.GetFiles(Feed, "CheapLearning.*.nupkg");
        if (PackOutput.ExitCode != 0 || packages.Length != 1)
            throw new InvalidOperationException("dotnet pack failed:\n" + PackOutput.Output);
        Package = packages[0];
        Version = Path.GetFileNameWithoutExtension(Package).Substring("CheapLearning.".Length);
        Sha512 = Convert.ToBase64String(SHA512.HashData(File.ReadAllBytes(Package)));
        MachineSources = ReadMachineSources(Root);
    }

    public string Root { get; }
    public string Feed { get; }
    public string Packages { get; }
    public string Package { get; }
    public string Version { get; }
    /// <summary>Base64 SHA-512 of the packed .nupkg, the form NuGet writes to .nupkg.sha512 on restore.</summary>
    public string Sha512 { get; }
    public IReadOnlyList<string> MachineSources { get; }
    public (int ExitCode, string Output) PackOutput { get; }

    public string NuGetConfig => "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <packageSources>\n    <clear />\n"
        + $"    <add key=\"cheaplearning-local\" value=\"{Feed}\" />\n"
        + string.Concat(MachineSources.Select((s, i) => $"    <add key=\"machine-{i}\" value=\"{s}\" />\n"))
        + "  </packageSources>\n</configuration>\n";

    /// <summary>
    /// A consumer project in its own folder: <paramref name="files"/> (name → text) beside a csproj that references
    /// only the CheapLearning package. The empty Directory.Build.* files stop MSBuild from importing the repository's.
    /// </summary>
    public string Consumer(string name, IReadOnlyDictionary<string, string> files, string targetFramework = "net10.0",
                           bool exe = true, string extraProperties = "")
    {
        var dir = Path.Combine(Root, name);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                {(exe ? "<OutputType>Exe</OutputType>" : "")}
                <TargetFramework>{targetFramework}</TargetFramework>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <RestorePackagesPath>{Packages}</RestorePackagesPath>
                <NuGetAudit>false</NuGetAudit>
                {extraProperties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="CheapLearning" Version="{Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(dir, "nuget.config"), NuGetConfig);
        File.WriteAllText(Path.Combine(dir, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(dir, "Directory.Build.targets"), "<Project />");
        foreach (var (file, text) in files) File.WriteAllText(Path.Combine(dir, file), text);
        return dir;
    }

    /// <summary>The bytes of one file of a package (.nupkg or .snupkg): zip entries are read as NuGet would.</summary>
    public static byte[] ReadEntry(string package, string entry)
    {
        using var zip = ZipFile.OpenRead(package);
        using var stream = (zip.GetEntry(entry) ?? throw new FileNotFoundException(entry + " is not in " + package)).Open();
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    /// <summary>An assembly of the packed .nupkg, to read its metadata without loading it.</summary>
    public PEReader OpenAssembly(string entry) => new(new MemoryStream(ReadEntry(Package, entry)));

    /// <summary>The enabled package sources this machine is configured with (dotnet nuget list source), outside any repository.</summary>
    private static IReadOnlyList<string> ReadMachineSources(string neutralDirectory)
    {
        var (code, output) = Dotnet.Run(neutralDirectory, "nuget list source --format short");
        if (code != 0) throw new InvalidOperationException("dotnet nuget list source failed:\n" + output);
        // Short format: one "<flags> <source>" line per source; flag E = enabled (D = disabled).
        var sources = output.Split('\n').Select(l => l.Trim())
            .Where(l => l.StartsWith("E", StringComparison.Ordinal) && l.Contains(' '))
            .Select(l => l.Substring(l.IndexOf(' ') + 1).Trim())
            .ToList();
        if (sources.Count == 0) throw new InvalidOperationException("This machine has no enabled NuGet source:\n" + output);
        return sources;
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>All package tests share one pack (it takes a minute or more).</summary>
[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackedPackage>
{
    public const string Name = "Packed CheapLearning";
}
