using System;
using System.IO;

namespace CheapLearning.Generator.Tests.Infrastructure;

/// <summary>
/// Paths in the source tree, found from the test's output folder: CI builds map source paths to /_/,
/// so [CallerFilePath] cannot locate files.
/// </summary>
public static class Repository
{
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (System.IO.File.Exists(Path.Combine(dir.FullName, "Generator.sln"))) return dir.FullName;
            throw new InvalidOperationException("Generator.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static string File(params string[] parts) => Path.Combine(Root, Path.Combine(parts));
}
