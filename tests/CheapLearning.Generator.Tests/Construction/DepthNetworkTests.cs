using System.Linq;
using System.Numerics;
using System.Threading;
using CheapLearning.Generator.Construction;

namespace CheapLearning.Generator.Tests.Construction;

public class DepthNetworkTests
{
    [Theory]
    [InlineData(8, 2)]
    [InlineData(9, 2)]
    [InlineData(13, 2)]
    [InlineData(16, 3)]
    [InlineData(5, 1)]
    public void A_product_at_depth_k_has_the_theorem_count_and_meets_its_bound(int n, int k)
    {
        var term = (1.0, Enumerable.Repeat(1, n).ToArray());
        var p = FlatNetworkTests.Poly(n, term);
        var network = DepthNetworkBuilder.Build(p, ActivationCalculus.Softplus, 1.0, k, CancellationToken.None);
        Assert.True(network.HiddenLayers <= k);
        Assert.Equal(TheoryCounts.ProductNeurons(n, k), new BigInteger(network.Neurons));
        FlatNetworkTests.AssertMeetsBound(FlatNetworkTests.Exact(n, term), network, 1.0, new System.Random(n), $"product of {n} at depth {k}");
    }

    [Fact]
    public void A_general_polynomial_at_depth_2_copies_short_monomials_to_the_last_layer()
    {
        // x⁴y²·z (degree 7) needs 2 levels; 3x (degree 1) and −y² are copied/merged to layer 2.
        var terms = new[] { (0.5, new[] { 4, 2, 1 }), (3.0, new[] { 1, 0, 0 }), (-1.0, new[] { 0, 2, 0 }), (0.25, new[] { 0, 0, 0 }) };
        var p = FlatNetworkTests.Poly(3, terms);
        var network = DepthNetworkBuilder.Build(p, ActivationCalculus.Softplus, 0.9, 2, CancellationToken.None);
        Assert.Equal(2, network.HiddenLayers);
        FlatNetworkTests.AssertMeetsBound(FlatNetworkTests.Exact(3, terms), network, 0.9, new System.Random(11), "mixed at depth 2");
    }

    /// <summary>
    /// Found by a consumer project (round 13): HiddenLayers = 2 on x³⁰ built 100 neurons, six separate x⁵ blocks (6 each) and
    /// a block for the product of six "distinct" values (2⁶ = 64). Equal blocks are one value: x⁵ once (r + 1 = 6 neurons),
    /// then u⁶ of that one value (7): 13. The level plan is TheoryCounts.ProductPlan(30, 2) = 30 → 6 groups of 5 → 1.
    /// (x·y)⁶ at depth 2: ProductPlan(12, 2) makes 4 groups of 3 of x x x x x x y y y y y y: x³ (4) and y³ (4), each once,
    /// then u²v² (3·3 = 9): 17, not 4·4 + 2⁴ = 32.
    /// </summary>
    [Theory]
    [InlineData(1, 30, 0, 13)]
    [InlineData(2, 6, 6, 17)]
    public void Equal_blocks_of_a_power_are_built_once(int variables, int xPower, int yPower, int neurons)
    {
        Assert.Equal(new[] { xPower + yPower, xPower + yPower == 30 ? 6 : 4, 1 }, TheoryCounts.ProductPlan(xPower + yPower, 2).Levels);
        var term = (0.75, variables == 1 ? new[] { xPower } : new[] { xPower, yPower });
        var p = FlatNetworkTests.Poly(variables, term);
        var network = DepthNetworkBuilder.Build(p, ActivationCalculus.Softplus, 1.0, 2, CancellationToken.None);
        Assert.Equal(2, network.HiddenLayers);
        Assert.Equal(neurons, network.Neurons);
        FlatNetworkTests.AssertMeetsBound(FlatNetworkTests.Exact(variables, term), network, 1.0, new System.Random(xPower), $"x^{xPower} y^{yPower} at depth 2");
    }
}
