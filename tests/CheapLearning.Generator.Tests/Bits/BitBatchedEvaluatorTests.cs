using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using CheapLearning.Generator.Tests.Infrastructure;
using CheapLearning.TestKit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CheapLearning.Generator.Tests.Bits;

/// <summary>
/// The batched overloads of bit networks (issue 12, target 4): <c>Deep(ReadOnlySpan&lt;bool&gt; a, ReadOnlySpan&lt;int&gt; b,
/// ReadOnlySpan&lt;double&gt; c, …, Span&lt;double&gt; destination)</c>, one span per parameter of its own type. On all 2ⁿ
/// inputs, cut into batches of several sizes, every value is within the proven bound of the exact function (integer-valued
/// functions: the C# method's value, exact; the Ising energy: its exact rational value), bit-identical to the scalar
/// evaluator below the crossover and to the model's EvaluateColumns above it. Bad spans are ArgumentExceptions naming the
/// argument, and an int or double that is not a bit throws what the scalar evaluator throws, after the points before it.
/// Spans cannot be passed by reflection, so the test source has a driver that passes arrays (implicitly spans).
/// </summary>
public class BitBatchedEvaluatorTests
{
    /// <summary>(method, form) of every evaluator the driver calls.</summary>
    private static readonly (string Method, string Form)[] Evaluators =
    {
        ("Majority", "Deep"), ("Majority", "Flat"), ("Parity10", "Deep"), ("Ising", "Deep"), ("Ising", "Flat"),
        ("Count", "Deep"), ("Count", "Flat"), ("Majority5", "Deep"), ("Majority5", "Flat"),
    };

    private const string Methods = """
                [BitNetwork(Form = NetworkForm.Both)]
                public static bool Majority(bool a, bool b, bool c) => (a & b) | (a & c) | (b & c);

                [BitNetwork]
                public static bool Parity10(bool x0, bool x1, bool x2, bool x3, bool x4, bool x5, bool x6, bool x7, bool x8, bool x9)
                    => x0 ^ x1 ^ x2 ^ x3 ^ x4 ^ x5 ^ x6 ^ x7 ^ x8 ^ x9;

                /// <summary>A 2×3 Ising energy with non-dyadic couplings (its exact value is rational, not the double C# computes).</summary>
                [BitNetwork(Form = NetworkForm.Both)]
                public static double Ising(bool x0, bool x1, bool x2, bool x3, bool x4, bool x5)
                {
                    double s0 = x0 ? 1 : -1; double s1 = x1 ? 1 : -1; double s2 = x2 ? 1 : -1;
                    double s3 = x3 ? 1 : -1; double s4 = x4 ? 1 : -1; double s5 = x5 ? 1 : -1;
                    return -(0.3 * s0 * s1 + 0.7 * s1 * s2 + 1.1 * s3 * s4 - 0.9 * s4 * s5 + 0.6 * s0 * s3 + 1.3 * s1 * s4 - 0.4 * s2 * s5) - 0.1 * (s0 + s1 + s2 + s3 + s4 + s5);
                }

                [BitNetwork(Form = NetworkForm.Both)]
                public static int Count([Bit] int a, bool b, [Bit] double c, [Bit] int d) => a + 2 * (b ? 1 : 0) - (c == 1 ? 3 : 0) + a * d;

                [BitNetwork(Activation = Activation.ReLU, Form = NetworkForm.Both)]
                public static bool Majority5(bool a, bool b, bool c, bool d, bool e)
                    => (a & b & c) | (a & b & d) | (a & b & e) | (a & c & d) | (a & c & e) | (a & d & e) | (b & c & d) | (b & c & e) | (b & d & e) | (c & d & e);
        """;

