using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillsAcademy.Domain.Catalog;
using SkillsAcademy.Domain.Learning;
using SkillsAcademy.Infrastructure.Identity;
using SkillsAcademy.Infrastructure.Persistence;
using SkillsAcademy.TestUtilities;
using SkillsAcademy.Web.Features.Authoring;
using SkillsAcademy.Web.Features.Learning;

namespace SkillsAcademy.IntegrationTests.Features.Learning;

/// <summary>
/// What the lesson page does over its circuit, driven through the same services: progress, where to continue,
/// the sweep of abandoned segments, and reports from a page that misbehaves.
/// </summary>
public sealed class LessonStudyTests(ClockedAppFixture app) : IClassFixture<ClockedAppFixture>, IAsyncLifetime
{
    private const string VideoCourse = "STUDY-VIDEO";

    private T Service<T>() where T : notnull => app.Factory.Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    public async ValueTask InitializeAsync()
    {
        await using var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<SkillsAcademyDbContext>>().CreateDbContextAsync();
        if (!await db.Courses.AnyAsync(c => c.Code == VideoCourse))
        {
            var result = await Service<CourseImportService>().ImportAsync(
                CoursePackages.Source(CoursePackages.Valid(VideoCourse, "学习测试课程")), new CourseImportOptions(true, null));
            result.Errors.ShouldBeEmpty();
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<(Guid Learner, CourseProgress Course)> EnrolledLearnerAsync()
    {
        using var scope = app.Factory.Services.CreateScope();
        var user = new ApplicationUser { UserName = $"lesson-{Guid.NewGuid():N}@example.com", DisplayName = "学员", CreatedAt = app.Time.GetUtcNow() };
        (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().CreateAsync(user)).Succeeded.ShouldBeTrue();
        (await Service<LearningService>().EnrolAsync(user.Id, VideoCourse)).ShouldBe(EnrolmentOutcome.Enrolled);
        return (user.Id, (await Service<LearningProgressService>().GetCourseProgressAsync(user.Id, VideoCourse))!);
    }

    private static LessonProgressView Lesson(CourseProgress course, int index) => course.Modules.SelectMany(m => m.Lessons).ElementAt(index);

    // Steady reports every 15 s, as an open, visible page sends them, until the lesson is complete.
    private async Task StudyUntilCompleteAsync(Guid learner, Guid lessonKey, int? videoSeconds = null)
    {
        var studyTime = Service<StudyTimeService>();
        var session = (await studyTime.StartSessionAsync(learner, lessonKey))!.Value;
        var position = 0;
        for (var i = 0; i < 400; i++)
        {
            var report = await studyTime.ReportAsync(learner, session, lessonKey, videoSeconds is null ? null : position);
            if (report.LessonComplete)
            {
                return;
            }

            app.Time.Advance(TimeSpan.FromSeconds(15));
            position = Math.Min(position + 15, videoSeconds ?? 0);
        }

        throw new InvalidOperationException("The lesson did not complete.");
    }

    [Fact]
    public async Task A_new_enrolment_starts_at_the_first_lesson_with_nothing_done()
    {
        var (_, course) = await EnrolledLearnerAsync();

        course.Percent.ShouldBe(0);
        course.CompletedLessonCount.ShouldBe(0);
        course.LessonCount.ShouldBe(3);
        course.ContinueWith!.Key.ShouldBe(Lesson(course, 0).Key);
    }

    [Fact]
    public async Task Completing_a_lesson_moves_lesson_module_and_course_progress_and_the_next_lesson_is_where_to_continue()
    {
        var (learner, course) = await EnrolledLearnerAsync();

        await StudyUntilCompleteAsync(learner, Lesson(course, 0).Key);
        var after = (await Service<LearningProgressService>().GetCourseProgressAsync(learner, VideoCourse))!;

        Lesson(after, 0).IsComplete.ShouldBeTrue();
        Lesson(after, 0).Percent.ShouldBe(100);
        Lesson(after, 0).CreditedSeconds.ShouldBeGreaterThanOrEqualTo(Lesson(after, 0).RequiredMinutes * 60);
        after.Modules[0].Percent.ShouldBe(50);
        after.Percent.ShouldBe(33);
        after.ContinueWith!.Key.ShouldBe(Lesson(after, 1).Key);
    }

    [Fact]
    public async Task Continue_goes_back_to_the_unfinished_lesson_studied_last()
    {
        var (learner, course) = await EnrolledLearnerAsync();
        var studyTime = Service<StudyTimeService>();
        var video = Lesson(course, 2).Key;
        var session = (await studyTime.StartSessionAsync(learner, video))!.Value;
        await studyTime.ReportAsync(learner, session, video, 0);
        app.Time.Advance(TimeSpan.FromSeconds(15));
        await studyTime.ReportAsync(learner, session, video, 15);

        var after = (await Service<LearningProgressService>().GetCourseProgressAsync(learner, VideoCourse))!;

        after.ContinueWith!.Key.ShouldBe(video);
        Lesson(after, 2).CreditedSeconds.ShouldBe(15);
        Lesson(after, 2).Percent.ShouldBe(5);
    }

    [Fact]
    public async Task A_learner_who_is_not_enrolled_cannot_open_the_course_or_its_lessons()
    {
        var (_, course) = await EnrolledLearnerAsync();
        var stranger = Guid.NewGuid();
        var progress = Service<LearningProgressService>();

        (await progress.GetCourseProgressAsync(stranger, VideoCourse)).ShouldBeNull();
        (await progress.GetLessonAsync(stranger, VideoCourse, Lesson(course, 0).Key)).ShouldBeNull();
    }

    [Fact]
    public async Task A_lesson_of_another_course_cannot_be_opened_through_this_one()
    {
        var (learner, course) = await EnrolledLearnerAsync();
        await using var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<SkillsAcademyDbContext>>().CreateDbContextAsync();
        var foreignLesson = await db.CourseVersions
            .Where(v => v.Status == CourseVersionStatus.Published && db.Courses.Any(c => c.Id == v.CourseId && c.Code == "WELD-L5-SMAW"))
            .SelectMany(v => v.Modules).SelectMany(m => m.Lessons).Select(l => l.Key).FirstAsync();

        (await Service<LearningProgressService>().GetLessonAsync(learner, VideoCourse, foreignLesson)).ShouldBeNull();
        (await Service<LearningProgressService>().GetLessonAsync(learner, VideoCourse, Lesson(course, 1).Key))!.Previous!.Key.ShouldBe(Lesson(course, 0).Key);
    }

    [Fact]
    public async Task An_article_lesson_opens_with_sanitized_html_and_its_neighbours()
    {
        var (learner, course) = await EnrolledLearnerAsync();

        var lesson = (await Service<LearningProgressService>().GetLessonAsync(learner, VideoCourse, Lesson(course, 0).Key))!;

        lesson.SafeHtml.ShouldNotBeNull().ShouldContain("<h2");
        lesson.SafeHtml.ShouldContain("焊接面罩");
        lesson.Previous.ShouldBeNull();
        lesson.Next!.Key.ShouldBe(Lesson(course, 1).Key);
    }

    [Fact]
    public async Task Seeking_to_the_end_moves_the_watched_point_only_as_fast_as_twice_the_credited_time()
    {
        var (learner, course) = await EnrolledLearnerAsync();
        var video = Lesson(course, 2);
        var studyTime = Service<StudyTimeService>();
        var session = (await studyTime.StartSessionAsync(learner, video.Key))!.Value;
        await studyTime.ReportAsync(learner, session, video.Key, 0);

        // The page claims the end of the video at every report.
        for (var i = 0; i < 4; i++)
        {
            app.Time.Advance(TimeSpan.FromSeconds(15));
            await studyTime.ReportAsync(learner, session, video.Key, video.VideoSeconds!.Value);
        }

        var seeked = Lesson((await Service<LearningProgressService>().GetCourseProgressAsync(learner, VideoCourse))!, 2);
        seeked.CreditedSeconds.ShouldBe(60);
        seeked.FurthestPositionSeconds.ShouldBeLessThanOrEqualTo(2 * 60 + 4);
        seeked.IsComplete.ShouldBeFalse();

        await StudyUntilCompleteAsync(learner, video.Key, video.VideoSeconds);
        var watched = Lesson((await Service<LearningProgressService>().GetCourseProgressAsync(learner, VideoCourse))!, 2);
        watched.IsComplete.ShouldBeTrue();
        watched.FurthestPositionSeconds.ShouldBeGreaterThanOrEqualTo(270);
    }

    [Fact]
    public async Task Nonsense_video_positions_neither_fail_nor_credit()
    {
        var (learner, course) = await EnrolledLearnerAsync();
        var video = Lesson(course, 2).Key;
        var studyTime = Service<StudyTimeService>();
        var session = (await studyTime.StartSessionAsync(learner, video))!.Value;

        foreach (var position in new int?[] { int.MinValue, -1, int.MaxValue, null, 0 })
        {
            app.Time.Advance(TimeSpan.FromSeconds(15));
            await studyTime.ReportAsync(learner, session, video, position);
        }

        var after = (await Service<LearningProgressService>().GetCourseProgressAsync(learner, VideoCourse))!;
        Lesson(after, 2).FurthestPositionSeconds.ShouldBeLessThanOrEqualTo(4 * 15 * 2 + 4);
        Lesson(after, 2).CreditedSeconds.ShouldBe(60);
    }

    [Fact]
    public async Task A_replayed_report_of_an_earlier_session_of_the_same_lesson_credits_nothing()
    {
        var (learner, course) = await EnrolledLearnerAsync();
        var lesson = Lesson(course, 0).Key;
        var studyTime = Service<StudyTimeService>();
        var old = (await studyTime.StartSessionAsync(learner, lesson))!.Value;
        await studyTime.ReportAsync(learner, old, lesson);
        var current = (await studyTime.StartSessionAsync(learner, lesson))!.Value;
        await studyTime.ReportAsync(learner, current, lesson);

        app.Time.Advance(TimeSpan.FromSeconds(15));
        var replayed = await studyTime.ReportAsync(learner, old, lesson);
        var made = await studyTime.ReportAsync(learner, Guid.NewGuid(), lesson);
        var genuine = await studyTime.ReportAsync(learner, current, lesson);

        replayed.IsPaused.ShouldBeTrue();
        made.IsPaused.ShouldBeTrue();
        genuine.TotalCreditedSeconds.ShouldBe(15);
    }

    [Fact]
    public async Task Two_pages_taking_turns_never_credit_more_than_the_wall_clock()
    {
        var (learner, course) = await EnrolledLearnerAsync();
        var (first, second) = (Lesson(course, 0).Key, Lesson(course, 1).Key);
        var studyTime = Service<StudyTimeService>();
        var started = app.Time.GetUtcNow();

        // Two tabs that each re-open their lesson before every report, as a cheating page might.
        for (var i = 0; i < 20; i++)
        {
            foreach (var lesson in new[] { first, second })
            {
                var session = (await studyTime.StartSessionAsync(learner, lesson))!.Value;
                await studyTime.ReportAsync(learner, session, lesson);
                app.Time.Advance(TimeSpan.FromSeconds(7));
            }
        }

        var after = (await Service<LearningProgressService>().GetCourseProgressAsync(learner, VideoCourse))!;
        after.CreditedSeconds.ShouldBeLessThanOrEqualTo((int)(app.Time.GetUtcNow() - started).TotalSeconds);
    }

    [Fact]
    public async Task Fifty_simultaneous_reports_credit_no_more_than_the_time_that_passed()
    {
        var (learner, course) = await EnrolledLearnerAsync();
        var lesson = Lesson(course, 0).Key;
        var studyTime = Service<StudyTimeService>();
        var session = (await studyTime.StartSessionAsync(learner, lesson))!.Value;
        await studyTime.ReportAsync(learner, session, lesson);
        app.Time.Advance(TimeSpan.FromSeconds(15));

        var reports = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => Service<StudyTimeService>().ReportAsync(learner, session, lesson))));

