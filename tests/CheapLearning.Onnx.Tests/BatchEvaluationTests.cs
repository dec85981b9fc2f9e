using System;
using System.Linq;
using Showcase;
using Xunit;

namespace CheapLearning.Onnx.Tests;

/// <summary>
/// NetworkModel.Evaluate(rows, destination), the batch engine (issue 12: vectorized affine maps and σ, another
/// rounding than the scalar Evaluate): within the proven bound of the exact function on every sample network, the
/// same input semantics as the scalar path, and no allocation per call (nor for the scalar Evaluate).
/// </summary>
public class BatchEvaluationTests
{
    public static TheoryData<string> Names => new(SampleNetworks.All.Select(e => e.Name));

    [Theory]
    [MemberData(nameof(Names))]
    public void Batched_is_within_the_proven_bound_on_random_inputs(string name)
    {
        var e = SampleNetworks.Get(name);
        var m = e.Model;
        int n = m.InputCount;
        // 1,000 random rows plus corners: several full 64-row blocks and a ragged last block.
        double[] rows = OrtRunner.Inputs(e, 1000, name.Length * 31);
        int count = rows.Length / n;
        var batched = new double[count];
        m.Evaluate(rows, batched);
        for (int r = 0; r < count; r++)
        {
            Assert.True(Math.Abs(batched[r] - (e.Exact(rows.Skip(r * n).Take(n).Select(Rational.FromDouble).ToArray())).ToDouble()) <= m.ErrorBound * (1 + 1e-9) + 1e-300,
                $"{name} row {r}: outside the bound");
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(1000)]
    public void Any_row_count_works_and_leaves_the_rest_of_destination_alone(int count)
    {
        var m = Polynomials.Product4Network.DeepModel;
        var random = new Random(count);
        double[] rows = Enumerable.Range(0, count * 4).Select(_ => 2 * (2 * random.NextDouble() - 1)).ToArray();
        var destination = Enumerable.Repeat(42.0, count + 3).ToArray();
        m.Evaluate(rows, destination);
        // Both within the bound of the product, hence within twice the bound of each other.
        for (int r = 0; r < count; r++) Assert.True(Math.Abs(m.Evaluate(rows.AsSpan(r * 4, 4)) - destination[r]) <= 2 * m.ErrorBound, $"row {r}");
        Assert.All(destination.Skip(count), v => Assert.Equal(42.0, v));
    }

    [Fact]
    public void Bad_spans_throw_ArgumentException_naming_the_argument()
    {
        var m = Polynomials.ProductNetwork.DeepModel;
        Assert.Equal("rows", Assert.Throws<ArgumentException>(() => m.Evaluate(new double[5], new double[3])).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => m.Evaluate(new double[6], new double[2])).ParamName);
    }

    [Fact]
    public void NaN_and_infinite_inputs_give_NaN_and_out_of_range_inputs_throw_like_the_scalar_path()
    {
        var m = Polynomials.ProductNetwork.DeepModel; // R = 1, CheckInputs on
        double[] rows = { 0.5, 0.5, double.NaN, 0.1, 0.2, double.PositiveInfinity, double.NegativeInfinity, 5.0, 0.3, 0.3 };
        var y = new double[5];
        m.Evaluate(rows, y);
        Assert.True(Math.Abs(m.Evaluate(new[] { 0.5, 0.5 }) - y[0]) <= 2 * m.ErrorBound);
        Assert.True(double.IsNaN(y[1]) && double.IsNaN(y[2]));
        Assert.True(double.IsNaN(y[3]), "a NaN/∞ before an out-of-range input gives NaN, as the scalar path does");
        Assert.True(double.IsNaN(m.Evaluate(new[] { double.NegativeInfinity, 5.0 })));
        Assert.True(Math.Abs(m.Evaluate(new[] { 0.3, 0.3 }) - y[4]) <= 2 * m.ErrorBound);

        var untouched = new[] { 7.0, 7.0 };
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => m.Evaluate(new[] { 0.1, 0.2, 0.3, 1.5 }, untouched));
        Assert.Equal("rows", error.ParamName);
        Assert.Contains("Row 1, input 1", error.Message, StringComparison.Ordinal);
        Assert.Equal(new[] { 7.0, 7.0 }, untouched);
        Assert.Throws<ArgumentOutOfRangeException>(() => m.Evaluate(new[] { 0.3, 1.5 }));
    }

    [Fact]
    public void Evaluating_a_batch_allocates_nothing_once_warm()
    {
        var m = Polynomials.Power40Network.DeepModel;
        var random = new Random(3);
        double[] rows = Enumerable.Range(0, 8 * 500).Select(_ => 0.1 * (2 * random.NextDouble() - 1)).ToArray();
        var y = new double[500];
        m.Evaluate(rows, y);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10; i++) m.Evaluate(rows, y);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Evaluating_one_point_allocates_nothing_once_warm()
    {
        foreach (var m in new[] { Polynomials.Power40Network.DeepModel, Polynomials.ProductNetwork.DeepModel })
        {
            var x = Enumerable.Repeat(0.05, m.InputCount).ToArray();
            double first = m.Evaluate(x);
            long before = GC.GetAllocatedBytesForCurrentThread();
            double sum = 0;
            for (int i = 0; i < 10; i++) sum += m.Evaluate(x);
            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
            Assert.Equal(10 * first, sum, 1e-12);
        }
    }
}
