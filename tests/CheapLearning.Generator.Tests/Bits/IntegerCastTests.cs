using CheapLearning.Generator.Tests.Infrastructure;
using System;
using System.Linq;

namespace CheapLearning.Generator.Tests.Bits;

/// <summary>
/// An integer cast of a double that is an integer on every input (a count kept in a double) is exact in C#, so it is
/// accepted; one that truncates on some input is CHEAP021 naming that input. Until round 11 every cast of a double that
/// was not a bit was refused ("may not be an integer"), counts included. Checked against the C# method on every input.
/// </summary>
public class IntegerCastTests
{
    private const string Source = """
        using CheapLearning;
        namespace Casts;
        public static partial class T
        {
            [BitNetwork(Form = NetworkForm.Both)]
            public static int Count(bool a, bool b, bool c)
            {
                double s = (a ? 1.0 : 0) + (b ? 1.0 : 0) + (c ? 1.0 : 0);
                return 2 * (int)s - 1;
            }

            [BitNetwork(Form = NetworkForm.Both, Activation = Activation.ReLU)]
            public static int Halves(bool a, bool b, bool c)
            {
                double h = (a ? 0.5 : 0) + (b ? 1.5 : 0) + (a == b ? 0 : 0.5) + (c ? 3 : 0);
                return (int)h + (int)(h * 2);
            }
        }
        """;

    [Fact]
    public void Casts_of_integer_valued_doubles_are_accepted_and_exact_on_every_input()
    {
        Assert.Empty(BitTestCompilation.Analyze(Source));
        var assembly = BitTestCompilation.BuildAndLoad(Source);
        var type = assembly.GetType("Casts.T")!;
        foreach (var name in new[] { "Count", "Halves" })
        {
            var network = assembly.GetType("Casts.T+" + name + "Network")!;
            foreach (var form in new[] { "Deep", "Flat" })
            {
                double bound = (double)network.GetField(form + "ErrorBound")!.GetValue(null)!;
                for (int x = 0; x < 8; x++)
                {
                    var args = Enumerable.Range(0, 3).Select(i => (object)((x >> i & 1) == 1)).ToArray();
                    int exact = (int)type.GetMethod(name)!.Invoke(null, args)!;
                    double value = (double)network.ScalarEvaluator(form)!.Invoke(null, args)!;
                    Assert.True(Math.Abs(value - exact) <= bound, $"{name}.{form} at {x}: {value} vs {exact}");
                }
            }
        }
    }

    [Fact]
    public void A_cast_that_truncates_on_some_input_names_it()
    {
        var d = Assert.Single(BitTestCompilation.Analyze(
            "using CheapLearning;\npublic static partial class C\n{\n[BitNetwork] public static int F(bool a, bool b) { double s = (a ? 1.5 : 0) + (b ? 1 : 0); return (int)s; }\n}"));
        Assert.Equal("CHEAP021", d.Id);
        // Inputs in order a = 0, b = 0 (0), a = 1, b = 0 (1.5, the first non-integer).
        Assert.Contains("The cast '(int)s' is not an operation of the bit algebra: a cast to an integer type truncates 1.5 at a = 1, b = 0",
            d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void A_cast_names_the_exact_value_it_truncates_not_the_nearest_double()
    {
        // C# computes 0.7 * 10 as 7.0000000000000000 (rounded), the network the exact 6.99999999999999955591…: the message
        // said "truncates 7", a value no cast truncates.
        var d = Assert.Single(BitTestCompilation.Analyze(
            "using CheapLearning;\npublic static partial class C\n{\n[BitNetwork] public static int F(bool a) { double d = a ? 0.1 : 0.7; return (int)(d * 10); }\n}"));
        Assert.Equal("CHEAP021", d.Id);
        Assert.Contains("a cast to an integer type truncates 6.99999999999999955591… at a = 0",
            d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void An_integer_division_names_the_exact_quotient()
    {
        // 3 / 2 is 1.5 exactly; a quotient with more digits than a double keeps them: 1,000,000,000,000,000,001 / 2.
        var d = Assert.Single(BitTestCompilation.Analyze(
            "using CheapLearning;\npublic static partial class C\n{\n[BitNetwork] public static double F(bool a) { long s = a ? 1000000000000000001L : 0L; return s / 2; }\n}"));
        Assert.Equal("CHEAP021", d.Id);
        Assert.Contains("it truncates 500000000000000000.5 at a = 1",
            d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}
