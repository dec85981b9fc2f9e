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
}
