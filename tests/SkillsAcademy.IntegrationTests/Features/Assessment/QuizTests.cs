using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillsAcademy.Domain.Assessment;
using SkillsAcademy.Domain.Catalog;
using SkillsAcademy.Domain.Learning;
using SkillsAcademy.Infrastructure.Identity;
using SkillsAcademy.Infrastructure.Persistence;
using SkillsAcademy.IntegrationTests.Features.Learning;
using SkillsAcademy.TestUtilities;
using SkillsAcademy.Web.Features.Assessment;
using SkillsAcademy.Web.Features.Authoring;
using SkillsAcademy.Web.Features.Learning;

namespace SkillsAcademy.IntegrationTests.Features.Assessment;

/// <summary>Quizzes on a real database: drawing once, saving answers, grading once under races, time limits, review, completion.</summary>
public sealed class QuizTests(ClockedAppFixture app) : IClassFixture<ClockedAppFixture>, IAsyncLifetime
{
    private const string Course = "QUIZ-TEST";
    private static readonly string _safety = QuizKeys.ForModule("safety");

    private T Service<T>() where T : notnull => app.Factory.Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    private Task<SkillsAcademyDbContext> NewContextAsync() =>
        app.Factory.Services.GetRequiredService<IDbContextFactory<SkillsAcademyDbContext>>().CreateDbContextAsync();

