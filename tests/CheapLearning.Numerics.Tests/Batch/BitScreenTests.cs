using System;
using System.Linq;
using Xunit;

namespace CheapLearning.Numerics.Tests.Batch;

/// <summary>
/// A checked bit network's batched entry points screen their inputs a vector at a time (every input 0 or 1) before
/// evaluating; a value that is not a bit must still throw, wherever it sits: in a whole vector or in the tail past them.
/// </summary>
public class BitScreenTests
{
    private static NetworkModel Xor()
    {
        var hidden = new AffineLayer(new SparseAffineMap(2, 2, new[] { 0, 2, 4 }, new[] { 0, 1, 0, 1 }, new[] { 20.0, 20.0, 20.0, 20.0 }, new[] { -10.0, -30.0 }));
        var output = new AffineLayer(new SparseAffineMap(2, 1, new[] { 0, 2 }, new[] { 0, 1 }, new[] { 1.0, -1.0 }, new[] { 0.0 }));
        return NetworkModel.ForBits(Activation.Sigmoid, 2, new[] { hidden, output }, errorBound: 1e-4);
    }

    [Fact]
    public void Bits_in_a_batch_give_the_single_point_values_within_the_bound()
    {
        var model = Xor();
        const int points = 1001;
        var columns = Enumerable.Range(0, 2 * points).Select(i => (double)((i * 7919 / 3) & 1)).ToArray();
        columns[5] = -0.0; // −0 is the bit 0, as for one point
        var batched = new double[points];
        model.EvaluateColumns(columns, batched);
        for (int j = 0; j < points; j++)
            Assert.True(Math.Abs(model.Evaluate(new[] { columns[j], columns[points + j] }) - batched[j]) <= 2 * model.ErrorBound, $"point {j}");
    }

    [Theory]
    [InlineData(13, 0.5)]
    [InlineData(1000, 0.25)]
    [InlineData(2000, 0.75)]   // the tail: 2,002 values are 500 whole vectors (of 4 or fewer lanes) and 2 more
    [InlineData(2001, 1e-300)]
    public void A_value_that_is_not_a_bit_throws_and_nothing_is_written(int index, double value)
    {
        var model = Xor();
        const int points = 1001;
        var columns = Enumerable.Range(0, 2 * points).Select(i => (double)(i & 1)).ToArray();
        columns[index] = value;
        var destination = Enumerable.Repeat(-7.0, points).ToArray();
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => model.EvaluateColumns(columns, destination));
        Assert.Contains($"Point {index % points}, input {index / points} is a bit", error.Message, StringComparison.Ordinal);
        Assert.All(destination, v => Assert.Equal(-7.0, v));
    }
}
