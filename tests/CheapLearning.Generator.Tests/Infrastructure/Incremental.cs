using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CheapLearning.Generator.Tests.Infrastructure;

/// <summary>
/// The one incremental-caching helper for every generator: run a generator with step tracking, edit the
/// compilation, run again, and read the reasons of a named step (Roslyn's cookbook; Regex's
/// UnrelatedCodeChange_DoesNotRegenerate and Mapperly's IncrementalGeneratorRunReasons do the same).
/// </summary>
public static class Incremental
{
    public static GeneratorDriver Driver(IIncrementalGenerator generator, AnalyzerConfigOptionsProvider? options = null)
        => CSharpGeneratorDriver.Create(
            new[] { generator.AsSourceGenerator() }, parseOptions: TestCompilation.ParseOptions, optionsProvider: options,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs <paramref name="generator"/> on <paramref name="compilation"/>, then again on its edited version.</summary>
    public static (GeneratorDriverRunResult First, GeneratorDriverRunResult Second) RunTwice(
        IIncrementalGenerator generator, Compilation compilation, Func<Compilation, Compilation> edit, AnalyzerConfigOptionsProvider? options = null)
    {
        var driver = Driver(generator, options).RunGenerators(compilation);
        var first = driver.GetRunResult();
        driver = driver.RunGenerators(edit(compilation));
        return (first, driver.GetRunResult());
    }

    /// <summary>The compilation with tree <paramref name="index"/>'s text changed (same path).</summary>
    public static Compilation ReplaceTree(Compilation compilation, int index, Func<string, string> change)
    {
        var tree = compilation.SyntaxTrees.ElementAt(index);
        return compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(change(tree.ToString()), TestCompilation.ParseOptions, tree.FilePath));
    }

    /// <summary>The reasons of every output of the named step.</summary>
    public static IReadOnlyList<IncrementalStepRunReason> Reasons(GeneratorDriverRunResult run, string step)
        => run.Results.Single().TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();

    /// <summary>Asserts that every output of the named steps, and every source output, was reused.</summary>
    public static void AssertReused(GeneratorDriverRunResult run, params string[] steps)
    {
        foreach (var step in steps)
            Assert.All(Reasons(run, step), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {r}"));
        Assert.All(run.Results.Single().TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }
}
