using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CsCheck;

namespace CheapLearning.Hardening.Tests.RandomPrograms;

/// <summary>
/// An expression of a random method body, with what the test needs to judge the outcome: its C#
/// text, whether CheapLearning must accept it, its value in double arithmetic, its majorant (every
/// constant by its absolute value, every variable at the bound) and an operation count for rounding.
/// Variables 0..n−1 are the parameters, n.. the locals of a block body.
/// </summary>
public abstract record Expr
{
    public abstract string Code { get; }
    public abstract bool Valid { get; }
    public abstract double Eval(double[] v);
    public abstract double Majorant(double[] bounds);
    public abstract int Ops { get; }
    public abstract int Degree { get; }
}

public sealed record Var(int Index, string Name) : Expr
{
    public override string Code => Name;
    public override bool Valid => true;
    public override double Eval(double[] v) => v[Index];
    public override double Majorant(double[] b) => b[Index];
    public override int Ops => 0;
    public override int Degree => 1;
}

public sealed record Const(double Value, string Text) : Expr
{
    public override string Code => Text;
    public override bool Valid => true;
    public override double Eval(double[] v) => Value;
    public override double Majorant(double[] b) => Math.Abs(Value);
    public override int Ops => 0;
    public override int Degree => 0;
}

public sealed record Binary(char Op, Expr Left, Expr Right) : Expr
{
    public override string Code => $"({Left.Code} {Op} {Right.Code})";
    public override bool Valid => Left.Valid && Right.Valid;
    public override double Eval(double[] v) => Op switch
    {
        '+' => Left.Eval(v) + Right.Eval(v),
        '-' => Left.Eval(v) - Right.Eval(v),
        _ => Left.Eval(v) * Right.Eval(v),
    };
    public override double Majorant(double[] b) => Op == '*' ? Left.Majorant(b) * Right.Majorant(b) : Left.Majorant(b) + Right.Majorant(b);
    public override int Ops => 1 + Left.Ops + Right.Ops;
    public override int Degree => Op == '*' ? Left.Degree + Right.Degree : Math.Max(Left.Degree, Right.Degree);
}

public sealed record Negate(Expr Operand) : Expr
{
    public override string Code => $"-({Operand.Code})";
    public override bool Valid => Operand.Valid;
    public override double Eval(double[] v) => -Operand.Eval(v);
    public override double Majorant(double[] b) => Operand.Majorant(b);
    public override int Ops => Operand.Ops;
    public override int Degree => Operand.Degree;
}

public sealed record Power(Expr Base, int Exponent) : Expr
{
    public override string Code => $"Math.Pow({Base.Code}, {Exponent})";
    public override bool Valid => Base.Valid;
    public override double Eval(double[] v) => Math.Pow(Base.Eval(v), Exponent);
    public override double Majorant(double[] b) => Math.Pow(Base.Majorant(b), Exponent);
    public override int Ops => Base.Ops * Math.Max(1, Exponent) + Exponent;
    public override int Degree => Base.Degree * Exponent;
}

/// <summary>Division by a non-zero constant (the generator multiplies by its reciprocal).</summary>
public sealed record DivideByConstant(Expr Numerator, double Divisor, string Text) : Expr
{
    public override string Code => $"({Numerator.Code} / {Text})";
    public override bool Valid => Numerator.Valid;
    public override double Eval(double[] v) => Numerator.Eval(v) / Divisor;
    public override double Majorant(double[] b) => Numerator.Majorant(b) / Math.Abs(Divisor);
    public override int Ops => 2 + Numerator.Ops;
    public override int Degree => Numerator.Degree;
}

public sealed record CastToDouble(Expr Operand) : Expr
{
    public override string Code => $"(double){Operand.Code}";
    public override bool Valid => Operand.Valid;
    public override double Eval(double[] v) => Operand.Eval(v);
    public override double Majorant(double[] b) => Operand.Majorant(b);
    public override int Ops => Operand.Ops;
    public override int Degree => Operand.Degree;
}

