using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace SkillsAcademy.Web.Platform;

/// <summary>zh-CN is the default UI language, English the second; the choice lives in a cookie.</summary>
public static class Cultures
{
    public const string Default = "zh-CN";
    public const string English = "en";

    public static IReadOnlyList<string> Supported { get; } = [Default, English];

    public static bool IsSupported(string? culture) =>
        culture is not null && Supported.Contains(culture, StringComparer.OrdinalIgnoreCase);

    public static IEndpointConventionBuilder MapCultureSwitch(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/culture/set", (HttpContext context, string? culture, string? returnUrl) =>
        {
            if (IsSupported(culture))
            {
                var cookie = CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(CultureInfo.GetCultureInfo(culture!)));
                context.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    cookie,
                    new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            }

            // Only local paths: the switch must never become an open redirect.
            return TypedResults.LocalRedirect(LocalUrl.OrHome(returnUrl));
        });
}
