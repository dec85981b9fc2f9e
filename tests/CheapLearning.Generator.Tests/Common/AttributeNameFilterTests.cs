using System.Threading.Tasks;
using CheapLearning.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace CheapLearning.Generator.Tests.Common;

/// <summary>
/// The analyzers skip attributed methods whose attribute lists cannot name the feature's attribute, before any
/// symbol work (issue 12). Every way C# lets a source name the attribute must still reach the analysis: the short
/// and long name, a qualified name, <c>global::</c>, a file alias and a global alias in another file.
/// </summary>
public class AttributeNameFilterTests
{
    private static DiagnosticResult Sin(int location) => new DiagnosticResult("CHEAP001", DiagnosticSeverity.Error).WithLocation(location)
        .WithArguments("A call to 'Math.Sin'", "only Math.Pow with a non-negative integer constant exponent and Math.FusedMultiplyAdd are polynomial");

    [Theory]
    [InlineData("PolynomialNetwork")]
    [InlineData("PolynomialNetworkAttribute")]
    [InlineData("CheapLearning.PolynomialNetwork")]
    [InlineData("global::CheapLearning.PolynomialNetworkAttribute")]
    [InlineData("Obsolete, PolynomialNetwork")]
    public Task Every_spelling_of_the_attribute_is_analyzed(string attribute) => AnalyzerVerifier.VerifyAsync($$"""
        using System;
        using CheapLearning;
        public static partial class C
        {
            [{{attribute}}] public static double F(double x) => x * {|#0:Math.Sin(x)|};
        }
        """, Sin(0));

    [Fact]
    public Task A_file_alias_of_the_attribute_is_analyzed() => AnalyzerVerifier.VerifyAsync("""
        using System;
        using Net = CheapLearning.PolynomialNetworkAttribute;
        public static partial class C
        {
            [Net] public static double F(double x) => x * {|#0:Math.Sin(x)|};
        }
        """, Sin(0));

    [Fact]
    public Task A_namespace_alias_of_the_attribute_is_analyzed() => AnalyzerVerifier.VerifyAsync("""
        namespace N
        {
            using System;
            using Net = CheapLearning.PolynomialNetworkAttribute;
            public static partial class C
            {
                [Net] public static double F(double x) => x * {|#0:Math.Sin(x)|};
            }
        }
        """, Sin(0));

    [Fact]
    public async Task A_global_alias_in_another_file_is_analyzed()
    {
        var test = new CSharpAnalyzerTest<PolynomialNetworkAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
        };
        test.TestState.Sources.Add(("Aliases.cs", "global using Net = CheapLearning.PolynomialNetworkAttribute;"));
        test.TestState.Sources.Add(("C.cs", """
            using System;
            public static partial class C
            {
                [Net] public static double F(double x) => x * {|#0:Math.Sin(x)|};
            }
            """));
        test.TestState.AdditionalReferences.Add(typeof(CheapLearning.NetworkModel).Assembly);
        test.DisabledDiagnostics.Add("CHEAP012");
        test.ExpectedDiagnostics.Add(Sin(0));
        await test.RunAsync();
    }

    [Fact]
    public Task Methods_with_other_attributes_only_are_not_analyzed() => AnalyzerVerifier.VerifyAsync("""
        using System;
        public static partial class C
        {
            [Obsolete] public static double F(double x) => x * Math.Sin(x);
            [System.Diagnostics.Conditional("X")] public static void G() { }
        }
        """);
}
