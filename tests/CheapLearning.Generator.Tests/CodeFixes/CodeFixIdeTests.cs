using System.Threading.Tasks;
using CheapLearning.CodeFixes;
using CheapLearning.Generator.Tests.Infrastructure;

namespace CheapLearning.Generator.Tests.CodeFixes;

/// <summary>The code fixes on attributes written as users write them in an IDE.</summary>
public class CodeFixIdeTests
{
    private const string Head = "using CheapLearning;\npublic static partial class P\n{\n";
    private const string Product = "    public static double Product(double a, double b, double c, double d, double e, double f, double g, double h, double i, double j, double k, double l, double m) => a * b * c * d * e * f * g * h * i * j * k * l * m;\n}\n";

    [Fact]
    public async Task HiddenLayers_replacing_the_only_argument()
    {
        await CodeFixVerifier<FlatFormCodeFixProvider>.Test(
            Head + "    [PolynomialNetwork({|CHEAP010:Form = NetworkForm.Flat|})]\n" + Product,
            Head + "    [PolynomialNetwork(HiddenLayers = 2)]\n" + Product, FlatFormCodeFixProvider.DepthKey).RunAsync();
    }

    [Fact]
    public async Task HiddenLayers_when_Form_is_first()
    {
        await CodeFixVerifier<FlatFormCodeFixProvider>.Test(
            Head + "    [PolynomialNetwork({|CHEAP010:Form = NetworkForm.Flat|}, Tolerance = 1e-6)]\n" + Product,
            Head + "    [PolynomialNetwork(Tolerance = 1e-6, HiddenLayers = 2)]\n" + Product, FlatFormCodeFixProvider.DepthKey).RunAsync();
    }

    [Fact]
    public async Task Tolerance_from_a_const()
    {
        const string tail = "    public static double F(double x, double y) => x * y;\n}\n";
        await CodeFixVerifier<ReachableToleranceCodeFixProvider>.Test(
            Head + "    const double T = 1e-17;\n    [PolynomialNetwork({|CHEAP004:Tolerance = T / 10|})]\n" + tail,
            Head + "    const double T = 1e-17;\n    [PolynomialNetwork(Tolerance = 9.2e-11)]\n" + tail, ReachableToleranceCodeFixProvider.Key).RunAsync();
    }

    [Fact]
    public async Task Preprocessor_around_the_attribute()
    {
        await CodeFixVerifier<FlatFormCodeFixProvider>.Test(
            Head + "#if !DEBUG\n    [PolynomialNetwork({|CHEAP010:Form = NetworkForm.Flat|}, Tolerance = 1e-6)]\n#else\n    [PolynomialNetwork]\n#endif\n" + Product,
            Head + "#if !DEBUG\n    [PolynomialNetwork(Tolerance = 1e-6)]\n#else\n    [PolynomialNetwork]\n#endif\n" + Product, FlatFormCodeFixProvider.DeepKey).RunAsync();
    }

    [Fact]
    public async Task Tolerance_in_an_attribute_list_with_trailing_comment()
    {
        const string tail = "    public static double F(double x, double y) => x * y;\n}\n";
        await CodeFixVerifier<ReachableToleranceCodeFixProvider>.Test(
            Head + "    [System.Obsolete, CheapLearning.PolynomialNetwork(InputBound = 2 /* box */, {|CHEAP004:Tolerance = 1e-17|} /* tight */)] // note\n" + tail,
            Head + "    [System.Obsolete, CheapLearning.PolynomialNetwork(InputBound = 2 /* box */, Tolerance = 9.2e-11 /* tight */)] // note\n" + tail, ReachableToleranceCodeFixProvider.Key).RunAsync();
    }

    [Fact]
    public async Task Partial_with_preprocessor_before_the_keyword()
    {
        const string before = "using CheapLearning;\nnamespace N;\n#region types\n#nullable enable\nstruct {|CHEAP002:S|}\n{\n    [PolynomialNetwork] public static double F(double x) => x * x;\n}\n#endregion\n";
        const string after = "using CheapLearning;\nnamespace N;\n#region types\n#nullable enable\npartial struct S\n{\n    [PolynomialNetwork] public static double F(double x) => x * x;\n}\n#endregion\n";
        await Polynomials.PartialTypeCodeFixTests.Test(before, after).RunAsync();
    }

