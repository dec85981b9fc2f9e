using System;
using System.Linq;
using System.Reflection;
using CheapLearning.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CheapLearning.Generator.Tests.Polynomials;

/// <summary>
/// The batched overloads <c>Deep(ReadOnlySpan&lt;double&gt; x, …, Span&lt;double&gt; destination)</c> (issues 11, 12): below
/// the crossover (BatchedEvaluatorEmitter.ScalarBelow points) each destination[i] is bit-identical to the scalar evaluator;
/// from there on the batch engine computes it with another rounding (FMA, vectorized σ), and the contract is the proven
/// bound against the exact polynomial (TestKit oracle), not bit-identity. Bad spans are ArgumentExceptions naming the
/// argument; NaN/∞ and CheckInputs behave as in the scalar path.
/// Spans cannot be passed by reflection, so the test source has a driver that passes arrays (implicitly spans).
/// </summary>
public class BatchedEvaluatorTests
{
    /// <summary>(network class, form, parameter types) of every evaluator the driver calls.</summary>
    private static readonly (string Network, string Form, string[] Types)[] Evaluators =
    {
        ("MixedNetwork", "Deep", new[] { "double", "float" }),
        ("MixedNetwork", "Flat", new[] { "double", "float" }),
        ("CubicNetwork", "Deep", new[] { "double", "double", "double" }),
        ("UncheckedNetwork", "Deep", new[] { "double", "double" }),
        ("SquareNetwork", "Flat", new[] { "double" }),
        ("PairsNetwork", "Deep", Enumerable.Repeat("double", 30).ToArray()),
    };

    private static readonly string Networks = $$"""
        using CheapLearning;
        namespace B
        {
            public static partial class C
            {
                [PolynomialNetwork(Form = NetworkForm.Both, Tolerance = 1e-6)]
                public static double Mixed(double x, float y) => x * y - 3 * y * y + 1;

                [PolynomialNetwork(InputBound = 2)]
                public static double Cubic(double a, double b, double c) => a * b * c + a * a - 2 * c;

                [PolynomialNetwork(CheckInputs = false)]
                public static double Unchecked(double u, double v) => u * v + v;

                [PolynomialNetwork(Form = NetworkForm.Flat, Tolerance = 1e-6)]
                public static double Square(double t) => t * t - t;

                [PolynomialNetwork(Tolerance = 1e-6)]
                public static double Pairs({{string.Join(", ", Enumerable.Range(0, 30).Select(i => "double p" + i))}})
                    => {{string.Join(" + ", from i in Enumerable.Range(0, 30) from j in Enumerable.Range(i + 1, 29 - i) where (i + j) % 3 == 0 select $"p{i} * p{j}")}};
            }

            public static class Overlap
            {
                // Cubic's a read from buffer[from, from + n), the result written to buffer[to, to + n).
                public static void Cubic(double[] buffer, int from, int to, int n, double[] b, double[] c)
                    => C.CubicNetwork.Deep(new System.ReadOnlySpan<double>(buffer, from, n), b, c, new System.Span<double>(buffer, to, n));
            }

            public static class Driver
            {
        {{string.Join("\n", Evaluators.Select((e, k) =>
            $"        public static void Batch{k}(System.Array[] inputs, double[] destination) => C.{e.Network}.{e.Form}(" +
            string.Join("", e.Types.Select((t, i) => $"({t}[])inputs[{i}], ")) + "destination);"))}}
            }
        }
        """;

    private static readonly Lazy<Assembly> Built = new(() => TestCompilation.BuildAndLoad(Networks));

    private static Type Network(string name) => Built.Value.GetType("B.C+" + name)!;

    /// <summary>Runs the batched evaluator <paramref name="k"/> through the driver, unwrapping the invocation exception.</summary>
    private static void Batch(int k, Array[] inputs, double[] destination)
    {
        var driver = Built.Value.GetType("B.Driver")!.GetMethod("Batch" + k)!;
        Invoke(driver, new object[] { inputs, destination });
    }

