using System;
using System.IO;
using System.Linq;
using System.Reflection;
using CheapLearning.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CheapLearning.Generator.Tests.Bits;

/// <summary>
/// A [BitNetwork] method's default parameter values are repeated by Deep(...)/Flat(...), as [PolynomialNetwork]'s are:
/// a consumer's FNetwork.Deep(true) for F(bool a, bool b = true) was CS7036 (no argument for 'b').
/// </summary>
public class BitDefaultParameterTests
{
    // Block namespace: compiled at C# 7.3 too.
    private const string Source = """
        using System.Runtime.InteropServices;
        using CheapLearning;
        namespace Demo
        {
            public static partial class Gates
            {
                private const int One = 1;

                [BitNetwork(Form = NetworkForm.Both)]
                public static bool And3(bool a, bool b = true, [Bit] int c = One, [Bit] double d = 0.0) => a && b && c + d >= 1;

                [BitNetwork(Form = NetworkForm.Both)]
                public static int Marked(bool a, [Optional] bool b, [Optional, Bit] int c) => a || b ? 1 + c : c;

                public static double CallDeep(bool a) => And3Network.Deep(a);
                public static double CallFlat(bool a, bool b) => And3Network.Flat(a, b);
                public static double CallNamed(bool a, double d) => And3Network.Deep(a, d: d);
                public static double CallMarked(bool a) => MarkedNetwork.Deep(a);
            }
        }
        """;

    [Fact]
    public void Calls_without_the_defaulted_bits_agree_with_the_method_within_the_bound()
    {
        var assembly = TestCompilation.BuildAndLoad(Source);
        var type = assembly.GetType("Demo.Gates")!;
        double Call(string name, params object[] args) => (double)type.GetMethod(name)!.Invoke(null, args)!;
        double bound = (double)type.GetNestedType("And3Network")!.GetField("DeepErrorBound")!.GetValue(null)!;
        double flatBound = (double)type.GetNestedType("And3Network")!.GetField("FlatErrorBound")!.GetValue(null)!;
        double markedBound = (double)type.GetNestedType("MarkedNetwork")!.GetField("DeepErrorBound")!.GetValue(null)!;
        foreach (bool a in new[] { false, true })
        {
            // Hand-derived: And3(a) = a && true && 1 + 0 >= 1 = a; And3(a, b) = a && b; And3(a, d: d) = a && 1 + d >= 1 = a.
            Assert.True(Math.Abs(Call("CallDeep", a) - (a ? 1 : 0)) <= bound);
            foreach (bool b in new[] { false, true })
                Assert.True(Math.Abs(Call("CallFlat", a, b) - (a && b ? 1 : 0)) <= flatBound);
            foreach (double d in new[] { 0.0, 1.0 })
                Assert.True(Math.Abs(Call("CallNamed", a, d) - (a ? 1 : 0)) <= bound);
            // Marked(a) = Marked(a, false, 0) = a ? 1 : 0.
            Assert.True(Math.Abs(Call("CallMarked", a) - (a ? 1 : 0)) <= markedBound);
        }
    }

    [Fact]
    public void The_defaults_are_the_methods_and_compile_at_CSharp_7_3_without_warnings()
    {
        var (output, run) = TestCompilation.RunAllGenerators(TestCompilation.Create(LanguageVersion.CSharp7_3, Source));
        Assert.Empty(run.Diagnostics);
        using var stream = new MemoryStream();
        var emit = output.Emit(stream);
        var problems = emit.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(emit.Success && problems.Count == 0, string.Join("\n", problems.Take(10)));
        string generated = string.Join("\n", run.GeneratedTrees.Select(t => t.ToString()));
        Assert.Contains("public static double Deep(bool a, bool b = true, int c = 1, double d = 0.0)", generated);
        Assert.Contains("public static double Flat(bool a, bool b = true, int c = 1, double d = 0.0)", generated);
        Assert.Contains("public static double Deep(bool a, bool b = false, int c = 0)", generated);
    }

