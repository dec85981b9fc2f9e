using System;
using CheapLearning.Generator.Algebra;
using CheapLearning.TestKit;

namespace CheapLearning.Generator.Tests.Algebra;

/// <summary>
/// The one-pass <see cref="ExprBuilder.Subtract"/> of issue 12 against the computation it replaces,
/// <c>Add(a, Scale(b, −1))</c>: equal forms (constant and every term) and the same count of shrunk constants, on
/// many random forms — overlapping and disjoint atoms, cancelling terms, zero and huge (shrunk) constants.
/// </summary>
public class LinearFormSubtractTests
{
    [Fact]
    public void Subtract_equals_adding_the_negated_form()
    {
        var random = new Random(Seeds.Stable(nameof(Subtract_equals_adding_the_negated_form)));
        double[] constants = { 0, -0.0, 1, -1, 0.5, 0.1, -2.75, 1e-300, 1e300, 3 };
        for (int round = 0; round < 2000; round++)
        {
            var fast = new ExprBuilder(4);
            var slow = new ExprBuilder(4);
            // The same random form built in both builders (same atoms, same indices).
            LinearForm Form(ExprBuilder builder, Random r)
            {
                var form = builder.Constant(r.Next(3) == 0 ? constants[r.Next(constants.Length)] : Math.Round(r.NextDouble() * 10 - 5, r.Next(4)));
                int terms = r.Next(5);
                for (int t = 0; t < terms; t++)
                {
                    var atom = r.Next(3) == 0
                        ? builder.Multiply(builder.Variable(r.Next(4)), builder.Variable(r.Next(4)))
                        : builder.Variable(r.Next(4));
                    // A huge power of a constant is cut to ShrunkBits, so shrunk coefficients take part too.
                    var k = r.Next(8) == 0 ? builder.Power(builder.Constant(0.1), 3000) : builder.Constant(Math.Round(r.NextDouble() * 8 - 4, r.Next(3)));
                    form = builder.Add(form, builder.Multiply(k, atom));
                }
                return form;
            }
            int seed = random.Next();
            var a1 = Form(fast, new Random(seed));
            var a2 = Form(slow, new Random(seed));
            seed = random.Next();
            var b1 = random.Next(5) == 0 ? a1 : Form(fast, new Random(seed)); // a − a cancels every term
            var b2 = ReferenceEquals(b1, a1) ? a2 : Form(slow, new Random(seed));

            var expected = slow.Add(a2, slow.Scale(b2, -Rational.One));
            var actual = fast.Subtract(a1, b1);
            Assert.Equal(expected, actual);
            Assert.Equal(expected.GetHashCode(), actual.GetHashCode());
            Assert.Equal(slow.Build(expected).ShrunkConstants, fast.Build(actual).ShrunkConstants);
        }
    }
}