    /// <summary>Invokes by reflection and rethrows what the method threw (not TargetInvocationException).</summary>
    private static object? Invoke(MethodInfo method, object[] arguments)
    {
        try
        {
            return method.Invoke(null, arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }

    private static Array Column(string type, double[] values)
        => type == "float" ? values.Select(v => (float)v).ToArray() : values;

    /// <summary>The scalar evaluator at point i (NaN where it returns NaN; an exception propagates).</summary>
    private static double Scalar(int k, Array[] inputs, int i)
    {
        var (network, form, _) = Evaluators[k];
        var scalar = Network(network).ScalarEvaluator(form)!;
        return (double)Invoke(scalar, inputs.Select(a => a.GetValue(i)!).ToArray())!;
    }

    /// <summary>R of evaluator k (a flat-only network has no InputBound constant; its model has).</summary>
    private static double InputBound(int k)
    {
        var (network, form, _) = Evaluators[k];
        return ((NetworkModel)Network(network).GetProperty(form + "Model")!.GetValue(null)!).InputBound;
    }

    /// <summary>Random points of the box, with NaN, ±∞ and the box's corners mixed in where <paramref name="specials"/>.</summary>
    private static Array[] RandomInputs(int k, int points, int seed, bool specials)
    {
        var random = new Random(seed);
        double r = InputBound(k);
        double[] special = { double.NaN, double.PositiveInfinity, double.NegativeInfinity, r, -r, 0, -0.0 };
        return Evaluators[k].Types.Select(t => Column(t, Enumerable.Range(0, points).Select(_ =>
            specials && random.Next(8) == 0 ? special[random.Next(special.Length)] : (2 * random.NextDouble() - 1) * r).ToArray())).ToArray();
    }

    public static TheoryData<int> AllEvaluators() => new() { 0, 1, 2, 3, 4, 5 };

    /// <summary>The exact polynomial of evaluator k's method.</summary>
    private static TestKit.PolynomialOracle Oracle(int k)
        => TestKit.PolynomialOracle.FromSource(Networks, "C", Evaluators[k].Network.Substring(0, Evaluators[k].Network.Length - "Network".Length));

    private static double ErrorBound(int k)
        => ((NetworkModel)Network(Evaluators[k].Network).GetProperty(Evaluators[k].Form + "Model")!.GetValue(null)!).ErrorBound;

    private static double[] Point(Array[] inputs, int i) => inputs.Select(a => Convert.ToDouble(a.GetValue(i))).ToArray();

    [Theory]
    [MemberData(nameof(AllEvaluators))]
    public void Every_point_of_a_batch_is_within_the_proven_bound_of_the_exact_polynomial_and_NaN_exactly_where_an_input_is_not_finite(int k)
    {
        // Several engine chunks (1,024 points) and a ragged last one for the small networks; one chunk for 30 inputs.
        int points = Evaluators[k].Types.Length > 3 ? 300 : 2600;
        var inputs = RandomInputs(k, points, seed: 100 + k, specials: true);
        var destination = Enumerable.Repeat(12345.0, points + 3).ToArray();
        Batch(k, inputs, destination);
        var oracle = Oracle(k);
        double bound = ErrorBound(k);
        int nan = 0, checkedPoints = 0;
        for (int i = 0; i < points; i++)
        {
            var x = Point(inputs, i);
            bool nonFinite = x.Any(v => double.IsNaN(v) || double.IsInfinity(v));
            Assert.Equal(nonFinite, double.IsNaN(destination[i])); // NaN exactly where an input is NaN or infinite
            if (nonFinite) { nan++; continue; }
            double reference = oracle.Value(x).ToDouble(), error = oracle.ExactError(destination[i], x);
            Assert.True(error <= bound + TestKit.PolynomialOracle.Slack(reference),
                $"{Evaluators[k].Network}.{Evaluators[k].Form} batched: |y − p| = {error:G3} > bound {bound:G3} at {oracle.Describe(x)}");
            checkedPoints++;
        }
        Assert.True(nan > 0, "the random inputs contained no NaN or infinity");
        Assert.True(checkedPoints >= 50, $"only {checkedPoints} finite points checked"); // 30 inputs: most points hold a special
        Assert.All(destination.Skip(points), d => Assert.Equal(12345.0, d)); // a longer destination: the rest untouched
    }

    [Theory]
    [MemberData(nameof(AllEvaluators))]
    public void Below_the_crossover_every_point_is_bit_identical_to_the_scalar_evaluator(int k)
    {
        for (int points = 1; points < CheapLearning.Generator.Common.BatchedEvaluatorEmitter.ScalarBelow; points++)
        {
            var inputs = RandomInputs(k, points, seed: 200 + 10 * k + points, specials: true);
            var destination = new double[points];
            Batch(k, inputs, destination);
            for (int i = 0; i < points; i++)
                Assert.Equal(BitConverter.DoubleToInt64Bits(Scalar(k, inputs, i)), BitConverter.DoubleToInt64Bits(destination[i]));
        }
    }

    [Fact]
    public void The_destination_may_be_an_input_span_in_place()
    {
        var inputs = RandomInputs(2, 2100, seed: 7, specials: false);
        var copy = inputs.Select(a => (Array)a.Clone()).ToArray();
        var expected = new double[2100];
        Batch(2, copy, expected);
        var a = (double[])inputs[0];
        Batch(2, inputs, a);
        Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), a.Select(BitConverter.DoubleToInt64Bits));
    }

