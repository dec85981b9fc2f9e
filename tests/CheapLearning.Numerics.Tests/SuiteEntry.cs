using System;
using CheapLearning;

namespace CheapLearning.Numerics.Tests;

/// <summary>One annotated polynomial of the suite with its plain method, generated evaluator and model.</summary>
public sealed record SuiteEntry(string Name, int Variables, double Tolerance, Func<double[], double> Plain,
                                Func<double[], double> Deep, NetworkModel Model, double Scale)
{
    public override string ToString() => Name;
}
