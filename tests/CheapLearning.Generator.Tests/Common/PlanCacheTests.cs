using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CheapLearning.Generator.Model;
using CheapLearning.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CheapLearning.Generator.Tests.Common;

/// <summary>
/// The cache that shares plans' findings between generator and analyzer: equal specs from two separate compilations
/// get one entry, whose findings are those a fresh plan gives; it keeps at most its capacity, dropping the least recently used; a failed
/// plan is not kept; and concurrent callers always get the plan of their own key.
/// </summary>
public class PlanCacheTests
{
    private const string Source = """
        using CheapLearning;
        namespace N;
        public static partial class C
        {
            [PolynomialNetwork(Form = NetworkForm.Both, MaxFlatNeurons = 8)]
            public static double F(double a, double b, double c, double d) => a * b * c * d + 0.25 * a;
        }
        """;

    private static MethodSpec Spec()
    {
        var compilation = TestCompilation.Create(Source);
        var tree = compilation.SyntaxTrees.First();
        var syntax = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single();
        var model = compilation.GetSemanticModel(tree);
        var method = (IMethodSymbol)model.GetDeclaredSymbol(syntax)!;
        return PolynomialFrontEnd.Analyze(method, syntax, method.GetAttributes().Single(), model, CancellationToken.None).Spec!;
    }

    private static string Describe(Finding f) => f.Descriptor.Id + ": " + f.Message;

    [Fact]
    public void Equal_specs_from_two_compilations_share_one_plan_with_a_fresh_plans_findings()
    {
        var cache = new PlanCache<(MethodSpec, ProjectSettings), PolynomialPlan>(4);
        var settings = new ProjectSettings(NetworkOptions.DefaultMaxExpandedTerms, null);
        var (first, second) = (Spec(), Spec());
        Assert.NotSame(first, second);
        int plans = 0;
        var a = cache.GetOrAdd((first, settings), () => { plans++; return PolynomialPlanner.Plan(first, settings, CancellationToken.None); });
        var b = cache.GetOrAdd((second, settings), () => { plans++; return PolynomialPlanner.Plan(second, settings, CancellationToken.None); });
        Assert.Same(a, b);
        Assert.Equal(1, plans);
        var fresh = PolynomialPlanner.Plan(second, settings, CancellationToken.None);
        Assert.Equal(fresh.Findings.Select(Describe), b.Findings.Select(Describe));
        Assert.Contains(b.Findings, f => f.Descriptor.Id == "CHEAP010");
        // Other settings are another key.
        var other = cache.GetOrAdd((second, settings with { MaxExpandedTerms = 5 }), () => { plans++; return PolynomialPlanner.Plan(second, settings with { MaxExpandedTerms = 5 }, CancellationToken.None); });
        Assert.NotSame(a, other);
        Assert.Equal(2, plans);
    }

    [Fact]
    public void The_least_recently_used_plan_goes_first_beyond_the_capacity()
    {
        var cache = new PlanCache<int, string>(2);
        int computed = 0;
        string Plan(int k) => cache.GetOrAdd(k, () => { computed++; return "plan" + k; });
        Plan(1);
        Plan(2);
        Plan(1);
        Plan(3); // evicts 2, the least recently used
        Assert.Equal(3, computed);
        Assert.Equal(2, cache.Count);
        Plan(1);
        Assert.Equal(3, computed);
        Plan(2);
        Assert.Equal(4, computed);
    }

    [Fact]
    public void A_failed_plan_is_not_kept()
    {
        var cache = new PlanCache<int, string>(4);
        Assert.Throws<InvalidOperationException>(() => cache.GetOrAdd(1, () => throw new InvalidOperationException()));
        Assert.Throws<OperationCanceledException>(() => cache.GetOrAdd(1, () => throw new OperationCanceledException()));
        Assert.Equal(0, cache.Count);
        Assert.Equal("ok", cache.GetOrAdd(1, () => "ok"));
        // The first value stored wins (the generator's and the analyzer's are equal anyway).
        Assert.Equal("ok", cache.Add(1, "other"));
        Assert.Equal("ok", cache.GetOrAdd(1, () => "again"));
    }

    [Fact]
    public void Concurrent_callers_get_their_own_keys_plan_and_the_bound_holds()
    {
        var cache = new PlanCache<int, string>(8);
        var wrong = new ConcurrentBag<string>();
        Parallel.For(0, 50_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            int key = i * 7 % 32;
            var plan = cache.GetOrAdd(key, () => "plan" + key);
            if (plan != "plan" + key) wrong.Add($"{key}: {plan}");
        });
        Assert.Empty(wrong);
        Assert.InRange(cache.Count, 1, 8);
    }

    [Fact]
    public void A_weighted_cache_keeps_its_budget_dropping_the_least_recently_used()
    {
        var cache = new PlanCache<int, string>(10, static s => s.Length);
        int computed = 0;
        string Get(int k, string value) => cache.GetOrAdd(k, () => { computed++; return value; });
        Get(1, "aaaa");
        Get(2, "bbbb");
        Get(3, "cc"); // 10 of 10
        Assert.Equal(3, cache.Count);
        Get(1, "aaaa"); // now the most recent
        Get(4, "ddd"); // 13: drops 2 (4), the least recently used → 9
        Assert.Equal(3, cache.Count);
        Get(1, "aaaa");
        Get(3, "cc");
        Assert.Equal(4, computed);
        Get(2, "bbbb"); // computed again; 13 → drops 4 (3) → 10
        Assert.Equal(5, computed);
        Assert.Equal(3, cache.Count);
        // A value heavier than the whole budget is returned but neither kept nor evicting the others.
        Assert.Equal("heavyheavyheavy", Get(5, "heavyheavyheavy"));
        Assert.Equal(3, cache.Count);
        Get(5, "heavyheavyheavy");
        Assert.Equal(7, computed);
        Get(1, "aaaa");
        Assert.Equal(7, computed);
    }
}
