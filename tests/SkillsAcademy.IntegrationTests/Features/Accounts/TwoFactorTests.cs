using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SkillsAcademy.Domain.People;
using SkillsAcademy.Infrastructure.Identity;
using SkillsAcademy.TestUtilities;

namespace SkillsAcademy.IntegrationTests.Features.Accounts;

/// <summary>The app with Security:RequireMfaForStaff on, as in production.</summary>
public sealed class MfaRequiredAppFixture : IAsyncLifetime
{
    private readonly TestDataDirectory _data = new();

    public SkillsAcademyWebFactory Factory { get; private set; } = default!;

    public ValueTask InitializeAsync()
    {
        Factory = new SkillsAcademyWebFactory(_data.Path, new Dictionary<string, string?> { ["Security:RequireMfaForStaff"] = "true" });
        Factory.Server.ShouldNotBeNull();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        _data.Dispose();
    }
}

/// <summary>
/// Authenticator (TOTP) two-step sign-in (ASVS 5.0 V6 Authentication): anyone may turn it on; staff and administrators
/// are sent to set it up before any staff page; the log-in then asks for the code or a one-time recovery code.
/// Codes are computed in the test from the key the page shows (RFC 6238), with the real clock, as Identity uses it.
/// </summary>
public sealed partial class TwoFactorTests(MfaRequiredAppFixture app) : IClassFixture<MfaRequiredAppFixture>
{
    private const string Password = "Totp2026pass";

    private HttpClient Client() => app.Factory.CreateBrowserlessClient();

    private static async Task<string> HtmlAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    private static string CurrentCode(string key) => Totp.Code(key, DateTimeOffset.UtcNow);

    /// <summary>Turns two-step sign-in on through the page, as a person would; returns the key and the recovery codes.</summary>
    private static async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnableThroughThePageAsync(HttpClient client, string returnUrl = "/")
    {
        var path = "/account/two-factor?returnUrl=" + Uri.EscapeDataString(returnUrl);
        using var page = await client.GetAsync(path);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await HtmlAsync(page);
        html.ShouldContain("data:image/png;base64,", Case.Sensitive, "the QR code is on the page");
        var key = KeyOnPage().Match(html).Groups["key"].Value;
        key.ShouldNotBeEmpty();

        using var wrong = await client.SubmitFormAsync(path, "enable", new Dictionary<string, string> { ["Input.Code"] = "000000" == CurrentCode(key) ? "111111" : "000000" });
        (await HtmlAsync(wrong)).ShouldContain("验证码不正确");

        // The previous step's code (still accepted for clock drift), so the log-ins that follow may use the current
        // one: a code that has been accepted once is refused afterwards.
        var previousCode = Totp.Code(key, DateTimeOffset.UtcNow.AddSeconds(-30));
        using var enabled = await client.SubmitFormAsync(path, "enable", new Dictionary<string, string> { ["Input.Code"] = previousCode });
        enabled.StatusCode.ShouldBe(HttpStatusCode.OK);
        var result = await HtmlAsync(enabled);
        result.ShouldContain("两步验证已开启");
        var codes = RecoveryCodeOnPage().Matches(result).Select(m => m.Groups["code"].Value).ToList();
        codes.Count.ShouldBe(10);
        return (key, codes);
    }

    /// <summary>The password step: with two-step sign-in on it leads to the code page, not into the site.</summary>
    private static async Task PasswordStepAsync(HttpClient client, string account, string password, string returnUrl)
    {
        using var login = await client.SubmitFormAsync("/account/login?returnUrl=" + Uri.EscapeDataString(returnUrl), "login", new Dictionary<string, string>
        {
            ["Input.Account"] = account,
            ["Input.Password"] = password,
        });
        login.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        login.Headers.Location!.AbsolutePath.ShouldBe("/account/login/two-factor");
    }

    private static Task<HttpResponseMessage> CodeStepAsync(HttpClient client, string code, bool recovery, string returnUrl) =>
        client.SubmitFormAsync("/account/login/two-factor?returnUrl=" + Uri.EscapeDataString(returnUrl), "two-factor", new Dictionary<string, string>
        {
            ["Input.Code"] = code,
            ["Input.UseRecoveryCode"] = recovery ? "true" : "false",
        });

