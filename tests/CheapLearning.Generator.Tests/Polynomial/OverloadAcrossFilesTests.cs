using System.Linq;
using CheapLearning.Generator.Tests.Infrastructure;

namespace CheapLearning.Generator.Tests.Polynomials;

/// <summary>
/// Two annotated overloads of one name in two files of a partial class, each at the same offset of its file: "which comes
/// first" compared offsets only, so neither was CHEAP003, both generated 'FNetwork' under one hint name, and the generator
/// threw (CS8785, no network at all). Declarations are now ordered by file path, then offset.
/// </summary>
public class OverloadAcrossFilesTests
{
    private const string First = """
        namespace Two
        {
            public static partial class C
            {
                [CheapLearning.PolynomialNetwork] public static double F(double x) => x * x;
            }
        }
        """;

    private const string Second = """
        namespace Two
        {
            public static partial class C
            {
                [CheapLearning.PolynomialNetwork] public static double F(double x, double y) => x * y;
            }
        }
        """;

    [Fact]
    public void The_overload_in_the_later_file_is_CHEAP003_and_the_first_gets_its_network()
    {
        var diagnostic = Assert.Single(TestCompilation.Analyze(First, Second), d => d.Id == "CHEAP003");
        Assert.Equal("Test1.cs", diagnostic.Location.SourceTree!.FilePath);
        Assert.Equal("F", diagnostic.Location.SourceTree.GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.Equal("Another [PolynomialNetwork] overload of 'F' comes first; both would generate 'FNetwork'. Rename one of them",
                     diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));

        var (output, run) = TestCompilation.RunAllGenerators(TestCompilation.Create(First, Second));
        Assert.All(run.Results, r => Assert.Null(r.Exception));
        var generated = Assert.Single(run.GeneratedTrees);
        Assert.Contains("public static double Deep(double x)", generated.ToString());
        // The second overload's own code (x * y) compiles; nothing generated collides with it.
        Assert.Empty(TestCompilation.Problems(output));
    }
}
