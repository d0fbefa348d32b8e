using System.Net;
using SkillsAcademy.TestUtilities;

namespace SkillsAcademy.IntegrationTests.Features.Accounts;

public sealed class SignInTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_demo_learner_logs_in_with_the_mobile_number_and_is_sent_to_the_return_url()
    {
        using var client = app.Factory.CreateBrowserlessClient();

        using var response = await client.SubmitFormAsync("/account/login?returnUrl=%2Flearning", "login", new Dictionary<string, string>
        {
            ["Input.Account"] = "138 0013 8000",
            ["Input.Password"] = SkillsAcademyWebFactory.DemoPassword,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldEndWith("/learning");
        using var learning = await client.GetAsync("/learning", TestContext.Current.CancellationToken);
        learning.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_return_url_to_another_site_is_ignored()
    {
        using var client = app.Factory.CreateBrowserlessClient();

        using var response = await client.SubmitFormAsync("/account/login?returnUrl=%2F%2Fevil.example", "login", new Dictionary<string, string>
        {
            ["Input.Account"] = SkillsAcademyWebFactory.StaffAccount,
            ["Input.Password"] = SkillsAcademyWebFactory.DemoPassword,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldNotContain("evil.example");
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_password()
    {
        using var client = app.Factory.CreateBrowserlessClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var wrong = await client.LogInAsync(SkillsAcademyWebFactory.InstructorAccount, "Wrong2026");
            WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))
                .ShouldContain(attempt < 4 ? "账号或密码错误" : "账号已锁定");
        }

        using var right = await client.LogInAsync(SkillsAcademyWebFactory.InstructorAccount, SkillsAcademyWebFactory.DemoPassword);

        right.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await right.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("账号已锁定");
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Redirect)]
    [InlineData(SkillsAcademyWebFactory.LearnerAccount, HttpStatusCode.Forbidden)]
    [InlineData(SkillsAcademyWebFactory.StaffAccount, HttpStatusCode.Forbidden)]
    [InlineData(SkillsAcademyWebFactory.AdminAccount, HttpStatusCode.OK)]
    public async Task The_jobs_dashboard_is_for_administrators_only(string? account, HttpStatusCode expected)
    {
        using var client = app.Factory.CreateBrowserlessClient();
        if (account is not null)
        {
            using var login = await client.LogInAsync(account, SkillsAcademyWebFactory.DemoPassword);
            login.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using var response = await client.GetAsync("/jobs", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(expected);
        if (expected == HttpStatusCode.Redirect)
        {
            response.Headers.Location!.OriginalString.ShouldContain("/account/login");
        }
    }

    [Fact]
    public async Task Logging_out_ends_the_session()
    {
        using var client = app.Factory.CreateBrowserlessClient();
        using var login = await client.LogInAsync(SkillsAcademyWebFactory.LearnerAccount, SkillsAcademyWebFactory.DemoPassword);
        login.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // The logout form posts to the endpoint with the page's antiforgery token.
        var page = await client.GetStringAsync("/learning", TestContext.Current.CancellationToken);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"(?<v>[^\"]+)\"").Groups["v"].Value;
        using var response = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
        }), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var after = await client.GetAsync("/learning", TestContext.Current.CancellationToken);
        after.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        after.Headers.Location!.OriginalString.ShouldContain("/account/login");
    }
}