    private static readonly string Source = $$"""
        using CheapLearning;
        namespace BB
        {
            public static partial class C
            {
        {{Methods}}
            }

            public static class Driver
            {
        {{string.Join("\n", Evaluators.Select((e, k) => $"        public static void Batch{k}(System.Array[] inputs, double[] destination) => C.{e.Method}Network.{e.Form}("
            + string.Join("", Enumerable.Range(0, Types(e.Method).Length).Select(i => $"({Types(e.Method)[i]}[])inputs[{i}], ")) + "destination);"))}}

                // Count's c read from buffer[from, from + n), the result written to buffer[to, to + n).
                public static void Overlap(int[] a, bool[] b, double[] buffer, int from, int to, int n, int[] d)
                    => C.CountNetwork.Deep(a, b, new System.ReadOnlySpan<double>(buffer, from, n), d, new System.Span<double>(buffer, to, n));
            }
        }
        """;

    private static string[] Types(string method) => method switch
    {
        "Majority" => new[] { "bool", "bool", "bool" },
        "Parity10" => Enumerable.Repeat("bool", 10).ToArray(),
        "Ising" => Enumerable.Repeat("bool", 6).ToArray(),
        "Count" => new[] { "int", "bool", "double", "int" },
        "Majority5" => Enumerable.Repeat("bool", 5).ToArray(),
        _ => throw new ArgumentException(method),
    };

    private static readonly Lazy<Assembly> Built = new(() => TestCompilation.BuildAndLoad(Source));

    private static Type Samples => Built.Value.GetType("BB.C")!;

    private static Type Network(int k) => Samples.GetNestedType(Evaluators[k].Method + "Network")!;

    private static NetworkModel Model(int k) => (NetworkModel)Network(k).GetProperty(Evaluators[k].Form + "Model")!.GetValue(null)!;

    public static TheoryData<int> AllEvaluators() => new(Enumerable.Range(0, Evaluators.Length));

    private static void Batch(int k, Array[] inputs, double[] destination)
        => Invoke(Built.Value.GetType("BB.Driver")!.GetMethod("Batch" + k)!, new object[] { inputs, destination });

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

    /// <summary>The columns, in the parameters' own types, of the points <paramref name="masks"/> (bit i of a mask is input i).</summary>
    private static Array[] Columns(string method, IReadOnlyList<long> masks)
    {
        var types = Types(method);
        var columns = new Array[types.Length];
        for (int i = 0; i < types.Length; i++)
        {
            bool[] bits = masks.Select(m => ((m >> i) & 1) != 0).ToArray();
            columns[i] = types[i] switch
            {
                "bool" => bits,
                "int" => bits.Select(b => b ? 1 : 0).ToArray(),
                _ => bits.Select(b => b ? 1.0 : 0.0).ToArray(),
            };
        }
        return columns;
    }

    private static object[] Arguments(Array[] columns, int j) => columns.Select(c => c.GetValue(j)!).ToArray();

    /// <summary>
    /// The exact value of the method at a point: the integer C# computes for the bool and int functions (exact), and for
    /// the Ising energy its rational value from the couplings' exact binary values (the C# double rounds).
    /// </summary>
    private static ExactNumber Exact(string method, object[] arguments)
    {
        if (method != "Ising") return Convert.ToInt64(Convert.ToDouble(Samples.GetMethod(method)!.Invoke(null, arguments)));
        var s = arguments.Select(a => (ExactNumber)((bool)a ? 1 : -1)).ToArray();
        ExactNumber J(double coupling, int i, int j) => ExactNumber.FromDouble(coupling) * s[i] * s[j];
        var pairs = J(0.3, 0, 1) + J(0.7, 1, 2) + J(1.1, 3, 4) - J(0.9, 4, 5) + J(0.6, 0, 3) + J(1.3, 1, 4) - J(0.4, 2, 5);
        return -pairs - ExactNumber.FromDouble(0.1) * s.Aggregate(ExactNumber.Zero, (sum, x) => sum + x);
    }

