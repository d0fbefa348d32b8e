using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SkillsAcademy.Infrastructure.Identity;
using SkillsAcademy.TestUtilities;
using SkillsAcademy.Web.Features.Authoring;

namespace SkillsAcademy.EndToEndTests.Journeys;

/// <summary>An instructor on a phone sets a module quiz, sees it kept, and opens the course's results.</summary>
public sealed class QuizAuthoringJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private async Task<int> ImportDraftForInstructorAsync(string code)
    {
        await using var scope = browser.Factory.Services.CreateAsyncScope();
        var instructor = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync(SkillsAcademyWebFactory.InstructorAccount);
        var result = await scope.ServiceProvider.GetRequiredService<CourseImportService>()
            .ImportAsync(CoursePackages.Source(CoursePackages.Valid(code)), new CourseImportOptions(Publish: false, instructor!.Id));
        result.Errors.ShouldBeEmpty();
        return result.CourseId!.Value;
    }

    private static async Task ExpectNoHorizontalScrollAsync(IPage page) =>
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(BrowserFixture.PhoneWidth);

    [Fact]
    public async Task An_instructor_sets_a_module_quiz_on_a_phone_and_it_is_kept()
    {
        var courseId = await ImportDraftForInstructorAsync("E2E-QUIZ");
        var page = await browser.NewPhonePageAsync();
        await page.LogInAsync(SkillsAcademyWebFactory.InstructorAccount, $"/authoring/courses/{courseId}");
        await page.WaitForInteractiveAsync();

        await Assertions.Expect(page.Locator("#quiz-safety-bank")).ToContainTextAsync("本章题库共有 2 道题");
        await Assertions.Expect(page.Locator("#quiz-safety-rule")).ToContainTextAsync("多选题全部选对才得分");
        await page.ClickAsync("#quiz-safety-add");
        await page.Locator("#quiz-safety-count").FillAsync("2");
        await page.Locator("#quiz-safety-pass").FillAsync("80");
        await page.Locator("#quiz-safety-attempts").FillAsync("0");
        await page.Locator("#quiz-safety-review").GetByText("通过后").ClickAsync();
        await page.ClickAsync("#quiz-safety-save");
        await Assertions.Expect(page.GetByText("测试设置已保存。")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#quiz-safety-remove")).ToBeVisibleAsync();
        await ExpectNoHorizontalScrollAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "quiz-settings-390.png"), FullPage = true });
        await page.ExpectNoSeriousAccessibilityViolationsAsync();

        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("#quiz-safety-count")).ToHaveValueAsync("2");
        await Assertions.Expect(page.Locator("#quiz-safety-pass")).ToHaveValueAsync("80");
        await Assertions.Expect(page.Locator("#quiz-safety-attempts")).ToHaveValueAsync("0");
        await Assertions.Expect(page.Locator("#quiz-safety-review input[type=radio]").Nth(1)).ToBeCheckedAsync();

        await page.Locator("#final-exam-add").ClickAsync();
        await page.Locator("#final-exam-count").FillAsync("9");
        await page.ClickAsync("#final-exam-save");
        await Assertions.Expect(page.Locator("#final-exam")).ToContainTextAsync("多于题库中的 3 道题");

        await page.ClickAsync("#item-analysis-link");
        // Blazor navigates inside the page: no load event comes, so wait for the address and the page's content.
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/authoring/courses/{courseId}/results$"));
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("#question-results")).ToContainTextAsync("还没有已评分的作答");
        await ExpectNoHorizontalScrollAsync(page);
        await page.ExpectNoSeriousAccessibilityViolationsAsync();
    }
}
