using System;
using System.Linq;
using Microsoft.ML.OnnxRuntime;

namespace CheapLearning.Onnx.Tests;

/// <summary>Runs an exported model in-process in ONNX Runtime's CPU provider on a row-major batch.</summary>
public static class OrtRunner
{
    public static T[] Run<T>(byte[] model, T[] rows, int rowLength) where T : unmanaged
    {
        using var session = new InferenceSession(model);
        using var input = OrtValue.CreateTensorValueFromMemory(rows, new long[] { rows.Length / rowLength, rowLength });
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, new[] { session.InputNames[0] }, new[] { input }, session.OutputNames);
        return outputs[0].GetTensorDataAsSpan<T>().ToArray();
    }

    /// <summary>Random points of the box |xᵢ| ≤ R, all its corners (up to 2¹⁰ of them) and the origin; for bit networks every 0/1 input.</summary>
    public static double[] Inputs(SampleNetwork e, int randomPoints, int seed)
    {
        var m = e.Model;
        int n = m.InputCount;
        if (e.Bits)
            return Enumerable.Range(0, 1 << n).SelectMany(mask => Enumerable.Range(0, n).Select(i => (double)((mask >> i) & 1))).ToArray();
        var random = new Random(seed);
        int corners = n <= 10 ? 1 << n : 0;
        var rows = new double[(randomPoints + corners + 1) * n];
        int k = 0;
        for (int p = 0; p < randomPoints; p++)
            for (int i = 0; i < n; i++) rows[k++] = (2 * random.NextDouble() - 1) * m.InputBound;
        for (int mask = 0; mask < corners; mask++)
            for (int i = 0; i < n; i++) rows[k++] = ((mask >> i) & 1) == 1 ? m.InputBound : -m.InputBound;
        return rows; // the last row stays the origin
    }
}
