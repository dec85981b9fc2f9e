using System.Collections.Immutable;
using System.Linq;
using CheapLearning.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CheapLearning.Generator.Tests.Common;

/// <summary>
/// A method-targeted attribute also fits property, indexer and event accessors, operators, conversion operators and
/// finalizers. No generator reads them, and no analyzer looked: <c>static double Area { [PolynomialNetwork] get => 3.14; }</c>
/// lost its network without a word (the user then met CS0117 at <c>T.AreaNetwork</c>). Each is now CHEAP002 at the
/// declaration's keyword, token or name, for every feature's attribute (found by adv16, session of 2026-11-30).
/// </summary>
public class NonMethodTargetTests
{
    private const string Why = "; networks are generated only for static methods of partial types";

    private const string Source = """
        using CheapLearning;
        namespace Demo;
        public partial class T
        {
            public static double Area { [PolynomialNetwork] get => 3.14; }
            public static double W { get => 1; [BitNetwork] set { } }
            public double this[double x] { [PolynomialNetwork] get => x * x; }
            public static event System.Action E { [PolynomialNetwork] add { } remove { } }
            [PolynomialNetwork] public static T operator +(T a, T b) => a;
            [BitNetwork] public static explicit operator double(T a) => 2.0;
            [PolynomialNetwork] ~T() { }
            [PolynomialNetwork] public static double Fine(double x) => x * x;
        }
        """;

    private static ImmutableArray<Diagnostic> Analyze(string source, DiagnosticAnalyzer analyzer)
        => TestCompilation.Create(source).WithAnalyzers(ImmutableArray.Create(analyzer)).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();

    private static string Text(Diagnostic d) => d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan);

    [Fact]
    public void Accessors_operators_and_finalizers_with_a_network_attribute_are_CHEAP002()
    {
        var polynomial = Analyze(Source, new PolynomialNetworkAnalyzer()).Where(d => d.Id != "CHEAP012").OrderBy(d => d.Location.SourceSpan.Start)
            .Select(d => (d.Id, Text(d), d.GetMessage())).ToList();
        Assert.Equal(new[]
        {
            ("CHEAP002", "get", "'Area.get' is a property accessor" + Why),
            ("CHEAP002", "get", "'this[].get' is an indexer accessor" + Why),
            ("CHEAP002", "add", "'E.add' is an event accessor" + Why),
            ("CHEAP002", "+", "'operator +' is an operator" + Why),
            ("CHEAP002", "T", "'~T' is a finalizer" + Why),
        }, polynomial);
        var bits = Analyze(Source, new BitNetworkAnalyzer()).OrderBy(d => d.Location.SourceSpan.Start).Select(d => (d.Id, Text(d), d.GetMessage())).ToList();
        Assert.Equal(new[]
        {
            ("CHEAP002", "set", "'W.set' is a property accessor" + Why),
            ("CHEAP002", "operator", "'explicit operator double' is a conversion operator" + Why),
        }, bits);
    }

    /// <summary>A [Hamiltonian] on an accessor is CHEAP002 once (not also CHEAP030 "not in a [BayesClassifier] type").</summary>
    [Fact]
    public void A_Hamiltonian_accessor_is_CHEAP002_once()
    {
        const string source = "using CheapLearning;\npublic static partial class K\n{\n    public static double P { [Hamiltonian] get => 1; }\n}";
        var d = Assert.Single(Analyze(source, new BayesClassifierAnalyzer()));
        Assert.Equal(("CHEAP002", "get"), (d.Id, Text(d)));
        Assert.Equal("'P.get' is a property accessor; a [Hamiltonian] is a static method of a [BayesClassifier] class, and nothing is generated from this one", d.GetMessage());
    }

    /// <summary>Accessors and operators without the attributes stay silent.</summary>
    [Fact]
    public void Unannotated_accessors_and_operators_are_not_reported()
        => Assert.Empty(Analyze("namespace Demo;\npublic partial class T\n{\n    [System.Obsolete] public static double Area { get => 3.14; }\n    public static T operator +(T a, T b) => a;\n}",
                                new PolynomialNetworkAnalyzer()));
}
