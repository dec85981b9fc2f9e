using System;
using System.Collections.Generic;
using CheapLearning.Generator.Algebra;
using CheapLearning.TestKit;

namespace CheapLearning.Generator.Tests.Algebra;

/// <summary>
/// The in-place running sum of a parsed chain (<see cref="ExprBuilder.Sum"/>) against the chained
/// <see cref="ExprBuilder.Add"/>/<see cref="ExprBuilder.Subtract"/> calls it replaces: equal forms and the same
/// count of shrunk constants, on many random chains — overlapping and disjoint atoms, cancelling terms, zero and
/// huge (shrunk) constants — including sums started while another sum is running (nested chains).
/// </summary>
public class RunningSumTests
{
    private static readonly double[] Constants = { 0, -0.0, 1, -1, 0.5, 0.1, -2.75, 1e-300, 1e300, 3 };

    /// <summary>A random form, built the same way in any builder from the same seed (same atoms, same indices).</summary>
    private static LinearForm Form(ExprBuilder builder, Random r)
    {
        var form = builder.Constant(r.Next(3) == 0 ? Constants[r.Next(Constants.Length)] : Math.Round(r.NextDouble() * 10 - 5, r.Next(4)));
        int terms = r.Next(5);
        for (int t = 0; t < terms; t++)
        {
            var atom = r.Next(3) == 0 ? builder.Multiply(builder.Variable(r.Next(4)), builder.Variable(r.Next(4))) : builder.Variable(r.Next(4));
            var k = r.Next(8) == 0 ? builder.Power(builder.Constant(0.1), 3000) : builder.Constant(Math.Round(r.NextDouble() * 8 - 4, r.Next(3)));
            form = builder.Add(form, builder.Multiply(k, atom));
        }
        return form;
    }

    [Fact]
    public void A_running_sum_equals_chained_adds_and_subtracts()
    {
        var random = new Random(Seeds.Stable(nameof(A_running_sum_equals_chained_adds_and_subtracts)));
        for (int round = 0; round < 1000; round++)
        {
            var summed = new ExprBuilder(4);
            var chained = new ExprBuilder(4);
            int seed = random.Next();
            var (r1, r2) = (new Random(seed), new Random(seed));
            var first = Form(summed, r1);
            var expected = Form(chained, r2);
            var sum = summed.StartSum(first);
            // The same operands in both builders, side by side, so that both intern the same atoms in the same order.
            var operands = new List<(LinearForm Summed, LinearForm Chained)> { (first, expected) };
            int length = random.Next(1, 30);
            for (int i = 0; i < length; i++)
            {
                bool negate = random.Next(2) == 0;
                (LinearForm Summed, LinearForm Chained) operand;
                int pick = random.Next(6);
                if (pick == 0)
                {
                    // An earlier operand again (x − x cancels every term).
                    operand = operands[random.Next(operands.Count)];
                }
                else if (pick == 1)
                {
                    // A sum of its own, run while this one is running (a nested chain): x + y.
                    int inner = random.Next();
                    var (ix, iy) = (new Random(inner), new Random(inner));
                    var (x1, x2) = (Form(summed, ix), Form(chained, iy));
                    var (y1, y2) = (Form(summed, ix), Form(chained, iy));
                    var nested = summed.StartSum(x1);
                    nested.Add(y1, negate: false);
                    operand = (summed.EndSum(nested), chained.Add(x2, y2));
                }
                else
                {
                    int s = random.Next();
                    operand = (Form(summed, new Random(s)), Form(chained, new Random(s)));
                }
                sum.Add(operand.Summed, negate);
                expected = negate ? chained.Subtract(expected, operand.Chained) : chained.Add(expected, operand.Chained);
                operands.Add(operand);
            }
            var actual = summed.EndSum(sum);
            Assert.Equal(expected, actual);
            Assert.Equal(chained.Build(expected).ShrunkConstants, summed.Build(actual).ShrunkConstants);
        }
    }
}
