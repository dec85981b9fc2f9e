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

    /// <summary>A spec stand-in that counts how often it is hashed or compared with another object, equal to any spec of the same value.</summary>
    private sealed class CountingSpec : IEquatable<CountingSpec>
    {
        public CountingSpec(int value) => Value = value;

        public int Value { get; }

        public int Uses;

        public bool Equals(CountingSpec? other)
        {
            if (ReferenceEquals(other, this)) return true; // as a record's Equals (MethodSpec's) begins
            Interlocked.Increment(ref Uses);
            if (other is not null) Interlocked.Increment(ref other.Uses);
            return other is not null && other.Value == Value;
        }

        public override bool Equals(object? obj) => Equals(obj as CountingSpec);

        public override int GetHashCode()
        {
            Interlocked.Increment(ref Uses);
            return Value;
        }
    }

    /// <summary>A key as the polynomial feature's: a spec and settings; records compare a shared spec by reference first.</summary>
    private sealed record Key(CountingSpec Spec, int Setting);

    [Fact]
    public void A_spec_object_stored_before_is_found_without_hashing_or_comparing_it_and_other_settings_still_miss()
    {
        var cache = new PlanCache<Key, string>(8, static key => key.Spec);
        var spec = new CountingSpec(1);
        // The generator stores the findings under the front end's spec object …
        Assert.Equal("plan 1/0", cache.Add(new Key(spec, 0), "plan 1/0"));
        spec.Uses = 0;
        // … and the analyzer looks them up under a new key holding that same object: found, the spec neither hashed nor compared.
        int planned = 0;
        Assert.Equal("plan 1/0", cache.GetOrAdd(new Key(spec, 0), () => { planned++; return "fresh"; }));
        Assert.Equal(0, spec.Uses);
        Assert.Equal(0, planned);
        // Other settings with the same spec object: another key, planned anew, and its own value.
        Assert.Equal("plan 1/5", cache.GetOrAdd(new Key(spec, 5), () => { planned++; return "plan 1/5"; }));
        Assert.Equal(1, planned);
        Assert.Equal("plan 1/0", cache.GetOrAdd(new Key(spec, 0), () => { planned++; return "fresh"; }));
        Assert.Equal(1, planned);
        // An equal spec object met for the first time: found through the map (hashed and compared once), then remembered.
        var equal = new CountingSpec(1);
        Assert.Equal("plan 1/0", cache.GetOrAdd(new Key(equal, 0), () => { planned++; return "fresh"; }));
        Assert.True(equal.Uses > 0);
        equal.Uses = 0;
        Assert.Equal("plan 1/0", cache.GetOrAdd(new Key(equal, 0), () => { planned++; return "fresh"; }));
        Assert.Equal(0, equal.Uses);
        // An unequal spec is planned: nothing remembered for another object answers for it.
        Assert.Equal("plan 2/0", cache.GetOrAdd(new Key(new CountingSpec(2), 0), () => { planned++; return "plan 2/0"; }));
        Assert.Equal(2, planned);
    }

    [Fact]
    public void Concurrent_callers_with_shared_spec_objects_get_their_own_keys_plan()
    {
        var cache = new PlanCache<Key, string>(16, static key => key.Spec);
        var specs = Enumerable.Range(0, 8).Select(i => new CountingSpec(i)).ToArray();
        var wrong = new ConcurrentBag<string>();
        Parallel.For(0, 40_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var spec = i % 3 == 0 ? new CountingSpec(i % 8) : specs[i % 8];
            int setting = i / 8 % 3;
            string expected = $"plan {spec.Value}/{setting}";
            var plan = i % 5 == 0 ? cache.Add(new Key(spec, setting), expected) : cache.GetOrAdd(new Key(spec, setting), () => expected);
            if (plan != expected) wrong.Add($"{expected}: {plan}");
        });
        Assert.Empty(wrong);
    }
}
