using CheapLearning.Generator.Construction;

namespace CheapLearning.Generator.Tests.Construction;

public class StageBuilderTests
{
    [Fact]
    public void Rows_keep_their_entries_in_order_and_drop_zero_weights()
    {
        var builder = new Stage.Builder(1, 1); // too small on purpose: the arrays grow
        builder.Add(2, 0.5);
        builder.Add(0, 0.0);
        builder.Add(1, -3);
        builder.EndRow(7);
        builder.EndRow(-1); // an empty row
        builder.Add(4, 2);
        builder.EndRow(0);
        var stage = builder.Build(5);
        Assert.Equal(new[] { 0, 2, 2, 3 }, stage.RowStarts);
        Assert.Equal(new[] { 2, 1, 4 }, stage.Columns);
        Assert.Equal(new[] { 0.5, -3, 2 }, stage.Weights);
        Assert.Equal(new[] { 7.0, -1, 0 }, stage.Bias);
        Assert.Equal(5, stage.InputCount);
    }

    [Fact]
    public void A_built_stage_does_not_change_when_the_builder_writes_again()
    {
        var builder = new Stage.Builder(1, 1);
        builder.Add(0, 1);
        builder.EndRow(2);
        var first = builder.Build(1); // exact sizes: the stage owns the builder's arrays
        builder.Add(0, 9);
        builder.EndRow(9);
        var second = builder.Build(1);
        Assert.Equal(new[] { 1.0 }, first.Weights);
        Assert.Equal(new[] { 2.0 }, first.Bias);
        Assert.Equal(new[] { 0, 1 }, first.RowStarts);
        Assert.Equal(new[] { 1.0, 9 }, second.Weights);
        Assert.Equal(new[] { 2.0, 9 }, second.Bias);
    }

    [Fact]
    public void Distinct_columns_are_counted_for_sorted_and_unsorted_rows()
    {
        var builder = new Stage.Builder();
        foreach (int c in new[] { 1, 3, 5 }) builder.Add(c, 1);
        builder.EndRow(0);                                       // row 0: 1 3 5 (sorted)
        foreach (int c in new[] { 2, 3, 6 }) builder.Add(c, 1);
        builder.EndRow(0);                                       // row 1: 2 3 6 (sorted)
        foreach (int c in new[] { 6, 3, 6, 1, 8 }) builder.Add(c, 1);
        builder.EndRow(0);                                       // row 2: unsorted, 6 repeated
        Assert.Equal(3, RowColumns.Distinct(builder, 0));
        Assert.Equal(4, RowColumns.Distinct(builder, 2));        // {6, 3, 1, 8}
        Assert.Equal(2, RowColumns.NotIn(builder, 1, 0));        // {2, 6}
        Assert.Equal(2, RowColumns.NotIn(builder, 2, 0));        // {6, 8}
        Assert.Equal(1, RowColumns.NotIn(builder, 0, 2));        // {1, 3, 5} minus {6, 3, 1, 8}: {5}
        Assert.Equal(1, RowColumns.NotIn(builder, 1, 2));        // {2, 3, 6} minus {6, 3, 1, 8}: {2}
    }
}