    /// <summary>
    /// A destination overlapping an input other than as the same span (destination = a.Slice(1)) overwrote inputs not yet
    /// read: in the per-point loop below the crossover and across tiles above it, silently wrong values. It is an
    /// ArgumentException naming destination, before anything is written; the same span and memory right next to the input
    /// still work.
    /// </summary>
    [Theory]
    [InlineData(3, 1)]
    [InlineData(2100, 1)]
    [InlineData(2100, 1024)]
    [InlineData(2100, 2099)]
    [InlineData(2100, -5)]
    [InlineData(3, -2)]
    public void A_destination_overlapping_an_input_shifted_throws_before_writing(int n, int shift)
    {
        var inputs = RandomInputs(2, n, seed: 11, specials: false);
        int from = Math.Max(0, -shift), to = Math.Max(0, shift);
        var buffer = new double[n + Math.Abs(shift)];
        Array.Copy(inputs[0], 0, buffer, from, n);
        var before = (double[])buffer.Clone();
        var overlap = Built.Value.GetType("B.Overlap")!.GetMethod("Cubic")!;
        var e = Assert.Throws<ArgumentException>(() => Invoke(overlap, new object[] { buffer, from, to, n, inputs[1], inputs[2] }));
        Assert.Equal("destination", e.ParamName);
        Assert.Contains($"shifted by {shift} element{(Math.Abs(shift) == 1 ? "" : "s")};", e.Message);
        Assert.Equal(before, buffer);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(2100)]
    public void A_destination_right_after_the_input_in_one_buffer_is_not_an_overlap(int n)
    {
        var inputs = RandomInputs(2, n, seed: 13, specials: false);
        var expected = new double[n];
        Batch(2, inputs, expected);
        var buffer = new double[2 * n];
        Array.Copy(inputs[0], buffer, n);
        Invoke(Built.Value.GetType("B.Overlap")!.GetMethod("Cubic")!, new object[] { buffer, 0, n, n, inputs[1], inputs[2] });
        Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), buffer.Skip(n).Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void Spans_of_different_lengths_name_the_argument()
    {
        var e = Assert.Throws<ArgumentException>(() => Batch(0, new Array[] { new double[3], new float[2] }, new double[3]));
        Assert.Equal("y", e.ParamName);
        e = Assert.Throws<ArgumentException>(() => Batch(2, new Array[] { new double[3], new double[3], new double[4] }, new double[4]));
        Assert.Equal("c", e.ParamName);
        e = Assert.Throws<ArgumentException>(() => Batch(2, new Array[] { new double[3], new double[2], new double[3] }, new double[3]));
        Assert.Equal("b", e.ParamName);
        e = Assert.Throws<ArgumentException>(() => Batch(2, new Array[] { new double[2], new double[1], new double[2] }, new double[2]));
        Assert.StartsWith("b has 1 element but a has 2;", e.Message);
    }

    [Fact]
    public void A_destination_shorter_than_the_inputs_names_destination_and_writes_nothing()
    {
        var destination = new[] { 7.0, 7.0 };
        var e = Assert.Throws<ArgumentException>(() => Batch(3, new Array[] { new double[3], new double[3] }, destination));
        Assert.Equal("destination", e.ParamName);
        Assert.Equal(new[] { 7.0, 7.0 }, destination);
        e = Assert.Throws<ArgumentException>(() => Batch(4, new Array[] { new double[1] }, Array.Empty<double>()));
        Assert.Equal("destination", e.ParamName);
        Assert.StartsWith("destination has 0 elements, fewer than the 1 point.", e.Message);
        e = Assert.Throws<ArgumentException>(() => Batch(3, new Array[] { new double[2], new double[2] }, new double[1]));
        Assert.StartsWith("destination has 1 element, fewer than the 2 points.", e.Message);
    }

    [Theory]
    [MemberData(nameof(AllEvaluators))]
    public void Empty_spans_write_nothing(int k)
    {
        var empty = Evaluators[k].Types.Select(t => Column(t, Array.Empty<double>())).ToArray();
        Batch(k, empty, Array.Empty<double>());
        var destination = new[] { 3.0 };
        Batch(k, empty, destination);
        Assert.Equal(3.0, destination[0]);
    }