    /// <summary>A partial method's defaults are on its defining declaration, the attribute on either part.</summary>
    [Fact]
    public void A_partial_methods_defaults_come_from_its_defining_part()
    {
        const string source = """
            using CheapLearning;
            public static partial class P
            {
                [BitNetwork] public static partial bool F(bool a, bool b = true);
                public static partial bool F(bool a, bool b) => a != b;
                public static double Call(bool a) => FNetwork.Deep(a);
            }
            """;
        var type = TestCompilation.BuildAndLoad(source).GetType("P")!;
        double bound = (double)type.GetNestedType("FNetwork")!.GetField("DeepErrorBound")!.GetValue(null)!;
        foreach (bool a in new[] { false, true })
            Assert.True(Math.Abs((double)type.GetMethod("Call")!.Invoke(null, new object[] { a })! - (a != true ? 1 : 0)) <= bound);
    }
    /// <summary>A default read from a constant of another file follows an edit of that file alone (the memo covers the names a default uses).</summary>
    [Fact]
    public void A_default_from_a_constant_in_another_file_follows_an_edit_of_that_file()
    {
        const string method = "namespace D { public static partial class C { [CheapLearning.BitNetwork] public static bool F(bool a, bool b = K.B) => a && b; } }";
        const string constants = "namespace D { public static class K { public const bool B = true; } }";
        var compilation = TestCompilation.Create(method, constants);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { new CheapLearning.Generator.Bits.BitNetworkGenerator().AsSourceGenerator() }, parseOptions: TestCompilation.ParseOptions);
        driver = driver.RunGenerators(compilation);
        Assert.Contains("Deep(bool a, bool b = true)", driver.GetRunResult().GeneratedTrees.Single().ToString());
        var old = compilation.SyntaxTrees.Single(t => t.FilePath == "Test1.cs");
        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(old, old.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(constants.Replace("true", "false", StringComparison.Ordinal)))));
        Assert.Contains("Deep(bool a, bool b = false)", driver.GetRunResult().GeneratedTrees.Single().ToString());
    }

    /// <summary>
    /// A bit's default that is not a bit was repeated by Deep(...), whose check threw for it: FNetwork.Deep(true) threw
    /// ArgumentOutOfRangeException where F(true) returned 3. It is CHEAP020 at the default value.
    /// </summary>
    [Theory]
    [InlineData("[BitNetwork] public static int F(bool a, [Bit] int b = 2) => (a ? 1 : 0) + b;", "2", "2")]
    [InlineData("[BitNetwork] public static double F(bool a, [Bit] double b = 0.5) => a ? b : 0;", "0.5", "0.5")]
    [InlineData("[BitNetwork(ParametersAreBits = true)] public static int F(int a, int b = Two) => a + b;", "Two", "2")]
    [InlineData("[BitNetwork] public static double F(bool a, [Bit] double b = double.NaN) => a ? b : 0;", "double.NaN", "NaN")]
    [InlineData("[BitNetwork] public static partial int F(bool a, [Bit] int b = -1);\n public static partial int F(bool a, int b) => a ? b : 0;", "-1", "-1")]
    public void A_default_that_is_not_a_bit_is_CHEAP020_at_the_value(string method, string span, string value)
    {
        string source = "using CheapLearning;\npublic static partial class C\n{\n private const int Two = 2;\n " + method + "\n}";
        var diagnostics = BitTestCompilation.Analyze(source);
        var d = Assert.Single(diagnostics, x => x.Id == "CHEAP020");
        Assert.Equal(span, d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan));
        Assert.Equal($"The default value {value} of the bit parameter 'b' is not a bit; a bit's default is 0 or 1", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain(diagnostics, x => x.Severity == DiagnosticSeverity.Error && x.Id != "CHEAP020");
        var (_, run) = BitTestCompilation.RunGenerator(TestCompilation.Create(source));
        Assert.Empty(run.GeneratedTrees);
    }
}
