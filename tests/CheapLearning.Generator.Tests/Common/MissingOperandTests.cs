using System.Linq;
using CheapLearning.Generator.Tests.Bits;
using CheapLearning.Generator.Tests.Infrastructure;

namespace CheapLearning.Generator.Tests.Common;

/// <summary>
/// An operand missing from the source while it is typed (<c>x * ;</c>) is C#'s syntax error (CS1525); the shared
/// straight-line front end also reported "'' is not a polynomial operation: it is not a parameter, …", a message about
/// a name that is not there. Now the missing operand is left to C#, for polynomials and bits alike (found by adv19).
/// </summary>
public class MissingOperandTests
{
    [Theory]
    [InlineData("=> x * ;")]
    [InlineData("{ double y = ; return y * x; }")]
    [InlineData("=> x * (y + );")]
    [InlineData("=> System.Math.Pow(, 2) + y;")]
    [InlineData("=> System.Math.Pow(x, ) + y;")]
    public void A_missing_polynomial_operand_is_left_to_CSharp(string body)
    {
        string source = $$"""
            using CheapLearning;
            public static partial class Typing
            {
                [PolynomialNetwork] public static double F(double x, double y) {{body}}
            }
            """;
        var cheap = TestCompilation.Analyze(source).Where(d => d.Id.StartsWith("CHEAP", System.StringComparison.Ordinal) && d.Id != "CHEAP012").ToList();
        Assert.DoesNotContain(cheap, d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("''", System.StringComparison.Ordinal));
        Assert.Empty(cheap);
        Assert.Contains(TestCompilation.Create(source).GetDiagnostics(), d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);   // CS1525, CS0839
    }

    [Fact]
    public void A_missing_bit_operand_is_left_to_CSharp()
    {
        const string source = """
            using CheapLearning;
            public static partial class Typing
            {
                [BitNetwork] public static bool F(bool a, bool b) => a & ;
            }
            """;
        Assert.Empty(BitTestCompilation.Analyze(source).Where(d => d.Id.StartsWith("CHEAP", System.StringComparison.Ordinal)));
    }
}
