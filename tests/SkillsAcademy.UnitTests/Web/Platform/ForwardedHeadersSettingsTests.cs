using SkillsAcademy.Web.Platform;

namespace SkillsAcademy.UnitTests.Web.Platform;

public sealed class ForwardedHeadersSettingsTests
{
    [Fact]
    public void Addresses_and_cidr_networks_are_accepted()
    {
        var settings = new ForwardedHeadersSettings { KnownProxies = ["10.0.0.5", "::1"], KnownNetworks = ["172.28.0.0/24", "fd00::/8"] };

        ForwardedHeadersSettings.Validate(settings).ShouldBeEmpty();
        settings.Proxies().Count.ShouldBe(2);
        settings.Networks().Select(n => n.ToString()).ShouldBe(["172.28.0.0/24", "fd00::/8"]);
    }

    [Theory]
    [InlineData("nginx", "", 1, "ForwardedHeaders:KnownProxies 'nginx' is not an IP address")]
    [InlineData("", "172.28.0.0", 1, "ForwardedHeaders:KnownNetworks '172.28.0.0' is not a network in CIDR notation")]
    [InlineData("", "", 0, "ForwardedHeaders:ForwardLimit must be between 1 and 10; it is 0.")]
    public void A_wrong_value_is_named_with_its_setting(string proxy, string network, int limit, string message)
    {
        var settings = new ForwardedHeadersSettings
        {
            KnownProxies = proxy.Length > 0 ? [proxy] : [],
            KnownNetworks = network.Length > 0 ? [network] : [],
            ForwardLimit = limit,
        };

        ForwardedHeadersSettings.Validate(settings).ShouldHaveSingleItem().ShouldStartWith(message);
    }
}
