using Microsoft.Playwright;
using SkillsAcademy.TestUtilities;

namespace SkillsAcademy.EndToEndTests.Journeys;

/// <summary>A worker on a phone enrols in a sample course and checks in for the day.</summary>
public sealed class LearnerJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_learner_enrols_in_a_course_and_checks_in()
    {
        var page = await browser.NewPhonePageAsync();
        await page.LogInAsync(SkillsAcademyWebFactory.LearnerAccount, "/courses/WELD-L5-SMAW");
        await page.WaitForInteractiveAsync();

        await page.ClickAsync("#enrol");
        await Assertions.Expect(page.Locator("#enrol-message")).ToContainTextAsync("报名成功");

        await page.GotoAsync("/learning");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("#my-enrolments")).ToContainTextAsync("焊工（初级）");
        await page.ClickAsync("#check-in");
        await Assertions.Expect(page.Locator("#check-in-message")).ToContainTextAsync("签到成功");
        await Assertions.Expect(page.Locator("#streak")).ToContainTextAsync("1");
        await Assertions.Expect(page.Locator("#check-in")).ToBeDisabledAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "learning-checked-in-390.png"), FullPage = true });

        await page.ExpectNoSeriousAccessibilityViolationsAsync();
    }

    [Fact]
    public async Task A_learner_fills_in_the_real_name_profile_and_sees_the_id_number_masked()
    {
        var page = await browser.NewPhonePageAsync();
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
    }
}
