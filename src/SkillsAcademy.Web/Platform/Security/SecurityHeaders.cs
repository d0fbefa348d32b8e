using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Components;

namespace SkillsAcademy.Web.Platform.Security;

/// <summary>
/// Response headers that tell the browser what this site's pages may do (ASVS 5.0 V3 Web Frontend Security): a Content-Security-Policy
/// without inline script, no framing, no MIME sniffing, no full referrer to other sites and no powerful features.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Blazor Server needs only its own scripts and the circuit's WebSocket ('self'), plus the inline import map,
    /// allowed by its hash. MudBlazor sets style attributes, hence style-src 'unsafe-inline' (styles cannot run
    /// script). Images and videos may come from https sites (course authors link them); documents are served here.
    /// </summary>
    public const string PolicyTemplate =
        "default-src 'self'; script-src 'self'{0}; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https:; " +
        "media-src 'self' blob: https:; font-src 'self' data:; connect-src 'self'; object-src 'self'; frame-src 'self'; " +
        "worker-src 'self'; manifest-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string PermissionsPolicy =
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), interest-cohort=()";

    // The Hangfire dashboard (administrators only) runs inline script of its own.
    private const string JobsDashboardPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private static readonly ConcurrentDictionary<string, string> HashesByImportMap = new(StringComparer.Ordinal);

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, string jobsDashboardPath) =>
        app.Use((context, next) =>
        {
            // Set when the response starts, so that error pages (which clear the headers) carry them too.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = PermissionsPolicy;
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments(jobsDashboardPath)
                    ? JobsDashboardPolicy
                    : PolicyFor(context.GetEndpoint());
                return Task.CompletedTask;
            });
            return next(context);
        });

    public static string PolicyFor(Endpoint? endpoint)
    {
        var importMap = endpoint?.Metadata.GetMetadata<ImportMapDefinition>();
        var hash = importMap is null ? "" : " " + ImportMapHash(importMap);
        return string.Format(System.Globalization.CultureInfo.InvariantCulture, PolicyTemplate, hash);
    }

    /// <summary>The CSP source for the inline import map that &lt;ImportMap /&gt; renders from this definition.</summary>
    public static string ImportMapHash(ImportMapDefinition importMap) =>
        HashesByImportMap.GetOrAdd(importMap.ToString(), json =>
            $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(json)))}'");
}