    [Fact]
    public void With_CheckInputs_an_input_outside_the_bound_throws_as_the_scalar_path_after_writing_the_points_before_it()
    {
        // Short (scalar path), and long with the bad point in the second engine chunk: the first chunk was written by
        // the engine (within the bound), the second chunk's points before the bad one by the scalar evaluator.
        foreach (var (points, bad) in new[] { (6, 4), (3000, 1500) })
        {
            var inputs = RandomInputs(2, points, seed: 3, specials: false);
            ((double[])inputs[1])[bad] = 2.5; // b, R = 2
            var destination = Enumerable.Repeat(-1.0, points).ToArray();
            var batched = Assert.Throws<ArgumentOutOfRangeException>(() => Batch(2, inputs, destination));
            var scalar = Assert.Throws<ArgumentOutOfRangeException>(() => Scalar(2, inputs, bad));
            Assert.Equal("b", batched.ParamName);
            Assert.Equal(scalar.Message, batched.Message);
            var oracle = Oracle(2);
            for (int i = 0; i < bad; i++)
            {
                var x = Point(inputs, i);
                Assert.True(oracle.ExactError(destination[i], x) <= ErrorBound(2) + TestKit.PolynomialOracle.Slack(oracle.Value(x).ToDouble()), $"point {i}");
            }
            int scalarFrom = points < CheapLearning.Generator.Common.BatchedEvaluatorEmitter.ScalarBelow ? 0 : CheapLearning.Generator.Common.BatchedEvaluatorEmitter.Chunk;
            for (int i = scalarFrom; i < bad; i++)
                Assert.Equal(BitConverter.DoubleToInt64Bits(Scalar(2, inputs, i)), BitConverter.DoubleToInt64Bits(destination[i]));
            Assert.All(destination.Skip(bad), d => Assert.Equal(-1.0, d));
        }
    }

    [Fact]
    public void Without_CheckInputs_an_input_outside_the_bound_is_evaluated_as_the_scalar_path_does()
    {
        var inputs = new Array[] { new[] { 3.0, -40.0, 0.5 }, new[] { 0.25, 2.0, -1e3 } };
        var destination = new double[3];
        Batch(3, inputs, destination);
        for (int i = 0; i < 3; i++) Assert.Equal(BitConverter.DoubleToInt64Bits(Scalar(3, inputs, i)), BitConverter.DoubleToInt64Bits(destination[i]));
        // Through the engine too: no exception, and NaN exactly where the scalar evaluator gives NaN (outside the box the bound says nothing).
        var wide = new Array[] { Enumerable.Range(0, 50).Select(i => 3.0 * i - 70).ToArray(), Enumerable.Range(0, 50).Select(i => 0.5 - i).ToArray() };
        var output = new double[50];
        Batch(3, wide, output);
        for (int i = 0; i < 50; i++) Assert.Equal(double.IsNaN(Scalar(3, wide, i)), double.IsNaN(output[i]));
    }

    [Fact]
    public void The_overloads_are_found_as_documented_and_a_constant_has_none()
    {
        var mixed = Network("MixedNetwork");
        Assert.Equal(new[] { typeof(ReadOnlySpan<double>), typeof(ReadOnlySpan<float>), typeof(Span<double>) },
                     mixed.BatchedEvaluator("Deep")!.GetParameters().Select(p => p.ParameterType));
        Assert.Equal(new[] { "x", "y", "destination" }, mixed.BatchedEvaluator("Flat")!.GetParameters().Select(p => p.Name));
        Assert.Equal(typeof(void), mixed.BatchedEvaluator("Deep")!.ReturnType);

        // The 30-variable network is large enough for the span form of the scalar evaluator (stackalloc per call).
        var (_, run) = TestCompilation.RunGenerator(TestCompilation.Create(Networks));
        Assert.Contains("stackalloc", run.GeneratedTrees.Single(t => t.FilePath.Contains("Pairs")).ToString());

        var assembly = TestCompilation.BuildAndLoad("using CheapLearning;\npublic static partial class K { [PolynomialNetwork] public static double F() => 42; }");
        var constant = assembly.GetType("K+FNetwork")!;
        Assert.NotNull(constant.ScalarEvaluator("Deep"));
        Assert.Null(constant.BatchedEvaluator("Deep"));
    }

