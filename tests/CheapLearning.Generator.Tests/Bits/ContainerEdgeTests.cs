using System.Linq;
using CheapLearning.Generator.Tests.Classifier;
using CheapLearning.Generator.Tests.Infrastructure;

namespace CheapLearning.Generator.Tests.Bits;

/// <summary>
/// Containers no generated file can extend are CHEAP002 for every feature, never a silent absence (CS0117 at the use):
/// file-local types (C# 11 'file'), and local functions carrying [BitNetwork] as [PolynomialNetwork] ones already were.
/// </summary>
public class ContainerEdgeTests
{
    [Theory]
    [InlineData("[BitNetwork] public static bool F(bool a) => a;")]
    [InlineData("[PolynomialNetwork] public static double F(double a) => a * a;")]
    public void A_file_local_type_is_CHEAP002_at_its_name(string member)
    {
        string source = "using CheapLearning;\nfile static partial class T\n{\n" + member + "\n}\n";
        var all = BitTestCompilation.Analyze(source).Concat(TestCompilation.Analyze(source)).ToList();
        var d = Assert.Single(all);
        Assert.Equal("CHEAP002", d.Id);
        Assert.Equal("T", d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan));
        Assert.Contains("file-local", d.GetMessage(), System.StringComparison.Ordinal);
        Assert.Empty(TestCompilation.RunAllGenerators(TestCompilation.Create(source)).Result.GeneratedTrees);
    }

    [Fact]
    public void A_file_local_classifier_is_CHEAP002_and_not_generated()
    {
        string source = "using CheapLearning;\n[BayesClassifier]\nfile static partial class K\n{\n[Hamiltonian] public static double A(bool a) => a ? 1 : 0;\n[Hamiltonian] public static double B(bool a) => a ? 0 : 1;\n}\n";
        Assert.Contains(ClassifierConsumerEdgeTests.AnalyzeSource(source), d => d.Id == "CHEAP002" && d.GetMessage().Contains("file-local", System.StringComparison.Ordinal));
        Assert.Empty(TestCompilation.RunAllGenerators(TestCompilation.Create(source)).Result.GeneratedTrees);
    }

    [Fact]
    public void A_bit_local_function_is_CHEAP002()
    {
        var d = Assert.Single(BitTestCompilation.Analyze("using CheapLearning;\npublic static class T\n{\npublic static bool M()\n{\n[BitNetwork] static bool L(bool a) => a;\nreturn L(true);\n}\n}\n"));
        Assert.Equal("CHEAP002", d.Id);
        Assert.Contains("local function", d.GetMessage(), System.StringComparison.Ordinal);
    }
}

/// <summary>A partial method's two declarations are one method: no "another annotated overload" CHEAP003.</summary>
public class PartialMethodTests
{
    [Theory]
    [InlineData("[BitNetwork] public static partial bool F(bool a, bool b) => a & b;", "F(true, true)")]
    [InlineData("[PolynomialNetwork] public static partial double F(double a, double b) => a * b;", "F(0.5, 0.5)")]
    public void An_annotated_partial_method_builds_a_network(string implementation, string call)
    {
        string source = "using CheapLearning;\npublic static partial class T\n{\npublic static partial " + (implementation.Contains("bool F") ? "bool F(bool a, bool b);" : "double F(double a, double b);")
            + "\n" + implementation + "\npublic static double Use() => FNetwork.Deep" + call.Substring(1) + ";\n}\n";
        Assert.DoesNotContain(BitTestCompilation.Analyze(source).Concat(TestCompilation.Analyze(source)), d => d.Id != "CHEAP012");
        var (output, _) = TestCompilation.RunAllGenerators(TestCompilation.Create(source));
        Assert.Empty(TestCompilation.Problems(output));
    }
}
