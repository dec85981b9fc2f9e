using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using CheapLearning.Package.Tests.Infrastructure;

namespace CheapLearning.Package.Tests;

/// <summary>
/// Separate projects that reference the packed package through its feed (no ProjectReference), built and run with
/// the dotnet CLI: this is how users get the product. Expected values are computed here from the formulas.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class ConsumerTests
{
    private readonly PackedPackage _package;

    public ConsumerTests(PackedPackage package) => _package = package;

    /// <summary>Every kind of network a user can ask for, in one file. Shared with the C# 7.3 library below.</summary>
    private const string Networks = """
        using System;
        using CheapLearning;

        public static partial class Physics
        {
            [PolynomialNetwork(InputBound = 2, Activation = Activation.Tanh)]
            public static double Energy(double q, double p) { double k = 0.5 * p * p; return k + 3 * q * q * q - q * p; }

            [PolynomialNetwork(Form = NetworkForm.Flat, Tolerance = 1e-8)]
            public static double Product3(double a, double b, double c) => a * b * c;

            [PolynomialNetwork(HiddenLayers = 2, Tolerance = 1e-4)]
            public static double Product9(double a, double b, double c, double d, double e, double f, double g, double h, double i)
                => a * b * c * d * e * f * g * h * i;

            [PolynomialNetwork(InputBound = 2)]
            internal static double Cube(double x) => Math.Pow(x, 3) - 1;
        }

        public static partial class Gates
        {
            [BitNetwork(Form = NetworkForm.Both)]
            public static bool Majority(bool a, bool b, bool c) => (a & b) | (a & c) | (b & c);
        }

        public static class Batches
        {
            // The generated batched overload (spans, from System.Memory on netstandard2.0), called with arrays.
            public static void Energies(double[] q, double[] p, double[] energies) => Physics.EnergyNetwork.Deep(q, p, energies);
        }

        [BayesClassifier]
        public static partial class Weather
        {
            [Hamiltonian(Prior = 0.25)]
            public static double Rain(bool cloudy, bool windy) => 2.0 - (cloudy ? 1.5 : 0.0) - (windy ? 0.5 : 0.0);

            [Hamiltonian(Prior = 0.75)]
            public static double Dry(bool cloudy, bool windy) => 0.5 + (cloudy ? 1.0 : 0.0);
        }
        """;

    private const string Program = """
        using System;
        using System.Globalization;
        using CheapLearning;

        var inv = CultureInfo.InvariantCulture;
        void Put(string key, double value) => Console.WriteLine(key + " " + value.ToString("R", inv));

        Put("deep", Physics.EnergyNetwork.Deep(0.5, -0.25));
        Put("deep.bound", Physics.EnergyNetwork.DeepErrorBound);
        Put("deep.model", Physics.EnergyNetwork.DeepModel.Evaluate(new[] { 0.5, -0.25 }));
        Console.WriteLine("deep.summary " + Physics.EnergyNetwork.DeepModel);
        Console.WriteLine("layer.summary " + Physics.EnergyNetwork.DeepModel.Layers[0]);
        Put("cube", Physics.CubeNetwork.Deep(1.5));
        Put("cube.bound", Physics.CubeNetwork.DeepErrorBound);

        Put("flat", Physics.Product3Network.Flat(0.5, -0.25, 0.75));
        Put("flat.bound", Physics.Product3Network.FlatErrorBound);
        Put("flat.neurons", Physics.Product3Network.FlatModel.Neurons);
        Put("flat.hidden", Physics.Product3Network.FlatModel.HiddenLayers);

        Put("depth", Physics.Product9Network.Deep(0.9, -0.8, 0.7, 0.6, -0.5, 0.95, 0.85, -0.75, 0.65));
        Put("depth.bound", Physics.Product9Network.DeepErrorBound);
        Put("depth.hidden", Physics.Product9Network.DeepModel.HiddenLayers);

        double worst = 0;
        for (int m = 0; m < 8; m++)
        {
            bool a = (m & 1) != 0, b = (m & 2) != 0, c = (m & 4) != 0;
            double exact = (a ? 1 : 0) + (b ? 1 : 0) + (c ? 1 : 0) >= 2 ? 1 : 0;
            worst = Math.Max(worst, Math.Abs(Gates.MajorityNetwork.Deep(a, b, c) - exact));
            worst = Math.Max(worst, Math.Abs(Gates.MajorityNetwork.Flat(a, b, c) - exact));
        }
        Put("bits.worst", worst);
        Put("bits.bound", Math.Max(Gates.MajorityNetwork.DeepErrorBound, Gates.MajorityNetwork.FlatErrorBound));
        Console.WriteLine("bits.summary " + Gates.MajorityNetwork.DeepModel);

        Span<double> p = stackalloc double[Weather.Classifier.ClassCount];
        Weather.Classifier.Probabilities(true, false, p);
        Put("class.rain", p[0]);
        Put("class.dry", p[1]);
        Put("class.y", Weather.Classifier.Classify(true, false));
        Console.WriteLine("class.summary " + Weather.Classifier.Model);
        """;

    [Fact]
    public void Restores_the_package_just_packed_not_a_cached_one()
    {
        var dir = _package.Consumer("Restore", new Dictionary<string, string> { ["Program.cs"] = "System.Console.WriteLine(1);\n" });
        var (code, output) = Dotnet.Run(dir, "restore");
        Assert.True(code == 0, output);
        var folder = Path.Combine(_package.Packages, "cheaplearning", _package.Version.ToLowerInvariant());
        var hashFile = Path.Combine(folder, "cheaplearning." + _package.Version.ToLowerInvariant() + ".nupkg.sha512");
        Assert.True(File.Exists(hashFile), "restore did not extract CheapLearning into the private packages folder:\n" + output);
        Assert.Equal(_package.Sha512, File.ReadAllText(hashFile).Trim());
        var config = File.ReadAllText(Path.Combine(dir, "nuget.config"));
        Assert.Contains("<clear />", config);
        Assert.Contains(_package.Feed, config);
    }

    [Fact]
    public void Every_kind_of_network_builds_and_meets_its_bound()
    {
        var dir = _package.Consumer("Features", new Dictionary<string, string> { ["Program.cs"] = Program, ["Networks.cs"] = Networks },
                                    extraProperties: "<Nullable>enable</Nullable>");
        var (code, output) = Dotnet.Run(dir, "run -c Release");
        Assert.True(code == 0, output);
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        string Text(string key) => lines.Single(l => l.StartsWith(key + " ", StringComparison.Ordinal)).Substring(key.Length + 1);
        double Value(string key) => double.Parse(Text(key), CultureInfo.InvariantCulture);

        // Deep: q = 0.5, p = −0.25 in p²/2 + 3q³ − qp.
        double energy = 0.5 * 0.25 * 0.25 + 3 * 0.125 - 0.5 * -0.25;
        Assert.True(Math.Abs(Value("deep") - energy) <= Value("deep.bound"), output);
        Assert.True(Value("deep.bound") < 1e-6, output);
        Assert.Equal(Value("deep"), Value("deep.model"));
        Assert.True(Math.Abs(Value("cube") - (1.5 * 1.5 * 1.5 - 1)) <= Value("cube.bound"), output);
        Assert.EndsWith("for |xᵢ| ≤ 2", Text("deep.summary"));
        Assert.StartsWith("2 inputs, ", Text("deep.summary"));
        Assert.StartsWith("affine map 2 → ", Text("layer.summary"));

        // Flat (Eq 28): one hidden layer of 2³ neurons for a product of three variables.
        Assert.True(Math.Abs(Value("flat") - 0.5 * -0.25 * 0.75) <= Value("flat.bound"), output);
        Assert.Equal(8, Value("flat.neurons"));
        Assert.Equal(1, Value("flat.hidden"));

        // HiddenLayers = 2 holds a 9-variable product to two hidden layers.
        double product9 = 0.9 * -0.8 * 0.7 * 0.6 * -0.5 * 0.95 * 0.85 * -0.75 * 0.65;
        Assert.True(Math.Abs(Value("depth") - product9) <= Value("depth.bound"), output);
        Assert.True(Value("depth.bound") <= 1e-4, output); // Tolerance · S, S = 1 for a product on the unit box
        Assert.True(Value("depth.hidden") <= 2, output);

        // Bits: every one of the 8 inputs to the default 10 digits.
        Assert.True(Value("bits.worst") <= Value("bits.bound") && Value("bits.bound") <= 1e-10, output);

        // Classifier (Eq 8): p(y|x) ∝ p(y)·e^(−H_y(x)); at cloudy, calm: H_rain = 0.5, H_dry = 1.5.
        double rain = 0.25 * Math.Exp(-0.5), dry = 0.75 * Math.Exp(-1.5);
        Assert.Equal(rain / (rain + dry), Value("class.rain"), 1e-9);
        Assert.Equal(dry / (rain + dry), Value("class.dry"), 1e-9);
        Assert.Equal(rain > dry ? 0 : 1, Value("class.y")); // the prior outweighs the likelihood here: Dry
        Assert.StartsWith("Bayes classifier: 2 classes, 2 inputs, ", Text("class.summary"));
    }

    [Fact]
    public void A_bit_network_summary_names_bit_inputs_not_a_box()
    {
        var dir = _package.Consumer("BitSummary", new Dictionary<string, string>
        {
            ["Program.cs"] = "System.Console.WriteLine(Gates.MajorityNetwork.DeepModel);\n",
            ["Networks.cs"] = Networks,
        });
        var (code, output) = Dotnet.Run(dir, "run -c Release");
        Assert.True(code == 0, output);
        Assert.Contains("on every 0/1 input", output);
        Assert.DoesNotContain("|xᵢ| ≤", output);
    }

    [Fact]
    public void Diagnostics_reach_the_build_at_the_offending_code()
    {
        const string program = """
            using System;
            using CheapLearning;

            Console.WriteLine(Bad.F(1));

            public static partial class Bad
            {
                [PolynomialNetwork]
                public static double F(double x) => x * Math.Sin(x);
            }

            public static class NotPartial
            {
                [PolynomialNetwork]
                public static double G(double x) => x * x;
            }
            """;
        var dir = _package.Consumer("Bad", new Dictionary<string, string> { ["Program.cs"] = program });
        var (code, output) = Dotnet.Run(dir, "build -c Release");
        Assert.NotEqual(0, code);
        Assert.True(output.Contains("Program.cs(9,45): error CHEAP001: A call to 'Math.Sin' is not a polynomial operation", StringComparison.Ordinal), output);
        Assert.True(output.Contains("Program.cs(12,21): error CHEAP002: The type 'NotPartial' containing 'G' must be declared partial", StringComparison.Ordinal), output);
    }

    /// <summary>
    /// Found by building a consumer (round 17, adv27): an annotated method in a C# 14 extension block (an unnamed type of
    /// kind Extension, which the Roslyn 4.8 the tests parse with cannot even read, so only a real SDK build shows it) got
    /// CHEAP002 with no location ("CSC : error", nothing in the editor) naming the type '' ("'' is an extension"), for
    /// polynomials and bits alike, and a [Hamiltonian] there got CHEAP030 naming ''. The reports now sit on the block's
    /// 'extension' keyword and name it as written.
    /// </summary>
    [Fact]
    public void A_network_in_an_extension_block_is_reported_at_the_block_and_names_it()
    {
        const string program = """
            using CheapLearning;

            System.Console.WriteLine(1);

            public static partial class E
            {
                extension(double d)
                {
                    [PolynomialNetwork] public static double F(double x) => x * x;
                    [BitNetwork] public static bool G(bool a, bool b) => a & b;
                }
            }

            public static partial class K
            {
                extension(bool b)
                {
                    [Hamiltonian] public static double Z(bool a) => a ? 2 : 1;
                }
            }
            """;
        var dir = _package.Consumer("Extension", new Dictionary<string, string> { ["Program.cs"] = program });
        var (code, output) = Dotnet.Run(dir, "build -c Release");
        Assert.NotEqual(0, code);
        Assert.DoesNotContain("CSC : error", output);
        Assert.DoesNotContain("''", output);
        Assert.True(output.Contains("Program.cs(7,5): error CHEAP002: 'extension(double d)' is an extension block; [PolynomialNetwork] methods", StringComparison.Ordinal), output);
        Assert.True(output.Contains("Program.cs(7,5): error CHEAP002: 'extension(double d)' is an extension block; [BitNetwork] methods", StringComparison.Ordinal), output);
        Assert.True(output.Contains("error CHEAP030: 'Z' is marked [Hamiltonian] but 'extension(bool b)' is not marked [BayesClassifier]", StringComparison.Ordinal), output);
    }

    /// <summary>
    /// Found by building a consumer (round 17, adv27): a [Hamiltonian] in an extension block of a [BayesClassifier] class
    /// was read as a class of that classifier (C# 14 lists the block's members among the class's own methods, as the
    /// static methods it compiles them to), its body against the other Hamiltonians' parameters: the build failed with
    /// CHEAP022 "The parameter 'a' is not allowed" and no classifier was generated. A method declared in the block belongs to
    /// the block: the classifier has its own two classes, and the block's one gets CHEAP030 (silenced here).
    /// </summary>
    [Fact]
    public void A_Hamiltonian_in_an_extension_block_is_not_a_class_of_the_classifier_around_it()
    {
        const string program = """
            using CheapLearning;

            System.Console.WriteLine("classes " + K.Classifier.ClassCount + " y " + K.Classifier.Classify(true));

            [BayesClassifier]
            public static partial class K
            {
                [Hamiltonian] public static double X(bool a) => a ? 1 : 2;
                [Hamiltonian] public static double Y(bool a) => a ? 2 : 1;

                extension(bool b)
                {
                    [Hamiltonian] public static double Z(bool a) => a ? 2 : 1;
                }
            }
            """;
        var dir = _package.Consumer("ExtensionHamiltonian", new Dictionary<string, string> { ["Program.cs"] = program },
                                    extraProperties: "<NoWarn>$(NoWarn);CHEAP030</NoWarn>");
        var (code, output) = Dotnet.Run(dir, "run -c Release");
        Assert.True(code == 0, output);
        Assert.Contains("classes 2 y 0", output);
    }

    /// <summary>
    /// Found by building a consumer (round 17, adv27): a static method FNetwork in an extension block is also a static
    /// method of the class around it (the compiler declares it there, implicitly), so the generated class FNetwork clashed
    /// with it: CS0102 at the user's method and no word from us, where README promises CHEAP003 for "a member already named
    /// MNetwork". The check counted only members the user declared explicitly.
    /// </summary>
    [Fact]
    public void A_static_extension_member_named_like_the_generated_class_is_CHEAP003()
    {
        const string program = """
            using CheapLearning;

            System.Console.WriteLine(1);

            public static partial class E
            {
                [PolynomialNetwork] public static double F(double x) => x * x;

                extension(double d)
                {
                    public static double FNetwork(double x, double y) => x * y;
                }
            }
            """;
        var dir = _package.Consumer("ExtensionClash", new Dictionary<string, string> { ["Program.cs"] = program });
        var (code, output) = Dotnet.Run(dir, "build -c Release");
        Assert.NotEqual(0, code);
        Assert.DoesNotContain("CS0102", output);
        Assert.True(output.Contains("Program.cs(7,46): error CHEAP003: 'E' already declares a member 'FNetwork', the name of the generated class", StringComparison.Ordinal), output);
    }

    /// <summary>
    /// Found by building a consumer (round 17, adv27): an annotated method of an extension block (CHEAP002, nothing
    /// generated) before the class's own annotated method of the same name made that one CHEAP003 "Another overload of 'F'
    /// comes first", for [PolynomialNetwork] and [BitNetwork] (shared TargetReader.OwnsGeneratedName): the compiler also
    /// lists the block's method among the class's. Only the block is reported now, and the class's networks are built.
    /// </summary>
    [Fact]
    public void An_annotated_extension_member_does_not_take_the_network_name_of_the_class_s_own_method()
    {
        const string program = """
            using CheapLearning;

            System.Console.WriteLine(E.FNetwork.Deep(0.5) + E.GNetwork.Deep(true));

            public static partial class E
            {
                extension(double d)
                {
                    [PolynomialNetwork] public static double F(double x, double y) => x * y;
                    [BitNetwork] public static double G(bool x, bool y) => x ? 1 : 0;
                }

                [PolynomialNetwork] public static double F(double x) => x * x;
                [BitNetwork] public static double G(bool x) => x ? 1 : 0;
            }
            """;
        var dir = _package.Consumer("ExtensionOverload", new Dictionary<string, string> { ["Program.cs"] = program });
        var (code, output) = Dotnet.Run(dir, "build -c Release");
        Assert.NotEqual(0, code);
        Assert.DoesNotContain("CHEAP003", output);
        Assert.DoesNotContain("CS0117", output);
        Assert.True(output.Contains("Program.cs(7,5): error CHEAP002: 'extension(double d)' is an extension block; [PolynomialNetwork]", StringComparison.Ordinal), output);
        Assert.True(output.Contains("Program.cs(7,5): error CHEAP002: 'extension(double d)' is an extension block; [BitNetwork]", StringComparison.Ordinal), output);
    }

    [Fact]
    public void A_netstandard2_0_library_at_its_default_CSharp_7_3_builds_every_kind_of_network()
    {
        // No LangVersion: a netstandard2.0 project compiles at C# 7.3, as .NET Framework and Unity libraries do.
        var dir = _package.Consumer("Library73", new Dictionary<string, string> { ["Networks.cs"] = Networks },
                                    targetFramework: "netstandard2.0", exe: false);
        var (code, output) = Dotnet.Run(dir, "build -c Release");
        Assert.True(code == 0, output);
        Assert.DoesNotContain(": warning ", output);
        Assert.True(File.Exists(Path.Combine(dir, "bin", "Release", "netstandard2.0", "Library73.dll")), output);
    }
}
