using Microsoft.EntityFrameworkCore;
using SkillsAcademy.Domain.Assessment;
using SkillsAcademy.Domain.Catalog;
using SkillsAcademy.Infrastructure.Persistence;

namespace SkillsAcademy.Web.Features.Learning;

/// <summary>The course version an enrolled learner studies and is examined on: the latest one that was published.</summary>
internal static class StudyVersionQueries
{
    public static Task<CourseVersion?> LoadAsync(SkillsAcademyDbContext db, int courseId, CancellationToken cancellationToken) =>
        db.CourseVersions.AsNoTracking()
            .Include(v => v.Modules.OrderBy(m => m.Position)).ThenInclude(m => m.Lessons.OrderBy(l => l.Position))
            .AsSplitQuery()
            .Where(v => v.CourseId == courseId && (v.Status == CourseVersionStatus.Published || v.Status == CourseVersionStatus.Archived))
            .OrderByDescending(v => v.Number)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The quiz's settings and title in that version, or null if the version has no such quiz.</summary>
    public static (QuizSettings Settings, string? ModuleTitle)? FindQuiz(CourseVersion version, string quizKey)
    {
        if (QuizKeys.IsFinalExam(quizKey))
        {
            return version.FinalExam is { } exam ? (exam, null) : null;
        }

        var module = version.Modules.FirstOrDefault(m => m.Tag == QuizKeys.ModuleTagOf(quizKey));
        return module?.Quiz is { } quiz ? (quiz, module.Title) : null;
    }

    /// <summary>Every quiz of the version a learner must pass, in course order: module quizzes, then the final exam.</summary>
    public static IReadOnlyList<string> RequiredQuizKeys(CourseVersion version) =>
        [.. version.Modules.Where(m => m.Quiz is not null).Select(m => QuizKeys.ForModule(m.Tag)), .. version.FinalExam is null ? [] : new[] { QuizKeys.FinalExam }];
}
