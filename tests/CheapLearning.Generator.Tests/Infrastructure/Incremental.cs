using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
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

    /// <summary>Every CheapLearning generator type (found by reflection, so a new generator is covered), in a stable order.</summary>
    public static Type[] GeneratorTypes { get; } = typeof(PolynomialNetworkGenerator).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && t.GetCustomAttribute<GeneratorAttribute>() is not null && typeof(IIncrementalGenerator).IsAssignableFrom(t))
        .OrderBy(t => t.FullName, StringComparer.Ordinal).ToArray();

    /// <summary>A step-tracking driver running every generator together, as a build does.</summary>
    public static GeneratorDriver AllGeneratorsDriver(AnalyzerConfigOptionsProvider? options = null, CSharpParseOptions? parseOptions = null)
        => CSharpGeneratorDriver.Create(
            GeneratorTypes.Select(t => ((IIncrementalGenerator)Activator.CreateInstance(t)!).AsSourceGenerator()),
            parseOptions: parseOptions ?? TestCompilation.ParseOptions, optionsProvider: options,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Every step name a generator declares (the string constants of its nested Steps class).</summary>
    public static string[] StepsOf(Type generator)
        => generator.GetNestedType("Steps", BindingFlags.Public | BindingFlags.NonPublic)?
               .GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.FieldType == typeof(string))
               .Select(f => (string)f.GetRawConstantValue()!).ToArray() ?? Array.Empty<string>();

    public static GeneratorRunResult ResultOf(GeneratorDriverRunResult run, Type generator)
        => run.Results.Single(r => r.Generator.GetGeneratorType() == generator);

    /// <summary>The reasons of every output of every source-output step of one generator.</summary>
    public static IReadOnlyList<IncrementalStepRunReason> OutputReasons(GeneratorRunResult result)
        => result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();

    /// <summary>
    /// Asserts that, in each of <paramref name="generators"/>, every declared step is tracked and every one of
    /// its outputs is Cached or Unchanged, and every source output is Cached (nothing planned or emitted again).
    /// </summary>
    public static void AssertAllCached(GeneratorDriverRunResult run, params Type[] generators)
    {
        foreach (var generator in generators)
        {
            var result = ResultOf(run, generator);
            Assert.Null(result.Exception);
            foreach (var step in StepsOf(generator))
            {
                Assert.True(result.TrackedSteps.ContainsKey(step), $"{generator.Name}: step {step} is not tracked");
                Assert.All(result.TrackedSteps[step].SelectMany(s => s.Outputs),
                    o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{generator.Name}.{step}: {o.Reason}"));
            }
            Assert.All(OutputReasons(result), r => Assert.True(r == IncrementalStepRunReason.Cached, $"{generator.Name} output: {r}"));
        }
    }

    /// <summary>Asserts that every output of the named steps, and every source output, was reused.</summary>
    public static void AssertReused(GeneratorDriverRunResult run, params string[] steps)
    {
        foreach (var step in steps)
            Assert.All(Reasons(run, step), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {r}"));
        Assert.All(run.Results.Single().TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }
}
