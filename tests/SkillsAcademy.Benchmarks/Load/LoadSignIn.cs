using System.Net;
using System.Text.RegularExpressions;

namespace SkillsAcademy.Benchmarks.Load;

/// <summary>
/// Signs learners in over HTTP as a browser without scripts does: GET the log-in page (antiforgery cookie and form
/// token), POST the form, keep the cookies. The result is the Cookie header each learner's browser would send.
/// </summary>
public static partial class LoadSignIn
{
    /// <summary>The authentication cookie's name (Features/Accounts/AccountsRegistration).</summary>
    public const string AuthCookie = "SkillsAcademy.Auth";

    public static async Task<string> SignInAsync(Uri app, string account, string password, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Cookies by hand: outside Development the app marks them Secure (TLS ends at the proxy in production), and a
        // CookieContainer would not send those over plain http to the loopback port.
        var cookies = new Dictionary<string, string>(StringComparer.Ordinal);
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false };
        using var client = new HttpClient(handler) { BaseAddress = app, Timeout = TimeSpan.FromSeconds(60) };
        using var get = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        using var page = await client.SendAsync(get, cancellationToken);
        Keep(page, cookies);
        var token = AntiforgeryToken().Match(await page.Content.ReadAsStringAsync(cancellationToken));
        if (!token.Success)
        {
            throw new InvalidOperationException("No antiforgery token on the log-in page.");
        }

        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Account"] = account,
                ["Input.Password"] = password,
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups["value"].Value),
                ["_handler"] = "login",
            }),
        };
        post.Headers.Add("Cookie", Header(cookies));
        using var response = await client.SendAsync(post, cancellationToken);
        Keep(response, cookies);
        if (response.StatusCode != HttpStatusCode.Redirect || !cookies.ContainsKey(AuthCookie))
        {
            throw new InvalidOperationException($"{account} could not sign in: {(int)response.StatusCode} {response.Headers.Location}");
        }

        return Header(cookies);
    }

    private static void Keep(HttpResponseMessage response, Dictionary<string, string> cookies)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var values))
        {
            return;
        }

        foreach (var value in values)
        {
            var pair = value.Split(';', 2)[0];
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                cookies[pair[..equals].Trim()] = pair[(equals + 1)..].Trim();
            }
        }
    }

    private static string Header(Dictionary<string, string> cookies) => string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}"));

    /// <summary>Signs every account in, a few at a time (password hashing is deliberately slow).</summary>
    public static async Task<IReadOnlyList<string>> SignInAllAsync(
        Uri app, IEnumerable<string> accounts, string password, int parallel = 4, CancellationToken cancellationToken = default)
    {
        var list = accounts.ToList();
        var result = new string[list.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, list.Count),
            new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellationToken },
            async (i, token) => result[i] = await SignInAsync(app, list[i], password, token));
        return result;
    }

    [GeneratedRegex("""name="__RequestVerificationToken" value="(?<value>[^"]+)""")]
    private static partial Regex AntiforgeryToken();
}
