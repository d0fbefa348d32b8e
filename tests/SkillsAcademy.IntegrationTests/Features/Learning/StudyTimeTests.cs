using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillsAcademy.Domain.Catalog;
using SkillsAcademy.Domain.Learning;
using SkillsAcademy.Infrastructure.Identity;
using SkillsAcademy.Infrastructure.Persistence;
using SkillsAcademy.Web.Features.Learning;

namespace SkillsAcademy.IntegrationTests.Features.Learning;

/// <summary>The server's clock decides credited study time; the tests move that clock.</summary>
public sealed class StudyTimeTests(ClockedAppFixture app) : IClassFixture<ClockedAppFixture>
{
    private T Service<T>() where T : notnull => app.Factory.Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    private async Task<(Guid Learner, Guid LessonKey, Guid OtherLessonKey, int RequiredMinutes)> EnrolledLearnerAsync()
    {
        using var scope = app.Factory.Services.CreateScope();
        var user = new ApplicationUser { UserName = $"study-{Guid.NewGuid():N}@example.com", DisplayName = "学员", CreatedAt = app.Time.GetUtcNow() };
        (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().CreateAsync(user)).Succeeded.ShouldBeTrue();
        (await Service<LearningService>().EnrolAsync(user.Id, "WELD-L5-SMAW")).ShouldBe(EnrolmentOutcome.Enrolled);
        await using var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<SkillsAcademyDbContext>>().CreateDbContextAsync();
        var lessons = await db.CourseVersions.Where(v => v.Status == CourseVersionStatus.Published && db.Courses.Any(c => c.Id == v.CourseId && c.Code == "WELD-L5-SMAW"))
            .SelectMany(v => v.Modules).SelectMany(m => m.Lessons).OrderBy(l => l.Id).Take(2).ToListAsync();
        return (user.Id, lessons[0].Key, lessons[1].Key, lessons[0].RequiredMinutes);
    }

    private async Task<StudyReport> ReportAfterAsync(TimeSpan wait, Guid learner, Guid session, Guid lessonKey)
    {
        app.Time.Advance(wait);
        return await Service<StudyTimeService>().ReportAsync(learner, session, lessonKey);
    }

    [Fact]
    public async Task Steady_reports_every_15_seconds_credit_the_time_between_them()
    {
        var (learner, lesson, _, _) = await EnrolledLearnerAsync();
        var session = (await Service<StudyTimeService>().StartSessionAsync(learner, lesson))!.Value;

        await ReportAfterAsync(TimeSpan.Zero, learner, session, lesson);
        StudyReport last = default!;
        for (var i = 0; i < 8; i++)
        {
            last = await ReportAfterAsync(TimeSpan.FromSeconds(15), learner, session, lesson);
        }

        last.TotalCreditedSeconds.ShouldBe(120);
    }

    [Fact]
    public async Task A_flood_of_reports_never_credits_more_than_wall_clock_time_and_a_long_gap_credits_nothing()
    {
        var (learner, lesson, _, _) = await EnrolledLearnerAsync();
        var session = (await Service<StudyTimeService>().StartSessionAsync(learner, lesson))!.Value;
        await ReportAfterAsync(TimeSpan.Zero, learner, session, lesson);

        for (var i = 0; i < 50; i++)
        {
            await ReportAfterAsync(TimeSpan.FromMilliseconds(100), learner, session, lesson);
        }

        var afterFlood = await ReportAfterAsync(TimeSpan.Zero, learner, session, lesson);
        afterFlood.TotalCreditedSeconds.ShouldBeLessThanOrEqualTo(5);
        var afterGap = await ReportAfterAsync(TimeSpan.FromMinutes(10), learner, session, lesson);
        afterGap.CreditedSeconds.ShouldBe(0);
        afterGap.TotalCreditedSeconds.ShouldBe(afterFlood.TotalCreditedSeconds);
    }

    [Fact]
    public async Task Opening_a_second_lesson_pauses_the_first()
    {
        var (learner, lesson, other, _) = await EnrolledLearnerAsync();
        var first = (await Service<StudyTimeService>().StartSessionAsync(learner, lesson))!.Value;
        await ReportAfterAsync(TimeSpan.Zero, learner, first, lesson);
        var second = (await Service<StudyTimeService>().StartSessionAsync(learner, other))!.Value;

        var paused = await ReportAfterAsync(TimeSpan.FromSeconds(15), learner, first, lesson);
        var active = await Service<StudyTimeService>().ReportAsync(learner, second, other);

        paused.IsPaused.ShouldBeTrue();
        active.IsPaused.ShouldBeFalse();
    }

    [Fact]
    public async Task A_learner_not_enrolled_in_the_course_earns_nothing()
    {
        var (_, lesson, _, _) = await EnrolledLearnerAsync();

        (await Service<StudyTimeService>().StartSessionAsync(Guid.NewGuid(), lesson)).ShouldBeNull();
    }

    [Fact]
    public async Task Reaching_the_required_minutes_completes_the_lesson_once_and_records_it_in_the_chain()
    {
        var (learner, lesson, _, required) = await EnrolledLearnerAsync();
        var session = (await Service<StudyTimeService>().StartSessionAsync(learner, lesson))!.Value;
        await ReportAfterAsync(TimeSpan.Zero, learner, session, lesson);

        StudyReport report = default!;
        var reports = required * 4;
        for (var i = 0; i < reports + 8; i++)
        {
            report = await ReportAfterAsync(TimeSpan.FromSeconds(15), learner, session, lesson);
        }

        report.LessonComplete.ShouldBeTrue();
        var events = await Service<LearningRecords>().ListAsync(learner);
        events.Count(e => e.Kind == LearningEventKind.LessonCompleted).ShouldBe(1);
        events.Where(e => e.Kind == LearningEventKind.StudySegmentCredited).Sum(e => int.Parse(e.Data["seconds"], System.Globalization.CultureInfo.InvariantCulture))
            .ShouldBe(required * 60);
        (await Service<LearningRecords>().VerifyAsync(learner)).IsValid.ShouldBeTrue();
    }
}
