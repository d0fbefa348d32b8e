using System.Globalization;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using SkillsAcademy.Domain.Learning;
using SkillsAcademy.Infrastructure.Persistence;

namespace SkillsAcademy.Web.Features.Learning;

/// <summary>
/// Records the study segments that pages left open when they stopped reporting (a closed tab, a locked phone):
/// each becomes one StudySegmentCredited event, exactly once, even when a late report or a second run races it.
/// </summary>
public sealed partial class StudySegmentSweepJob(
    IDbContextFactory<SkillsAcademyDbContext> contextFactory,
    TimeProvider timeProvider,
    ILogger<StudySegmentSweepJob> logger)
{
    public const string RecurringJobId = "learning-sweep-study-segments";
    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        // Only the keys are read up front (segments left open in the last few minutes); each is closed on its own.
        var cutoff = timeProvider.GetUtcNow() - StudyTimeCredit.MaxGapWithinSegment;
        List<(Guid LearnerId, Guid LessonKey)> open;
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            open = (await db.LessonProgress.AsNoTracking()
                .Where(p => p.OpenSegmentMilliseconds > 0 && p.LastReportAt < cutoff)
                .Select(p => new { p.LearnerId, p.LessonKey })
                .ToListAsync(cancellationToken))
                .Select(p => (p.LearnerId, p.LessonKey))
                .ToList();
        }

        var recorded = 0;
        foreach (var (learnerId, lessonKey) in open)
        {
            recorded += await CloseAsync(learnerId, lessonKey, cancellationToken) ? 1 : 0;
        }

        LogSwept(recorded);
        return recorded;
    }

    /// <summary>Closes one learner's abandoned segment on one lesson; false if a report or another run got there first.</summary>
    public async Task<bool> CloseAsync(Guid learnerId, Guid lessonKey, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            var progress = await db.LessonProgress.SingleOrDefaultAsync(p => p.LearnerId == learnerId && p.LessonKey == lessonKey, cancellationToken);
            var now = timeProvider.GetUtcNow();
            var closed = progress?.CloseAbandonedSegment(now) ?? 0;
            if (closed == 0)
            {
                return false;
            }

            await LearningRecords.AppendAsync(db, new NewLearningEvent(learnerId, LearningEventKind.StudySegmentCredited, now, new Dictionary<string, string>
            {
                ["lesson"] = lessonKey.ToString(),
                ["courseId"] = progress!.CourseId.ToString(CultureInfo.InvariantCulture),
                ["seconds"] = (closed / 1000).ToString(CultureInfo.InvariantCulture),
            }), cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return true;
            }
            catch (DbUpdateException)
            {
                // A report moved this lesson on (its revision changed) or the chain position was taken: look again.
            }
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Recorded {Count} abandoned study segments")]
    private partial void LogSwept(int count);
}
