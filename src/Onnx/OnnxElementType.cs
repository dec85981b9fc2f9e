namespace CheapLearning.Onnx
{
    /// <summary>The floating-point type of an exported model's tensors.</summary>
    public enum OnnxElementType
    {
        /// <summary>IEEE double (ONNX DOUBLE). The default: the model carries the network's proven error bound.</summary>
        Float64 = 0,

        /// <summary>IEEE single (ONNX FLOAT): faster on GPUs, with the much larger bound stated in the metadata.</summary>
        Float32 = 1,
    }
}
