using System;
using System.IO;

namespace CheapLearning.Generator.Tests.Infrastructure;

/// <summary>
/// Golden files: expected outputs kept as <c>Golden/NAME.txt</c> in this test project. Set the
/// environment variable CHEAPLEARNING_UPDATE_GOLDEN=1 to rewrite them when a change is intended.
/// </summary>
public static class Golden
{
    /// <summary>The Golden folder in the source tree, found from the test's output folder.</summary>
    public static string Folder
    {
        get
        {
            return Repository.File("tests", "CheapLearning.Generator.Tests", "Golden");
        }
    }

    public static void Match(string name, string actual)
    {
        string path = Path.Combine(Folder, name + ".txt");
        actual = actual.Replace("\r\n", "\n");
        if (Environment.GetEnvironmentVariable("CHEAPLEARNING_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Folder);
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"Golden file {path} is missing; run with CHEAPLEARNING_UPDATE_GOLDEN=1 to create it.");
        Assert.Equal(File.ReadAllText(path).Replace("\r\n", "\n"), actual);
    }
}
