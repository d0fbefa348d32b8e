using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using SkillsAcademy.TestUtilities;

namespace SkillsAcademy.IntegrationTests;

/// <summary>Drives the static (SSR) forms over HTTP the way a browser without scripts would.</summary>
public static partial class BrowserlessClient
{
    public static HttpClient CreateBrowserlessClient(this SkillsAcademyWebFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>GETs the page, then posts the named form with its antiforgery token and the given fields.</summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(
        this HttpClient client, string path, string formName, IReadOnlyDictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(path);
        var token = AntiforgeryToken().Match(page);
        token.Success.ShouldBeTrue($"no antiforgery token on {path}");
        var form = new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups["value"].Value),
            ["_handler"] = formName,
        };
        return await client.PostAsync(path, new FormUrlEncodedContent(form));
    }

    /// <summary>POSTs to an endpoint (not a page form) with an antiforgery token taken from the log-in page.</summary>
    public static async Task<HttpResponseMessage> PostWithAntiforgeryAsync(
        this HttpClient client, string action, IReadOnlyDictionary<string, string>? fields = null)
    {
        var page = await client.GetStringAsync("/account/login");
        var token = AntiforgeryToken().Match(page);
        token.Success.ShouldBeTrue("no antiforgery token on the log-in page");
        var form = new Dictionary<string, string>(fields ?? new Dictionary<string, string>())
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups["value"].Value),
        };
        return await client.PostAsync(action, new FormUrlEncodedContent(form));
    }

    public static Task<HttpResponseMessage> LogInAsync(this HttpClient client, string account, string password) =>
        client.SubmitFormAsync("/account/login", "login", new Dictionary<string, string>
        {
            ["Input.Account"] = account,
            ["Input.Password"] = password,
        });

    [GeneratedRegex("""name="__RequestVerificationToken" value="(?<value>[^"]+)""")]
    private static partial Regex AntiforgeryToken();
}
