using Microsoft.Playwright;
using SkillsAcademy.TestUtilities;

namespace SkillsAcademy.EndToEndTests.Journeys;

/// <summary>A worker takes an end-of-module quiz on a phone: answers survive a reload, the result and review follow.</summary>
public sealed class QuizJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_learner_answers_a_quiz_keeps_the_answers_over_a_reload_submits_and_sees_the_review()
    {
        var page = await browser.NewPhonePageAsync();
        await page.LogInAsync(SkillsAcademyWebFactory.LearnerAccount, "/courses/FIT-L5-BENCH");
        await page.WaitForInteractiveAsync();
        if (await page.Locator("#enrol").CountAsync() > 0)
        {
            await page.ClickAsync("#enrol");
            await Assertions.Expect(page.Locator("#enrol-message")).ToBeVisibleAsync();
        }

        await page.Locator("a.sa-quiz-link").First.ClickAsync();
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("#quiz-rules")).ToContainTextAsync("多选题须全部选对才得分");
        await page.ExpectNoSeriousAccessibilityViolationsAsync();
        await page.ClickAsync("#start-quiz");
        await Assertions.Expect(page.Locator("#countdown")).ToContainTextAsync("14:");

        // Answer the first question, then reload: the server kept the answer.
        await page.Locator("#question-1 input").First.CheckAsync();
        await Assertions.Expect(page.Locator("#answered-count")).ToContainTextAsync("已答 1 / 5 题");
        await page.WaitForTimeoutAsync(500);
        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("#answered-count")).ToContainTextAsync("已答 1 / 5 题");
        await Assertions.Expect(page.Locator("#question-1 input").First).ToBeCheckedAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "quiz-390.png"), FullPage = true });
        await page.ExpectNoSeriousAccessibilityViolationsAsync();

        // Answer the rest one screen at a time, then submit.
        for (var position = 2; position <= 5; position++)
        {
            await page.ClickAsync("#next-question");
            await page.Locator($"#question-{position} input").First.CheckAsync();
            await Assertions.Expect(page.Locator("#answered-count")).ToContainTextAsync($"已答 {position} / 5 题");
        }

        await page.ClickAsync("#submit-quiz");
        await Assertions.Expect(page.Locator("#quiz-score")).ToContainTextAsync("分");
        await Assertions.Expect(page.Locator("#quiz-result")).ToContainTextAsync("答对");
        await Assertions.Expect(page.Locator("#review-heading")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "quiz-result-390.png"), FullPage = true });
        await page.ExpectNoSeriousAccessibilityViolationsAsync();

        // The course outline shows the quiz taken.
        await page.GotoAsync("/courses/FIT-L5-BENCH");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("a.sa-quiz-link").First).Not.ToContainTextAsync("未参加");
    }
}
