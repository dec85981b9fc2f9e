using System;
using System.IO;
using System.Linq;
using CheapLearning;

namespace ExportAndScale;

/// <summary>The deep and flat 6-variable product as SVG and DOT, and neurons against n for deep and flat products.</summary>
public static class Pictures
{
    public static void Write(string folder)
    {
        var names = new[] { "a", "b", "c", "d", "e", "f" };
        Save(folder, "product6-deep", Products.P6Network.DeepModel, names);
        Save(folder, "product6-flat", Products.P6Network.FlatModel, names);
        Save(folder, "product10-flat", Products.P10Network.FlatModel, null);

        NetworkModel[] deep =
        {
            Products.P2Network.DeepModel, Products.P3Network.DeepModel, Products.P4Network.DeepModel, Products.P5Network.DeepModel,
            Products.P6Network.DeepModel, Products.P7Network.DeepModel, Products.P8Network.DeepModel, Products.P9Network.DeepModel,
            Products.P10Network.DeepModel,
        };
        NetworkModel[] flat =
        {
            Products.P2Network.FlatModel, Products.P3Network.FlatModel, Products.P4Network.FlatModel, Products.P5Network.FlatModel,
            Products.P6Network.FlatModel, Products.P7Network.FlatModel, Products.P8Network.FlatModel, Products.P9Network.FlatModel,
            Products.P10Network.FlatModel,
        };
        double[] n = deep.Select(m => (double)m.InputCount).ToArray();
        var plot = new ScottPlot.Plot();
        var flatLine = plot.Add.Scatter(n, flat.Select(m => Math.Log10(m.Neurons)).ToArray());
        flatLine.LegendText = "flat (one hidden layer): 2^n";
        flatLine.MarkerSize = 8;
        flatLine.LineWidth = 2;
        var deepLine = plot.Add.Scatter(n, deep.Select(m => Math.Log10(m.Neurons)).ToArray());
        deepLine.LegendText = "deep (tree of × gates, copy gates carry odd factors)";
        deepLine.MarkerSize = 8;
        deepLine.LineWidth = 2;
        // Log scale: the data are log10(neurons); ticks are labelled with the neuron counts.
        var ticks = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = y => Math.Pow(10, y).ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            IntegerTicksOnly = true,
        };
        plot.Axes.Left.TickGenerator = ticks;
        plot.Axes.SetLimitsY(0, 3.3);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(1);
        plot.Title("Neurons to multiply n numbers, as compiled by CheapLearning");
        plot.XLabel("n (variables in the product)");
        plot.YLabel("hidden neurons (log scale)");
        plot.ShowLegend(ScottPlot.Alignment.UpperLeft);
        string png = Path.Combine(folder, "neurons-vs-n.png");
        plot.SavePng(png, 800, 480);
        Console.WriteLine($"Wrote {png}");
        for (int i = 0; i < n.Length; i++)
            Console.WriteLine($"  n = {n[i],2}: deep {deep[i].Neurons,4} neurons in {deep[i].HiddenLayers} layers, flat {flat[i].Neurons,5} neurons");
    }

    private static void Save(string folder, string name, NetworkModel model, string[]? names)
    {
        string svg = Path.Combine(folder, name + ".svg");
        File.WriteAllText(svg, model.ToSvg(names, "product"));
        File.WriteAllText(Path.Combine(folder, name + ".dot"), model.ToDot(names, "product"));
        Console.WriteLine($"Wrote {svg} (and .dot): {model}");
    }
}
