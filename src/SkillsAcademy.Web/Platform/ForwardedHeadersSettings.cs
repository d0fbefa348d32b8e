using System.Net;

namespace SkillsAcademy.Web.Platform;

/// <summary>
/// The "ForwardedHeaders" section: which proxies' X-Forwarded-For and X-Forwarded-Proto the app believes. Behind
/// nginx the client's address (rate limits, logs) and scheme (https redirects, secure cookies) come from there;
/// from anyone else the headers are ignored, so a client cannot pose as another address.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    public const string SectionName = "ForwardedHeaders";

    /// <summary>Proxy addresses, e.g. 10.0.0.5. With neither list set only loopback is trusted (ASP.NET Core's default).</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR notation, e.g. 172.28.0.0/24 (a Docker network).</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>How many proxies deep to read the headers: 1 when the load balancer talks to the app directly.</summary>
    public int ForwardLimit { get; set; } = 1;

    public IReadOnlyList<IPAddress> Proxies() => KnownProxies.Select(IPAddress.Parse).ToList();

    public IReadOnlyList<IPNetwork> Networks() => KnownNetworks.Select(n => IPNetwork.Parse(n)).ToList();

    public static IReadOnlyList<string> Validate(ForwardedHeadersSettings options)
    {
        var failures = new List<string>();
        failures.AddRange(options.KnownProxies
            .Where(p => !IPAddress.TryParse(p, out _))
            .Select(p => $"ForwardedHeaders:KnownProxies '{p}' is not an IP address (e.g. 10.0.0.5)."));
        failures.AddRange(options.KnownNetworks
            .Where(n => !IPNetwork.TryParse(n, out _))
            .Select(n => $"ForwardedHeaders:KnownNetworks '{n}' is not a network in CIDR notation (e.g. 172.28.0.0/24)."));
        if (options.ForwardLimit is < 1 or > 10)
        {
            failures.Add($"ForwardedHeaders:ForwardLimit must be between 1 and 10; it is {options.ForwardLimit}.");
        }

        return failures;
    }
}
