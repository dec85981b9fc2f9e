using System;
using System.Collections.Concurrent;
using System.IO;
using CheapLearning.TestKit;
using Microsoft.CodeAnalysis;

namespace CheapLearning.Numerics.Tests;

/// <summary>
/// The exact oracle of every suite entry, read from Suite.cs's own text (embedded in this assembly)
/// by the TestKit's interpreter, never from the generated code: "Softplus.Product2" is method
/// Product2 of class SoftplusSuite.
/// </summary>
public static class SuiteOracles
{
    private static readonly Lazy<Compilation> Source = new(() =>
    {
        using var stream = typeof(SuiteOracles).Assembly.GetManifestResourceStream("Suite.cs")
                           ?? throw new InvalidOperationException("Suite.cs is not embedded");
        using var reader = new StreamReader(stream);
        return PolynomialOracle.SemanticCompilation(reader.ReadToEnd());
    });

    private static readonly ConcurrentDictionary<string, PolynomialOracle> Cache = new();

    public static PolynomialOracle For(SuiteEntry entry) => Cache.GetOrAdd(entry.Name, name =>
    {
        int dot = name.IndexOf('.', StringComparison.Ordinal);
        return PolynomialOracle.FromCompilation(Source.Value, name[..dot] + "Suite", name[(dot + 1)..]);
    });
}
