using System.Net;
using System.Text.RegularExpressions;

namespace SkillsAcademy.Benchmarks.Load.Circuits;

/// <summary>Logs an account in through the real log-in form and returns the browser's cookie header.</summary>
public static partial class LearnerLogIn
{
    public static async Task<string> CookieHeaderAsync(Uri baseAddress, string account, string password, CancellationToken cancellationToken = default)
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = baseAddress };
        var page = await http.GetStringAsync(new Uri("account/login", UriKind.Relative), cancellationToken);
        var token = AntiforgeryToken().Match(page);
        if (!token.Success)
        {
            throw new InvalidOperationException("The log-in page has no antiforgery token.");
        }

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Account"] = account,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups["value"].Value),
            ["_handler"] = "login",
        });
        using var response = await http.PostAsync(new Uri("account/login", UriKind.Relative), form, cancellationToken);
        var header = cookies.GetCookieHeader(baseAddress);
        if (response.StatusCode != HttpStatusCode.Redirect || !header.Contains("SkillsAcademy.Auth", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Log-in of {account} failed: HTTP {(int)response.StatusCode}.");
        }

        return header;
    }

    [GeneratedRegex("""name="__RequestVerificationToken" value="(?<value>[^"]+)""")]
    private static partial Regex AntiforgeryToken();
}