        reports.Sum(r => r.CreditedSeconds).ShouldBeLessThanOrEqualTo(15);
        var after = (await Service<LearningProgressService>().GetCourseProgressAsync(learner, VideoCourse))!;
        Lesson(after, 0).CreditedSeconds.ShouldBe(15);
    }

    [Fact]
    public async Task The_sweep_records_a_segment_the_page_stopped_reporting_to_exactly_once()
    {
        var (learner, course) = await EnrolledLearnerAsync();
        var lesson = Lesson(course, 0).Key;
        var studyTime = Service<StudyTimeService>();
        var session = (await studyTime.StartSessionAsync(learner, lesson))!.Value;
        for (var i = 0; i < 5; i++)
        {
            await studyTime.ReportAsync(learner, session, lesson);
            app.Time.Advance(TimeSpan.FromSeconds(15));
        }

        // Still within the gap: the segment may continue, so it is not recorded yet.
        (await Service<StudySegmentSweepJob>().CloseAsync(learner, lesson)).ShouldBeFalse();
        app.Time.Advance(TimeSpan.FromMinutes(2));
        var runs = await Task.WhenAll(Service<StudySegmentSweepJob>().RunAsync(CancellationToken.None), Service<StudySegmentSweepJob>().RunAsync(CancellationToken.None));
        await Service<StudySegmentSweepJob>().RunAsync(CancellationToken.None);

        // The page comes back later: a new segment starts; the old one is not recorded again.
        await studyTime.ReportAsync(learner, session, lesson);
        var events = await Service<LearningRecords>().ListAsync(learner);
        var segments = events.Where(e => e.Kind == LearningEventKind.StudySegmentCredited && e.Data["lesson"] == lesson.ToString()).ToList();
        segments.ShouldHaveSingleItem().Data["seconds"].ShouldBe("60");
        runs.Sum().ShouldBeGreaterThanOrEqualTo(1);
        (await Service<LearningRecords>().VerifyAsync(learner)).IsValid.ShouldBeTrue();
    }

    [Fact]
    public async Task Recorded_segments_add_up_to_the_credited_time()
    {
        var (learner, course) = await EnrolledLearnerAsync();
        var lesson = Lesson(course, 1).Key;
        var studyTime = Service<StudyTimeService>();
        var session = (await studyTime.StartSessionAsync(learner, lesson))!.Value;
        foreach (var wait in new[] { 0, 15, 15, 90, 15, 30, 15, 200, 10, 10 })
        {
            app.Time.Advance(TimeSpan.FromSeconds(wait));
            await studyTime.ReportAsync(learner, session, lesson);
        }

        app.Time.Advance(TimeSpan.FromMinutes(5));
        await Service<StudySegmentSweepJob>().RunAsync(CancellationToken.None);

        var recorded = (await Service<LearningRecords>().ListAsync(learner))
            .Where(e => e.Kind == LearningEventKind.StudySegmentCredited)
            .Sum(e => int.Parse(e.Data["seconds"], CultureInfo.InvariantCulture));
        var after = (await Service<LearningProgressService>().GetCourseProgressAsync(learner, VideoCourse))!;
        recorded.ShouldBe(Lesson(after, 1).CreditedSeconds);
        recorded.ShouldBe(15 + 15 + 15 + 22 + 15 + 10 + 10);
    }
}
