using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillsAcademy.Domain.Learning;
using SkillsAcademy.Infrastructure.Identity;
using SkillsAcademy.Infrastructure.Persistence;
using SkillsAcademy.TestUtilities;
using SkillsAcademy.Web.Features.Catalog;
using SkillsAcademy.Web.Features.Learning;

namespace SkillsAcademy.IntegrationTests.Features.Learning;

/// <summary>A platform whose clock the tests move: 2026-11-24 09:00 in Shanghai to start with.</summary>
public sealed class ClockedAppFixture : IAsyncLifetime
{
    private readonly TestDataDirectory _data = new();

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 24, 1, 0, 0, TimeSpan.Zero));

    public SkillsAcademyWebFactory Factory { get; private set; } = default!;

    public ValueTask InitializeAsync()
    {
        Factory = new SkillsAcademyWebFactory(_data.Path, timeProvider: Time);
        Factory.Server.ShouldNotBeNull();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        _data.Dispose();
    }
}

public sealed class LearningTests(ClockedAppFixture app) : IClassFixture<ClockedAppFixture>
{
    private T Service<T>() where T : notnull => app.Factory.Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    private async Task<Guid> NewLearnerAsync()
    {
        using var scope = app.Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = $"learner-{Guid.NewGuid():N}@example.com", DisplayName = "学员", CreatedAt = app.Time.GetUtcNow() };
        (await users.CreateAsync(user)).Succeeded.ShouldBeTrue();
        return user.Id;
    }

    [Fact]
    public async Task A_second_tap_on_the_same_day_changes_nothing_and_the_streak_follows_the_days()
    {
        var learner = await NewLearnerAsync();
        var learning = Service<LearningService>();

        var first = await learning.CheckInAsync(learner);
        var again = await learning.CheckInAsync(learner);
        app.Time.Advance(TimeSpan.FromDays(1));
        var nextDay = await learning.CheckInAsync(learner);

        first.CheckedInNow.ShouldBeTrue();
        first.Streak.ShouldBe(1);
        again.CheckedInNow.ShouldBeFalse();
        again.Streak.ShouldBe(1);
        nextDay.CheckedInNow.ShouldBeTrue();
        nextDay.Streak.ShouldBe(2);
        (await Service<LearningRecords>().ListAsync(learner)).Select(e => e.Kind).ShouldBe([LearningEventKind.CheckedIn, LearningEventKind.CheckedIn]);
    }

    [Fact]
    public async Task The_day_is_the_platform_calendar_day_not_the_utc_day()
    {
        var learner = await NewLearnerAsync();
        var learning = Service<LearningService>();
        var start = app.Time.GetUtcNow();
        // 15:30 UTC is 23:30 in Shanghai; 16:30 UTC is already the next day there.
        app.Time.SetUtcNow(new DateTimeOffset(start.Year, start.Month, start.Day, 15, 30, 0, TimeSpan.Zero));
        var evening = await learning.CheckInAsync(learner);
        app.Time.SetUtcNow(new DateTimeOffset(start.Year, start.Month, start.Day, 16, 30, 0, TimeSpan.Zero));
        var afterMidnight = await learning.CheckInAsync(learner);

        afterMidnight.Day.ShouldBe(evening.Day.AddDays(1));
        afterMidnight.CheckedInNow.ShouldBeTrue();
    }

    [Fact]
    public async Task Ten_simultaneous_taps_make_one_check_in_and_a_valid_chain()
    {
        var learner = await NewLearnerAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => Service<LearningService>().CheckInAsync(learner))));

        results.Count(r => r.CheckedInNow).ShouldBe(1);
        await using var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<SkillsAcademyDbContext>>().CreateDbContextAsync();
        (await db.CheckIns.CountAsync(c => c.LearnerId == learner)).ShouldBe(1);
        (await Service<LearningRecords>().VerifyAsync(learner)).IsValid.ShouldBeTrue();
    }

    [Fact]
    public async Task Enrolling_twice_or_concurrently_enrols_once_and_counts_once()
    {
        var learner = await NewLearnerAsync();
        var before = (await Service<CatalogService>().GetCourseAsync("FIT-L5-BENCH"))!.EnrolmentCount;

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => Service<LearningService>().EnrolAsync(learner, "FIT-L5-BENCH"))));

        outcomes.Count(o => o == EnrolmentOutcome.Enrolled).ShouldBe(1);
        outcomes.Where(o => o != EnrolmentOutcome.Enrolled).ShouldAllBe(o => o == EnrolmentOutcome.AlreadyEnrolled);
        (await Service<CatalogService>().GetCourseAsync("FIT-L5-BENCH"))!.EnrolmentCount.ShouldBe(before + 1);
        (await Service<LearningProgressService>().ListMyCoursesAsync(learner)).ShouldHaveSingleItem().Code.ShouldBe("FIT-L5-BENCH");
        var events = await Service<LearningRecords>().ListAsync(learner);
        events.ShouldHaveSingleItem().Kind.ShouldBe(LearningEventKind.Enrolled);
        events[0].Data["course"].ShouldBe("FIT-L5-BENCH");
    }

    [Fact]
    public async Task An_unlisted_course_cannot_be_enrolled() =>
        (await Service<LearningService>().EnrolAsync(await NewLearnerAsync(), "NO-SUCH-COURSE")).ShouldBe(EnrolmentOutcome.NotListed);

    [Fact]
    public async Task Editing_a_stored_learning_record_is_detected_at_that_event()
    {
        var learner = await NewLearnerAsync();
        await Service<LearningService>().EnrolAsync(learner, "SHEET-L5-BASICS");
        await Service<LearningService>().CheckInAsync(learner);
        app.Time.Advance(TimeSpan.FromDays(1));
        await Service<LearningService>().CheckInAsync(learner);
        (await Service<LearningRecords>().VerifyAsync(learner)).IsValid.ShouldBeTrue();

        await using (var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<SkillsAcademyDbContext>>().CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"UPDATE LearningEvents SET Data = '{{\"day\":\"2020-01-01\"}}' WHERE LearnerId = {learner} AND Sequence = 2");
        }

        var verification = await Service<LearningRecords>().VerifyAsync(learner);
        verification.IsValid.ShouldBeFalse();
        verification.BrokenAtSequence.ShouldBe(2);
    }
}
