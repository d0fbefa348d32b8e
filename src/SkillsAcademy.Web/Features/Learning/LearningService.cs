using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SkillsAcademy.Domain.Catalog;
using SkillsAcademy.Domain.Learning;
using SkillsAcademy.Infrastructure.Persistence;
using SkillsAcademy.Web.Platform;

namespace SkillsAcademy.Web.Features.Learning;

/// <summary>A learner's daily check-in and enrolments; every change is recorded in the learner's chain.</summary>
public sealed partial class LearningService(
    IDbContextFactory<SkillsAcademyDbContext> contextFactory,
    TimeProvider timeProvider,
    IOptions<PlatformOptions> platform,
    ActionRateLimiter rateLimiter,
    ILogger<LearningService> logger)
{
    // A concurrent append for the same learner (another tab, another action) takes the chain position first.
    private const int Attempts = 3;

    private PlatformCalendar Calendar => new(platform.Value.GetTimeZone());

    /// <summary>Checks the learner in for today (server clock, platform time zone); a second tap changes nothing.</summary>
    public async Task<CheckInResult> CheckInAsync(Guid learnerId, CancellationToken cancellationToken = default)
    {
        if (!rateLimiter.TryAcquire(LimitedAction.CheckIn, ActionRateLimiter.UserKey(learnerId)))
        {
            return new CheckInResult(false, Calendar.DayOf(timeProvider.GetUtcNow()), 0) { TooManyAttempts = true };
        }

        for (var attempt = 1; ; attempt++)
        {
            var now = timeProvider.GetUtcNow();
            var today = Calendar.DayOf(now);
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            if (await db.CheckIns.AnyAsync(c => c.LearnerId == learnerId && c.Day == today, cancellationToken))
            {
                return new CheckInResult(false, today, await StreakAsync(db, learnerId, today, cancellationToken));
            }

            db.CheckIns.Add(new CheckIn(learnerId, today, now));
            await LearningRecords.AppendAsync(db, new NewLearningEvent(learnerId, LearningEventKind.CheckedIn, now,
                new Dictionary<string, string> { ["day"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }), cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new CheckInResult(true, today, await StreakAsync(db, learnerId, today, cancellationToken));
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // Either today's check-in or the chain position was taken meanwhile: look again.
            }
        }
    }

    /// <summary>The month's check-in days and the current streak, for the learner's calendar.</summary>
    public async Task<CheckInSummary> GetCheckInsAsync(Guid learnerId, CancellationToken cancellationToken = default)
    {
        var today = Calendar.DayOf(timeProvider.GetUtcNow());
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var days = await db.CheckIns.AsNoTracking()
            .Where(c => c.LearnerId == learnerId && c.Day >= monthStart)
            .Select(c => c.Day)
            .ToListAsync(cancellationToken);
        return new CheckInSummary(today, days.Contains(today), await StreakAsync(db, learnerId, today, cancellationToken), days.ToHashSet());
    }

    /// <summary>Enrols the learner in a listed course, once: a double tap or a race makes one enrolment.</summary>
    public async Task<EnrolmentOutcome> EnrolAsync(Guid learnerId, string courseCode, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            var course = await db.Courses.AsNoTracking()
                .Where(c => c.Code == courseCode && c.PublishedAt != null)
                .Select(c => new { c.Id, c.VoucherRequired, VersionId = c.Versions.Where(v => v.Status == CourseVersionStatus.Published).Select(v => v.Id).First() })
                .SingleOrDefaultAsync(cancellationToken);
            if (course is null)
            {
                return EnrolmentOutcome.NotListed;
            }

            if (await db.Enrolments.AnyAsync(e => e.LearnerId == learnerId && e.CourseId == course.Id, cancellationToken))
            {
                return EnrolmentOutcome.AlreadyEnrolled;
            }

            if (course.VoucherRequired)
            {
                return EnrolmentOutcome.VoucherRequired;
            }

            var now = timeProvider.GetUtcNow();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                await EnrolWithinAsync(db, learnerId, course.Id, course.VersionId, courseCode, now, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                LogEnrolled(learnerId, courseCode);
                return EnrolmentOutcome.Enrolled;
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // The enrolment or the chain position was taken meanwhile; the next look decides.
            }
        }
    }

    /// <summary>
    /// The enrolment itself, for callers that own the transaction (a voucher redemption commits it together with
    /// the voucher, the ledger and its own learning event): the row, the chain event and the course's count.
    /// A second enrolment in the same course fails on the unique index with a <see cref="DbUpdateException"/>.
    /// </summary>
    public static async Task<Enrolment> EnrolWithinAsync(
        SkillsAcademyDbContext db, Guid learnerId, int courseId, int courseVersionId, string courseCode, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var enrolment = new Enrolment(learnerId, courseId, courseVersionId, now);
        db.Enrolments.Add(enrolment);
        await LearningRecords.AppendAsync(db, new NewLearningEvent(learnerId, LearningEventKind.Enrolled, now, new Dictionary<string, string>
        {
            ["course"] = courseCode,
            ["courseVersionId"] = courseVersionId.ToString(CultureInfo.InvariantCulture),
        }), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await db.Courses.Where(c => c.Id == courseId)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.EnrolmentCount, c => c.EnrolmentCount + 1), cancellationToken);
        return enrolment;
    }

    private static async Task<int> StreakAsync(SkillsAcademyDbContext db, Guid learnerId, DateOnly today, CancellationToken cancellationToken)
    {
        // A streak longer than a year is still counted right: the window grows until a gap is inside it.
        for (var window = 64; ; window *= 4)
        {
            var since = today.AddDays(-window);
            var days = await db.CheckIns.AsNoTracking()
                .Where(c => c.LearnerId == learnerId && c.Day > since)
                .Select(c => c.Day)
                .ToListAsync(cancellationToken);
            var streak = CheckInStreak.Calculate(days, today);
            if (streak < window - 1 || window > 40_000)
            {
                return streak;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Learner {LearnerId} enrolled in {CourseCode}")]
    private partial void LogEnrolled(Guid learnerId, string courseCode);
}

public sealed record CheckInResult(bool CheckedInNow, DateOnly Day, int Streak)
{
    /// <summary>Refused by the per-learner rate limit; nothing was looked at or written.</summary>
    public bool TooManyAttempts { get; init; }
}

public sealed record CheckInSummary(DateOnly Today, bool CheckedInToday, int Streak, IReadOnlySet<DateOnly> DaysThisMonth);

public enum EnrolmentOutcome
{
    Enrolled,
    AlreadyEnrolled,
    NotListed,

    /// <summary>The course is paid for by vouchers only: the learner redeems one from "My vouchers".</summary>
    VoucherRequired,
}