    [Theory]
    [MemberData(nameof(AllEvaluators))]
    public void On_every_input_at_every_batch_size_each_value_is_within_the_bound_and_identical_to_the_scalar_or_engine_path(int k)
    {
        var (method, form) = Evaluators[k];
        int n = Types(method).Length;
        var all = Enumerable.Range(0, 1 << n).Select(m => (long)m).ToArray();
        var model = Model(k);
        var scalar = Network(k).ScalarEvaluator(form)!;
        double bound = (double)Network(k).GetField(form + "ErrorBound")!.GetValue(null)!;
        Assert.Equal(bound, model.ErrorBound);
        var exact = all.Select(m => Exact(method, Arguments(Columns(method, new[] { m }), 0))).ToArray();
        foreach (int size in new[] { 1, 3, 4, 5, 64, 1000 })
        {
            // All 2ⁿ points in batches of `size`, the last one shorter; a 1,000-point batch of 32 inputs repeats them.
            var batches = size <= all.Length
                ? all.Chunk(size).ToList()
                : new List<long[]> { Enumerable.Range(0, size).Select(j => all[j % all.Length]).ToArray() };
            foreach (var masks in batches)
            {
                var columns = Columns(method, masks);
                var destination = Enumerable.Repeat(-7.0, masks.Length + 2).ToArray();
                Batch(k, columns, destination);
                Assert.Equal(-7.0, destination[masks.Length]);
                Assert.Equal(-7.0, destination[masks.Length + 1]);
                var engine = new double[masks.Length];
                if (masks.Length >= CheapLearning.Generator.Common.BatchedEvaluatorEmitter.ScalarBelow)
                {
                    var inputMajor = columns.SelectMany(c => c.Cast<object>().Select(v => v is bool b ? (b ? 1.0 : 0.0) : Convert.ToDouble(v))).ToArray();
                    model.EvaluateColumns(inputMajor, engine);
                }
                for (int j = 0; j < masks.Length; j++)
                {
                    var args = Arguments(columns, j);
                    var error = (ExactNumber.FromDouble(destination[j]) - exact[masks[j]]).Abs().RoundUp();
                    Assert.True(error <= bound, $"{method}.{form} batch of {size}, input {masks[j]}: {destination[j]:R}, error {error:G3} > bound {bound:G3}");
                    double expected = masks.Length < CheapLearning.Generator.Common.BatchedEvaluatorEmitter.ScalarBelow ? (double)Invoke(scalar, args)! : engine[j];
                    Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(destination[j]));
                }
            }
        }
    }

    [Fact]
    public void Spans_of_different_lengths_and_a_short_destination_name_the_argument_and_write_nothing()
    {
        int count = Array.FindIndex(Evaluators, e => e.Method == "Count");
        var e = Assert.Throws<ArgumentException>(() => Batch(count, new Array[] { new int[3], new bool[2], new double[3], new int[3] }, new double[3]));
        Assert.Equal("b", e.ParamName);
        Assert.StartsWith("b has 2 elements but a has 3;", e.Message);
        e = Assert.Throws<ArgumentException>(() => Batch(count, new Array[] { new int[5], new bool[5], new double[5], new int[6] }, new double[9]));
        Assert.Equal("d", e.ParamName);
        var destination = new[] { 4.0, 4.0, 4.0, 4.0 };
        e = Assert.Throws<ArgumentException>(() => Batch(count, new Array[] { new int[5], new bool[5], new double[5], new int[5] }, destination));
        Assert.Equal("destination", e.ParamName);
        Assert.StartsWith("destination has 4 elements, fewer than the 5 points.", e.Message);
        Assert.All(destination, d => Assert.Equal(4.0, d));
    }

    [Theory]
    [InlineData(3, 1)]
    [InlineData(2000, 1)]
    [InlineData(2000, -1024)]
    public void A_destination_overlapping_a_double_bit_input_shifted_throws_before_writing(int n, int shift)
    {
        var random = new Random(n + shift);
        var a = Enumerable.Range(0, n).Select(_ => random.Next(2)).ToArray();
        var b = Enumerable.Range(0, n).Select(_ => random.Next(2) == 1).ToArray();
        var d = Enumerable.Range(0, n).Select(_ => random.Next(2)).ToArray();
        int from = Math.Max(0, -shift), to = Math.Max(0, shift);
        var buffer = new double[n + Math.Abs(shift)];
        for (int i = 0; i < n; i++) buffer[from + i] = random.Next(2);
        var before = (double[])buffer.Clone();
        var overlap = Built.Value.GetType("BB.Driver")!.GetMethod("Overlap")!;
        var e = Assert.Throws<ArgumentException>(() => Invoke(overlap, new object[] { a, b, buffer, from, to, n, d }));
        Assert.Equal("destination", e.ParamName);
        Assert.Contains($"overlaps c shifted by {shift} element", e.Message);
        Assert.Equal(before, buffer);

        // The same span (in place) is allowed: each point is read before it is written.
        var expected = new double[n];
        int count = Array.FindIndex(Evaluators, x => x.Method == "Count");
        var c = buffer.Skip(from).Take(n).ToArray();
        Batch(count, new Array[] { a, b, c, d }, expected);
        Batch(count, new Array[] { a, b, c, d }, c);
        Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), c.Select(BitConverter.DoubleToInt64Bits));
    }

    /// <summary>
    /// An int or double input that is not 0 or 1 (2, −1, 0.5, NaN, ∞) throws the scalar evaluator's
    /// ArgumentOutOfRangeException (parameter name, value, message), short batches and long ones alike, with the bad
    /// point in the second engine chunk: the points before it are written (within the bound), the ones after are not.
    /// </summary>
    [Theory]
    [InlineData(3, 2, 0, 2.0)]
    [InlineData(6, 4, 3, -1.0)]
    [InlineData(3000, 1500, 0, -5.0)]
    [InlineData(3000, 2100, 2, 0.5)]
    [InlineData(3000, 1024, 2, double.NaN)]
    [InlineData(3000, 0, 2, double.PositiveInfinity)]
    [InlineData(5, 4, 2, -0.0)] // −0 == 0: a bit, as in the scalar evaluator
    public void An_int_or_double_that_is_not_a_bit_throws_as_the_scalar_evaluator_after_the_points_before_it(int points, int bad, int input, double value)
    {
        int count = Array.FindIndex(Evaluators, e => e.Method == "Count");
        var random = new Random(points + bad);
        var masks = Enumerable.Range(0, points).Select(_ => (long)random.Next(16)).ToArray();
        var columns = Columns("Count", masks);
        if (input == 0) ((int[])columns[0])[bad] = (int)value;
        else ((double[])columns[2])[bad] = value;
        var destination = Enumerable.Repeat(-1.0, points).ToArray();
        var scalar = Network(count).ScalarEvaluator("Deep")!;
        double bound = (double)Network(count).GetField("DeepErrorBound")!.GetValue(null)!;
        if (value == 0)
        {
            Batch(count, columns, destination);
            Assert.All(destination, v => Assert.Equal(Math.Round(v), v, 1e-9));
            return;
        }
        var batched = Assert.Throws<ArgumentOutOfRangeException>(() => Batch(count, columns, destination));
        var expected = Assert.Throws<ArgumentOutOfRangeException>(() => Invoke(scalar, Arguments(columns, bad)));
        Assert.Equal(input == 0 ? "a" : "c", batched.ParamName);
        Assert.Equal(expected.Message, batched.Message);
        Assert.Equal(expected.ActualValue, batched.ActualValue);
        for (int j = 0; j < bad; j++)
        {
            double exact = Convert.ToDouble(Samples.GetMethod("Count")!.Invoke(null, Arguments(columns, j)));
            Assert.True(Math.Abs(destination[j] - exact) <= bound, $"point {j}: {destination[j]} vs {exact}");
        }
        Assert.All(destination.Skip(bad), v => Assert.Equal(-1.0, v));
    }

    [Theory]
    [MemberData(nameof(AllEvaluators))]
    public void Empty_spans_write_nothing(int k)
    {
        var empty = Columns(Evaluators[k].Method, Array.Empty<long>());
        var destination = new[] { 3.0 };
        Batch(k, empty, destination);
        Assert.Equal(3.0, destination[0]);
    }

    [Fact]
    public void The_overloads_take_each_parameter_type_and_a_method_without_parameters_or_a_flat_form_not_built_has_none()
    {
        var count = Samples.GetNestedType("CountNetwork")!;
        Assert.Equal(new[] { typeof(ReadOnlySpan<int>), typeof(ReadOnlySpan<bool>), typeof(ReadOnlySpan<double>), typeof(ReadOnlySpan<int>), typeof(Span<double>) },
                     count.BatchedEvaluator("Flat")!.GetParameters().Select(p => p.ParameterType));
        Assert.Equal(new[] { "a", "b", "c", "d", "destination" }, count.BatchedEvaluator("Deep")!.GetParameters().Select(p => p.Name));
        Assert.Null(Samples.GetNestedType("Parity10Network")!.BatchedEvaluator("Flat"));

        var (output, run) = TestCompilation.RunAllGenerators(TestCompilation.Create("""
            using CheapLearning;
            public static partial class K
            {
                [BitNetwork] public static bool T() => true;
                [BitNetwork(Form = NetworkForm.Both, MaxFlatNeurons = 4)]
                public static bool P(bool a, bool b, bool c, bool d) => a ^ b ^ c ^ d;
            }
            public static class Use { public static void Call(bool[] x, double[] y) => K.PNetwork.Flat(x, x, x, x, y); }
            """));
        var t = run.GeneratedTrees.Single(tree => tree.FilePath.Contains("K.T")).ToString();
        Assert.DoesNotContain("Span", t);
        var error = Assert.Single(output.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("CS0619", error.Id);
        Assert.Contains("CHEAP023", error.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp7_3)]
    [InlineData(LanguageVersion.Latest)]
    public void Batched_calls_compile_at_every_language_version_with_doc_comments_checked(LanguageVersion version)
    {
        // Diagnose mode reports cref problems (CS0419: an ambiguous cref="Deep" once Deep is overloaded) that a project
        // with GenerateDocumentationFile and TreatWarningsAsErrors would fail on.
        var parse = new CSharpParseOptions(version, DocumentationMode.Diagnose);
        string user = """
            using CheapLearning;
            using System;
            namespace U
            {
                /// <summary>Samples.</summary>
                public static partial class C
                {
            """ + "\n" + Methods + """

                }
                /// <summary>Calls the batched overloads as users do: spans, arrays, named arguments.</summary>
                public static class Calls
                {
                    /// <summary>Spans.</summary>
                    public static void Spans(ReadOnlySpan<int> a, ReadOnlySpan<bool> b, ReadOnlySpan<double> c, Span<double> d) { C.CountNetwork.Deep(a, b, c, a, d); C.CountNetwork.Flat(a, b, c, a, d); }
                    /// <summary>Arrays and named arguments.</summary>
                    public static void Arrays(bool[] x, double[] y) => C.MajorityNetwork.Deep(x, x, x, destination: y);
                    /// <summary>The scalar overload beside it.</summary>
                    public static double Scalar() => C.MajorityNetwork.Deep(true, false, true) + C.CountNetwork.Flat(1, true, 0.0, 1);
                }
            }
            """;
        var compilation = CSharpCompilation.Create("Docs",
            new[] { CSharpSyntaxTree.ParseText(user, parse) }, TestCompilation.MetadataReferences,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: version >= LanguageVersion.CSharp8 ? NullableContextOptions.Enable : NullableContextOptions.Disable,
                specificDiagnosticOptions: new[] { new KeyValuePair<string, ReportDiagnostic>("CS1591", ReportDiagnostic.Suppress) }));
        var (output, run) = TestCompilation.RunAllGenerators(compilation);
        Assert.Empty(run.Diagnostics);
        Assert.Contains(run.GeneratedTrees, t => t.ToString().Contains("global::System.ReadOnlySpan<bool> b, global::System.ReadOnlySpan<double> c, global::System.ReadOnlySpan<int> d, global::System.Span<double> destination)"));
        var problems = TestCompilation.Problems(output);
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(10)));
    }
}
