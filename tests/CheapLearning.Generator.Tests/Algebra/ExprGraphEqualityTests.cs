using System;
using System.Collections.Generic;
using CheapLearning.Generator.Algebra;
using CheapLearning.TestKit;

namespace CheapLearning.Generator.Tests.Algebra;

/// <summary>
/// <see cref="ExprGraph"/> keeps its hash once computed (issue 12: plan-cache keys were hashed in full per lookup) and
/// writes its own equality for that: it must still be the record's value equality. Checked on many random graphs built
/// twice (equal, whether or not either hash was computed first), and on graphs that differ in one place (unequal).
/// </summary>
public class ExprGraphEqualityTests
{
    private static ExprGraph Random(int seed, int variant)
    {
        var r = new Random(seed);
        var builder = new ExprBuilder(4);
        var form = builder.Constant(r.Next(5) - 2);
        int terms = 1 + r.Next(6);
        for (int t = 0; t < terms; t++)
        {
            var atom = r.Next(3) == 0
                ? builder.Multiply(builder.Variable(r.Next(4)), builder.Variable(r.Next(4)))
                : r.Next(4) == 0 ? builder.Power(builder.Add(builder.Variable(r.Next(4)), builder.Constant(1)), 2 + r.Next(3)) : builder.Variable(r.Next(4));
            // variant 1 changes the last coefficient, nothing else.
            double k = Math.Round(r.NextDouble() * 8 - 4, r.Next(3)) + (variant == 1 && t == terms - 1 ? 0.5 : 0);
            form = builder.Add(form, builder.Multiply(builder.Constant(k), atom));
        }
        return builder.Build(form);
    }

    [Fact]
    public void Graphs_built_alike_are_equal_with_equal_hashes_whichever_hash_came_first()
    {
        var seeds = new Random(Seeds.Stable(nameof(Graphs_built_alike_are_equal_with_equal_hashes_whichever_hash_came_first)));
        for (int round = 0; round < 500; round++)
        {
            int seed = seeds.Next();
            var a = Random(seed, 0);
            var b = Random(seed, 0);
            Assert.NotSame(a, b);
            // Hash state: none, one side, both.
            if (round % 3 >= 1) _ = a.GetHashCode();
            Assert.True(a.Equals(b) && b.Equals(a) && a == b, $"seed {seed}");
            if (round % 3 == 2) _ = b.GetHashCode();
            Assert.Equal(a.GetHashCode(), b.GetHashCode());
            Assert.Equal(a.GetHashCode(), a.GetHashCode());
        }
    }

    [Fact]
    public void Graphs_that_differ_in_a_coefficient_or_in_shrunk_constants_are_unequal()
    {
        var seeds = new Random(Seeds.Stable(nameof(Graphs_that_differ_in_a_coefficient_or_in_shrunk_constants_are_unequal)));
        var hashes = new HashSet<int>();
        for (int round = 0; round < 500; round++)
        {
            int seed = seeds.Next();
            var a = Random(seed, 0);
            var c = Random(seed, 1);
            if (round % 2 == 0) { _ = a.GetHashCode(); _ = c.GetHashCode(); }
            Assert.False(a.Equals(c), $"seed {seed}");
            hashes.Add(a.GetHashCode());
            // A copy with another ShrunkConstants: the copy's hash is its own, not the original's cached one.
            var shrunk = a with { ShrunkConstants = a.ShrunkConstants + 1 };
            Assert.False(a.Equals(shrunk));
            Assert.NotEqual(a.GetHashCode(), shrunk.GetHashCode());
            Assert.True((a with { }).Equals(a));
            Assert.Equal(a.GetHashCode(), (a with { }).GetHashCode());
        }
        Assert.True(hashes.Count > 400, $"only {hashes.Count} distinct hashes of 500 graphs");
    }
}