    public async ValueTask InitializeAsync()
    {
        await using var db = await NewContextAsync();
        if (await db.Courses.AnyAsync(c => c.Code == Course))
        {
            return;
        }

        (await Service<CourseImportService>().ImportAsync(CoursePackages.Source(CoursePackages.Valid(Course, "测验测试课程")), new CourseImportOptions(true, null)))
            .Errors.ShouldBeEmpty();
        // Module "safety" has two questions (single and multiple choice); the bank has three with the true/false one.
        var version = await db.CourseVersions.Include(v => v.Modules)
            .SingleAsync(v => v.Status == CourseVersionStatus.Published && db.Courses.Any(c => c.Id == v.CourseId && c.Code == Course));
        version.Modules.Single(m => m.Tag == "safety").Quiz = new QuizSettings(2, 50, 10, 3, ReviewPolicy.AfterEachAttempt);
        version.FinalExam = new QuizSettings(3, 100, 30, 2, ReviewPolicy.AfterPassing);
        await db.SaveChangesAsync();
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<Guid> EnrolledLearnerAsync()
    {
        using var scope = app.Factory.Services.CreateScope();
        var user = new ApplicationUser { UserName = $"quiz-{Guid.NewGuid():N}@example.com", DisplayName = "学员", CreatedAt = app.Time.GetUtcNow() };
        (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().CreateAsync(user)).Succeeded.ShouldBeTrue();
        (await Service<LearningService>().EnrolAsync(user.Id, Course)).ShouldBe(EnrolmentOutcome.Enrolled);
        return user.Id;
    }

    private async Task<Guid> StartAsync(Guid learner, string quiz)
    {
        var started = await Service<QuizService>().StartAsync(learner, Course, quiz);
        started.Outcome.ShouldBe(StartOutcome.Started);
        return started.AttemptId!.Value;
    }

    // The display indexes of the correct (or, if wrong, of one incorrect) options of each question, read from the database.
    private async Task AnswerAllAsync(Guid learner, Guid attemptId, bool correctly)
    {
        await using var db = await NewContextAsync();
        var items = await db.AttemptItems.Where(i => i.AttemptId == attemptId).ToListAsync();
        foreach (var item in items)
        {
            var correct = await db.Set<QuestionOption>().Where(o => o.QuestionId == item.QuestionId && o.IsCorrect).Select(o => o.Position).ToListAsync();
            var shown = item.ShownOrder;
            IReadOnlyCollection<int> pick = correctly
                ? [.. correct.Select(p => shown.ToList().IndexOf(p))]
                : [shown.ToList().FindIndex(p => !correct.Contains(p))];
            (await Service<QuizService>().AnswerAsync(learner, attemptId, item.Position, pick)).ShouldBe(AnswerOutcome.Saved);
        }
    }

    [Fact]
    public async Task An_attempt_draws_its_questions_once_from_the_modules_tag_and_a_second_start_resumes_it()
    {
        var learner = await EnrolledLearnerAsync();
        var attemptId = await StartAsync(learner, _safety);

        var first = (await Service<QuizService>().GetSheetAsync(learner, attemptId))!;
        var resumed = await Service<QuizService>().StartAsync(learner, Course, _safety);
        var again = (await Service<QuizService>().GetSheetAsync(learner, attemptId))!;

        resumed.ShouldBe(new StartResult(StartOutcome.Resumed, attemptId));
        first.Questions.Count.ShouldBe(2);
        again.Questions.Select(q => (q.Stem, string.Join("|", q.Options))).ShouldBe(first.Questions.Select(q => (q.Stem, string.Join("|", q.Options))));
        first.Questions.Select(q => q.Stem).ShouldBe(["焊接时应佩戴什么？", "哪些属于劳动防护用品？"], ignoreOrder: true);
    }

    [Fact]
    public async Task Ten_simultaneous_starts_open_one_attempt()
    {
        var learner = await EnrolledLearnerAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => Service<QuizService>().StartAsync(learner, Course, _safety))));

        results.Select(r => r.AttemptId).Distinct().ShouldHaveSingleItem();
        results.Count(r => r.Outcome == StartOutcome.Started).ShouldBe(1);
        await using var db = await NewContextAsync();
        (await db.QuizAttempts.CountAsync(a => a.LearnerId == learner)).ShouldBe(1);
    }

    [Fact]
    public async Task Answers_are_kept_on_the_server_and_graded_all_or_nothing()
    {
        var learner = await EnrolledLearnerAsync();
        var attemptId = await StartAsync(learner, _safety);
        await AnswerAllAsync(learner, attemptId, correctly: true);

        // A reconnecting page reads its answers back from the server.
        (await Service<QuizService>().GetSheetAsync(learner, attemptId))!.Questions.ShouldAllBe(q => q.Chosen.Count > 0);
        var submitted = await Service<QuizService>().SubmitAsync(learner, attemptId);
        var result = (await Service<QuizService>().GetResultAsync(learner, attemptId))!;

        submitted.Outcome.ShouldBe(SubmitOutcome.Submitted);
        result.ScorePercent.ShouldBe(100);
        result.Passed.ShouldBeTrue();
        result.Answers!.ShouldAllBe(q => q.Correct);
        result.Answers!.SelectMany(q => q.Options).Where(o => o.IsCorrect).ShouldAllBe(o => o.Chosen);
    }

    [Fact]
    public async Task Two_simultaneous_submissions_grade_once_and_the_second_is_told_it_was_already_submitted()
    {
        var learner = await EnrolledLearnerAsync();
        var attemptId = await StartAsync(learner, _safety);
        await AnswerAllAsync(learner, attemptId, correctly: false);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => Service<QuizService>().SubmitAsync(learner, attemptId))));
        var replay = await Service<QuizService>().SubmitAsync(learner, attemptId);

        outcomes.Select(o => o.Outcome).ShouldBe([SubmitOutcome.Submitted, SubmitOutcome.AlreadySubmitted], ignoreOrder: true);
        replay.Outcome.ShouldBe(SubmitOutcome.AlreadySubmitted);
        (await Service<LearningRecords>().ListAsync(learner)).Count(e => e.Kind == LearningEventKind.QuizSubmitted).ShouldBe(1);
        (await Service<QuizService>().AnswerAsync(learner, attemptId, 1, [0])).ShouldBe(AnswerOutcome.Closed);
    }

    [Fact]
    public async Task A_submission_after_the_time_limit_is_refused_and_the_attempt_is_graded_on_the_answers_saved_in_time()
    {
        var learner = await EnrolledLearnerAsync();
        var attemptId = await StartAsync(learner, _safety);
        await AnswerAllAsync(learner, attemptId, correctly: true);

        app.Time.Advance(TimeSpan.FromMinutes(10) + QuizAttempt.SubmissionGrace + TimeSpan.FromSeconds(1));
        var lateAnswer = await Service<QuizService>().AnswerAsync(learner, attemptId, 1, [0]);
        var late = await Service<QuizService>().SubmitAsync(learner, attemptId);

        lateAnswer.ShouldBe(AnswerOutcome.TimeUp);
        late.Outcome.ShouldBe(SubmitOutcome.TimeUp);
        var result = (await Service<QuizService>().GetResultAsync(learner, attemptId))!;
        result.Status.ShouldBe(AttemptStatus.TimedOut);
        result.ScorePercent.ShouldBe(100);
    }

    [Fact]
    public async Task An_abandoned_attempt_is_closed_by_the_job_once_even_when_two_runs_race()
    {
        var learner = await EnrolledLearnerAsync();
        var attemptId = await StartAsync(learner, _safety);
        app.Time.Advance(TimeSpan.FromMinutes(11));

        var closed = await Task.WhenAll(Service<QuizService>().CloseExpiredAttemptsAsync(), Service<QuizService>().CloseExpiredAttemptsAsync());

        closed.Sum().ShouldBeGreaterThanOrEqualTo(1);
        (await Service<QuizService>().GetResultAsync(learner, attemptId))!.Status.ShouldBe(AttemptStatus.TimedOut);
        (await Service<LearningRecords>().ListAsync(learner)).Count(e => e.Kind == LearningEventKind.QuizSubmitted).ShouldBe(1);
        (await Service<LearningRecords>().VerifyAsync(learner)).IsValid.ShouldBeTrue();
    }

    [Fact]
    public async Task An_open_attempt_left_past_its_time_is_closed_when_the_learner_comes_back()
    {
        var learner = await EnrolledLearnerAsync();
        var attemptId = await StartAsync(learner, _safety);
        app.Time.Advance(TimeSpan.FromHours(1));

        var overview = (await Service<QuizService>().GetOverviewAsync(learner, Course, _safety))!;

        overview.OpenAttempt.ShouldBeNull();
        overview.Attempts.ShouldHaveSingleItem().Status.ShouldBe(AttemptStatus.TimedOut);
        (await Service<QuizService>().StartAsync(learner, Course, _safety)).AttemptId.ShouldNotBe(attemptId);
    }

    [Fact]
    public async Task No_attempt_beyond_the_allowed_number_and_none_after_passing()
    {
        var failing = await EnrolledLearnerAsync();
        for (var i = 0; i < 3; i++)
        {
            var attemptId = await StartAsync(failing, _safety);
            await AnswerAllAsync(failing, attemptId, correctly: false);
            (await Service<QuizService>().SubmitAsync(failing, attemptId)).Outcome.ShouldBe(SubmitOutcome.Submitted);
        }

        var passing = await EnrolledLearnerAsync();
        var passed = await StartAsync(passing, _safety);
        await AnswerAllAsync(passing, passed, correctly: true);
        await Service<QuizService>().SubmitAsync(passing, passed);

        (await Service<QuizService>().StartAsync(failing, Course, _safety)).Outcome.ShouldBe(StartOutcome.NoAttemptsLeft);
        (await Service<QuizService>().StartAsync(passing, Course, _safety)).Outcome.ShouldBe(StartOutcome.AlreadyPassed);
    }

    [Fact]
    public async Task Answers_of_an_exam_reviewed_after_passing_stay_hidden_after_a_failed_attempt()
    {
        var learner = await EnrolledLearnerAsync();
        var attemptId = await StartAsync(learner, QuizKeys.FinalExam);
        await AnswerAllAsync(learner, attemptId, correctly: false);
        await Service<QuizService>().SubmitAsync(learner, attemptId);

        var result = (await Service<QuizService>().GetResultAsync(learner, attemptId))!;

        result.Passed.ShouldBeFalse();
        result.Answers.ShouldBeNull();
        result.QuestionCount.ShouldBe(3);
    }

    [Fact]
    public async Task Another_learner_cannot_read_answer_or_submit_an_attempt()
    {
        var owner = await EnrolledLearnerAsync();
        var stranger = await EnrolledLearnerAsync();
        var attemptId = await StartAsync(owner, _safety);
        var quizzes = Service<QuizService>();

        (await quizzes.GetSheetAsync(stranger, attemptId)).ShouldBeNull();
        (await quizzes.AnswerAsync(stranger, attemptId, 1, [0])).ShouldBe(AnswerOutcome.Invalid);
        (await quizzes.SubmitAsync(stranger, attemptId)).Outcome.ShouldBe(SubmitOutcome.NotFound);
        (await quizzes.GetResultAsync(stranger, attemptId)).ShouldBeNull();
        (await quizzes.GetOverviewAsync(Guid.NewGuid(), Course, _safety)).ShouldBeNull();
        (await quizzes.AnswerAsync(owner, attemptId, 1, [7])).ShouldBe(AnswerOutcome.Invalid);
    }

    [Fact]
    public async Task The_course_is_completed_once_when_every_lesson_is_complete_and_every_quiz_passed()
    {
        var learner = await EnrolledLearnerAsync();
        foreach (var quiz in new[] { _safety, QuizKeys.FinalExam })
        {
            var attemptId = await StartAsync(learner, quiz);
            await AnswerAllAsync(learner, attemptId, correctly: true);
            (await Service<QuizService>().SubmitAsync(learner, attemptId)).Outcome.ShouldBe(SubmitOutcome.Submitted);
        }

        int courseId;
        await using (var db = await NewContextAsync())
        {
            courseId = await db.Courses.Where(c => c.Code == Course).Select(c => c.Id).SingleAsync();
            (await db.Enrolments.SingleAsync(e => e.LearnerId == learner)).CompletedAt.ShouldBeNull("the lessons are not complete yet");
        }

        var progress = (await Service<LearningProgressService>().GetCourseProgressAsync(learner, Course))!;
        foreach (var lesson in progress.Modules.SelectMany(m => m.Lessons))
        {
            var studyTime = Service<StudyTimeService>();
            var session = (await studyTime.StartSessionAsync(learner, lesson.Key))!.Value;
            for (var i = 0; i <= lesson.RequiredMinutes * 4 + 24; i++)
            {
                await studyTime.ReportAsync(learner, session, lesson.Key, lesson.VideoSeconds is null ? null : Math.Min(i * 15, lesson.VideoSeconds.Value));
                app.Time.Advance(TimeSpan.FromSeconds(15));
            }
        }

        var again = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Service<CourseCompletionService>().TryCompleteAsync(learner, courseId))));
        await using (var db = await NewContextAsync())
        {
            (await db.Enrolments.SingleAsync(e => e.LearnerId == learner)).CompletedAt.ShouldNotBeNull();
        }

        again.ShouldAllBe(completedNow => !completedNow, "the last lesson's completion already completed the course");
        var events = await Service<LearningRecords>().ListAsync(learner);
        events.Count(e => e.Kind == LearningEventKind.CourseCompleted).ShouldBe(1);
        (await Service<LearningRecords>().VerifyAsync(learner)).IsValid.ShouldBeTrue();
    }

    [Fact]
    public async Task When_the_last_requirement_is_met_from_several_places_at_once_the_course_completes_once()
    {
        var learner = await EnrolledLearnerAsync();
        var progress = (await Service<LearningProgressService>().GetCourseProgressAsync(learner, Course))!;
        foreach (var lesson in progress.Modules.SelectMany(m => m.Lessons))
        {
            var studyTime = Service<StudyTimeService>();
            var session = (await studyTime.StartSessionAsync(learner, lesson.Key))!.Value;
            for (var i = 0; i <= lesson.RequiredMinutes * 4 + 24; i++)
            {
                await studyTime.ReportAsync(learner, session, lesson.Key, lesson.VideoSeconds is null ? null : Math.Min(i * 15, lesson.VideoSeconds.Value));
                app.Time.Advance(TimeSpan.FromSeconds(15));
            }
        }

        var module = await StartAsync(learner, _safety);
        await AnswerAllAsync(learner, module, correctly: true);
        await Service<QuizService>().SubmitAsync(learner, module);
        var exam = await StartAsync(learner, QuizKeys.FinalExam);
        await AnswerAllAsync(learner, exam, correctly: true);
        int courseId;
        await using (var db = await NewContextAsync())
        {
            courseId = await db.Courses.Where(c => c.Code == Course).Select(c => c.Id).SingleAsync();
        }

        // The final exam's submission, the lesson page and the certificate sweep all ask at the same moment.
        var submit = Task.Run(() => Service<QuizService>().SubmitAsync(learner, exam));
        var checks = Enumerable.Range(0, 6).Select(_ => Task.Run(() => Service<CourseCompletionService>().TryCompleteAsync(learner, courseId))).ToList();
        await Task.WhenAll([submit, .. checks]);

        (await submit).Outcome.ShouldBe(SubmitOutcome.Submitted);
        (await Service<LearningRecords>().ListAsync(learner)).Count(e => e.Kind == LearningEventKind.CourseCompleted).ShouldBe(1);
        checks.Count(c => c.Result).ShouldBeLessThanOrEqualTo(1);
        await using (var db = await NewContextAsync())
        {
            (await db.Enrolments.SingleAsync(e => e.LearnerId == learner)).CompletedAt.ShouldNotBeNull();
        }

        (await Service<LearningRecords>().VerifyAsync(learner)).IsValid.ShouldBeTrue();
    }
}
