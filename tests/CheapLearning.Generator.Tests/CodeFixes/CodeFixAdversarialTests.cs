using System.Threading.Tasks;
using CheapLearning.CodeFixes;
using CheapLearning.Generator.Polynomials;
using CheapLearning.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace CheapLearning.Generator.Tests.CodeFixes;

/// <summary>The code fixes on code a user writes in an IDE: records, file-scoped namespaces, aliases, several files, formatting.</summary>
public class CodeFixAdversarialTests
{
    private static CSharpCodeFixTest<PolynomialNetworkAnalyzer, PartialTypeCodeFixProvider, DefaultVerifier> Partial(string before, string after)
        => Polynomials.PartialTypeCodeFixTests.Test(before, after);

    [Fact]
    public async Task Record_and_record_struct_and_ref_struct()
    {
        const string before = "using CheapLearning;\nnamespace N;\npublic record {|CHEAP002:R|}(int A)\n{\n    public readonly ref struct {|CHEAP002:S|}\n    {\n        internal record struct {|CHEAP002:T|}\n        {\n            [PolynomialNetwork]\n            public static double F(double x) => x * x;\n        }\n    }\n}\n";
        const string after = "using CheapLearning;\nnamespace N;\npublic partial record R(int A)\n{\n    public readonly ref partial struct S\n    {\n        internal partial record struct T\n        {\n            [PolynomialNetwork]\n            public static double F(double x) => x * x;\n        }\n    }\n}\n";
        await Partial(before, after).RunAsync();
    }

    [Fact]
    public async Task Same_name_at_two_depths_each_gets_its_own_fix()
    {
        // A.B.A is legal C#: the outer A's diagnostic must sit on the outer A, or the fix never reaches it.
        const string before = "using CheapLearning;\nclass {|CHEAP002:A|}\n{\n    static class {|CHEAP002:B|}\n    {\n        static class {|CHEAP002:A|}\n        {\n            [PolynomialNetwork]\n            public static double F(double x) => x * x;\n        }\n    }\n}\n";
        const string after = "using CheapLearning;\npartial class A\n{\n    static partial class B\n    {\n        static partial class A\n        {\n            [PolynomialNetwork]\n            public static double F(double x) => x * x;\n        }\n    }\n}\n";
        await Partial(before, after).RunAsync();
    }

    [Fact]
    public async Task Alias_and_full_names_and_several_files_with_fix_all()
    {
        var test = Partial("", "");
        test.TestState.Sources.Clear();
        test.FixedState.Sources.Clear();
        test.TestState.Sources.Add(("/A.cs", "using PN = CheapLearning.PolynomialNetworkAttribute;\nnamespace N\n{\n    /// <summary>doc</summary>\n    [System.Serializable] // keep\n    public sealed class {|CHEAP002:P|} // after\n    {\n        [PN] public static double F(double x) => x * x;\n    }\n}\n"));
        test.TestState.Sources.Add(("/B.cs", "namespace M;\nstatic class {|CHEAP002:Q|}\n{\n    [CheapLearning.PolynomialNetworkAttribute()]\n    public static double G(double x, double y) => x * y;\n}\n"));
        test.FixedState.Sources.Add(("/A.cs", "using PN = CheapLearning.PolynomialNetworkAttribute;\nnamespace N\n{\n    /// <summary>doc</summary>\n    [System.Serializable] // keep\n    public sealed partial class P // after\n    {\n        [PN] public static double F(double x) => x * x;\n    }\n}\n"));
        test.FixedState.Sources.Add(("/B.cs", "namespace M;\nstatic partial class Q\n{\n    [CheapLearning.PolynomialNetworkAttribute()]\n    public static double G(double x, double y) => x * y;\n}\n"));
        await test.RunAsync();
    }

    private const string Product = "    public static double Product(double a, double b, double c, double d, double e, double f, double g, double h, double i, double j, double k, double l, double m) => a * b * c * d * e * f * g * h * i * j * k * l * m;\n}\n";

    [Fact]
    public async Task Deep_form_keeps_the_layout_and_comments_of_the_other_arguments()
    {
        const string head = "using CheapLearning;\npublic static partial class P\n{\n";
        string before = head + "    [PolynomialNetwork(\n        {|CHEAP010:Form = NetworkForm.Flat|}, // was flat\n        Tolerance = 1e-6, /* keep */\n        InputBound = 2)]\n" + Product;
        string after = head + "    [PolynomialNetwork(\n        Tolerance = 1e-6, /* keep */\n        InputBound = 2)]\n" + Product;
        await CodeFixVerifier<FlatFormCodeFixProvider>.Test(before, after, FlatFormCodeFixProvider.DeepKey).RunAsync();
    }