    [Fact]
    public void Parameters_named_like_the_evaluator_its_output_or_its_locals_still_compile_and_bind_to_the_scalar_evaluator()
    {
        var assembly = TestCompilation.BuildAndLoad("""
            using CheapLearning;
            namespace @class
            {
                public static partial class Clash
                {
                    [PolynomialNetwork(Form = NetworkForm.Both, Tolerance = 1e-6)]
                    public static double F(double Deep, double destination, double _i, double @int, double FNetwork) => Deep * destination + _i * @int - FNetwork;
                }
                public static class Use
                {
                    public static void Run(double[] a, double[] b, double[] c, double[] d, double[] e, double[] output)
                        => Clash.FNetwork.Flat(Deep: a, destination: b, _i: c, @int: d, FNetwork: e, destination_: output);
                }
            }
            """);
        var network = assembly.GetType("class.Clash+FNetwork")!;
        Assert.Equal("destination_", network.BatchedEvaluator("Deep")!.GetParameters().Last().Name);
        var columns = Enumerable.Range(0, 5).Select(c => Enumerable.Range(0, 20).Select(i => Math.Sin(7 * c + i) * 0.9).ToArray()).ToArray();
        var output = new double[20];
        assembly.GetType("class.Use")!.GetMethod("Run")!.Invoke(null, columns.Cast<object>().Append(output).ToArray());
        var flat = network.ScalarEvaluator("Flat")!;
        double bound = ((NetworkModel)network.GetProperty("FlatModel")!.GetValue(null)!).ErrorBound;
        for (int i = 0; i < 20; i++) // both within the bound of p, hence within twice the bound of each other
            Assert.True(Math.Abs((double)flat.Invoke(null, columns.Select(c => (object)c[i]).ToArray())! - output[i]) <= 2 * bound, $"point {i}");
    }

    [Fact]
    public void A_flat_form_that_was_not_emitted_has_a_batched_stand_in_whose_use_names_the_reason()
    {
        var (output, run) = TestCompilation.RunAllGenerators(TestCompilation.Create("""
            using CheapLearning;
            public static partial class C
            {
                [PolynomialNetwork(Form = NetworkForm.Both, MaxFlatNeurons = 100000)]
                public static double P(double x) => x * x * x * x * x * x * x * x * x * x * x * x * x;
            }
            public static class Use { public static void Call(double[] x, double[] d) => C.PNetwork.Flat(x, d); }
            """));
        Assert.Empty(run.Diagnostics);
        var error = Assert.Single(output.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("CS0619", error.Id);
        Assert.Contains("CHEAP013", error.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp7_3)]
    [InlineData(LanguageVersion.CSharp8)]
    [InlineData(LanguageVersion.Latest)]
    public void Batched_calls_compile_at_every_language_version_with_doc_comments_checked(LanguageVersion version)
    {
        // Diagnose mode reports cref problems (CS0419: an ambiguous cref="Deep" once Deep is overloaded) that a project
        // with GenerateDocumentationFile and TreatWarningsAsErrors would fail on.
        var parse = new CSharpParseOptions(version, DocumentationMode.Diagnose);
        var user = Networks.Replace("using CheapLearning;", """
            using CheapLearning;
            using System;
            namespace B
            {
                /// <summary>Calls the batched overloads as users do: spans, arrays, named arguments.</summary>
                public static class Calls
                {
                    /// <summary>Spans.</summary>
                    public static void Spans(ReadOnlySpan<double> x, ReadOnlySpan<float> y, Span<double> d) { C.MixedNetwork.Deep(x, y, d); C.MixedNetwork.Flat(x, y, d); }
                    /// <summary>Arrays and named arguments.</summary>
                    public static void Arrays(double[] a, double[] b, double[] c, double[] d) => C.CubicNetwork.Deep(a, b, c, destination: d);
                    /// <summary>The scalar overload beside it.</summary>
                    public static double Scalar() => C.MixedNetwork.Deep(0.5, 0.25f) + C.SquareNetwork.Flat(0.5);
                }
            }
            """);
        var compilation = CSharpCompilation.Create("Docs",
            new[] { CSharpSyntaxTree.ParseText(user, parse) }, TestCompilation.MetadataReferences,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: version >= LanguageVersion.CSharp8 ? NullableContextOptions.Enable : NullableContextOptions.Disable,
                specificDiagnosticOptions: new[] { new System.Collections.Generic.KeyValuePair<string, ReportDiagnostic>("CS1591", ReportDiagnostic.Suppress) }));
        var (output, run) = TestCompilation.RunAllGenerators(compilation);
        Assert.Empty(run.Diagnostics);
        Assert.Contains(run.GeneratedTrees, t => t.ToString().Contains("global::System.ReadOnlySpan<float> y, global::System.Span<double> destination)"));
        var problems = TestCompilation.Problems(output);
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(10)));
    }
}
