using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using System.Linq;
using CheapLearning.Generator.Tests.Infrastructure;

namespace CheapLearning.Generator.Tests.Bits;

/// <summary>
/// Found by consumer tests (round 6): a [BitNetwork] parameter named Evaluators hid the generated private class, so
/// Deep's call 'Evaluators.Deep(...)' bound to the bool (CS1061) and the consumer's build broke. Parameter and method
/// names that equal generated names, keywords and namespaces must all compile without a warning.
/// </summary>
public class ParameterNameClashTests
{
    private const string Source = """
        using CheapLearning;

        namespace Names
        {
            public static partial class N
            {
                [BitNetwork(Form = NetworkForm.Both)] public static bool Ev(bool Evaluators, bool Models) => Evaluators ^ Models;
                [BitNetwork(Form = NetworkForm.Both)] public static bool Sys(bool System, bool CheapLearning, [Bit] int global) => System & CheapLearning | global == 1;
                [BitNetwork(Form = NetworkForm.Both, ParametersAreBits = true)] public static double Kw(double @double, int @int, bool @bool, int nameof) => @double * @int + (@bool ? nameof : 0);
                [BitNetwork] public static bool Models(bool a) => !a;
                [BitNetwork] public static bool Evaluators(bool a) => !a;
                [BitNetwork(Form = NetworkForm.Both)] public static bool Deep(bool Deep, bool Flat, bool DeepModel, bool Digits) => Deep | Flat ^ DeepModel & Digits;
                [BitNetwork] public static bool _h1_0(bool _h1_0, bool _c0, bool _Sigmoid, bool BuildDeep) => _h1_0 ^ _c0 ^ _Sigmoid ^ BuildDeep;
            }

            [BayesClassifier]
            public static partial class Cls
            {
                [Hamiltonian] public static double A(bool Evaluators, bool Models, bool destination, bool scores) => Evaluators ? 1 : 0;
                [Hamiltonian] public static double B(bool Evaluators, bool Models, bool destination, bool scores) => Models ? 1 : 0;
            }
        }

        public static class Use
        {
            public static double All() => Names.N.EvNetwork.Deep(true, false) + Names.N.EvNetwork.Flat(true, true) + Names.N.SysNetwork.Deep(true, true, 0)
                + Names.N.KwNetwork.Flat(1.0, 1, true, 1) + Names.N.DeepNetwork.Deep(true, false, true, false) + Names.Cls.Classifier.Classify(true, false, true, false);
        }
        """;

    [Fact]
    public void Parameters_named_like_generated_members_compile_cleanly()
    {
        var (output, run) = TestCompilation.RunAllGenerators(TestCompilation.Create(Source));
        Assert.Equal(8, run.GeneratedTrees.Length);
        Assert.Empty(TestCompilation.Problems(output));
        Assert.Empty(BitTestCompilation.Analyze(Source));
    }

    [Fact]
    public void The_evaluator_behind_a_clashing_parameter_name_is_the_network()
    {
        var type = BitTestCompilation.BuildAndLoad(Source).GetType("Names.N")!.GetNestedType("EvNetwork")!;
        var deep = type.ScalarEvaluator("Deep")!;
        double bound = (double)type.GetField("DeepErrorBound")!.GetValue(null)!;
        foreach (var (a, b) in new[] { (false, false), (false, true), (true, false), (true, true) })
            Assert.True(System.Math.Abs((double)deep.Invoke(null, new object[] { a, b })! - (a ^ b ? 1 : 0)) <= bound);
    }
}

/// <summary>
/// Found by consumer tests (round 6): [BitNetwork] (or [PolynomialNetwork]) on the defining declaration of a partial
/// method, the one without a body, produced no network and no diagnostic (CS0117 at the use); it was then CHEAP002 at
/// the attribute. Now the attribute may sit on either part: the front end reads the implementing part's body.
/// </summary>
public class PartialMethodAttributeTests
{
    [Theory]
    [InlineData("BitNetwork", "bool", "bool a, bool b", "a & b")]
    [InlineData("PolynomialNetwork", "double", "double a, double b", "a * b")]
    public async System.Threading.Tasks.Task An_attribute_on_either_part_gives_the_network(string attribute, string returns, string parameters, string body)
    {
        string source = "using CheapLearning;\npublic static partial class C\n{\n"
            + $"[{attribute}] public static partial {returns} F({parameters});\npublic static partial {returns} F({parameters}) => {body};\n"
            + $"public static partial {returns} G({parameters});\n[{attribute}] public static partial {returns} G({parameters}) => {body};\n}}";
        var analyzer = attribute == "BitNetwork" ? (DiagnosticAnalyzer)new BitNetworkAnalyzer() : new PolynomialNetworkAnalyzer();
        var diagnostics = await Infrastructure.TestCompilation.Create(source)
            .WithAnalyzers(System.Collections.Immutable.ImmutableArray.Create(analyzer)).GetAnalyzerDiagnosticsAsync();
        Assert.DoesNotContain(diagnostics, x => x.Severity != DiagnosticSeverity.Hidden);
        // CHEAP012 (hidden) reports each network's sizes, at the implementing declaration's name.
        if (attribute == "PolynomialNetwork")
            Assert.Equal(new[] { 5, 7 }, diagnostics.Where(d => d.Id == "CHEAP012").Select(d => d.Location.GetLineSpan().StartLinePosition.Line + 1).OrderBy(l => l));
        var (output, run) = Infrastructure.TestCompilation.RunAllGenerators(Infrastructure.TestCompilation.Create(source));
        Assert.Contains(run.GeneratedTrees, t => t.ToString().Contains("class FNetwork", System.StringComparison.Ordinal));
        Assert.Contains(run.GeneratedTrees, t => t.ToString().Contains("class GNetwork", System.StringComparison.Ordinal));
        Assert.Empty(Infrastructure.TestCompilation.Problems(output));
    }
}
