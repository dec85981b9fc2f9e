using System;
using System.IO;

namespace CheapLearning.Package.Tests.Infrastructure;

/// <summary>Files of this repository, found from the test's output folder (shipped builds map source paths to /_/).</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string File(params string[] parts) => Path.Combine(Root, Path.Combine(parts));

    /// <summary>The project's one public address, as Directory.Build.props declares it.</summary>
    public static string Url { get; } = ReadUrl();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "Generator.sln"))) return dir.FullName;
        throw new InvalidOperationException("Generator.sln not found above " + AppContext.BaseDirectory);
    }

    private static string ReadUrl()
    {
        var props = System.Xml.Linq.XDocument.Load(File("Directory.Build.props"));
        foreach (var element in props.Descendants("CheapLearningRepositoryUrl")) return element.Value.Trim();
        throw new InvalidOperationException("Directory.Build.props declares no CheapLearningRepositoryUrl");
    }
}
