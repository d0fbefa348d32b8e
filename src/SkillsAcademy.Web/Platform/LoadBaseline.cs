using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace SkillsAcademy.Web.Platform;

/// <summary>
/// The "Load" section: the load harness (tests/SkillsAcademy.Benchmarks, <c>load pages</c>) compares a page with a
/// minimal endpoint of the same app that returns the same bytes. Off unless configured; in Production it also
/// needs <see cref="AllowInProduction"/>, so a stray setting cannot expose it on a real node.
/// </summary>
public sealed class LoadOptions
{
    public const string SectionName = "Load";

    /// <summary>Maps GET <see cref="LoadBaseline.Route"/>, answering the bytes of <c>{BaselineDirectory}/{name}.html</c>.</summary>
    public bool BaselineEndpoint { get; set; }

    /// <summary>Folder of the captured pages the baseline endpoint answers with; required when it is on.</summary>
    public string BaselineDirectory { get; set; } = "";

    /// <summary>Must be true as well to turn the baseline endpoint on in the Production environment.</summary>
    public bool AllowInProduction { get; set; }

    public static IReadOnlyList<string> Validate(LoadOptions options, bool production)
    {
        if (!options.BaselineEndpoint)
        {
            return [];
        }

        var failures = new List<string>();
        if (production && !options.AllowInProduction)
        {
            failures.Add("Load:BaselineEndpoint is a load-test aid and is refused in Production unless Load:AllowInProduction is also true.");
        }

        if (string.IsNullOrWhiteSpace(options.BaselineDirectory) || !Path.IsPathFullyQualified(options.BaselineDirectory))
        {
            failures.Add($"Load:BaselineDirectory must be an absolute folder path when Load:BaselineEndpoint is true; it is '{options.BaselineDirectory}'.");
        }

        return failures;
    }
}

/// <summary>
/// The minimal endpoint of the capacity measurements: the same pipeline (security headers, localization,
/// authentication, rate limiter, output cache, antiforgery) as the pages, then a byte array written as is.
/// </summary>
public static partial class LoadBaseline
{
    public const string Route = "/_load/baseline/{name}";

    public static IServiceCollection AddLoadBaseline(this IServiceCollection services, IConfiguration configuration, bool production) =>
        services.AddValidatedOptions<LoadOptions>(configuration, LoadOptions.SectionName, options => LoadOptions.Validate(options, production));

    public static WebApplication MapLoadBaseline(this WebApplication app)
    {
        var options = app.Configuration.GetSection(LoadOptions.SectionName).Get<LoadOptions>() ?? new LoadOptions();
        if (!options.BaselineEndpoint)
        {
            return app;
        }

        // Read once per name: after the first request the endpoint does no work but writing the bytes.
        var pages = new ConcurrentDictionary<string, byte[]>(StringComparer.Ordinal);
        app.MapGet(Route, (string name) =>
        {
            if (!SafeName().IsMatch(name))
            {
                return Results.NotFound();
            }

            if (!pages.TryGetValue(name, out var bytes))
            {
                var file = Path.Combine(options.BaselineDirectory, name + ".html");
                if (!File.Exists(file))
                {
                    return Results.NotFound();
                }

                bytes = pages.GetOrAdd(name, File.ReadAllBytes(file));
            }

            return Results.Bytes(bytes, "text/html; charset=utf-8");
        }).AllowAnonymous();
        return app;
    }

    [GeneratedRegex("^[a-z0-9-]{1,64}$")]
    private static partial Regex SafeName();
}
