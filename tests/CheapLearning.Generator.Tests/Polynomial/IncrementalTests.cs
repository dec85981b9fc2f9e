using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using CheapLearning.Generator.Model;
using CheapLearning.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CheapLearning.Generator.Tests.Polynomials;

/// <summary>
/// The pipeline model compares by value (what makes caching possible). The caching itself, for
/// every generator together, is in <see cref="AllGeneratorsCachingTests"/>.
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

    /// <summary>Pipeline models must compare by value: no symbols, syntax, locations or compilations inside (System.Text.Json walks its models the same way).</summary>
    [Fact]
    public void Pipeline_model_holds_no_symbols_syntax_or_compilation()
    {
        var forbidden = new[] { typeof(ISymbol), typeof(SyntaxNode), typeof(Location), typeof(Compilation), typeof(SemanticModel), typeof(SyntaxTree) };
        var seen = new HashSet<Type>();
        var pending = new Stack<Type>();
        pending.Push(typeof(MethodSpec));
        pending.Push(typeof(BitMethodSpec));
        pending.Push(typeof(ClassifierSpec));
        pending.Push(typeof(LanguageSupport));
        pending.Push(typeof(ProjectSettings));
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
        Assert.Contains(typeof(CheapLearning.Generator.Algebra.BitGraph), seen);
        Assert.Contains(typeof(TargetInfo), seen);
    }

    [Fact]
    public void Equal_sources_give_equal_specs()
    {
        var a = TestCompilation.RunGenerator(TestCompilation.Create(Annotated), trackSteps: true).Result;
        var b = TestCompilation.RunGenerator(TestCompilation.Create(Annotated), trackSteps: true).Result;
        object Spec(GeneratorDriverRunResult r) => r.Results.Single().TrackedSteps[PolynomialNetworkGenerator.Steps.Configured].Single().Outputs.Single().Value;
        Assert.Equal(Spec(a), Spec(b));
        Assert.Equal(Spec(a).GetHashCode(), Spec(b).GetHashCode());
    }
}

/// <summary>The consumer's language version is a pipeline input: changing it re-emits, an edit does not.</summary>
public class LanguageVersionPipelineTests
{
    [Fact]
    public void Changing_the_language_version_regenerates_without_nullable()
    {
        const string source = "using CheapLearning;\nnamespace N { public static partial class C { [PolynomialNetwork] public static double F(double x) => x * x; } }";
        var compilation = TestCompilation.Create(source);
        var driver = Incremental.Driver(new PolynomialNetworkGenerator()).RunGenerators(compilation);
        Assert.Contains("#nullable enable", driver.GetRunResult().GeneratedTrees.Single().ToString());
        var old = new CSharpParseOptions(LanguageVersion.CSharp7_3);
        driver = driver.WithUpdatedParseOptions(old).RunGenerators(TestCompilation.Create(LanguageVersion.CSharp7_3, source));
        Assert.DoesNotContain("#nullable", driver.GetRunResult().GeneratedTrees.Single().ToString());
        Assert.Contains(IncrementalStepRunReason.Modified, Incremental.Reasons(driver.GetRunResult(), PolynomialNetworkGenerator.Steps.Language));
    }
}
