using System.Linq;
using CheapLearning.Generator.Tests.Infrastructure;

namespace CheapLearning.Generator.Tests.Polynomials;

/// <summary>
/// <c>[PolynomialNetwork] F</c> declared in a class named <c>FNetwork</c>: the generated class FNetwork nested in it broke
/// the build with CS0542 ("member names cannot be the same as their enclosing type") and no CheapLearning diagnostic.
/// It is CHEAP003 at the method's name, and nothing is generated for it.
/// </summary>
public class GeneratedClassNameTests
{
    private const string Source = """
        namespace Clash
        {
            public static partial class FNetwork
            {
                [CheapLearning.PolynomialNetwork] public static double F(double x) => x * x;
                [CheapLearning.PolynomialNetwork] public static double G(double x) => x * x + 1;
            }
        }
        """;

    [Fact]
    public void A_method_in_a_type_named_like_its_network_class_is_CHEAP003_and_the_build_stays_clean()
    {
        var diagnostic = Assert.Single(TestCompilation.Analyze(Source), d => d.Id == "CHEAP003");
        Assert.Equal("F", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.Equal(4, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal("'F' is declared in a type named 'FNetwork', the name of the generated class, which cannot be nested in a type of its own name. Rename the method or the type",
                     diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));

        var (output, run) = TestCompilation.RunAllGenerators(TestCompilation.Create(Source));
        Assert.Contains("class GNetwork", Assert.Single(run.GeneratedTrees).ToString());
        Assert.Empty(TestCompilation.Problems(output));
    }
}
