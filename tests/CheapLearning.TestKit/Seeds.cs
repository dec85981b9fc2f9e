using System;
using System.Globalization;

namespace CheapLearning.TestKit;

/// <summary>
/// Where every random test gets its seed. Fixed seeds are FNV-1a hashes of a name (stable across
/// processes, machines and .NET versions, unlike <see cref="string.GetHashCode()"/>, which is
/// randomized per process). The fresh seed comes from the environment variable
/// <see cref="EnvironmentVariable"/> (.ci/run sets and prints it); tests that use it print it
/// with every failure so the run can be replayed.
/// </summary>
public static class Seeds
{
    public const string EnvironmentVariable = "CHEAPLEARNING_SEED";

    /// <summary>FNV-1a (32 bit) of the UTF-16 code units of <paramref name="name"/>, made non-negative.</summary>
    public static int Stable(string name)
    {
        uint hash = 2166136261;
        foreach (char c in name)
        {
            hash = (hash ^ c) * 16777619;
        }
        return (int)(hash & 0x7fffffff);
    }

    /// <summary>The fresh seed of this run: CHEAPLEARNING_SEED when set, else one drawn now (and printed by the test).</summary>
    public static int Fresh()
    {
        var text = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(text) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int seed)) return seed;
        return Random.Shared.Next();
    }

    /// <summary>Text to append to a failure message: how to replay it.</summary>
    public static string Replay(int seed) => $"seed {seed} (replay with {EnvironmentVariable}={seed})";
}
