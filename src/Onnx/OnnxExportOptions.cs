using System.Collections.Generic;

namespace CheapLearning.Onnx
{
    /// <summary>How <see cref="OnnxExport"/> writes a model. Everything is optional.</summary>
    public sealed class OnnxExportOptions
    {
        /// <summary>Smallest opset written: opset 13 is the first with every operator the export uses at its current form.</summary>
        public const int MinimumOpset = 13;

        /// <summary>Largest opset written (ONNX Runtime 1.31 implements up to 23).</summary>
        public const int MaximumOpset = 23;

        /// <summary>Tensor element type. Default <see cref="OnnxElementType.Float64"/>.</summary>
        public OnnxElementType ElementType { get; set; } = OnnxElementType.Float64;

        /// <summary>The ai.onnx opset to import, <see cref="MinimumOpset"/>…<see cref="MaximumOpset"/>. Default 17.</summary>
        public int Opset { get; set; } = 17;

        /// <summary>
        /// Feature names, one per input column (usually the method's parameter names, e.g. <c>nameof</c>
        /// them). They go into the metadata and the input's doc string. Default x0, x1, ….
        /// </summary>
        public IReadOnlyList<string>? InputNames { get; set; }

        /// <summary>The method's signature, e.g. <c>double Product(double x, double y)</c>, for the metadata.</summary>
        public string? Signature { get; set; }

        /// <summary>The source polynomial as written, e.g. <c>x * y</c>, for the metadata.</summary>
        public string? Polynomial { get; set; }

        /// <summary>
        /// The inputs are bits (0 or 1), as for a [BitNetwork] or a classifier of bit Hamiltonians: the float32
        /// bound is then derived over the 0/1 inputs rather than the whole box |xᵢ| ≤ InputBound. Default false; a model
        /// whose <c>NetworkModel.InputsAreBits</c> is set (a [BitNetwork]'s, a bit classifier's) is exported so anyway.
        /// </summary>
        public bool InputsAreBits { get; set; }

        /// <summary>The graph's name. Default <c>CheapLearningNetwork</c>.</summary>
        public string GraphName { get; set; } = "CheapLearningNetwork";

        /// <summary>Name of the input tensor [batch, n]. Default <c>x</c>.</summary>
        public string InputName { get; set; } = "x";

        /// <summary>Name of the output tensor [batch, 1] ([batch, classes] for a classifier). Default <c>y</c>.</summary>
        public string OutputName { get; set; } = "y";
    }
}
