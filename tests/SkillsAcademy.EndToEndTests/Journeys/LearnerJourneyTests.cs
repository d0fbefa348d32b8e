using Deque.AxeCore.Playwright;
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

        var result = await page.RunAxe();
        result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}").ShouldBeEmpty();
    }
}
