using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SkillsAcademy.Domain.Assessment;
using SkillsAcademy.Domain.Catalog;
using SkillsAcademy.Domain.Learning;
using SkillsAcademy.Infrastructure.Persistence;
using SkillsAcademy.TestUtilities;
using SkillsAcademy.Web.Features.Assessment;
using SkillsAcademy.Web.Features.Learning;

namespace SkillsAcademy.EndToEndTests.Journeys;

/// <summary>A worker takes an end-of-module quiz on a phone: answers survive a reload, the result and review follow.</summary>
public sealed class QuizJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_learner_answers_a_quiz_keeps_the_answers_over_a_reload_submits_and_sees_the_review()
    {
        var page = await browser.NewPhonePageAsync();
        await page.LogInAsync(SkillsAcademyWebFactory.LearnerAccount, "/courses/FIT-L5-BENCH");
        await page.WaitForStaticPageAsync();
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
        await page.WaitForStaticPageAsync();
        await Assertions.Expect(page.Locator("a.sa-quiz-link").First).Not.ToContainTextAsync("未参加");
    }

    private T Service<T>() where T : notnull => browser.Factory.Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    private Task<SkillsAcademyDbContext> NewContextAsync() =>
        browser.Factory.Services.GetRequiredService<IDbContextFactory<SkillsAcademyDbContext>>().CreateDbContextAsync();

    // For each question of the learner's open attempt: the display indexes to tick (the right ones, or one wrong one).
    private async Task<List<(int Position, List<int> Indexes)>> ChoicesAsync(Guid learner, string quizKey, bool correctly)
    {
        await using var db = await NewContextAsync();
        var attempt = await db.QuizAttempts.Include(a => a.Items).SingleAsync(a => a.LearnerId == learner && a.QuizKey == quizKey && a.Status == AttemptStatus.Open);
        var choices = new List<(int, List<int>)>();
        foreach (var item in attempt.Items.OrderBy(i => i.Position))
        {
            var correct = await db.Set<QuestionOption>().Where(o => o.QuestionId == item.QuestionId && o.IsCorrect).Select(o => o.Position).ToListAsync();
            var shown = item.ShownOrder.ToList();
            choices.Add((item.Position, correctly ? [.. correct.Select(p => shown.IndexOf(p))] : [shown.FindIndex(p => !correct.Contains(p))]));
        }

        return choices;
    }

    private async Task AnswerInBrowserAsync(IPage page, Guid learner, string quizKey, bool correctly)
    {
        await Assertions.Expect(page.Locator("#countdown")).ToBeVisibleAsync();
        await page.ClickAsync("#toggle-layout");
        var choices = await ChoicesAsync(learner, quizKey, correctly);
        foreach (var (position, indexes) in choices)
        {
            foreach (var index in indexes)
            {
                await page.Locator($"#q{position}-o{index}").CheckAsync();
            }
        }

        await Assertions.Expect(page.Locator("#answered-count")).ToContainTextAsync($"已答 {choices.Count} / {choices.Count} 题");
        await page.ClickAsync("#submit-quiz");
    }

    // Every lesson studied to completion (credited by the real rule on a simulated clock) and every quiz but the first passed.
    private async Task<(Guid Learner, string FirstQuiz)> AllButTheFirstQuizDoneAsync(string course)
    {
        var learner = (await Service<LearningRecordService>().FindLearnersAsync(SkillsAcademyWebFactory.LearnerAccount)).Single().UserId;
        await Service<LearningService>().EnrolAsync(learner, course);
        var progress = (await Service<LearningProgressService>().GetCourseProgressAsync(learner, course))!;
        await using (var db = await NewContextAsync())
        {
            var courseId = await db.Courses.Where(c => c.Code == course).Select(c => c.Id).SingleAsync();
            foreach (var lesson in progress.Modules.SelectMany(m => m.Lessons))
            {
                var record = new LessonProgress(learner, lesson.Key, courseId);
                var at = DateTimeOffset.UtcNow.AddDays(-1);
                while (!record.TryComplete(lesson.RequiredMinutes, lesson.VideoSeconds, at))
                {
                    record.Report(at, lesson.NominalMinutes * 60, lesson.VideoSeconds, lesson.VideoSeconds);
                    at = at.AddSeconds(15);
                }

                db.LessonProgress.Add(record);
            }

            await db.SaveChangesAsync();
        }

        foreach (var module in progress.Modules.Where((_, index) => index > 0))
        {
            var key = QuizKeys.ForModule(module.Tag);
            (await Service<QuizService>().StartAsync(learner, course, key)).Outcome.ShouldBe(StartOutcome.Started);
            var attemptId = (await Service<QuizService>().GetOverviewAsync(learner, course, key))!.OpenAttempt!.Id;
            foreach (var (position, indexes) in await ChoicesAsync(learner, key, correctly: true))
            {
                (await Service<QuizService>().AnswerAsync(learner, attemptId, position, indexes)).ShouldBe(AnswerOutcome.Saved);
            }

            (await Service<QuizService>().SubmitAsync(learner, attemptId)).Outcome.ShouldBe(SubmitOutcome.Submitted);
        }

        return (learner, QuizKeys.ForModule(progress.Modules[0].Tag));
    }

    [Fact]
    public async Task A_learner_fails_a_module_quiz_retries_passes_and_the_course_is_completed_after_the_final_exam()
    {
        const string course = "SHEET-L5-BASICS";
        var (learner, firstQuiz) = await AllButTheFirstQuizDoneAsync(course);
        var page = await browser.NewPhonePageAsync();
        await page.LogInAsync(SkillsAcademyWebFactory.LearnerAccount, $"/learning/{course}/quizzes/{firstQuiz}");
        await page.WaitForInteractiveAsync();

        await page.ClickAsync("#start-quiz");
        await AnswerInBrowserAsync(page, learner, firstQuiz, correctly: false);
        await Assertions.Expect(page.Locator("#quiz-verdict")).ToContainTextAsync("未通过");
        await Assertions.Expect(page.Locator("#quiz-score")).ToContainTextAsync("0 分");

        await page.ClickAsync("#start-quiz");
        await AnswerInBrowserAsync(page, learner, firstQuiz, correctly: true);
        await Assertions.Expect(page.Locator("#quiz-verdict")).ToContainTextAsync("通过");
        await Assertions.Expect(page.Locator("#quiz-score")).ToContainTextAsync("100 分");
        await Assertions.Expect(page.Locator("#attempt-list li")).ToHaveCountAsync(2);

        await page.GotoAsync($"/learning/{course}/quizzes/{QuizKeys.FinalExam}");
        await page.WaitForInteractiveAsync();
        await page.ClickAsync("#start-quiz");
        await AnswerInBrowserAsync(page, learner, QuizKeys.FinalExam, correctly: true);
        await Assertions.Expect(page.Locator("#quiz-score")).ToContainTextAsync("100 分");

        await page.GotoAsync($"/courses/{course}");
        await page.WaitForStaticPageAsync();
        await Assertions.Expect(page.Locator("#course-completed")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#course-progress")).ToHaveAttributeAsync("aria-valuenow", "100");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "course-completed-390.png"), FullPage = true });
    }
}