    [Fact]
    public async Task Partial_after_new_and_access_modifiers()
    {
        const string before = "using CheapLearning;\nclass B { public class C { } }\nclass {|CHEAP002:D|} : B\n{\n    new internal class {|CHEAP002:C|}\n    {\n        [PolynomialNetwork] public static double F(double x) => x * x;\n    }\n}\n";
        const string after = "using CheapLearning;\nclass B { public class C { } }\npartial class D : B\n{\n    new internal partial class C\n    {\n        [PolynomialNetwork] public static double F(double x) => x * x;\n    }\n}\n";
        await Polynomials.PartialTypeCodeFixTests.Test(before, after).RunAsync();
    }

    [Fact]
    public async Task Partial_before_the_keyword_after_a_conditional_modifier()
    {
        // 'partial' must sit right before 'class': put after 'public' it preceded the '#if' on the same line (CS1040).
        const string before = "using CheapLearning;\npublic\n#if NET8_0_OR_GREATER\n    sealed\n#endif\n    class {|CHEAP002:C|}\n{\n    [PolynomialNetwork] public static double F(double x) => x * x;\n}\n";
        const string after = "using CheapLearning;\npublic\n#if NET8_0_OR_GREATER\n    sealed\n#endif\n    partial class C\n{\n    [PolynomialNetwork] public static double F(double x) => x * x;\n}\n";
        await Polynomials.PartialTypeCodeFixTests.Test(before, after).RunAsync();
    }

    [Fact]
    public async Task No_partial_fix_for_a_class_in_an_interface()
    {
        // The interface's own CHEAP002 ("'I' is an interface") has no fix, so 'partial' on C cannot let the network be generated.
        const string code = "using CheapLearning;\ninterface {|CHEAP002:I|}\n{\n    class {|CHEAP002:C|}\n    {\n        [PolynomialNetwork] public static double F(double x) => x * x;\n    }\n}\n";
        await Polynomials.PartialTypeCodeFixTests.Test(code, code).RunAsync();
    }

    [Fact]
    public async Task Directive_inside_the_argument_list()
    {
        const string head = "using CheapLearning;\npublic static partial class P\n{\n";
        const string product = "    public static double Product(double a, double b, double c, double d, double e, double f, double g, double h, double i, double j, double k, double l, double m) => a * b * c * d * e * f * g * h * i * j * k * l * m;\n}\n";
        await CodeFixVerifier<FlatFormCodeFixProvider>.Test(
            head + "    [PolynomialNetwork(\n#if !NOFLAT\n        {|CHEAP010:Form = NetworkForm.Flat|},\n#endif\n        Tolerance = 1e-6)]\n" + product,
            head + "    [PolynomialNetwork(\n\n#if !NOFLAT\n#endif\n        Tolerance = 1e-6)]\n" + product, FlatFormCodeFixProvider.DeepKey).RunAsync();
    }

    [Fact]
    public async Task Directive_around_the_last_or_only_argument()
    {
        const string head = "using CheapLearning;\npublic static partial class P\n{\n";
        const string product = "    public static double Product(double a, double b, double c, double d, double e, double f, double g, double h, double i, double j, double k, double l, double m) => a * b * c * d * e * f * g * h * i * j * k * l * m;\n}\n";
        await CodeFixVerifier<FlatFormCodeFixProvider>.Test(
            head + "    [PolynomialNetwork(Tolerance = 1e-6,\n#if !NOFLAT\n        {|CHEAP010:Form = NetworkForm.Flat|}\n#endif\n        )]\n" + product,
            head + "    [PolynomialNetwork(Tolerance = 1e-6\n#if !NOFLAT\n#endif\n        )]\n" + product, FlatFormCodeFixProvider.DeepKey).RunAsync();
        await CodeFixVerifier<FlatFormCodeFixProvider>.Test(
            head + "    [PolynomialNetwork(\n#if !NOFLAT\n        {|CHEAP010:Form = NetworkForm.Flat|}\n#endif\n        )]\n" + product,
            head + "    [PolynomialNetwork(\n\n#if !NOFLAT\n#endif\n        )]\n" + product, FlatFormCodeFixProvider.DeepKey).RunAsync();
    }

    [Fact]
    public async Task Method_in_interface()
    {
        const string before = "using CheapLearning;\ninterface {|CHEAP002:I|}\n{\n    [PolynomialNetwork] public static double F(double x) => x * x;\n}\n";
        await Polynomials.PartialTypeCodeFixTests.Test(before, before).RunAsync();
    }
}
