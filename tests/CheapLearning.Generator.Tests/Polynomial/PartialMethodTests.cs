using System;
using System.Linq;
using CheapLearning.Generator.Tests.Infrastructure;
using CheapLearning.TestKit;
using Microsoft.CodeAnalysis;

namespace CheapLearning.Generator.Tests.Polynomials;

/// <summary>
/// <c>[PolynomialNetwork] static partial double F(double x, double y = 0.5);</c> in one file, the body in another: the
/// attribute on the defining declaration was CHEAP002 ("put it on the implementing declaration"). The front end now reads
/// the implementing part (its body, in its own file), the defaults come from the defining part, and every diagnostic
/// lands where its cause is written: the attribute's arguments in the defining file, the body in the implementing one.
/// </summary>
public class PartialMethodTests
{
    private const string Defining = """
        using CheapLearning;
        namespace Demo
        {
            public static partial class Split
            {
                [PolynomialNetwork(InputBound = 2, Form = NetworkForm.Both)]
                public static partial double F(double x, double y = 0.5);

                [PolynomialNetwork(InputBound = -1)]
                public static partial double BadBound(double x);

                [PolynomialNetwork]
                public static partial double NotPolynomial(double x);

                public static double Use(double x) => FNetwork.Deep(x) + FNetwork.Flat(x, 1);
            }
        }
        """;

    private const string Implementing = """
        namespace Demo
        {
            public static partial class Split
            {
                public static partial double F(double x, double y) => 3 * x * x * y - y + 0.25;

                public static partial double BadBound(double x) => x * x;

                public static partial double NotPolynomial(double x) => System.Math.Sqrt(x);
            }
        }
        """;

    // The oracle reads the implementing part alone (the defining one has no body).
    private const string OracleSource = "namespace Demo { public static partial class Split { public static double F(double x, double y) => 3 * x * x * y - y + 0.25; } }";

    [Fact]
    public void Diagnostics_are_at_the_attribute_argument_and_in_the_body()
    {
        var diagnostics = TestCompilation.Analyze(Defining, Implementing).Where(d => d.Severity != DiagnosticSeverity.Hidden).ToList();
        Assert.Equal(2, diagnostics.Count);
        var bound = Assert.Single(diagnostics, d => d.Id == "CHEAP005");
        Assert.Equal("Test0.cs", bound.Location.SourceTree!.FilePath);
        Assert.Equal("-1", bound.Location.SourceTree.GetText().ToString(bound.Location.SourceSpan));
        var body = Assert.Single(diagnostics, d => d.Id == "CHEAP001");
        Assert.Equal("Test1.cs", body.Location.SourceTree!.FilePath);
        Assert.Equal("System.Math.Sqrt(x)", body.Location.SourceTree.GetText().ToString(body.Location.SourceSpan));
    }

    [Fact]
    public void The_network_of_a_partial_method_is_within_its_bound_with_the_defining_parts_defaults()
    {
        var assembly = BuildWithoutTheRefused();
        var type = assembly.GetType("Demo.Split+FNetwork")!;
        var oracle = PolynomialOracle.FromSource(OracleSource, "Split", "F");
        foreach (var form in new[] { "Deep", "Flat" })
        {
            var model = (NetworkModel)type.GetProperty(form + "Model")!.GetValue(null)!;
            ExactChecks.AssertNetwork(OracleSource, "Split", "F", type.ScalarEvaluator(form)!, model, 1e-6, randomPoints: 300, seed: 5);   // the default τ (no CHEAP004 by design): not 1e-9 at R = 2
        }
        // Use(x) = Deep(x) (y = 0.5 from the defining declaration) + Flat(x, 1).
        var use = assembly.GetType("Demo.Split")!.GetMethod("Use")!;
        double deepBound = (double)type.GetField("DeepErrorBound")!.GetValue(null)!, flatBound = (double)type.GetField("FlatErrorBound")!.GetValue(null)!;
        for (int k = 0; k <= 200; k++)
        {
            double x = -2 + k / 50.0;
            double exact = oracle.Value(new[] { x, 0.5 }).ToDouble() + oracle.Value(new[] { x, 1.0 }).ToDouble();
            double value = (double)use.Invoke(null, new object[] { x })!;
            Assert.True(Math.Abs(value - exact) <= deepBound + flatBound + 1e-14, $"Use({x:R}) = {value:R}, exact {exact:R}");
        }
    }

    /// <summary>
    /// An edit of the implementing file alone (the annotated declaration's file unchanged) reaches the network: the front
    /// end reads that body, so a cached spec would be a network of the old polynomial, a silent wrong answer.
    /// </summary>
    [Fact]
    public void Editing_the_body_in_the_other_file_regenerates_the_network()
    {
        var compilation = TestCompilation.Create(Defining, Implementing);
        GeneratorDriver driver = Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver.Create(new[] { new PolynomialNetworkGenerator().AsSourceGenerator() },
                                                                               parseOptions: TestCompilation.ParseOptions);
        driver = driver.RunGenerators(compilation);
        string before = driver.GetRunResult().GeneratedTrees.Single(t => t.FilePath.Contains(".F.", StringComparison.Ordinal)).ToString();
        var old = compilation.SyntaxTrees.Single(t => t.FilePath == "Test1.cs");
        var edited = compilation.ReplaceSyntaxTree(old, old.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(
            Implementing.Replace("3 * x * x * y - y + 0.25", "x * y * y * y", StringComparison.Ordinal))));
        driver = driver.RunGenerators(edited);
        string after = driver.GetRunResult().GeneratedTrees.Single(t => t.FilePath.Contains(".F.", StringComparison.Ordinal)).ToString();
        Assert.NotEqual(before, after);
        Assert.Contains("(degree 4)", after);
        Assert.Contains("(degree 3)", before);
    }

    /// <summary>
    /// The attribute on both parts (the compiler's CS0579): the generator read both declarations, added two files under one
    /// hint name and threw (CS8785, no network for any method). It reads the implementing one only.
    /// </summary>
    [Fact]
    public void The_attribute_on_both_parts_is_read_once()
    {
        const string source = """
            namespace Demo
            {
                public static partial class Both
                {
                    [CheapLearning.PolynomialNetwork] public static partial double F(double x);
                    [CheapLearning.PolynomialNetwork] public static partial double F(double x) => x * x;
                }
            }
            """;
        var (output, run) = TestCompilation.RunAllGenerators(TestCompilation.Create(source));
        Assert.All(run.Results, r => Assert.Null(r.Exception));
        Assert.Contains("class FNetwork", Assert.Single(run.GeneratedTrees).ToString());
        Assert.Equal(new[] { "CS0579" }, TestCompilation.Problems(output).Select(d => d.Id));
    }

    /// <summary>The sources without the two refused methods (the generator emits nothing for them, so the build is clean).</summary>
    private static System.Reflection.Assembly BuildWithoutTheRefused()
    {
        static string Keep(string s) => string.Join("\n", s.Split('\n').Where(l => !l.Contains("BadBound", StringComparison.Ordinal) && !l.Contains("NotPolynomial", StringComparison.Ordinal)
                                                                                   && !l.Contains("InputBound = -1", StringComparison.Ordinal)));
        string defining = Keep(Defining).Replace("        [PolynomialNetwork]\n\n", "\n", StringComparison.Ordinal);
        return TestCompilation.BuildAndLoad(defining, Keep(Implementing));
    }
}
