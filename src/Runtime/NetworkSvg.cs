using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace CheapLearning
{
    /// <summary>Draws a <see cref="NetworkDrawing"/> as SVG text.</summary>
    internal static class NetworkSvg
    {
        internal const string Positive = "#2b6cb0";
        internal const string Negative = "#c53030";
        private const double ColumnGap = 170, GroupGap = 10, Left = 110, Top = 70;

        /// <summary>Stroke width: 0.4 for the smallest weights up to 3 for the largest, on a log(1 + |w|) scale.</summary>
        internal static double Width(double weight, double maxWeight)
            => 0.4 + 2.6 * Math.Log(1 + Math.Abs(weight)) / Math.Log(1 + Math.Max(maxWeight, 1e-300));

        public static string Write(NetworkModel model, NetworkDrawing d)
        {
            return d.NodeCount > NetworkModel.MaxDrawnNodes ? Summary(model, d) : Full(model, d);
        }

        private static string Full(NetworkModel model, NetworkDrawing d)
        {
            // Rows shrink from 24 px to 10 px so a 64-neuron flat layer stays about 800 px tall.
            int most = 1;
            foreach (var c in d.Columns) most = Math.Max(most, c.Labels.Count);
            double rowGap = Math.Max(10, Math.Min(24, 800.0 / most)), radius = Math.Min(8, rowGap * 0.4);
            // Node positions: groups kept together, a gap between groups.
            var y = new List<double[]>();
            double tallest = 0;
            foreach (var column in d.Columns)
            {
                var order = new List<int>();
                for (int g = -1; g < column.GroupLabels.Count; g++)
                    for (int i = 0; i < column.Labels.Count; i++) if (column.Group[i] == g) order.Add(i);
                var pos = new double[column.Labels.Count];
                double at = 0;
                int previous = int.MinValue;
                foreach (int i in order)
                {
                    if (previous != int.MinValue && column.Group[i] != previous) at += GroupGap;
                    pos[i] = at;
                    at += rowGap;
                    previous = column.Group[i];
                }
                y.Add(pos);
                tallest = Math.Max(tallest, at);
            }
            for (int c = 0; c < d.Columns.Count; c++)
            {
                double height = 0;
                foreach (double p in y[c]) height = Math.Max(height, p + rowGap);
                double shift = Top + (tallest - height) / 2 + rowGap / 2;
                for (int i = 0; i < y[c].Length; i++) y[c][i] += shift;
            }
            double width = Left + (d.Columns.Count - 1) * ColumnGap + 110, totalHeight = Top + tallest + 30;
            var s = Header(width, totalHeight, model);
            double maxWeight = NetworkModel.MaxWeight(d);
            s.Append("<g fill=\"none\" stroke-opacity=\"0.55\">\n");
            foreach (var e in d.Edges)
                s.AppendFormat(CultureInfo.InvariantCulture, "<line x1=\"{0:0.#}\" y1=\"{1:0.#}\" x2=\"{2:0.#}\" y2=\"{3:0.#}\" stroke=\"{4}\" stroke-width=\"{5:0.##}\"><title>{6}</title></line>\n",
                    X(e.Column), y[e.Column][e.From], X(e.Column + 1), y[e.Column + 1][e.To], e.Weight > 0 ? Positive : Negative,
                    Width(e.Weight, maxWeight), e.Weight.ToString("G6", CultureInfo.InvariantCulture));
            s.Append("</g>\n");
            for (int c = 0; c < d.Columns.Count; c++)
            {
                var column = d.Columns[c];
                s.AppendFormat(CultureInfo.InvariantCulture, "<text x=\"{0:0.#}\" y=\"{1:0.#}\" text-anchor=\"middle\" font-size=\"11\" fill=\"#555\">{2}</text>\n",
                    X(c), Top - 18, NetworkDrawing.Escape(column.Title));
                for (int g = 0; g < column.GroupLabels.Count; g++)
                {
                    if (column.GroupLabels[g].Length == 0) continue; // dissolved: a flat layer
                    double lo = double.MaxValue, hi = double.MinValue;
                    for (int i = 0; i < column.Labels.Count; i++)
                        if (column.Group[i] == g) { lo = Math.Min(lo, y[c][i]); hi = Math.Max(hi, y[c][i]); }
                    s.AppendFormat(CultureInfo.InvariantCulture, "<rect x=\"{0:0.#}\" y=\"{1:0.#}\" width=\"{2:0.#}\" height=\"{3:0.#}\" rx=\"6\" fill=\"#f4f4f4\" stroke=\"#999\" stroke-width=\"0.8\"/>\n",
                        X(c) - radius - 8, lo - radius - 3, 2 * radius + 16, hi - lo + 2 * radius + 6);
                    s.AppendFormat(CultureInfo.InvariantCulture, "<text x=\"{0:0.#}\" y=\"{1:0.#}\" text-anchor=\"end\" font-size=\"12\" fill=\"#333\">{2}</text>\n",
                        X(c) - radius - 12, (lo + hi) / 2 + 4, NetworkDrawing.Escape(column.GroupLabels[g]));
                }
                bool first = c == 0, last = c == d.Columns.Count - 1;
                for (int i = 0; i < column.Labels.Count; i++)
                {
                    string fill = column.Neurons ? "#fff7d6" : first || last ? "#e8f0fe" : "#ffffff";
                    s.AppendFormat(CultureInfo.InvariantCulture, "<circle cx=\"{0:0.#}\" cy=\"{1:0.#}\" r=\"{2}\" fill=\"{3}\" stroke=\"#333\" stroke-width=\"1\"/>\n", X(c), y[c][i], radius, fill);
                    if (first || last)
                        s.AppendFormat(CultureInfo.InvariantCulture, "<text x=\"{0:0.#}\" y=\"{1:0.#}\" text-anchor=\"{2}\" font-size=\"13\">{3}</text>\n",
                            first ? X(c) - 14 : X(c) + 14, y[c][i] + 4, first ? "end" : "start", NetworkDrawing.Escape(column.Labels[i]));
                    else if (radius >= 6)
                        s.AppendFormat(CultureInfo.InvariantCulture, "<text x=\"{0:0.#}\" y=\"{1:0.#}\" text-anchor=\"middle\" font-size=\"9\">{2}</text>\n", X(c), y[c][i] + 3, column.Labels[i]);
                }
            }
            return s.Append("</svg>\n").ToString();
        }

        private static string Summary(NetworkModel model, NetworkDrawing d)
        {
            int largest = 1;
            foreach (var c in d.Columns) largest = Math.Max(largest, c.Labels.Count);
            const double maxBox = 300;
            double width = Left + (d.Columns.Count - 1) * ColumnGap + 110, height = Top + maxBox + 60;
            var s = Header(width, height, model);
            for (int c = 0; c < d.Columns.Count; c++)
            {
                var column = d.Columns[c];
                // Box height on a log scale so a 4,096-neuron layer and a 4-neuron one both stay visible.
                double h = 20 + (maxBox - 20) * Math.Log(1 + column.Labels.Count) / Math.Log(1 + largest);
                double top = Top + (maxBox - h) / 2;
                if (c + 1 < d.Columns.Count)
                    s.AppendFormat(CultureInfo.InvariantCulture, "<line x1=\"{0:0.#}\" y1=\"{1:0.#}\" x2=\"{2:0.#}\" y2=\"{1:0.#}\" stroke=\"#888\" stroke-width=\"2\"/>\n", X(c) + 30, Top + maxBox / 2, X(c + 1) - 30);
                s.AppendFormat(CultureInfo.InvariantCulture, "<rect x=\"{0:0.#}\" y=\"{1:0.#}\" width=\"60\" height=\"{2:0.#}\" rx=\"6\" fill=\"{3}\" stroke=\"#333\"/>\n",
                    X(c) - 30, top, h, column.Neurons ? "#fff7d6" : "#e8f0fe");
                s.AppendFormat(CultureInfo.InvariantCulture, "<text x=\"{0:0.#}\" y=\"{1:0.#}\" text-anchor=\"middle\" font-size=\"13\">{2:N0}</text>\n", X(c), Top + maxBox / 2 + 5, column.Labels.Count);
                s.AppendFormat(CultureInfo.InvariantCulture, "<text x=\"{0:0.#}\" y=\"{1:0.#}\" text-anchor=\"middle\" font-size=\"11\" fill=\"#555\">{2}</text>\n", X(c), Top - 18, NetworkDrawing.Escape(column.Title));
            }
            s.AppendFormat(CultureInfo.InvariantCulture, "<text x=\"{0:0.#}\" y=\"{1:0.#}\" font-size=\"11\" fill=\"#555\">{2} nodes: layer sizes only (drawn in full up to {3}).</text>\n",
                20, height - 12, d.NodeCount, NetworkModel.MaxDrawnNodes);
            return s.Append("</svg>\n").ToString();
        }

        private static StringBuilder Header(double width, double height, NetworkModel model)
        {
            var s = new StringBuilder();
            s.AppendFormat(CultureInfo.InvariantCulture,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0:0}\" height=\"{1:0}\" viewBox=\"0 0 {0:0} {1:0}\" font-family=\"Helvetica, Arial, sans-serif\">\n", width, height);
            s.Append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
            s.AppendFormat(CultureInfo.InvariantCulture, "<text x=\"20\" y=\"26\" font-size=\"14\" fill=\"#222\">{0}</text>\n", NetworkDrawing.Escape(model.ToString()));
            return s;
        }

        private static double X(int column) => Left + column * ColumnGap;
    }
}
