using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SkillsAcademy.Domain.Learning;
using SkillsAcademy.Infrastructure.Persistence;
using SkillsAcademy.Web.Features.Learning;

namespace SkillsAcademy.Web.Features.Assessment;

/// <summary>Something to do once a learner completes a course, e.g. issuing the certificate.</summary>
public interface ICourseCompletionHandler
{
    Task OnCourseCompletedAsync(Guid learnerId, int courseId, CancellationToken cancellationToken);
}

/// <summary>
/// Course completion (DOMAIN "Quizzes"): every lesson complete, every module quiz passed and the final exam (if
/// any) passed. The enrolment is marked completed once by a guarded update, with a CourseCompleted event in the
/// same transaction; then the completion handlers run.
/// </summary>
public sealed partial class CourseCompletionService(
    IDbContextFactory<SkillsAcademyDbContext> contextFactory,
    TimeProvider timeProvider,
    IEnumerable<ICourseCompletionHandler> handlers,
    ILogger<CourseCompletionService> logger)
{
    /// <summary>Completes the enrolment if every requirement is met; true only for the call that completed it.</summary>
    public async Task<bool> TryCompleteAsync(Guid learnerId, int courseId, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            if (!await db.Enrolments.AnyAsync(e => e.LearnerId == learnerId && e.CourseId == courseId && e.CompletedAt == null, cancellationToken)
                || await StudyVersionQueries.LoadAsync(db, courseId, cancellationToken) is not { } version)
            {
                return false;
            }

            var lessonKeys = version.Modules.SelectMany(m => m.Lessons).Select(l => l.Key).ToList();
            var completedLessons = await db.LessonProgress
                .CountAsync(p => p.LearnerId == learnerId && lessonKeys.Contains(p.LessonKey) && p.CompletedAt != null, cancellationToken);
            var required = StudyVersionQueries.RequiredQuizKeys(version);
            var passed = await db.QuizAttempts
                .Where(a => a.LearnerId == learnerId && a.CourseId == courseId && a.Passed == true)
                .Select(a => a.QuizKey).Distinct().ToListAsync(cancellationToken);
            if (completedLessons < lessonKeys.Count || required.Except(passed).Any())
            {
                return false;
            }

            var now = timeProvider.GetUtcNow();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var marked = await db.Enrolments
                .Where(e => e.LearnerId == learnerId && e.CourseId == courseId && e.CompletedAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(e => e.CompletedAt, now), cancellationToken);
            if (marked != 1)
            {
                return false;
            }

            await LearningRecords.AppendAsync(db, new NewLearningEvent(learnerId, LearningEventKind.CourseCompleted, now, new Dictionary<string, string>
            {
                ["courseId"] = courseId.ToString(CultureInfo.InvariantCulture),
                ["courseVersionId"] = version.Id.ToString(CultureInfo.InvariantCulture),
            }), cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another event of the learner took the chain position; the rollback also undid the completion mark.
                continue;
            }

            LogCompleted(learnerId, courseId);
            foreach (var handler in handlers)
            {
                await handler.OnCourseCompletedAsync(learnerId, courseId, cancellationToken);
            }

            return true;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Learner {LearnerId} completed course {CourseId}")]
    private partial void LogCompleted(Guid learnerId, int courseId);
}
