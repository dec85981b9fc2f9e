using System;
using System.IO;
using System.Runtime.CompilerServices;

namespace CheapLearning.Generator.Tests.Infrastructure;

/// <summary>
/// Golden files: expected outputs kept as <c>Golden/NAME.txt</c> next to the tests. Set the
/// environment variable CHEAPLEARNING_UPDATE_GOLDEN=1 to rewrite them when a change is intended.
/// </summary>
public static class Golden
{
    public static void Match(string name, string actual, [CallerFilePath] string callerPath = "")
    {
        string sourceDir = Path.Combine(Path.GetDirectoryName(callerPath)!, "..", "Golden");
        string path = Path.Combine(sourceDir, name + ".txt");
        actual = actual.Replace("\r\n", "\n");
        if (Environment.GetEnvironmentVariable("CHEAPLEARNING_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(sourceDir);
            File.WriteAllText(path, actual);
            return;
        }
        string fallback = Path.Combine(AppContext.BaseDirectory, "Golden", name + ".txt");
        string file = File.Exists(path) ? path : fallback;
        Assert.True(File.Exists(file), $"Golden file {name}.txt is missing; run with CHEAPLEARNING_UPDATE_GOLDEN=1 to create it.");
        string expected = File.ReadAllText(file).Replace("\r\n", "\n");
        Assert.Equal(expected, actual);
    }
}
