using System;
using System.Linq;
using static CheapLearning.Benchmarks.EvaluatorNetworks;

namespace CheapLearning.Benchmarks;

/// <summary>
/// One network of the fixed set with its inputs (random points of its box, or random bits) for batches up to
/// <see cref="MaxBatch"/>, and its evaluators: the scalar Deep in a loop, the generated batched Deep, and the model.
/// </summary>
internal sealed class BenchmarkNetwork
{
    public const int MaxBatch = 65_536;

    public static readonly string[] Names = { "Product2", "Quartic6", "Product8", "Product16", "Power40", "Ising3x3", "Parity10" };

    private BenchmarkNetwork(string name, NetworkModel model) { Name = name; Model = model; }

    public string Name { get; }
    public NetworkModel Model { get; }
    public int Inputs => Model.InputCount;

    /// <summary>Input c of point j is Columns[c][j].</summary>
    public double[][] Columns { get; private set; } = Array.Empty<double[]>();
    public bool[][] Bits { get; private set; } = Array.Empty<bool[]>();
    public double[] Destination { get; } = new double[MaxBatch];

    /// <summary>destination[0..count) = Deep(point j), one scalar call per point.</summary>
    public Action<int> Scalar { get; private set; } = _ => { };

    /// <summary>The generated batched overload on the first count points (spans of bool for the bit network).</summary>
    public Action<int> Batched { get; private set; } = _ => { };

    /// <summary>Row-major copy of the first <paramref name="count"/> points, as NetworkModel.Evaluate(rows) and ONNX Runtime take them.</summary>
    public double[] Rows(int count)
    {
        var rows = new double[count * Inputs];
        for (int j = 0; j < count; j++)
            for (int c = 0; c < Inputs; c++) rows[j * Inputs + c] = Columns[c][j];
        return rows;
    }

    /// <summary>Input-major copy of the first <paramref name="count"/> points, as NetworkModel.EvaluateColumns takes them.</summary>
    public double[] ColumnMajor(int count)
        => Enumerable.Range(0, Inputs).SelectMany(c => Columns[c].Take(count)).ToArray();

    public static BenchmarkNetwork Create(string name)
    {
        var model = name switch
        {
            "Product2" => Product2Network.DeepModel,
            "Quartic6" => Quartic6Network.DeepModel,
            "Product8" => Product8Network.DeepModel,
            "Product16" => Product16Network.DeepModel,
            "Power40" => Power40Network.DeepModel,
            "Ising3x3" => Ising3x3Network.DeepModel,
            "Parity10" => Parity10Network.DeepModel,
            _ => throw new ArgumentException(name),
        };
        var network = new BenchmarkNetwork(name, model);
        var random = new Random(12);
        bool bits = name == "Parity10";
        network.Bits = Enumerable.Range(0, model.InputCount).Select(_ => Enumerable.Range(0, MaxBatch).Select(_ => random.Next(2) == 1).ToArray()).ToArray();
        network.Columns = bits
            ? network.Bits.Select(b => b.Select(v => v ? 1.0 : 0.0).ToArray()).ToArray()
            : Enumerable.Range(0, model.InputCount).Select(_ => Enumerable.Range(0, MaxBatch).Select(_ => (2 * random.NextDouble() - 1) * model.InputBound).ToArray()).ToArray();
        network.Wire();
        return network;
    }

    private static ReadOnlySpan<double> S(double[] column, int count) => column.AsSpan(0, count);

    private static ReadOnlySpan<bool> B(bool[] column, int count) => column.AsSpan(0, count);

    private void Wire()
    {
        var x = Columns;
        var b = Bits;
        var d = Destination;
        switch (Name)
        {
            case "Product2":
                Scalar = n => { for (int j = 0; j < n; j++) d[j] = Product2Network.Deep(x[0][j], x[1][j]); };
                Batched = n => Product2Network.Deep(S(x[0], n), S(x[1], n), d);
                break;
            case "Quartic6":
                Scalar = n => { for (int j = 0; j < n; j++) d[j] = Quartic6Network.Deep(x[0][j], x[1][j], x[2][j], x[3][j], x[4][j], x[5][j]); };
                Batched = n => Quartic6Network.Deep(S(x[0], n), S(x[1], n), S(x[2], n), S(x[3], n), S(x[4], n), S(x[5], n), d);
                break;
            case "Product8":
                Scalar = n => { for (int j = 0; j < n; j++) d[j] = Product8Network.Deep(x[0][j], x[1][j], x[2][j], x[3][j], x[4][j], x[5][j], x[6][j], x[7][j]); };
                Batched = n => Product8Network.Deep(S(x[0], n), S(x[1], n), S(x[2], n), S(x[3], n), S(x[4], n), S(x[5], n), S(x[6], n), S(x[7], n), d);
                break;
            case "Product16":
                Scalar = n => { for (int j = 0; j < n; j++) d[j] = Product16Network.Deep(x[0][j], x[1][j], x[2][j], x[3][j], x[4][j], x[5][j], x[6][j], x[7][j], x[8][j], x[9][j], x[10][j], x[11][j], x[12][j], x[13][j], x[14][j], x[15][j]); };
                Batched = n => Product16Network.Deep(S(x[0], n), S(x[1], n), S(x[2], n), S(x[3], n), S(x[4], n), S(x[5], n), S(x[6], n), S(x[7], n),
                                                     S(x[8], n), S(x[9], n), S(x[10], n), S(x[11], n), S(x[12], n), S(x[13], n), S(x[14], n), S(x[15], n), d);
                break;
            case "Power40":
                Scalar = n => { for (int j = 0; j < n; j++) d[j] = Power40Network.Deep(x[0][j], x[1][j], x[2][j], x[3][j], x[4][j], x[5][j], x[6][j], x[7][j]); };
                Batched = n => Power40Network.Deep(S(x[0], n), S(x[1], n), S(x[2], n), S(x[3], n), S(x[4], n), S(x[5], n), S(x[6], n), S(x[7], n), d);
                break;
            case "Ising3x3":
                Scalar = n => { for (int j = 0; j < n; j++) d[j] = Ising3x3Network.Deep(x[0][j], x[1][j], x[2][j], x[3][j], x[4][j], x[5][j], x[6][j], x[7][j], x[8][j]); };
                Batched = n => Ising3x3Network.Deep(S(x[0], n), S(x[1], n), S(x[2], n), S(x[3], n), S(x[4], n), S(x[5], n), S(x[6], n), S(x[7], n), S(x[8], n), d);
                break;
            default:
                Scalar = n => { for (int j = 0; j < n; j++) d[j] = Parity10Network.Deep(b[0][j], b[1][j], b[2][j], b[3][j], b[4][j], b[5][j], b[6][j], b[7][j], b[8][j], b[9][j]); };
                Batched = n => Parity10Network.Deep(B(b[0], n), B(b[1], n), B(b[2], n), B(b[3], n), B(b[4], n), B(b[5], n), B(b[6], n), B(b[7], n), B(b[8], n), B(b[9], n), d);
                break;
        }
    }
}
