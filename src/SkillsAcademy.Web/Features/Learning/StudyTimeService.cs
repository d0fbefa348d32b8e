using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SkillsAcademy.Domain.Catalog;
using SkillsAcademy.Domain.Learning;
using SkillsAcademy.Infrastructure.Persistence;

namespace SkillsAcademy.Web.Features.Learning;

/// <summary>
/// Verified study time: the lesson page reports activity from its circuit; the server's clock decides what is
/// credited (DOMAIN.md "Study time"). Only the learner's latest lesson session earns credit.
/// </summary>
public sealed class StudyTimeService(
    IDbContextFactory<SkillsAcademyDbContext> contextFactory,
    TimeProvider timeProvider,
    Assessment.CourseCompletionService completion)
{
    private const int Attempts = 3;

    /// <summary>Opens a lesson for study; any other open lesson of the learner stops earning credit.</summary>
    public async Task<Guid?> StartSessionAsync(Guid learnerId, Guid lessonKey, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var lesson = await FindEnrolledLessonAsync(db, learnerId, lessonKey, cancellationToken);
        if (lesson is null)
        {
            return null;
        }

        var sessionId = Guid.NewGuid();
        var now = timeProvider.GetUtcNow();
        var session = await db.StudySessions.SingleOrDefaultAsync(s => s.LearnerId == learnerId, cancellationToken);
        if (session is null)
        {
            db.StudySessions.Add(new StudySession(learnerId, sessionId, lesson.Key, now));
        }
        else
        {
            session.TakeOver(sessionId, lesson.Key, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return sessionId;
    }

    /// <summary>One activity report of an open lesson page (every 15 s while visible and, for video, playing).</summary>
    public async Task<StudyReport> ReportAsync(
        Guid learnerId, Guid sessionId, Guid lessonKey, int? videoPositionSeconds = null, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            var session = await db.StudySessions.SingleOrDefaultAsync(s => s.LearnerId == learnerId, cancellationToken);
            var lesson = await FindEnrolledLessonAsync(db, learnerId, lessonKey, cancellationToken);
            if (lesson is null || session is null || session.SessionId != sessionId || session.LessonKey != lesson.Key)
            {
                return StudyReport.Paused;
            }

            var now = timeProvider.GetUtcNow();
            var progress = await db.LessonProgress.SingleOrDefaultAsync(p => p.LearnerId == learnerId && p.LessonKey == lesson.Key, cancellationToken);
            if (progress is null)
            {
                progress = new LessonProgress(learnerId, lesson.Key, lesson.CourseId);
                db.LessonProgress.Add(progress);
            }

            var videoSeconds = lesson.Kind == LessonKind.Video ? lesson.VideoSeconds : null;
            var (result, closedSegment) = progress.Report(now, lesson.NominalMinutes * 60, videoPositionSeconds, videoSeconds, session.CreditedUntil);
            if (result.Accepted)
            {
                session.Credited(now);
            }

            if (closedSegment > 0)
            {
                await RecordAsync(db, learnerId, LearningEventKind.StudySegmentCredited, now, lesson, ("seconds", (closedSegment / 1000).ToString(CultureInfo.InvariantCulture)), cancellationToken);
            }

            var completedNow = progress.TryComplete(lesson.RequiredMinutes, videoSeconds, now);
            if (completedNow)
            {
                await RecordAsync(db, learnerId, LearningEventKind.StudySegmentCredited, now, lesson, ("seconds", (progress.TakeOpenSegment() / 1000).ToString(CultureInfo.InvariantCulture)), cancellationToken);
                await RecordAsync(db, learnerId, LearningEventKind.LessonCompleted, now, lesson, ("creditedSeconds", (progress.CreditedMilliseconds / 1000).ToString(CultureInfo.InvariantCulture)), cancellationToken);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                if (completedNow)
                {
                    // The last lesson may be the last requirement of the course.
                    await completion.TryCompleteAsync(learnerId, lesson.CourseId, cancellationToken);
                }

                return new StudyReport(result.Accepted, result.CreditedSeconds, (int)(progress.CreditedMilliseconds / 1000), progress.CompletedAt is not null, false);
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // Another report for this lesson, or another chain append, landed first; apply this one on top.
            }
        }
    }

    private static Task RecordAsync(
        SkillsAcademyDbContext db, Guid learnerId, LearningEventKind kind, DateTimeOffset at, StudiedLesson lesson, (string Key, string Value) extra, CancellationToken cancellationToken) =>
        LearningRecords.AppendAsync(db, new NewLearningEvent(learnerId, kind, at, new Dictionary<string, string>
        {
            ["lesson"] = lesson.Key.ToString(),
            ["courseId"] = lesson.CourseId.ToString(CultureInfo.InvariantCulture),
            [extra.Key] = extra.Value,
        }), cancellationToken);

    // The lesson, if the learner is enrolled in its course, as in the latest published version of that course.
    private static Task<StudiedLesson?> FindEnrolledLessonAsync(SkillsAcademyDbContext db, Guid learnerId, Guid lessonKey, CancellationToken cancellationToken) =>
        (from lesson in db.Set<Lesson>()
         join module in db.Set<CourseModule>() on lesson.CourseModuleId equals module.Id
         join version in db.CourseVersions on module.CourseVersionId equals version.Id
         where lesson.Key == lessonKey
               && (version.Status == CourseVersionStatus.Published || version.Status == CourseVersionStatus.Archived)
               && db.Enrolments.Any(e => e.LearnerId == learnerId && e.CourseId == version.CourseId)
         orderby version.Number descending
         select new StudiedLesson(lesson.Key, version.CourseId, lesson.Kind, lesson.NominalMinutes, lesson.RequiredMinutes, lesson.VideoSeconds))
        .FirstOrDefaultAsync(cancellationToken);

    private sealed record StudiedLesson(Guid Key, int CourseId, LessonKind Kind, int NominalMinutes, int RequiredMinutes, int? VideoSeconds);
}

/// <summary>What one report did. Paused: another lesson session of the learner is the active one.</summary>
public sealed record StudyReport(bool Accepted, int CreditedSeconds, int TotalCreditedSeconds, bool LessonComplete, bool IsPaused)
{
    public static StudyReport Paused { get; } = new(false, 0, 0, false, true);
}
