using System.Net;
using SkillsAcademy.TestUtilities;

namespace SkillsAcademy.IntegrationTests.Platform;

/// <summary>
/// Behind nginx every request comes from the proxy's address: the client's address and scheme are read from the
/// forwarded headers, but only when the proxy is a known one (ForwardedHeaders:KnownProxies/KnownNetworks).
/// </summary>
public sealed class ForwardedHeadersTests : IDisposable
{
    private const string Verification = "/api/certificates/verify/FJZGH-2026-00000001?code=ABCDEFGHJK";
    private readonly TestDataDirectory _data = new();

    private SkillsAcademyWebFactory Start(Dictionary<string, string?> settings, out HttpClient client)
    {
        settings["RateLimits:VerificationPerMinute"] = "2";
        var factory = new SkillsAcademyWebFactory(_data.Path, settings);
        // Kestrel on loopback, so that the connection has a real remote address (the in-memory server has none).
        client = new HttpClient { BaseAddress = factory.StartKestrel() };
        return factory;
    }

    private static async Task<HttpStatusCode> VerifyAsync(HttpClient client, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Verification);
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task Behind_a_known_proxy_each_client_address_gets_its_own_rate_limit()
    {
        // No lists configured: loopback (where nginx runs in the tests) is the known proxy.
        await using var factory = Start(new(), out var client);
        using var _ = client;

        (await VerifyAsync(client, "203.0.113.7")).ShouldBe(HttpStatusCode.NotFound);
        (await VerifyAsync(client, "203.0.113.7")).ShouldBe(HttpStatusCode.NotFound);
        (await VerifyAsync(client, "203.0.113.7")).ShouldBe(HttpStatusCode.TooManyRequests);

        (await VerifyAsync(client, "203.0.113.8")).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Forwarded_headers_from_an_unknown_address_are_ignored()
    {
        // Only 10.9.9.9 is a proxy now, so the loopback caller cannot choose its address by sending a header.
        await using var factory = Start(new() { ["ForwardedHeaders:KnownProxies:0"] = "10.9.9.9" }, out var client);
        using var _ = client;

        (await VerifyAsync(client, "203.0.113.7")).ShouldBe(HttpStatusCode.NotFound);
        (await VerifyAsync(client, "203.0.113.8")).ShouldBe(HttpStatusCode.NotFound);
        (await VerifyAsync(client, "203.0.113.9")).ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task The_https_scheme_forwarded_by_a_known_proxy_is_the_requests_scheme()
    {
        await using var factory = Start(new(), out var client);
        using var _ = client;

        // HSTS is sent only on https requests (and never to localhost): the header shows the scheme the app saw.
        using var forwarded = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        forwarded.Headers.Host = "skills.example.cn";
        forwarded.Headers.Add("X-Forwarded-Proto", "https");
        using var plain = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        plain.Headers.Host = "skills.example.cn";

        (await client.SendAsync(forwarded)).Headers.Contains("Strict-Transport-Security").ShouldBeTrue();
        (await client.SendAsync(plain)).Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
    }

    [Fact]
    public void A_malformed_proxy_network_stops_start_up_naming_the_setting()
    {
        using var factory = new SkillsAcademyWebFactory(_data.Path, new Dictionary<string, string?> { ["ForwardedHeaders:KnownNetworks:0"] = "172.28.0.0/99" });

        var exception = Should.Throw<Exception>(() => factory.Server);

        exception.ToString().ShouldContain("ForwardedHeaders:KnownNetworks '172.28.0.0/99' is not a network in CIDR notation");
    }

    public void Dispose() => _data.Dispose();
}
