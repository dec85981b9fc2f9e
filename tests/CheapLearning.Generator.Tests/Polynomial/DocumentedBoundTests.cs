using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using CheapLearning.Generator.Tests.Infrastructure;

namespace CheapLearning.Generator.Tests.Polynomials;

/// <summary>
/// The evaluators' XML docs say "|Deep(x) − M(x)| ≤ b": b must never be below the proven bound the class's
/// <c>DeepErrorBound</c>/<c>FlatErrorBound</c> constant states. Rounding to 3 digits to nearest wrote x·y's
/// 9.1038e-11 as 9.1E-11, a false statement in the IDE tooltip (found by following README as a newcomer).
/// </summary>
public class DocumentedBoundTests
{
    private const string Source = """
        using CheapLearning;
        public static partial class P
        {
            [PolynomialNetwork(Tolerance = 1e-10, Form = NetworkForm.Both)] public static double Product(double x, double y) => x * y;
            [PolynomialNetwork(Form = NetworkForm.Both, InputBound = 2)] public static double Quartic(double a, double b, double c) => 3 * a * a * b * c - 0.7 * b * b + c;
            [PolynomialNetwork(Activation = Activation.Tanh, InputBound = 0.3)] public static double Cubic(double x) => x * x * x - 2 * x;
            [PolynomialNetwork(Activation = Activation.ReLU)] public static double Square(double x, double y) => x * y + 0.25;
            [BitNetwork(Form = NetworkForm.Both)] public static bool Majority(bool a, bool b, bool c) => (a & b) | (a & c) | (b & c);
            [BitNetwork(Form = NetworkForm.Both, Digits = 7)] public static double Energy(bool a, bool b) => (a ? 1.0 : -1.0) * (b ? 0.3 : -0.3);
        }
        """;

    private static readonly Regex Stated = new(@"\|(Deep|Flat)\(x\) − (\w+)\(x\)\| ≤ ([0-9.E+\-]+)");
    private static readonly Regex Constant = new(@"const double (Deep|Flat)ErrorBound = ([0-9.E+\-]+);");

    [Fact]
    public void Every_documented_error_bound_is_at_least_the_proven_one()
    {
        var (output, run) = TestCompilation.RunAllGenerators(TestCompilation.Create(Source));
        Assert.Empty(TestCompilation.Problems(output));
        int compared = 0, roundedUp = 0;
        foreach (var tree in run.GeneratedTrees)
        {
            string text = tree.ToString();
            var proven = Constant.Matches(text).ToDictionary(m => m.Groups[1].Value, m => double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
            foreach (Match m in Stated.Matches(text))
            {
                double stated = double.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture), bound = proven[m.Groups[1].Value];
                Assert.True(stated >= bound, $"{m.Groups[2].Value}.{m.Groups[1].Value}: docs say ≤ {m.Groups[3].Value}, proven bound {bound:R}");
                Assert.True(stated <= bound * 1.01, $"{m.Groups[2].Value}.{m.Groups[1].Value}: docs say ≤ {m.Groups[3].Value}, far above {bound:R}");
                if (double.Parse(bound.ToString("G3", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) < bound) roundedUp++;
                compared++;
            }
        }
        Assert.Equal(10, compared);   // 6 methods, 4 of them with both forms
        Assert.True(roundedUp > 0);   // the case that was wrong (x·y) is among them
    }
}