/// <summary>A construct CheapLearning must reject with CHEAP001 inside the method (its value is never needed).</summary>
public sealed record Invalid(string Template, Expr Operand, string Parameter) : Expr
{
    public override string Code => string.Format(CultureInfo.InvariantCulture, Template, Operand.Code, Parameter);
    public override bool Valid => false;
    public override double Eval(double[] v) => double.NaN;
    public override double Majorant(double[] b) => double.NaN;
    public override int Ops => 0;
    public override int Degree => 0;
}

/// <summary>One attribute argument: its text and whether the front end must accept it.</summary>
public sealed record Argument(string Name, string Text, bool Valid, double? Number = null);

public sealed record Parameter(string Name, string Type)
{
    public bool Valid => Type is "double" or "float";
}

/// <summary>A local of a block body: <c>double t = Init;</c> then optionally <c>t op= Update;</c>.</summary>
public sealed record Local(string Name, Expr Init, char? Op, Expr? Update);

/// <summary>A random annotated method.</summary>
public sealed record MethodCase(string Name, IReadOnlyList<Parameter> Parameters, IReadOnlyList<Argument> Arguments,
                                IReadOnlyList<Local> Locals, Expr Result)
{
    public bool Valid => Parameters.All(p => p.Valid) && Arguments.All(a => a.Valid)
                         && Locals.All(l => l.Init.Valid && (l.Update?.Valid ?? true)) && Result.Valid;

    public double InputBound => Arguments.LastOrDefault(a => a.Name == "InputBound")?.Number ?? 1.0;

    public bool CheckInputs => Arguments.LastOrDefault(a => a.Name == "CheckInputs")?.Text != "false";

    public string Source
    {
        get
        {
            var args = Arguments.Count == 0 ? "" : "(" + string.Join(", ", Arguments.Select(a => $"{a.Name} = {a.Text}")) + ")";
            var ps = string.Join(", ", Parameters.Select(p => $"{p.Type} {p.Name}"));
            var head = $"    [PolynomialNetwork{args}]\n    public static double {Name}({ps})";
            if (Locals.Count == 0) return $"{head} => {Result.Code};\n";
            var body = new List<string>();
            foreach (var l in Locals)
            {
                body.Add($"        double {l.Name} = {l.Init.Code};");
                if (l.Op is { } op) body.Add($"        {l.Name} {op}= {l.Update!.Code};");
            }
            body.Add($"        return {Result.Code};");
            return $"{head}\n    {{\n{string.Join("\n", body)}\n    }}\n";
        }
    }

    /// <summary>Value in double arithmetic at the given parameter values (locals evaluated in order).</summary>
    public double Evaluate(double[] inputs)
    {
        var v = new double[Parameters.Count + Locals.Count];
        inputs.CopyTo(v, 0);
        for (int i = 0; i < Locals.Count; i++)
        {
            var l = Locals[i];
            double t = l.Init.Eval(v);
            if (l.Op is { } op)
            {
                double u = l.Update!.Eval(v);
                t = op == '+' ? t + u : op == '-' ? t - u : t * u;
            }
            v[Parameters.Count + i] = t;
        }
        return Result.Eval(v);
    }

    /// <summary>The majorant S of the accuracy contract (upper bound of |p| on the box) and an operation count.</summary>
    public (double Majorant, int Ops, int Degree) Measure(double bound)
    {
        var b = new double[Parameters.Count + Locals.Count];
        var d = new int[Parameters.Count + Locals.Count];
        for (int i = 0; i < Parameters.Count; i++) { b[i] = bound; d[i] = 1; }
        int ops = Result.Ops;
        for (int i = 0; i < Locals.Count; i++)
        {
            var l = Locals[i];
            double m = l.Init.Majorant(b);
            ops += l.Init.Ops;
            if (l.Op is { } op)
            {
                m = op == '*' ? m * l.Update!.Majorant(b) : m + l.Update!.Majorant(b);
                ops += 1 + l.Update.Ops;
            }
            b[Parameters.Count + i] = m;
        }
        return (Result.Majorant(b), ops, 0);
    }
}

