using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace CheapLearning
{
    public sealed partial class NetworkModel
    {
        /// <summary>Above this many nodes (inputs, gate inputs, neurons, outputs) pictures show layer sizes only.</summary>
        public const int MaxDrawnNodes = 300;

        /// <summary>
        /// The network as a standalone SVG picture (no native dependency): layers as columns, synapses as lines
        /// whose width grows with log(1 + |w|) and whose colour is the weight's sign (blue +, red −), neurons of a
        /// factored layer boxed by gate (×, x², copy, XOR, AND/OR, read off the wiring), input and output names.
        /// Above <see cref="MaxDrawnNodes"/> nodes it draws a summary: one box per column with its size.
        /// </summary>
        /// <param name="inputNames">One name per input (e.g. the method's parameters); default x0, x1, ….</param>
        /// <param name="outputName">The output's label. Default <c>y</c>.</param>
        public string ToSvg(IReadOnlyList<string>? inputNames = null, string outputName = "y")
            => NetworkSvg.Write(this, NetworkDrawing.Build(this, inputNames, outputName ?? "y"));

        /// <summary>
        /// The network in Graphviz DOT (render with <c>dot -Tsvg</c>): one cluster per column, gates as
        /// nested clusters, edge width and colour by weight as in <see cref="ToSvg"/>; a summary chain of
        /// layer sizes above <see cref="MaxDrawnNodes"/> nodes.
        /// </summary>
        public string ToDot(IReadOnlyList<string>? inputNames = null, string outputName = "y")
        {
            var d = NetworkDrawing.Build(this, inputNames, outputName ?? "y");
            var s = new StringBuilder();
            s.Append("digraph network {\n  rankdir=LR; splines=line; nodesep=0.08; ranksep=1.4;\n");
            s.Append("  label=\"").Append(Dot(ToString())).Append("\"; labelloc=t; fontname=\"Helvetica\";\n");
            s.Append("  node [shape=circle, width=0.3, fixedsize=true, fontname=\"Helvetica\", fontsize=9];\n");
            if (d.NodeCount > MaxDrawnNodes)
            {
                for (int c = 0; c < d.Columns.Count; c++)
                    s.Append("  c").Append(c).Append(" [shape=box, fixedsize=false, label=\"").Append(Dot(d.Columns[c].Title)).Append("\\n")
                     .Append(d.Columns[c].Labels.Count.ToString(CultureInfo.InvariantCulture)).Append(d.Columns[c].Neurons ? " neurons" : " values").Append("\"];\n");
                for (int c = 0; c + 1 < d.Columns.Count; c++) s.Append("  c").Append(c).Append(" -> c").Append(c + 1).Append(";\n");
                return s.Append("}\n").ToString();
            }
            double maxWeight = MaxWeight(d);
            for (int c = 0; c < d.Columns.Count; c++)
            {
                var column = d.Columns[c];
                s.Append("  subgraph cluster_").Append(c).Append(" {\n    label=\"").Append(Dot(column.Title)).Append("\"; color=\"#cccccc\";\n");
                for (int g = -1; g < column.GroupLabels.Count; g++)
                {
                    if (g >= 0 && column.GroupLabels[g].Length == 0) continue; // dissolved: a flat layer
                    string indent = g < 0 ? "    " : "      ";
                    if (g >= 0) s.Append("    subgraph cluster_").Append(c).Append('_').Append(g).Append(" {\n      label=\"").Append(Dot(column.GroupLabels[g])).Append("\"; style=rounded; color=\"#999999\";\n");
                    for (int i = 0; i < column.Labels.Count; i++)
                        if (column.Group[i] == g)
                            s.Append(indent).Append("n").Append(c).Append('_').Append(i).Append(" [label=\"").Append(Dot(column.Labels[i])).Append("\"").Append(c == 0 || c == d.Columns.Count - 1 ? ", shape=box, fixedsize=false" : "").Append("];\n");
                    if (g >= 0) s.Append("    }\n");
                }
                s.Append("  }\n");
            }
            foreach (var e in d.Edges)
                s.Append("  n").Append(e.Column).Append('_').Append(e.From).Append(" -> n").Append(e.Column + 1).Append('_').Append(e.To)
                 .Append(" [color=\"").Append(e.Weight > 0 ? NetworkSvg.Positive : NetworkSvg.Negative).Append("\", penwidth=")
                 .Append(NetworkSvg.Width(e.Weight, maxWeight).ToString("0.##", CultureInfo.InvariantCulture)).Append(", arrowsize=0.4, tooltip=\"")
                 .Append(e.Weight.ToString("G6", CultureInfo.InvariantCulture)).Append("\"];\n");
            return s.Append("}\n").ToString();
        }

        internal static double MaxWeight(NetworkDrawing d)
        {
            double max = 0;
            foreach (var e in d.Edges) max = Math.Max(max, Math.Abs(e.Weight));
            return max;
        }

        private static string Dot(string s) => s.Replace("\\", "\\\\").Replace("\"", "\\\"");
    }
}
