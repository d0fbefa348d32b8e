using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.OutputCaching;

namespace SkillsAcademy.Web.Features.Catalog;

/// <summary>
/// .NET 10 persists an antiforgery token on every server render, and storing it sets a cookie and
/// "Cache-Control: no-store", which makes every page uncacheable. Visitors' cached catalog pages post no form,
/// so for them the token is made without the cookie; every other request is handled as before.
/// </summary>
internal sealed class VisitorPageAntiforgery(IAntiforgery inner) : IAntiforgery
{
    public AntiforgeryTokenSet GetAndStoreTokens(HttpContext httpContext) =>
        IsCachedVisitorPage(httpContext) ? inner.GetTokens(httpContext) : inner.GetAndStoreTokens(httpContext);

    public AntiforgeryTokenSet GetTokens(HttpContext httpContext) => inner.GetTokens(httpContext);

    public Task<bool> IsRequestValidAsync(HttpContext httpContext) => inner.IsRequestValidAsync(httpContext);

    public Task ValidateRequestAsync(HttpContext httpContext) => inner.ValidateRequestAsync(httpContext);

    public void SetCookieTokenAndHeader(HttpContext httpContext) => inner.SetCookieTokenAndHeader(httpContext);

    private static bool IsCachedVisitorPage(HttpContext httpContext) =>
        HttpMethods.IsGet(httpContext.Request.Method)
        && httpContext.User.Identity?.IsAuthenticated != true
        && httpContext.GetEndpoint()?.Metadata.GetMetadata<OutputCacheAttribute>() is not null;

    public static void Decorate(IServiceCollection services)
    {
        services.AddAntiforgery();
        var original = services.Last(d => d.ServiceType == typeof(IAntiforgery));
        services.Remove(original);
        services.AddSingleton<IAntiforgery>(provider => new VisitorPageAntiforgery(original.ImplementationType is { } type
            ? (IAntiforgery)ActivatorUtilities.CreateInstance(provider, type)
            : (IAntiforgery)original.ImplementationFactory!(provider)));
    }
}
