using System.Linq;
using Microsoft.CodeAnalysis;

namespace CheapLearning.Generator.Tests.Bits;

/// <summary>CHEAP020–025 (and the shared CHEAP003/005) at the offending node, from the BitNetworkAnalyzer.</summary>
public class BitDiagnosticsTests
{
    private static Diagnostic Single(string members, string id)
    {
        string source = "using CheapLearning;\nusing System;\npublic static partial class C\n{\n" + members + "\n}";
        var diagnostics = BitTestCompilation.Analyze(source);
        return Assert.Single(diagnostics, d => d.Id == id);
    }

    private static string Text(Diagnostic d) => d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan);

    [Theory]
    [InlineData("[BitNetwork] public static bool F(bool a, int b) => a;", "int")]
    [InlineData("[BitNetwork] public static bool F(bool a, string b) => a;", "string")]
    [InlineData("[BitNetwork] public static bool F(bool a, float b) => a;", "float")]
    [InlineData("[BitNetwork] public static bool F(ref bool a) => a;", "ref bool a")]
    public void Non_bit_parameter_is_CHEAP020_at_the_parameter(string method, string span)
        => Assert.Equal(span, Text(Single(method, "CHEAP020")));

    [Fact]
    public void Bit_declared_parameters_are_accepted()
    {
        var diagnostics = BitTestCompilation.Analyze("using CheapLearning;\npublic static partial class C\n{\n" +
            "[BitNetwork] public static int F([Bit] int a, [Bit] double b, bool c) => c ? a : (int)b;\n" +
            "[BitNetwork(ParametersAreBits = true)] public static double G(int a, double b) => a * b;\n}");
        Assert.Empty(diagnostics);
    }

    [Theory]
    [InlineData("[BitNetwork] public static int F([Bit] int a, bool b) => (b ? 2 : 0) & a;", "(b ? 2 : 0)")]
    [InlineData("[BitNetwork] public static int F([Bit] int a, [Bit] int b) => a % 2 + b;", "%")]
    [InlineData("[BitNetwork] public static int F([Bit] int a, [Bit] int b) => ~a;", "~a")]
    [InlineData("[BitNetwork] public static double F(bool a, [Bit] double b) => 1 / (a ? b : 2);", "(a ? b : 2)")]
    [InlineData("[BitNetwork] public static int F([Bit] int a, [Bit] int b) => (a + b) / 2;", "/")]
    [InlineData("[BitNetwork] public static int F([Bit] int a, [Bit] int b) => a << b;", "<<")]
    public void Operation_outside_the_bit_algebra_is_CHEAP021_at_the_node(string method, string span)
        => Assert.Equal(span, Text(Single(method, "CHEAP021")));

    [Theory]
    [InlineData("[BitNetwork] public static bool F(bool a) => Helper(a);\nstatic bool Helper(bool a) => a;", "Helper(a)")]
    [InlineData("[BitNetwork] public static double F(bool a) => Math.Abs(a ? 1 : -1);", "Math.Abs(a ? 1 : -1)")]
    [InlineData("[BitNetwork] public static bool F(bool a) { bool r = a; for (int i = 0; i < 3; i++) r = !r; return r; }", "for (int i = 0; i < 3; i++) r = !r;")]
    [InlineData("[BitNetwork] public static bool F(bool a) { if (a) return true; return false; }", "if (a) return true;")]
    [InlineData("static bool Flag = true;\n[BitNetwork] public static bool F(bool a) => a & Flag;", "Flag")]
    public void Body_that_is_not_a_function_of_the_bits_is_CHEAP022_at_the_node(string method, string span)
        => Assert.Equal(span, Text(Single(method, "CHEAP022")));

    [Fact]
    public void Flat_parity_over_the_budget_is_CHEAP023_with_both_sizes()
    {
        var diagnostics = BitTestCompilation.Analyze(BitSamples.Parity(13, "Flat"));
        var d = Assert.Single(diagnostics);
        Assert.Equal("CHEAP023", d.Id);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Contains("needs 8,191 neurons", d.GetMessage());
        Assert.Contains("MaxFlatNeurons = 4096", d.GetMessage());
        // 12 XOR gates × 2 neurons, plus 2 copies: x12 waits one layer, and one XOR result waits one layer
        // (copied whole by one neuron [h₁ − h₂ > ½], not signal by signal).
        Assert.Contains("the deep form has 26 neurons", d.GetMessage());
        Assert.Equal("Form = NetworkForm.Flat", Text(d));
    }

    /// <summary>
    /// The exact polynomial (Eq 12) is computed for at most 64 bit inputs (its monomials are 64-bit masks). An AND of 65
    /// bits, whose flat form is one neuron, was CHEAP023 "needs more than 65,536 neurons …, above MaxFlatNeurons = 4096":
    /// a false count. It now says why the flat form is not built, and the deep form (one neuron) is still emitted.
    /// </summary>
    [Theory]
    [InlineData(65)]
    [InlineData(100)]
    public void Flat_form_of_more_than_64_bits_is_CHEAP023_without_a_false_count(int n)
    {
        string parameters = string.Join(", ", Enumerable.Range(0, n).Select(i => $"bool x{i}"));
        string body = string.Join(" && ", Enumerable.Range(0, n).Select(i => $"x{i}"));
        string source = $"using CheapLearning;\nnamespace Bits;\npublic static partial class And{n}\n{{\n    [BitNetwork(Form = NetworkForm.Both)]\n    public static bool F({parameters}) => {body};\n}}\n";
        var d = Assert.Single(BitTestCompilation.Analyze(source));
        Assert.Equal("CHEAP023", d.Id);
        string message = d.GetMessage();
        Assert.DoesNotContain("65,536", message);
        Assert.DoesNotContain("MaxFlatNeurons", message);
        Assert.Contains($"reads {n} bits", message);
        Assert.Contains("at most 64", message);
        Assert.Contains("the deep form has 1 neuron", message);
        Assert.Equal("Form = NetworkForm.Both", Text(d));
        var (output, run) = BitTestCompilation.RunGenerator(Infrastructure.TestCompilation.Create(source));
        Assert.Contains("public static double Deep(", Assert.Single(run.GeneratedTrees).ToString());
        Assert.Empty(Infrastructure.TestCompilation.Problems(output));
    }

    [Fact]
    public void Flat_over_budget_still_generates_the_deep_form()
    {
        var (output, run) = BitTestCompilation.RunGenerator(Infrastructure.TestCompilation.Create(BitSamples.Parity(13, "Both")));
        var tree = Assert.Single(run.GeneratedTrees);
        Assert.Contains("public static double Deep(", tree.ToString());
        // The flat form is a stand-in whose use is an error naming CHEAP023.
        Assert.Contains("[global::System.Obsolete(\"CHEAP023: The flat form of 'F' needs 8,191 neurons", tree.ToString());
        Assert.Empty(Infrastructure.TestCompilation.Problems(output));
    }

    [Theory]
    [InlineData("[BitNetwork(Digits = 0)] public static bool F(bool a) => a;", "CHEAP005", "0")]
    [InlineData("[BitNetwork(Digits = 16)] public static bool F(bool a) => a;", "CHEAP005", "16")]
    [InlineData("[BitNetwork] public static string F(bool a) => \"\";", "CHEAP003", "string")]
    public void Signature_and_argument_errors(string method, string id, string span)
        => Assert.Equal(span, Text(Single(method, id)));

    [Theory]
    [InlineData("Activation.Tanh", "Activation = Activation.Tanh is not a bit activation (Sigmoid or ReLU)")]
    [InlineData("Activation.Softplus", "Activation = Activation.Softplus is not a bit activation (Sigmoid or ReLU)")]
    [InlineData("(Activation)9", "Activation = 9 is not a bit activation (Sigmoid or ReLU)")]
    public void A_smooth_activation_is_named_as_written(string activation, string message)
    {
        // It said "Activation = 2 is not a bit activation": the user wrote Activation.Tanh, not 2.
        var d = Single($"[BitNetwork(Activation = {activation})] public static bool F(bool a) => a;", "CHEAP005");
        Assert.Equal(activation, Text(d));
        Assert.Contains(message, d.GetMessage());
    }

    [Fact]
    public void Non_partial_container_is_CHEAP002()
    {
        var diagnostics = BitTestCompilation.Analyze("using CheapLearning;\npublic static class C { [BitNetwork] public static bool F(bool a) => !a; }");
        Assert.Equal("CHEAP002", Assert.Single(diagnostics).Id);
    }

    [Fact]
    public void Errors_mean_no_generated_source()
    {
        var (_, run) = BitTestCompilation.RunGenerator(Infrastructure.TestCompilation.Create(
            "using CheapLearning;\npublic static partial class C { [BitNetwork] public static bool F(bool a, int b) => a; }"));
        Assert.Empty(run.GeneratedTrees);
    }
}
