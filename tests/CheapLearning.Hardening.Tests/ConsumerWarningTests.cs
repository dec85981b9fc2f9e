using System.Collections.Immutable;
using System.Linq;
using CheapLearning.Hardening.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CheapLearning.Hardening.Tests;

/// <summary>
/// Generated code must compile without warnings in a consumer's strictest build: every warning wave on
/// (a .NET 8 project's default), XML documentation checked (<c>GenerateDocumentationFile</c>), warnings as errors.
/// The other tests compile at warning level 4 without documentation diagnostics, where neither bug below shows.
/// </summary>
public class ConsumerWarningTests
{
    /// <summary>
    /// Found by building a consumer project from the package: (1) a type named with lowercase ASCII letters only
    /// (the user silences CS8981 in their own file) got CS8981 again in every generated file, where their pragma
    /// does not reach; (2) a parameter named by a keyword (<c>@int</c>) was documented as <c>param name="@int"</c>
    /// (CS1572, CS1573) by the polynomial and bit evaluators; (3) the docs of a HiddenLayers network held a bare
    /// '&amp;' (CS1570, badly formed XML); (4) a method named Models was cited in the docs by a cref that bound to the
    /// generated class's own nested Models class (CS1574). Fix: GeneratedFile.TypeIdentifier, DocName and MemberCref,
    /// an escaped ampersand.
    /// </summary>
    [Fact]
    public void Lowercase_types_and_keyword_parameters_leave_no_warning_in_generated_code()
    {
        const string source = """
            #pragma warning disable CS8981 // the user's choice of names, silenced in the user's file only
            using CheapLearning;
            namespace N
            {
                /// <summary>Polynomials.</summary>
                public static partial class poly
                {
                    /// <summary>A product.</summary>
                    [PolynomialNetwork(Form = NetworkForm.Both)] public static double @double(double @int, double @class) => @int * @class;
                    /// <summary>At most two hidden layers.</summary>
                    [PolynomialNetwork(HiddenLayers = 2)] public static double Depth(double a, double b, double c, double d, double e) => a * b * c * d * e;
                    /// <summary>ReLU, flat over its budget.</summary>
                    [PolynomialNetwork(Activation = Activation.ReLU, Form = NetworkForm.Both)] public static double Relu(double x, double y) => x * y - x;
                    /// <summary>Too large to expand.</summary>
                    [PolynomialNetwork(Form = NetworkForm.Flat)] public static double Large(double a, double b, double c, double d, double e, double f, double g, double h) => System.Math.Pow(a + b + c + d + e + f + g + h, 40);
                    /// <summary>Named like the generated class's nested Models class.</summary>
                    [PolynomialNetwork] public static double Models(double x) => x * x;
                    /// <summary>Nested.</summary>
                    public static partial class inner
                    {
                        /// <summary>A square.</summary>
                        [PolynomialNetwork] public static double f(double @this) => @this * @this;
                    }
                }

                /// <summary>Bits.</summary>
                public static partial class bits
                {
                    /// <summary>Exclusive or.</summary>
                    [BitNetwork(Form = NetworkForm.Both)] public static bool @xor(bool @bool, bool @if) => @bool ^ @if;
                    /// <summary>Named like the generated class's nested Models class.</summary>
                    [BitNetwork] public static bool Models(bool a, bool b) => a & b;
                    /// <summary>ReLU bits, flat over its budget.</summary>
                    [BitNetwork(Activation = Activation.ReLU, Form = NetworkForm.Both, MaxFlatNeurons = 3, ParametersAreBits = true)] public static int Sum(int a, int b, int c) => a ^ b ^ c;
                }

                /// <summary>A classifier.</summary>
                [BayesClassifier]
                public static partial class classes
                {
                    /// <summary>One class.</summary>
                    [Hamiltonian] public static double one(bool @in, bool @out) => @in & @out ? 1.0 : 2.0;
                    /// <summary>The other.</summary>
                    [Hamiltonian] public static double two(bool @in, bool @out) => @in | @out ? 2.0 : 1.0;
                }
            }
            """;
        var strict = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose);
        var compilation = Harness.Create(new[] { CSharpSyntaxTree.ParseText(source, strict, path: "Test0.cs") })
                                 .WithOptions(Harness.Create().Options.WithWarningLevel(9999));
        var driver = CSharpGeneratorDriver.Create(Targets.Generators().Select(g => g.AsSourceGenerator()),
                                                  ImmutableArray<AdditionalText>.Empty, strict);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var driverDiagnostics);
        Assert.Empty(driverDiagnostics);
        Assert.True(output.SyntaxTrees.Count() >= 10, "every network generated");
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
