using System;
using System.Linq;
using CheapLearning.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace CheapLearning.Generator.Tests.Common;

/// <summary>
/// A method that reads a member our generators emit (a constant of a generated FNetwork class, directly, through a
/// constant of the user's, in an attribute argument or a parameter's default) got no network and no diagnostic: the
/// generators run on the user's code alone, where the name does not exist (C#'s error there is never shown), while the
/// analyzers, on the compilation with the generated files, found the name bound and reported nothing (or CHEAP012, as
/// if the network existed). Now the analyzers report CHEAP033 at the name, whether they reuse the generator's answer
/// or run the front end themselves (a fresh parse: nothing remembered).
/// </summary>
public class GeneratedMemberReadTests
{
    private const string Sq = "[PolynomialNetwork] public static double Sq(double x) => x * x;";

    private static string Class(string members) => "using CheapLearning; using System; namespace N; public static partial class C { " + Sq + " " + members + " }";

    private const string Constants = "namespace N; public static class K { public const int D = C.SqNetwork.Degree; public const int E = D + 1; public const double R = C.SqNetwork.InputBound; }";

    public static TheoryData<string, string, string> Cases() => new()
    {
        // members of C, the text CHEAP033 is reported at, the method that gets no network
        { "[PolynomialNetwork] public static double P(double x) => Math.Pow(x, SqNetwork.Degree);", "SqNetwork.Degree", "P" },
        { "[PolynomialNetwork] public static double P(double x) => Math.Pow(x, SqNetwork.Degree + 1);", "SqNetwork.Degree", "P" },
        { "[PolynomialNetwork] public static double P(double x) { const int d = SqNetwork.Degree; return Math.Pow(x, d); }", "SqNetwork.Degree", "P" },
        { "[PolynomialNetwork] public static double P(double x) => Math.Pow(x, K.D);", "K.D", "P" },
        { "[PolynomialNetwork] public static double P(double x) => Math.Pow(x, K.E);", "K.E", "P" },
        { "[PolynomialNetwork(InputBound = K.R)] public static double P(double x) => x * x * x;", "K.R", "P" },
        { "[PolynomialNetwork(InputBound = SqNetwork.InputBound)] public static double P(double x) => x * x * x;", "SqNetwork.InputBound", "P" },
        { "[PolynomialNetwork] public static double P(double x = SqNetwork.InputBound) => x * x * x;", "SqNetwork.InputBound", "P" },
        { "[BitNetwork] public static double B(bool a) => a ? K.D : 0;", "K.D", "B" },
        { "[BitNetwork] public static double B(bool a) => a ? SqNetwork.Degree : 0;", "SqNetwork.Degree", "B" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reading_a_generated_member_is_CHEAP033_at_the_name(string members, string at, string method)
    {
        var (output, run) = TestCompilation.RunAllGenerators(TestCompilation.Create(Class(members), Constants));
        // The generators built Sq's network and not the method's: the diagnostic must say why.
        Assert.DoesNotContain(run.GeneratedTrees, t => t.FilePath.Contains("." + method + ".", StringComparison.Ordinal));
        var reused = FrontEndReuseEditTests.Analyze(output);
        var d = Assert.Single(reused, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("CHEAP033", d.Id);
        Assert.Equal(at, d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan));
        Assert.Contains($"no network is built for '{method}'", d.GetMessage(), StringComparison.Ordinal);
        Assert.DoesNotContain(reused, d => d.Id == "CHEAP012" && d.GetMessage().Contains($"'{method}'", StringComparison.Ordinal));
        Assert.Equal(FrontEndReuseEditTests.Fresh(output), FrontEndReuseEditTests.Describe(reused));
    }

    [Theory]
    [InlineData("a ? K.D : 0", "K.D")]
    [InlineData("a ? SqNetwork.Degree : 0", "SqNetwork.Degree")]
    public void A_Hamiltonian_reading_a_generated_member_is_CHEAP033_and_no_classifier_is_built(string body, string at)
    {
        string source = "using CheapLearning; namespace N; public static partial class C { " + Sq + " } [BayesClassifier] public static partial class T { "
                        + $"[Hamiltonian] public static double A(bool a) => {body.Replace("SqNetwork", "C.SqNetwork")}; [Hamiltonian] public static double B(bool a) => 1; }}";
        var (output, run) = TestCompilation.RunAllGenerators(TestCompilation.Create(source, Constants));
        Assert.DoesNotContain(run.GeneratedTrees, t => t.FilePath.Contains("Classifier", StringComparison.Ordinal));
        var reused = FrontEndReuseEditTests.Analyze(output);
        var d = Assert.Single(reused, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("CHEAP033", d.Id);
        Assert.Equal(at.Replace("SqNetwork", "C.SqNetwork"), d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan));
        Assert.Equal(FrontEndReuseEditTests.Fresh(output), FrontEndReuseEditTests.Describe(reused));
    }
}