    [Fact]
    public async Task HiddenLayers_replaces_an_existing_value_in_place()
    {
        const string head = "using CheapLearning;\npublic static partial class P\n{\n";
        string before = head + "    [PolynomialNetwork(HiddenLayers = 0, {|CHEAP010:Form = NetworkForm.Flat|}, Tolerance = 1e-6)]\n" + Product;
        string after = head + "    [PolynomialNetwork(HiddenLayers = 2, Tolerance = 1e-6)]\n" + Product;
        await CodeFixVerifier<FlatFormCodeFixProvider>.Test(before, after, FlatFormCodeFixProvider.DepthKey).RunAsync();
    }

    [Fact]
    public async Task Deep_form_with_an_alias_and_Attribute_suffix()
    {
        const string head = "using PN = CheapLearning.PolynomialNetworkAttribute;\nusing CheapLearning;\npublic static partial class P\n{\n";
        string before = head + "    [System.Obsolete, PN({|CHEAP010:Form = (NetworkForm)1|})]\n" + Product;
        string after = head + "    [System.Obsolete, PN]\n" + Product;
        var test = CodeFixVerifier<FlatFormCodeFixProvider>.Test(before, after, FlatFormCodeFixProvider.DeepKey);
        test.DisabledDiagnostics.Add("CS0612");
        await test.RunAsync();
    }
}

/// <summary>"Set Tolerance = t" where both forms warn: one fix (and Fix All) must silence both.</summary>
public class ToleranceFixBothFormsTests
{
    [Fact]
    public async Task Both_forms_warn_and_the_fixed_code_warns_no_more()
    {
        const string head = "using CheapLearning;\npublic static partial class P\n{\n";
        string before = head + "    [PolynomialNetwork(Form = NetworkForm.Both, {|CHEAP004:{|CHEAP004:Tolerance = 1e-17|}|})]\n    public static double F(double x, double y) => x * y;\n}\n";
        var test = CodeFixVerifier<ReachableToleranceCodeFixProvider>.Test(before, "", ReachableToleranceCodeFixProvider.Key);
        test.FixedState.Sources.Clear();
        test.FixedState.Sources.Add(head + "    [PolynomialNetwork(Form = NetworkForm.Both, Tolerance = 1.2e-10)]\n    public static double F(double x, double y) => x * y;\n}\n");
        await test.RunAsync();
    }
}

/// <summary>"Set Tolerance = t" on a classifier's [Hamiltonian], the other attribute with a Tolerance.</summary>
public class ToleranceFixHamiltonianTests
{
    [Fact]
    public async Task The_Hamiltonian_gets_a_reachable_tolerance_and_warns_no_more()
    {
        const string head = "using CheapLearning;\n[BayesClassifier]\npublic static partial class K\n{\n";
        const string tail = "    public static double A(double x, double y) => x * y;\n    [Hamiltonian] public static double B(double x, double y) => x + y;\n}\n";
        var test = CodeFixVerifier<ReachableToleranceCodeFixProvider>.Test<CheapLearning.Generator.Classifier.BayesClassifierAnalyzer>(
            head + "    [Hamiltonian({|CHEAP004:Tolerance = 1e-17|})]\n" + tail,
            head + "    [Hamiltonian(Tolerance = 9.2e-11)]\n" + tail,
            ReachableToleranceCodeFixProvider.Key);
        await test.RunAsync();
    }
}

/// <summary>"Make 'T' partial" is not offered where it cannot let the network be generated.</summary>
public class PartialFixNotOfferedTests
{
    [Theory]
    [InlineData("public class {|CHEAP002:{|CHEAP002:G|}|}<T>\n{\n    [PolynomialNetwork] public static double F(double x) => x * x;\n}\n")]
    // Inner is not partial (one CHEAP002); being nested in a generic type is G's own CHEAP002, not a second one at Inner.
    [InlineData("public partial class {|CHEAP002:G|}<T>\n{\n    public static class {|CHEAP002:Inner|}\n    {\n        [PolynomialNetwork] public static double F(double x) => x * x;\n    }\n}\n")]
    [InlineData("file class {|CHEAP002:{|CHEAP002:L|}|}\n{\n    [PolynomialNetwork] public static double F(double x) => x * x;\n}\n")]
    public async Task Generic_or_file_local_types_get_no_fix(string code)
    {
        await Polynomials.PartialTypeCodeFixTests.Test("using CheapLearning;\n" + code, "using CheapLearning;\n" + code).RunAsync();
    }
}