    [Fact]
    public async Task Staff_are_sent_to_set_up_an_authenticator_then_log_in_with_a_code_or_a_recovery_code_once()
    {
        using var first = Client();
        using (var login = await first.LogInAsync(SkillsAcademyWebFactory.StaffAccount, SkillsAcademyWebFactory.DemoPassword))
        {
            login.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        // A password alone does not open staff pages: the staff member is sent to set up the second factor.
        using (var refused = await first.GetAsync("/federation/review"))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            refused.Headers.Location!.OriginalString.ShouldBe("/account/two-factor?returnUrl=%2Ffederation%2Freview");
        }

        var (key, recoveryCodes) = await EnableThroughThePageAsync(first, "/federation/review");
        using (var opened = await first.GetAsync("/federation/review"))
        {
            opened.StatusCode.ShouldBe(HttpStatusCode.OK, "enabling signs the session in again with the second factor");
        }

        // The next log-in asks for the code; until it is given the staff member is not signed in.
        using var second = Client();
        await PasswordStepAsync(second, SkillsAcademyWebFactory.StaffAccount, SkillsAcademyWebFactory.DemoPassword, "/federation/review");
        using (var notYet = await second.GetAsync("/federation/review"))
        {
            notYet.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            notYet.Headers.Location!.OriginalString.ShouldContain("/account/login");
        }

        using (var wrong = await CodeStepAsync(second, "12345", recovery: false, "/federation/review"))
        {
            wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await HtmlAsync(wrong)).ShouldContain("验证码不正确");
        }

        using (var right = await CodeStepAsync(second, CurrentCode(key), recovery: false, "/federation/review"))
        {
            right.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            right.Headers.Location!.OriginalString.ShouldEndWith("/federation/review");
        }

        using (var opened = await second.GetAsync("/federation/review"))
        {
            opened.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        // A recovery code works once.
        using var third = Client();
        await PasswordStepAsync(third, SkillsAcademyWebFactory.StaffAccount, SkillsAcademyWebFactory.DemoPassword, "/federation");
        using (var recovered = await CodeStepAsync(third, recoveryCodes[0], recovery: true, "/federation"))
        {
            recovered.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using var fourth = Client();
        await PasswordStepAsync(fourth, SkillsAcademyWebFactory.StaffAccount, SkillsAcademyWebFactory.DemoPassword, "/federation");
        using var reused = await CodeStepAsync(fourth, recoveryCodes[0], recovery: true, "/federation");
        reused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlAsync(reused)).ShouldContain("验证码不正确");
    }

    [Fact]
    public async Task An_administrator_without_a_second_factor_gets_neither_the_admin_pages_nor_the_jobs_dashboard()
    {
        using var client = Client();
        using (var login = await client.LogInAsync(SkillsAcademyWebFactory.AdminAccount, SkillsAcademyWebFactory.DemoPassword))
        {
            login.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using var users = await client.GetAsync("/admin/users");
        users.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        users.Headers.Location!.OriginalString.ShouldStartWith("/account/two-factor");
        using var jobs = await client.GetAsync("/jobs");
        jobs.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // A page of another role stays "access denied": a second factor would not open it.
        using var authoring = await client.GetAsync("/authoring");
        authoring.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        authoring.Headers.Location!.OriginalString.ShouldContain("/account/access-denied");
    }

    [Fact]
    public async Task A_learner_may_turn_two_step_sign_in_on_and_off_and_learner_pages_never_require_it()
    {
        var account = $"totp-{Guid.NewGuid():N}@example.com";
        using (var scope = app.Factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = account, Email = account, DisplayName = "学员", CreatedAt = DateTimeOffset.UtcNow };
            (await users.CreateAsync(user, Password)).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(user, Roles.Learner)).Succeeded.ShouldBeTrue();
        }

