using System.Globalization;
using Microsoft.Playwright;
using SkillsAcademy.TestUtilities;

namespace SkillsAcademy.EndToEndTests.Journeys;

/// <summary>A worker on a phone: real-name profile, enrolment, daily check-in, then studying a lesson.</summary>
public sealed class LearnerJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_learner_completes_the_profile_checks_in_and_sees_credited_time_and_progress_grow_in_a_lesson()
    {
        var page = await browser.NewPhonePageAsync();

        // Real-name profile: the ID number is shown masked and never appears in the page.
        await page.LogInAsync(SkillsAcademyWebFactory.LearnerAccount, "/profile");
        await page.WaitForInteractiveAsync();
        await page.GetByLabel("真实姓名").FillAsync("张伟");
        await page.GetByLabel("身份证号").FillAsync("11010519491231002X");
        await page.GetByLabel("工作单位").FillAsync("泉州示例船舶修造有限公司");
        await page.SelectMudOptionAsync("城市", "泉州市");
        // The district picker is enabled only once the server has taken the city: then the form is complete.
        await Assertions.Expect(page.GetByRole(AriaRole.Combobox, new PageGetByRoleOptions { Name = "区县（可选）" })).ToBeEnabledAsync();
        await page.ClickAsync("#save-profile");
        await Assertions.Expect(page.Locator("#profile-current")).ToContainTextAsync("110***********002X");
        (await page.ContentAsync()).ShouldNotContain("11010519491231002X");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "profile-390.png"), FullPage = true });
        await page.ExpectNoSeriousAccessibilityViolationsAsync();

        // Enrolment in one tap; the course page then offers to start.
        await page.GotoAsync("/courses/WELD-L5-SMAW");
        await page.WaitForStaticPageAsync();
        await page.ClickAsync("#enrol");
        await Assertions.Expect(page.Locator("#enrol-message")).ToContainTextAsync("报名成功");
        await Assertions.Expect(page.Locator("#continue")).ToContainTextAsync("开始学习");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "course-enrolled-390.png"), FullPage = true });
        await page.ExpectNoSeriousAccessibilityViolationsAsync();

        // Daily check-in: once a day; a second tap says so.
        await page.GotoAsync("/learning");
        await page.WaitForInteractiveAsync();
        await page.ClickAsync("#check-in");
        await Assertions.Expect(page.Locator("#check-in-message")).ToContainTextAsync("签到成功");
        await Assertions.Expect(page.Locator("#streak")).ToContainTextAsync("1");
        await page.ClickAsync("#check-in");
        await Assertions.Expect(page.Locator("#check-in-message")).ToContainTextAsync("今天已经签到");
        await Assertions.Expect(page.Locator("#courses-in-progress")).ToContainTextAsync("焊工（初级）");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "learning-checked-in-390.png"), FullPage = true });
        await page.ExpectNoSeriousAccessibilityViolationsAsync();

        // The lesson page reports while visible; the server credits the time and the page shows it grow.
        await page.Locator("#courses-in-progress a.sa-continue").ClickAsync();
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("触电危害与安全用电");
        await Assertions.Expect(page.Locator("#lesson-article")).ToContainTextAsync("触电");
        var first = await CreditedSecondsAsync(page);
        await Assertions.Expect(page.Locator("#lesson-progress")).Not.ToHaveAttributeAsync("aria-valuenow", "0", new() { Timeout = 30_000 });
        var later = await CreditedSecondsAsync(page);
        later.ShouldBeGreaterThan(first);
        later.ShouldBeLessThanOrEqualTo(40, "no more than the wall-clock time the page was open");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "lesson-390.png"), FullPage = true });
        await page.ExpectNoSeriousAccessibilityViolationsAsync();

        // Opening another lesson in a second tab pauses this one: only one lesson earns time at once.
        var second = await page.Context.NewPageAsync();
        await second.GotoAsync(await page.Locator("#next-lesson").GetAttributeAsync("href") ?? "");
        await second.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("#study-paused")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        var paused = await CreditedSecondsAsync(page);
        await page.WaitForTimeoutAsync(2500);
        (await CreditedSecondsAsync(page)).ShouldBe(paused);
        await second.CloseAsync();

        // My learning shows the course with its progress and where to continue.
        await page.GotoAsync("/courses/WELD-L5-SMAW");
        await page.WaitForStaticPageAsync();
        await Assertions.Expect(page.Locator("#continue")).ToContainTextAsync("继续学习");
        await Assertions.Expect(page.Locator("#course-progress")).ToBeVisibleAsync();

        // The learning record shows what happened, newest first, with the chain verified.
        await page.GotoAsync("/learning-record");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("#chain-status")).ToContainTextAsync("哈希链校验通过");
        await Assertions.Expect(page.Locator("#record-timeline")).ToContainTextAsync("签到打卡");
        await Assertions.Expect(page.Locator("#record-timeline")).ToContainTextAsync("报名课程");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "learning-record-390.png"), FullPage = true });
        await page.ExpectNoSeriousAccessibilityViolationsAsync();
    }

    [Fact]
    public async Task Staff_look_up_a_learners_record_by_mobile_number()
    {
        var page = await browser.NewPhonePageAsync();
        await page.LogInAsync(SkillsAcademyWebFactory.StaffAccount, "/federation/records");
        await page.WaitForInteractiveAsync();

        await page.GetByLabel("姓名、手机号或身份证号").FillAsync(SkillsAcademyWebFactory.LearnerAccount);
        await page.ClickAsync("#find-learner");
        await page.Locator("#learner-matches button").First.ClickAsync();

        await Assertions.Expect(page.Locator("#record-heading")).ToContainTextAsync("的学习记录");
        await Assertions.Expect(page.Locator("#chain-status")).ToBeVisibleAsync();
        (await page.ContentAsync()).ShouldNotContain(SkillsAcademyWebFactory.LearnerAccount[3..7] + SkillsAcademyWebFactory.LearnerAccount[7..]);
        await page.ClickAsync("#verify-all");
        await Assertions.Expect(page.Locator("#verify-result")).ToContainTextAsync("0 条链未通过");
        await page.ExpectNoSeriousAccessibilityViolationsAsync();
    }

    private static async Task<int> CreditedSecondsAsync(IPage page)
    {
        var text = await page.Locator("#credited").InnerTextAsync();
        var time = System.Text.RegularExpressions.Regex.Match(text, @"(\d+):(\d\d)");
        return int.Parse(time.Groups[1].Value, CultureInfo.InvariantCulture) * 60 + int.Parse(time.Groups[2].Value, CultureInfo.InvariantCulture);
    }
}
