using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using CheapLearning.Generator.Model;
using CheapLearning.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CheapLearning.Generator.Tests.Generator;

/// <summary>
/// The generator runs on every keystroke: edits that do not touch an annotated method must leave
/// every tracked step Cached or Unchanged, and a real edit must be seen as Modified.
/// </summary>
public class IncrementalTests
{
    private const string Annotated = """
        using CheapLearning;
        namespace Demo;
        public static partial class Physics
        {
            [PolynomialNetwork]
            public static double Oscillator(double q, double p) => 0.5 * p * p + 2.0 * q * q;

            public static double Unrelated(double x) { return x + 1; }
        }
        """;

    private const string Other = """
        namespace Demo;
        public static class Other { public static int Value() => 1; }
        """;

    private static readonly string[] TrackedSteps =
    {
        PolynomialNetworkGenerator.Steps.Specs,
        PolynomialNetworkGenerator.Steps.Configured,
    };

    private static GeneratorDriver Driver() => CSharpGeneratorDriver.Create(
        new[] { new PolynomialNetworkGenerator().AsSourceGenerator() },
        parseOptions: TestCompilation.ParseOptions,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    private static (GeneratorDriverRunResult First, GeneratorDriverRunResult Second) RunTwice(Func<Compilation, Compilation> edit)
    {
        var compilation = TestCompilation.Create(Annotated, Other);
        var driver = Driver().RunGenerators(compilation);
        var first = driver.GetRunResult();
        driver = driver.RunGenerators(edit(compilation));
        return (first, driver.GetRunResult());
    }

    private static Compilation ReplaceTree(Compilation c, int index, Func<string, string> change)
    {
        var tree = c.SyntaxTrees.ElementAt(index);
        var updated = CSharpSyntaxTree.ParseText(change(tree.ToString()), TestCompilation.ParseOptions, tree.FilePath);
        return c.ReplaceSyntaxTree(tree, updated);
    }

    private static IEnumerable<IncrementalStepRunReason> Reasons(GeneratorDriverRunResult run, string step)
        => run.Results.Single().TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason);

    [Fact]
    public void Edit_in_an_unrelated_file_is_cached()
    {
        var (first, second) = RunTwice(c => ReplaceTree(c, 1, s => s.Replace("=> 1;", "=> 2;")));
        Assert.Single(first.GeneratedTrees);
        foreach (var step in TrackedSteps)
            Assert.All(Reasons(second, step), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {r}"));
        Assert.All(second.Results.Single().TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void Edit_inside_an_unrelated_method_is_cached()
    {
        var (_, second) = RunTwice(c => ReplaceTree(c, 0, s => s.Replace("return x + 1;", "return x + 2;")));
        foreach (var step in TrackedSteps)
            Assert.All(Reasons(second, step), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {r}"));
        Assert.All(second.Results.Single().TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void Edit_of_the_polynomial_is_modified()
    {
        var (first, second) = RunTwice(c => ReplaceTree(c, 0, s => s.Replace("2.0 * q * q", "3.0 * q * q")));
        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(second, PolynomialNetworkGenerator.Steps.Specs));
        Assert.NotEqual(first.GeneratedTrees.Single().ToString(), second.GeneratedTrees.Single().ToString());
    }

    /// <summary>Pipeline models must compare by value: no symbols, syntax, locations or compilations inside (System.Text.Json walks its models the same way).</summary>
    [Fact]
    public void Pipeline_model_holds_no_symbols_syntax_or_compilation()
    {
        var forbidden = new[] { typeof(ISymbol), typeof(SyntaxNode), typeof(Location), typeof(Compilation), typeof(SemanticModel), typeof(SyntaxTree) };
        var seen = new HashSet<Type>();
        var pending = new Stack<Type>();
        pending.Push(typeof(MethodSpec));
        while (pending.Count > 0)
        {
            var type = pending.Pop();
            if (!seen.Add(type) || type.IsPrimitive || type == typeof(string) || type.IsEnum) continue;
            Assert.DoesNotContain(forbidden, f => f.IsAssignableFrom(type));
            Assert.False(type.IsGenericType && type.GetGenericTypeDefinition() == typeof(System.Collections.Immutable.ImmutableArray<>),
                $"{type} is not value-equatable; use EquatableArray");
            foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance))
                if (p.GetIndexParameters().Length == 0) pending.Push(p.PropertyType);
            foreach (var g in type.IsGenericType ? type.GetGenericArguments() : Type.EmptyTypes) pending.Push(g);
        }
        Assert.Contains(typeof(CheapLearning.Generator.Algebra.ExprGraph), seen);
    }

    [Fact]
    public void Equal_sources_give_equal_specs()
    {
        var a = TestCompilation.RunGenerator(TestCompilation.Create(Annotated), trackSteps: true).Result;
        var b = TestCompilation.RunGenerator(TestCompilation.Create(Annotated), trackSteps: true).Result;
        object Spec(GeneratorDriverRunResult r) => r.Results.Single().TrackedSteps[PolynomialNetworkGenerator.Steps.Specs].Single().Outputs.Single().Value;
        Assert.Equal(Spec(a), Spec(b));
        Assert.Equal(Spec(a).GetHashCode(), Spec(b).GetHashCode());
    }
}
