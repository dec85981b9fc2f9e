using System;
using System.Linq;
using System.Reflection;

namespace CheapLearning.Generator.Tests.Infrastructure;

/// <summary>
/// Finds generated evaluators by reflection. A polynomial network's <c>Deep</c>/<c>Flat</c> has a batched overload
/// (spans, which reflection cannot invoke), so <c>GetMethod("Deep")</c> alone would be ambiguous.
/// </summary>
public static class Evaluators
{
    /// <summary>The scalar overload of <paramref name="name"/> (no span parameter), or null when there is none.</summary>
    public static MethodInfo? ScalarEvaluator(this Type network, string name)
        => network.GetMethods(BindingFlags.Public | BindingFlags.Static)
                  .SingleOrDefault(m => m.Name == name && !m.GetParameters().Any(p => p.ParameterType.IsByRefLike));

    /// <summary>The batched overload of <paramref name="name"/> (span parameters), or null when there is none.</summary>
    public static MethodInfo? BatchedEvaluator(this Type network, string name)
        => network.GetMethods(BindingFlags.Public | BindingFlags.Static)
                  .SingleOrDefault(m => m.Name == name && m.GetParameters().Any(p => p.ParameterType.IsByRefLike));
}
