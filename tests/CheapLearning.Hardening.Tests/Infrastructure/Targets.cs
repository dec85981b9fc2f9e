using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using CheapLearning.Generator.Polynomials;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CheapLearning.Hardening.Tests.Infrastructure;

/// <summary>
/// What the hardening tests run: every incremental generator and every analyzer of the
/// CheapLearning.Generator assembly, found by their [Generator] / [DiagnosticAnalyzer] attributes.
/// A new generator or analyzer (flat forms, bit networks, …) is covered as soon as it is added
/// to that assembly; nothing here needs to change.
/// </summary>
public static class Targets
{
    public static Assembly GeneratorAssembly { get; } = typeof(PolynomialNetworkGenerator).Assembly;

    public static IReadOnlyList<Type> GeneratorTypes { get; } = GeneratorAssembly.GetTypes()
        .Where(t => !t.IsAbstract && t.GetCustomAttribute<GeneratorAttribute>() is not null && typeof(IIncrementalGenerator).IsAssignableFrom(t))
        .OrderBy(t => t.FullName, StringComparer.Ordinal).ToArray();

    public static IReadOnlyList<Type> AnalyzerTypes { get; } = GeneratorAssembly.GetTypes()
        .Where(t => !t.IsAbstract && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
        .OrderBy(t => t.FullName, StringComparer.Ordinal).ToArray();

    /// <summary>Fresh instances (generators and analyzers must not depend on being fresh, but tests should not share them).</summary>
    public static IIncrementalGenerator[] Generators() => GeneratorTypes.Select(t => (IIncrementalGenerator)Activator.CreateInstance(t)!).ToArray();

    public static DiagnosticAnalyzer[] Analyzers() => AnalyzerTypes.Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!).ToArray();
}
