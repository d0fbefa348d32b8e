using System.Net;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillsAcademy.Domain.People;
using SkillsAcademy.Infrastructure.Identity;
using SkillsAcademy.Infrastructure.Persistence;
using SkillsAcademy.TestUtilities;

namespace SkillsAcademy.IntegrationTests.Features.Accounts;

public sealed class RegistrationTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static Dictionary<string, string> Form(string account, string password = "Weld2026", string? confirm = null) => new()
    {
        ["Input.Account"] = account,
        ["Input.DisplayName"] = "测试学员",
        ["Input.Password"] = password,
        ["Input.ConfirmPassword"] = confirm ?? password,
    };

    private async Task<int> UserCountAsync()
    {
        var factory = app.Factory.Services.GetRequiredService<IDbContextFactory<SkillsAcademyDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return await db.Users.CountAsync();
    }

    [Fact]
    public async Task Registering_with_a_mobile_number_creates_a_learner_and_signs_in_without_storing_the_number_in_plain_text()
    {
        using var client = app.Factory.CreateBrowserlessClient();

        using var response = await client.SubmitFormAsync("/account/register", "register", Form("139 0591 0001"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var scope = app.Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.Users.SingleAsync(u => u.DisplayName == "测试学员" && u.MobileNumberMasked == "139****0001",
            TestContext.Current.CancellationToken);
        (await users.IsInRoleAsync(user, Roles.Learner)).ShouldBeTrue();
        user.UserName!.ShouldNotContain("13905910001");
        WebUtility.HtmlDecode(await client.GetStringAsync("/", TestContext.Current.CancellationToken)).ShouldContain("测试学员");
        AllDatabaseBytes().ShouldNotContain("13905910001");
    }

    [Fact]
    public async Task Registering_a_taken_account_says_so_beside_the_field_and_creates_nothing()
    {
        using var client = app.Factory.CreateBrowserlessClient();
        var before = await UserCountAsync();

        using var response = await client.SubmitFormAsync(
            "/account/register", "register", Form(SkillsAcademyWebFactory.LearnerAccount));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        html.ShouldContain("该账号已注册，请直接登录。");
        (await UserCountAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("1380013800", "Weld2026", "手机号格式不正确")]
    [InlineData("worker@example.com", "weak", "密码太弱")]
    [InlineData("worker@example.com", "12345678", "密码太弱")]
    public async Task Bad_input_gets_a_localized_message_and_creates_nothing(string account, string password, string message)
    {
        using var client = app.Factory.CreateBrowserlessClient();
        var before = await UserCountAsync();

        using var response = await client.SubmitFormAsync("/account/register", "register", Form(account, password));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain(message);
        (await UserCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task The_same_account_registered_concurrently_is_created_once()
    {
        var before = await UserCountAsync();
        var attempts = Enumerable.Range(0, 6).Select(async _ =>
        {
            using var client = app.Factory.CreateBrowserlessClient();
            using var response = await client.SubmitFormAsync("/account/register", "register", Form("racer@example.com"));
            return response.StatusCode;
        });

        var statuses = await Task.WhenAll(attempts);

        statuses.ShouldAllBe(s => s == HttpStatusCode.Redirect || s == HttpStatusCode.OK);
        statuses.Count(s => s == HttpStatusCode.Redirect).ShouldBe(1);
        (await UserCountAsync()).ShouldBe(before + 1);
    }

    // The database file and its write-ahead log, as a dump would see them.
    private string AllDatabaseBytes()
    {
        var builder = new StringBuilder();
        foreach (var file in Directory.EnumerateFiles(app.DataDirectory, "skillsacademy.db*"))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream, Encoding.Latin1);
            builder.Append(reader.ReadToEnd());
        }

        builder.Length.ShouldBeGreaterThan(0);
        return builder.ToString();
    }
}
