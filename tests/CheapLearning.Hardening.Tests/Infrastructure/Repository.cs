using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace CheapLearning.Hardening.Tests.Infrastructure;

/// <summary>Locates the repository (the folder holding Generator.sln) and its source files.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Generator.sln"))) return dir.FullName;
        throw new InvalidOperationException("Generator.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Every .cs file under <paramref name="folder"/> (relative to the root), skipping bin/obj, in ordinal order.</summary>
    public static IReadOnlyList<string> Files(string folder, string pattern = "*.cs")
    {
        var path = Path.Combine(Root, folder);
        if (!Directory.Exists(path)) return Array.Empty<string>();
        return Directory.EnumerateFiles(path, pattern, SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj"))
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToArray();
    }

    public static string Read(string relative) => File.ReadAllText(Path.Combine(Root, relative)).Replace("\r\n", "\n");
}
