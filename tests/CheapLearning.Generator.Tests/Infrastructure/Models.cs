using System;
using System.Collections.Generic;
using System.Linq;
using CheapLearning.Generator.Construction;

namespace CheapLearning.Generator.Tests.Infrastructure;

/// <summary>Converts a constructed network into the runtime <see cref="NetworkModel"/>, whose Evaluate the emitted code matches bit for bit.</summary>
public static class Models
{
    internal static NetworkModel ToModel(BuiltNetwork network, double inputBound)
    {
        // The generator's internal Activation and the runtime's public one share a name, so the
        // runtime's is reached through the constructor's parameter type.
        var ctor = typeof(NetworkModel).GetConstructors().Single(c => c.GetParameters().Length == 6);
        var activation = Enum.ToObject(ctor.GetParameters()[0].ParameterType, (int)network.Activation);
        IReadOnlyList<AffineLayer> layers = network.Layers
            .Select(l => l.GateInputs is { } g ? new AffineLayer(Map(g), Map(l.Map)) : new AffineLayer(Map(l.Map))).ToArray();
        return (NetworkModel)ctor.Invoke(new object[] { activation, network.InputCount, layers, inputBound, network.ErrorBound, false });
    }

    private static SparseAffineMap Map(Stage s) => new(s.InputCount, s.OutputCount, s.RowStarts, s.Columns, s.Weights, s.Bias);
}
