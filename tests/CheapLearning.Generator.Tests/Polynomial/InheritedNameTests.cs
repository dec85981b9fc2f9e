using System.Linq;
using CheapLearning.Generator.Tests.Infrastructure;

namespace CheapLearning.Generator.Tests.Polynomials;

/// <summary>
/// A derived class's annotated F whose base class has a member named FNetwork (its own network class, a field, a method):
/// the generated class hid it without <c>new</c>, warning CS0108 in the generated file, which breaks a TreatWarningsAsErrors
/// build the user cannot fix. It is declared <c>new</c> exactly when it hides a visible member (not a private one:
/// <c>new</c> there is CS0109).
/// </summary>
public class InheritedNameTests
{
    private const string Source = """
        using CheapLearning;
        namespace Demo
        {
            public partial class Base
            {
                [PolynomialNetwork] public static double F(double x) => x * x;
                public static int GNetwork;
                protected internal static void HNetwork() { }
                private static int KNetwork = 1;
                public static int Touch() => KNetwork;
            }
            public partial class Derived : Base
            {
                [PolynomialNetwork] public static new double F(double x) => x * x * x;
                [PolynomialNetwork] public static double G(double x) => x + 1;
                [PolynomialNetwork] public static double H(double x) => x - 1;
                [PolynomialNetwork] public static double K(double x) => 2 * x;
            }
        }
        """;

    [Fact]
    public void The_generated_class_is_new_exactly_when_it_hides_a_visible_inherited_member()
    {
        var (output, run) = TestCompilation.RunAllGenerators(TestCompilation.Create(Source));
        Assert.Empty(TestCompilation.Problems(output));
        string Class(string method) => run.GeneratedTrees.Single(t => t.FilePath.Contains("Derived." + method + ".", System.StringComparison.Ordinal))
                                          .ToString().Split('\n').Single(l => l.Contains("static class " + method + "Network", System.StringComparison.Ordinal)).Trim();
        Assert.Equal("public new static class FNetwork", Class("F"));
        Assert.Equal("public new static class GNetwork", Class("G"));
        Assert.Equal("public new static class HNetwork", Class("H"));
        Assert.Equal("public static class KNetwork", Class("K"));

        // Each network is its own method's: Derived.FNetwork evaluates x³, Base.FNetwork x².
        var assembly = TestCompilation.BuildAndLoad(Source);
        double Deep(string type) => (double)assembly.GetType(type)!.ScalarEvaluator("Deep")!.Invoke(null, new object[] { 0.5 })!;
        Assert.True(System.Math.Abs(Deep("Demo.Derived+FNetwork") - 0.125) < 1e-9);
        Assert.True(System.Math.Abs(Deep("Demo.Base+FNetwork") - 0.25) < 1e-9);
    }
}

/// <summary>
/// A class nested in its own base (class Inner : Outer inside Outer) sees the base's private members, so a generated
/// FNetwork there hides Outer's private FNetwork: it warned CS0108 in the generated file (private members were taken as invisible).
/// </summary>
public class NestedInheritedNameTests
{
    [Fact]
    public void A_class_nested_in_its_base_hides_the_bases_private_member_with_new()
    {
        const string source = """
            using CheapLearning;
            public partial class Outer
            {
                private static int FNetwork = 1;
                public static int Touch() => FNetwork;
                [PolynomialNetwork] private static double G(double x) => x;
                public partial class Inner : Outer
                {
                    [PolynomialNetwork] public static double F(double x) => x * x;
                    [PolynomialNetwork] public static new double G(double x) => x * x * x;
                }
            }
            public partial class Other : Outer
            {
                [PolynomialNetwork] public static double F(double x) => x * x;
            }
            """;
        var (output, run) = TestCompilation.RunAllGenerators(TestCompilation.Create(source));
        Assert.Empty(TestCompilation.Problems(output));
        string Class(string file, string name) => run.GeneratedTrees.Single(t => t.FilePath.Contains(file, System.StringComparison.Ordinal))
                                          .ToString().Split('\n').Single(l => l.Contains("static class " + name, System.StringComparison.Ordinal)).Trim();
        Assert.Equal("public new static class FNetwork", Class("Outer.Inner.F.", "FNetwork"));
        Assert.Equal("public new static class GNetwork", Class("Outer.Inner.G.", "GNetwork"));
        Assert.Equal("public static class FNetwork", Class("Other.F.", "FNetwork")); // Outer's private member is out of Other's sight
    }
}