/// <summary>The grammar, as CsCheck generators.</summary>
public static class Grammar
{
    /// <summary>Parameter names, including ones that look like the generated code's own locals, constants and σ forwarder.</summary>
    private static readonly string[] Names = { "x", "y", "z", "a", "b", "q", "p", "@class", "value", "_a", "_b", "_s", "_t", "_acc", "_u1_0", "_h1_0", "_ra", "_c0", "_Softplus" };

    private static readonly (double Value, string Text)[] Constants =
    {
        (0, "0"), (1, "1"), (2, "2"), (-3, "-3"), (0.5, "0.5"), (1.25, "1.25"), (-0.75, "-0.75"), (10, "10.0"), (1e-3, "1e-3"),
        (0.1, "0.1"), (3, "3f"), (0, "(1 / 2)"), (6, "(2 * 3)"), (Math.PI, "Math.PI"), (1e6, "1e6"),
    };

    // Double literals only: an int or float divisor would make C# divide in integer or float arithmetic.
    private static readonly (double Value, string Text)[] Divisors = { (2, "2.0"), (4, "4.0"), (0.5, "0.5"), (3, "3.0"), (-8, "-8.0"), (10, "10d") };

    private static readonly string[] InvalidTemplates =
    {
        "Math.Sin({0})", "Math.Pow({0}, 0.5)", "Math.Pow({0}, -1)", "({0} % 2)", "({0} > 0 ? {0} : 1)", "({0} / 0.0)", "({0} / {1})", "({1} / ({0}))",
        "Math.Abs({0})", "({0} / (1 - 1))", "Math.Pow({0}, 2000000)", "(int){0}", "({0} + s_field)",
        "Math.Pow(2, {0})", "({0} + \"\".Length)", "({0} * Math.Pow(1.5, 2) * {0} / Math.E / {1})",
    };

    /// <summary>Expressions over <paramref name="variables"/>, the first <paramref name="parameters"/> of which are parameters.</summary>
    public static Gen<Expr> Expression(IReadOnlyList<string> variables, int parameters, bool allowInvalid)
    {
        var leaves = new List<(int, IGen<Expr>)> { (2, Gen.OneOfConst(Constants).Select(c => (Expr)new Const(c.Value, c.Text))) };
        if (variables.Count > 0) leaves.Add((5, Gen.Int[0, variables.Count - 1].Select(i => (Expr)new Var(i, variables[i]))));
        var leaf = Gen.Frequency(leaves.ToArray());
        return Gen.Recursive<Expr>((depth, self) =>
        {
            if (depth >= 4) return leaf;
            var options = new List<(int, IGen<Expr>)>
            {
                (6, leaf),
                (3, Gen.Select(Gen.OneOfConst('+', '-', '*'), self, self, (op, l, r) => (Expr)new Binary(op, l, r))),
                (3, Gen.Select(self, self, (l, r) => (Expr)new Binary('*', l, r))),
                (1, self.Select(e => (Expr)new Negate(e))),
                (1, self.Select(e => (Expr)new CastToDouble(e))),
                (1, Gen.Select(self, Gen.Int[0, 4], (e, k) => (Expr)new Power(e, k))),
                (1, Gen.Select(self, Gen.OneOfConst(Divisors), (e, d) => (Expr)new DivideByConstant(e, d.Value, d.Text))),
            };
            // An invalid construct always involves a parameter, so that neither C# nor the generator can fold it
            // into a constant (a constant local is a legal divisor, for instance).
            if (allowInvalid && parameters > 0)
                options.Add((1, Gen.Select(Gen.OneOfConst(InvalidTemplates), self, Gen.Int[0, parameters - 1],
                                           (t, e, i) => (Expr)new Invalid(t, new Binary('+', e, new Var(i, variables[i])), variables[i]))));
            return Gen.Frequency(options.ToArray());
        });
    }

