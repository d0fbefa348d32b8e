using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SkillsAcademy.Domain.People;
using SkillsAcademy.Infrastructure.Identity;
using SkillsAcademy.TestUtilities;
using SkillsAcademy.Web.Features.Learning;

namespace SkillsAcademy.EndToEndTests.Journeys;

/// <summary>Open circuits re-check their user every 2 s, and a user may hold at most two circuits.</summary>
public sealed class SecurityBrowserFixture : BrowserFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Security:RevalidationIntervalSeconds"] = "2",
        ["Circuits:MaxPerUser"] = "2",
    };
}

/// <summary>
/// In Chromium: a disabled account or a removed role ends the session of a page that is already open, and a
/// third tab of one user is refused with a page that says why, until another tab is closed.
/// </summary>
public sealed class SecurityJourneyTests(SecurityBrowserFixture browser) : IClassFixture<SecurityBrowserFixture>
{
    private const string Password = "Secure2026pass";

    private async Task<ApplicationUser> LearnerAsync()
    {
        using var scope = browser.Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var email = $"journey-{Guid.NewGuid():N}@example.com";
        var user = new ApplicationUser { UserName = email, Email = email, DisplayName = "安全测试学员", CreatedAt = DateTimeOffset.UtcNow };
        (await users.CreateAsync(user, Password)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, Roles.Learner)).Succeeded.ShouldBeTrue();
        return user;
    }

    private static async Task LogInAsync(IPage page, string account, string returnUrl)
    {
        await page.GotoAsync($"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}");
        await page.FillAsync("#account", account);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("#login-submit");
        await page.WaitForURLAsync($"**{returnUrl}");
    }

    [Fact]
    public async Task A_page_left_open_is_signed_out_within_seconds_when_an_administrator_disables_the_account()
    {
        var learner = await LearnerAsync();
        var page = await browser.NewPhonePageAsync();
        await LogInAsync(page, learner.Email!, "/learning");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("我的学习");

        using (var scope = browser.Factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            (await users.SetLockoutEndDateAsync((await users.FindByIdAsync(learner.Id.ToString()))!, DateTimeOffset.MaxValue)).Succeeded.ShouldBeTrue();
        }

        // No click, no reload: the circuit notices by itself and the page sends the user to log in.
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"), new() { Timeout = 15_000 });
        page.ExpectNoContentSecurityPolicyViolations();
    }

    // The lesson page is static around one interactive island (the study panel): the island itself rechecks the user.
    private async Task<string> EnrolledLessonAsync(ApplicationUser learner)
    {
        using var scope = browser.Factory.Services.CreateScope();
        (await scope.ServiceProvider.GetRequiredService<LearningService>().EnrolAsync(learner.Id, "WELD-L5-SMAW")).ShouldBe(EnrolmentOutcome.Enrolled);
        var course = (await scope.ServiceProvider.GetRequiredService<LearningProgressService>().GetCourseProgressAsync(learner.Id, "WELD-L5-SMAW"))!;
        return $"/learning/WELD-L5-SMAW/lessons/{course.Modules[0].Lessons[0].Key}";
    }

    [Fact]
    public async Task A_lesson_left_open_is_signed_out_within_seconds_when_an_administrator_disables_the_account()
    {
        var learner = await LearnerAsync();
        var lesson = await EnrolledLessonAsync(learner);
        var page = await browser.NewPhonePageAsync();
        await LogInAsync(page, learner.Email!, lesson);
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("#credited")).ToBeVisibleAsync();

        using (var scope = browser.Factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            (await users.SetLockoutEndDateAsync((await users.FindByIdAsync(learner.Id.ToString()))!, DateTimeOffset.MaxValue)).Succeeded.ShouldBeTrue();
        }

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"), new() { Timeout = 15_000 });
        page.ExpectNoContentSecurityPolicyViolations();
    }

    [Fact]
    public async Task A_lesson_opened_in_a_third_tab_is_refused_like_any_other_page()
    {
        var learner = await LearnerAsync();
        var lesson = await EnrolledLessonAsync(learner);
        var first = await browser.NewPhonePageAsync();
        await LogInAsync(first, learner.Email!, "/learning");
        await first.WaitForInteractiveAsync();
        var second = await first.Context.NewPageAsync();
        await second.GotoAsync(lesson);
        await second.WaitForInteractiveAsync();

        var third = await first.Context.NewPageAsync();
        await third.GotoAsync(lesson);

        await Assertions.Expect(third).ToHaveURLAsync(
            new System.Text.RegularExpressions.Regex("/too-many-windows\\?returnUrl=" + System.Text.RegularExpressions.Regex.Escape(Uri.EscapeDataString(lesson))),
            new() { Timeout = 15_000 });

        // Closing the other lesson ends its circuit; "try again" opens the lesson, which then reports.
        await second.CloseAsync();
        await third.ClickAsync("#try-again");
        await third.WaitForInteractiveAsync();
        await Assertions.Expect(third.Locator("#credited")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_page_left_open_loses_a_removed_role_within_seconds()
    {
        var learner = await LearnerAsync();
        var page = await browser.NewPhonePageAsync();
        await LogInAsync(page, learner.Email!, "/vouchers");
        await page.WaitForInteractiveAsync();

        using (var scope = browser.Factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            (await users.RemoveFromRoleAsync((await users.FindByIdAsync(learner.Id.ToString()))!, Roles.Learner)).Succeeded.ShouldBeTrue();
        }

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"), new() { Timeout = 15_000 });
    }

    [Fact]
    public async Task On_the_users_page_an_administrator_removes_a_role_and_disables_an_account_and_their_open_pages_are_signed_out()
    {
        var studying = await LearnerAsync();
        var other = await LearnerAsync();
        var studyingPage = await browser.NewPhonePageAsync();
        await LogInAsync(studyingPage, studying.Email!, "/learning");
        await studyingPage.WaitForInteractiveAsync();
        var otherPage = await browser.NewPhonePageAsync();
        await LogInAsync(otherPage, other.Email!, "/vouchers");
        await otherPage.WaitForInteractiveAsync();

        // The administrator finds each account by e-mail on a phone and opens it.
        var admin = await browser.NewPhonePageAsync();
        admin.Dialog += (_, dialog) => dialog.AcceptAsync();
        await admin.LogInAsync(SkillsAcademyWebFactory.AdminAccount, "/admin/users");
        await admin.WaitForInteractiveAsync();
        await admin.FillAsync("#user-search", other.Email!);
        await admin.ClickAsync("#user-search-submit");
        await admin.Locator("#user-search-results .sa-user-link").ClickAsync();
        await Assertions.Expect(admin).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/admin/users/{other.Id}$"));
        await Assertions.Expect(admin.Locator("#account-status")).ToHaveTextAsync("正常");

        await admin.GetByRole(AriaRole.Checkbox, new() { Name = "学员", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.Locator("#account-message")).ToContainTextAsync("已移除角色：学员");
        await Assertions.Expect(otherPage).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"), new() { Timeout = 15_000 });

        // In the same circuit (the fixture allows two per user): back to the list, find, open.
        await admin.ClickAsync("text=返回用户列表");
        await admin.FillAsync("#user-search", studying.Email!);
        await admin.ClickAsync("#user-search-submit");
        await admin.Locator("#user-search-results .sa-user-link").ClickAsync();
        await Assertions.Expect(admin).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/admin/users/{studying.Id}$"));
        await admin.ClickAsync("#disable-account");
        await Assertions.Expect(admin.Locator("#account-message")).ToContainTextAsync("账号已停用");
        await Assertions.Expect(admin.Locator("#account-status")).ToHaveTextAsync("已停用");
        await admin.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "admin-account-390.png"), FullPage = true });
        await admin.ExpectNoSeriousAccessibilityViolationsAsync();
        await Assertions.Expect(studyingPage).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"), new() { Timeout = 15_000 });

        // The administrator's own account offers no way to disable it.
        await admin.ClickAsync("text=返回用户列表");
        await admin.FillAsync("#user-search", SkillsAcademyWebFactory.AdminAccount);
        await admin.ClickAsync("#user-search-submit");
        await admin.Locator("#user-search-results .sa-user-link").ClickAsync();
        await Assertions.Expect(admin.Locator("#own-account")).ToBeVisibleAsync();
        await Assertions.Expect(admin.Locator("#disable-account")).ToHaveCountAsync(0);
        await Assertions.Expect(admin.GetByRole(AriaRole.Checkbox, new() { Name = "系统管理员", Exact = true })).ToBeDisabledAsync();
        await admin.ExpectNoSeriousAccessibilityViolationsAsync();
    }

    [Fact]
    public async Task A_third_tab_is_refused_with_an_explanation_until_another_tab_is_closed()
    {
        var learner = await LearnerAsync();
        var first = await browser.NewPhonePageAsync();
        await LogInAsync(first, learner.Email!, "/learning");
        await first.WaitForInteractiveAsync();
        var second = await first.Context.NewPageAsync();
        await second.GotoAsync("/certificates");
        await second.WaitForInteractiveAsync();

        var third = await first.Context.NewPageAsync();
        await third.GotoAsync("/vouchers");

        await Assertions.Expect(third).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/too-many-windows\\?returnUrl=%2Fvouchers"), new() { Timeout = 15_000 });
        await Assertions.Expect(third.Locator("#too-many-windows")).ToContainTextAsync("最多可同时打开 2 个");
        await third.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "too-many-windows-390.png") });
        await third.ExpectNoSeriousAccessibilityViolationsAsync();

        // Closing a tab ends its circuit; "try again" then gets in.
        await second.CloseAsync();
        await third.ClickAsync("#try-again");
        await Assertions.Expect(third).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/vouchers$"));
        await third.WaitForInteractiveAsync();
        await Assertions.Expect(third.Locator("h1")).ToContainTextAsync("培训券");
    }
}
