using System;
using System.Linq;
using System.Threading;
using CheapLearning.Generator.Algebra;
using CheapLearning.Generator.Tests.Infrastructure;

namespace CheapLearning.Generator.Tests.Algebra;

public class ExpansionTests
{
    [Fact]
    public void Binomial_square_expands_to_hand_written_coefficients()
    {
        var b = new ExprBuilder(2);
        var x = b.Variable(0);
        var y = b.Variable(1);
        var g = b.Build(b.Power(b.Subtract(b.Scale(x, 2), y), 2)); // (2x − y)² = 4x² − 4xy + y²
        var p = Expansion.TryExpand(g, 100, CancellationToken.None)!;
        Assert.Equal(3, p.TermCount);
        Assert.Equal(4, p.Coefficient(new Monomial(new[] { 2, 0 })));
        Assert.Equal(-4, p.Coefficient(new Monomial(new[] { 1, 1 })));
        Assert.Equal(1, p.Coefficient(new Monomial(new[] { 0, 2 })));
        Assert.Equal(2 * 2 * 1 + 4 + 1, p.AbsoluteSum(1) + 0 * 0 + 0, 12); // S = 4 + 4 + 1 = 9
    }

    [Fact]
    public void Expansion_agrees_with_direct_evaluation_on_random_polynomials()
    {
        var r = new Random(5);
        for (int trial = 0; trial < 50; trial++)
        {
            var terms = TermList.Random(r, r.Next(1, 6), r.Next(0, 7), r.Next(1, 8));
            var p = Expansion.TryExpand(terms.ToGraph(), 10_000, CancellationToken.None)!;
            var x = Enumerable.Range(0, terms.Variables).Select(_ => 2 * r.NextDouble() - 1).ToArray();
            double expected = terms.Evaluate(x);
            Assert.True(Math.Abs(p.Evaluate(x) - expected) <= 1e-12 * (1 + terms.Terms.Sum(t => Math.Abs(t.Coefficient))));
        }
    }

    [Fact]
    public async System.Threading.Tasks.Task Expansion_stops_at_the_term_limit()
    {
        var b = new ExprBuilder(8);
        var sum = b.Constant(0);
        for (int i = 0; i < 8; i++) sum = b.Add(sum, b.Variable(i));
        var g = b.Build(b.Power(sum, 40));
        // A real hang guard: the expansion runs on its own task with a token that fires at 30 s, and the
        // test stops waiting at 35 s, so a hang fails the test instead of stalling the run.
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var task = System.Threading.Tasks.Task.Run(() => Expansion.TryExpand(g, 10_000, cts.Token));
        var first = await System.Threading.Tasks.Task.WhenAny(task, System.Threading.Tasks.Task.Delay(TimeSpan.FromSeconds(35)));
        Assert.True(first == task, "expansion past the term limit did not return (hang)");
        Assert.Null(await task);
    }

    [Fact]
    public void Majorant_equals_absolute_sum_for_expanded_input()
    {
        var terms = new TermList(2, new[] { (3.0, new[] { 2, 0 }), (-2.0, new[] { 1, 1 }), (-0.5, new[] { 0, 0 }) });
        var g = terms.ToGraph();
        Assert.Equal(3 * 4 + 2 * 4 + 0.5, g.Majorant(2), 12);
        Assert.Equal(3 * 4 + 2 * 4 + 0.5, Expansion.TryExpand(g, 100, CancellationToken.None)!.AbsoluteSum(2), 12);
    }

    [Fact]
    public void Hash_consing_shares_equal_products()
    {
        var b = new ExprBuilder(2);
        var x = b.Variable(0);
        var y = b.Variable(1);
        var xy = b.Multiply(x, y);
        var yx2 = b.Multiply(b.Scale(y, 2), x);
        var g = b.Build(b.Add(xy, yx2));
        Assert.Equal(3, g.Atoms.Count); // x, y, x·y
        Assert.Single(g.Result.Terms);
        Assert.Equal(3, g.Result.Terms[0].Coefficient);
    }
}
