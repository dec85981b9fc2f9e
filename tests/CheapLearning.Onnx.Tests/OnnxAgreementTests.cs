using System;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace CheapLearning.Onnx.Tests;

/// <summary>
/// Every sample network exported and run by ONNX Runtime: the float64 output is within the network's
/// proven ErrorBound of the exact function, and a float32 export within the bound it states.
/// </summary>
public class OnnxAgreementTests
{
    private readonly ITestOutputHelper _output;

    public OnnxAgreementTests(ITestOutputHelper output) => _output = output;

    public static TheoryData<string> Names => new(SampleNetworks.All.Select(e => e.Name));

    [Theory]
    [MemberData(nameof(Names))]
    public void Float64_export_run_by_ONNX_Runtime_is_within_ErrorBound_of_the_exact_function(string name)
    {
        var e = SampleNetworks.Get(name);
        var m = e.Model;
        int n = m.InputCount;
        double[] rows = OrtRunner.Inputs(e, 3000, name.Length * 7919);
        double[] ort = OrtRunner.Run(m.ToOnnxBytes(), rows, n);
        Assert.Equal(rows.Length / n, ort.Length);
        double worst = 0, worstVsDeep = 0;
        for (int r = 0; r < ort.Length; r++)
        {
            var x = new double[n];
            Array.Copy(rows, r * n, x, 0, n);
            double exactError = Math.Abs((Rational.FromDouble(ort[r]) - e.Exact(x.Select(Rational.FromDouble).ToArray())).ToDouble());
            worst = Math.Max(worst, exactError);
            worstVsDeep = Math.Max(worstVsDeep, Math.Abs(ort[r] - m.Evaluate(x)));
        }
        _output.WriteLine($"{name}: |ORT - p| <= {worst:E2}, bound {m.ErrorBound:E2}; |ORT - Deep| <= {worstVsDeep:E2} ({worstVsDeep / m.ErrorBound:E1} of the bound); {ort.Length} rows");
        Assert.True(worst <= m.ErrorBound, $"{name}: ONNX Runtime is {worst:E3} from the exact function, bound {m.ErrorBound:E3}");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Float32_export_run_by_ONNX_Runtime_is_within_its_stated_bound(string name)
    {
        var e = SampleNetworks.Get(name);
        var m = e.Model;
        int n = m.InputCount;
        var options = new OnnxExportOptions { ElementType = OnnxElementType.Float32, InputsAreBits = e.Bits };
        double bound = OnnxExport.StatedErrorBound(m, OnnxElementType.Float32, e.Bits);
        using (var session = new Microsoft.ML.OnnxRuntime.InferenceSession(m.ToOnnxBytes(options)))
            Assert.Equal(bound, double.Parse(session.ModelMetadata.CustomMetadataMap["ErrorBound"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(bound > m.ErrorBound, "float32 cannot be more accurate than the float64 network");
        double[] rows = OrtRunner.Inputs(e, 3000, name.Length * 104729);
        float[] ort = OrtRunner.Run(m.ToOnnxBytes(options), rows.Select(v => (float)v).ToArray(), n);
        double worst = 0;
        for (int r = 0; r < ort.Length; r++)
        {
            var x = new Rational[n];
            for (int i = 0; i < n; i++) x[i] = Rational.FromDouble(rows[r * n + i]);
            worst = Math.Max(worst, Math.Abs((Rational.FromDouble(ort[r]) - e.Exact(x)).ToDouble()));
        }
        _output.WriteLine($"{name}: float32 |ORT - p| <= {worst:E2}, stated bound {bound:E2} (float64 bound {m.ErrorBound:E2})");
        Assert.True(worst <= bound, $"{name}: float32 ONNX Runtime is {worst:E3} from the exact function, stated bound {bound:E3}");
    }
}