    /// <summary>Attribute arguments; <paramref name="extremeBounds"/> adds InputBound = 1e100 (issue 8, finding 2).</summary>
    public static Gen<Argument[]> Arguments(bool extremeBounds) => Gen.Select(
        Gen.FrequencyConst(
            (6, (Argument?)null),
            (2, new Argument("InputBound", "2", true, 2)), (2, new Argument("InputBound", "0.5", true, 0.5)),
            (1, new Argument("InputBound", "1e-3", true, 1e-3)), (1, new Argument("InputBound", "100", true, 100)),
            (1, extremeBounds ? new Argument("InputBound", "1e100", true, 1e100) : new Argument("InputBound", "10", true, 10)),
            (1, new Argument("InputBound", "1e-300", false)),
            (1, new Argument("InputBound", "0", false)), (1, new Argument("InputBound", "-1", false)),
            (1, new Argument("InputBound", "double.NaN", false)), (1, new Argument("InputBound", "double.PositiveInfinity", false)),
            (1, new Argument("InputBound", "1e200", false))),
        Gen.FrequencyConst(
            (6, (Argument?)null),
            (2, new Argument("Tolerance", "1e-6", true)), (1, new Argument("Tolerance", "1e-12", true)), (1, new Argument("Tolerance", "1e300", true)),
            (1, new Argument("Tolerance", "double.Epsilon", true)), (1, new Argument("Tolerance", "0", false)),
            (1, new Argument("Tolerance", "-1e-9", false)), (1, new Argument("Tolerance", "double.NaN", false)),
            (1, new Argument("Tolerance", "double.PositiveInfinity", false))),
        Gen.FrequencyConst(
            (6, (Argument?)null),
            (1, new Argument("Activation", "Activation.Softplus", true)), (1, new Argument("Activation", "Activation.Sigmoid", true)),
            (1, new Argument("Activation", "Activation.Tanh", true)), (1, new Argument("Activation", "Activation.Exp", true)),
            (1, new Argument("Activation", "Activation.ReLU", true)),
            (1, new Argument("Activation", "(Activation)7", false)), (1, new Argument("Activation", "(Activation)(-1)", false))),
        Gen.FrequencyConst(
            (8, (Argument?)null),
            (1, new Argument("CheckInputs", "false", true)), (1, new Argument("CheckInputs", "true", true)),
            (1, new Argument("Form", "NetworkForm.Deep", true)), (1, new Argument("Form", "(NetworkForm)9", false)),
            (1, new Argument("HiddenLayers", "-1", false)), (1, new Argument("MaxFlatNeurons", "-5", false))),
        (a, b, c, d) => new[] { a, b, c, d }.Where(x => x is not null).Select(x => x!).ToArray());

    private static readonly Gen<Parameter> ParameterType = Gen.FrequencyConst(
        (40, "double"), (8, "float"), (1, "int"), (1, "ref double"), (1, "long")).Select(t => new Parameter("", t));

    public static Gen<MethodCase> Method(string name, bool allowInvalid, bool extremeBounds) =>
        from count in Gen.Int[0, 5]
        from names in Gen.Shuffle(Names, count)
        from types in ParameterType.Array[count]
        from args in Arguments(extremeBounds)
        from useBlock in Gen.Int[0, 3]
        from method in Body(name, names.Select((n, i) => new Parameter(n, allowInvalid ? types[i].Type : types[i].Type is "float" ? "float" : "double")).ToArray(),
                            allowInvalid ? args : args.Where(a => a.Valid).ToArray(), useBlock == 0, allowInvalid)
        select method;

    private static Gen<MethodCase> Body(string name, Parameter[] parameters, Argument[] args, bool block, bool allowInvalid)
    {
        var names = parameters.Select(p => p.Name).ToList();
        if (!block) return Expression(names, names.Count, allowInvalid).Select(e => new MethodCase(name, parameters, args, Array.Empty<Local>(), e));
        var withLocal = names.Append("t0").ToList();
        return Gen.Select(Expression(names, names.Count, allowInvalid), Gen.OneOfConst<char?>(null, '+', '-', '*'),
                          Expression(names, names.Count, allowInvalid), Expression(withLocal, names.Count, allowInvalid),
                          (init, op, update, result) => new MethodCase(name, parameters, args,
                              new[] { new Local("t0", init, op, op is null ? null : update) }, result));
    }
}