        using var client = Client();
        using (var login = await client.LogInAsync(account, Password))
        {
            login.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using (var learning = await client.GetAsync("/learning"))
        {
            learning.StatusCode.ShouldBe(HttpStatusCode.OK, "learners are not required to use a second factor");
        }

        var (key, _) = await EnableThroughThePageAsync(client);

        using var next = Client();
        await PasswordStepAsync(next, account, Password, "/learning");
        using (var signedIn = await CodeStepAsync(next, CurrentCode(key), recovery: false, "/learning"))
        {
            signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using (var off = await next.SubmitFormAsync("/account/two-factor", "disable", new Dictionary<string, string>()))
        {
            off.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using var plain = Client();
        using var again = await plain.LogInAsync(account, Password);
        again.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        again.Headers.Location!.OriginalString.ShouldNotContain("two-factor");
    }

    [Fact]
    public async Task An_authenticator_code_signs_in_once_even_when_two_sign_ins_race_with_it()
    {
        var account = $"totp-{Guid.NewGuid():N}@example.com";
        await CreateLearnerAsync(account);
        using var client = Client();
        using (var login = await client.LogInAsync(account, Password))
        {
            login.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var (key, _) = await EnableThroughThePageAsync(client);

        // Two browsers past the password step send the same current code at the same moment.
        using var first = Client();
        using var second = Client();
        await PasswordStepAsync(first, account, Password, "/learning");
        await PasswordStepAsync(second, account, Password, "/learning");
        var code = CurrentCode(key);
        var responses = await Task.WhenAll(
            CodeStepAsync(first, code, recovery: false, "/learning"),
            CodeStepAsync(second, code, recovery: false, "/learning"));
        try
        {
            responses.Count(r => r.StatusCode == HttpStatusCode.Redirect).ShouldBe(1, "one of the two is let in");
            var refused = responses.Single(r => r.StatusCode != HttpStatusCode.Redirect);
            refused.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await HtmlAsync(refused)).ShouldContain("验证码不正确");
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }

        // Later, the same code is still refused (it is within the accepted drift, but used).
        using var third = Client();
        await PasswordStepAsync(third, account, Password, "/learning");
        using var replay = await CodeStepAsync(third, code, recovery: false, "/learning");
        replay.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlAsync(replay)).ShouldContain("验证码不正确");
    }

    [Fact]
    public async Task Opening_the_set_up_page_does_not_sign_the_user_out_of_other_sessions()
    {
        var account = $"totp-{Guid.NewGuid():N}@example.com";
        await CreateLearnerAsync(account);
        var before = await SecurityStampAsync(account);
        using var client = Client();
        using (var login = await client.LogInAsync(account, Password))
        {
            login.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using (var page = await client.GetAsync("/account/two-factor"))
        {
            page.StatusCode.ShouldBe(HttpStatusCode.OK);
            KeyOnPage().IsMatch(await HtmlAsync(page)).ShouldBeTrue("a key was made and shown");
        }

        // The stamp is what the periodic check compares: a new one would sign every session out within a minute.
        (await SecurityStampAsync(account)).ShouldBe(before);
    }

    private async Task<string?> SecurityStampAsync(string account)
    {
        using var scope = app.Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return (await users.FindByNameAsync(account))!.SecurityStamp;
    }

    private async Task CreateLearnerAsync(string account)
    {
        using var scope = app.Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = account, Email = account, DisplayName = "学员", CreatedAt = DateTimeOffset.UtcNow };
        (await users.CreateAsync(user, Password)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, Roles.Learner)).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task The_code_page_without_a_password_step_sends_the_visitor_to_log_in()
    {
        using var client = Client();

        using var response = await client.GetAsync("/account/login/two-factor?returnUrl=%2Ffederation");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldContain("/account/login?returnUrl=%2Ffederation");
    }

    [GeneratedRegex("""<code id="authenticator-key">(?<key>[a-z2-7 ]+)</code>""")]
    private static partial Regex KeyOnPage();

    [GeneratedRegex("""<li><code>(?<code>[A-Z0-9-]+)</code></li>""")]
    private static partial Regex RecoveryCodeOnPage();
}
