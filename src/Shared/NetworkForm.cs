#if CHEAPLEARNING_GENERATOR
namespace CheapLearning.Generator
#else
namespace CheapLearning
#endif
{
    /// <summary>Which evaluators the generator emits for an annotated method.</summary>
#if CHEAPLEARNING_GENERATOR
    internal
#else
    public
#endif
    enum NetworkForm
    {
        /// <summary>A deep network of multiplication gates (paper, Eq 11): few neurons, many layers.</summary>
        Deep = 0,
        /// <summary>One hidden layer (paper, Eq 28): exponentially many neurons in the number of factors.</summary>
        Flat = 1,
        /// <summary>Both the deep and the flat evaluators.</summary>
        Both = 2,
    }
}
