using Microsoft.EntityFrameworkCore;
using SkillsAcademy.Domain.Assessment;
using SkillsAcademy.Domain.Catalog;
using SkillsAcademy.Infrastructure.Persistence;
using SkillsAcademy.Web.Features.Catalog;

namespace SkillsAcademy.Web.Features.Learning;

/// <summary>
/// What an enrolled learner sees of a course: its lessons with credited time and completion, module and course
/// progress, and where to continue. Progress is keyed by the lesson's stable key, so a republished version keeps it.
/// The version's outline comes from <see cref="PublishedVersions"/> (published versions never change); per request
/// only the learner's rows are read: the enrolment with its study version, lesson progress and quiz attempts.
/// </summary>
public sealed class LearningProgressService(IDbContextFactory<SkillsAcademyDbContext> contextFactory, LessonMarkdown markdown, PublishedVersions versions)
{
    /// <summary>The syllabus with the learner's progress, or null if the learner is not enrolled in the course.</summary>
    public async Task<CourseProgress?> GetCourseProgressAsync(Guid learnerId, string courseCode, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var enrolment = await FindEnrolmentAsync(db, learnerId, courseCode, cancellationToken);
        if (enrolment?.VersionId is not { } versionId)
        {
            return null;
        }

        var version = await versions.GetAsync(db, versionId, cancellationToken);
        return version is null ? null : await BuildAsync(db, learnerId, courseCode, enrolment, version, cancellationToken);
    }

    /// <summary>Every course the learner is enrolled in with its progress, the most recently studied or enrolled first.</summary>
    public async Task<IReadOnlyList<CourseProgress>> ListMyCoursesAsync(Guid learnerId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var enrolments = await db.Enrolments.AsNoTracking()
            .Where(e => e.LearnerId == learnerId)
            .Join(db.Courses, e => e.CourseId, c => c.Id, (e, c) => new
            {
                Row = new EnrolmentRow(e.CourseId, e.EnrolledAt, e.CompletedAt, db.CourseVersions
                    .Where(v => v.CourseId == e.CourseId && (v.Status == CourseVersionStatus.Published || v.Status == CourseVersionStatus.Archived))
                    .OrderByDescending(v => v.Number).Select(v => (int?)v.Id).FirstOrDefault()),
                c.Code,
            })
            .ToListAsync(cancellationToken);
        var courses = new List<CourseProgress>(enrolments.Count);
        foreach (var enrolment in enrolments)
        {
            if (enrolment.Row.VersionId is { } versionId && await versions.GetAsync(db, versionId, cancellationToken) is { } version)
            {
                courses.Add(await BuildAsync(db, learnerId, enrolment.Code, enrolment.Row, version, cancellationToken));
            }
        }

        return courses
            .OrderByDescending(c => c.Modules.SelectMany(m => m.Lessons).Select(l => l.LastStudiedAt).DefaultIfEmpty().Max() ?? c.EnrolledAt)
            .ToList();
    }

    /// <summary>One lesson to study with its content and the course around it, or null if the learner may not open it.</summary>
    public async Task<LessonStudy?> GetLessonAsync(Guid learnerId, string courseCode, Guid lessonKey, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var enrolment = await FindEnrolmentAsync(db, learnerId, courseCode, cancellationToken);
        if (enrolment?.VersionId is not { } versionId)
        {
            return null;
        }

        var version = await versions.GetAsync(db, versionId, cancellationToken);
        var lesson = version?.Modules.SelectMany(m => m.Lessons).FirstOrDefault(l => l.Key == lessonKey);
        if (version is null || lesson is null)
        {
            return null;
        }

        // The outline leaves the lessons' content out; only the opened article's text is read.
        var articleMarkdown = lesson.Kind == LessonKind.Article
            ? await db.Set<Lesson>().AsNoTracking()
                .Where(l => l.Key == lessonKey && db.Set<CourseModule>().Any(m => m.Id == l.CourseModuleId && m.CourseVersionId == versionId))
                .Select(l => l.Markdown)
                .FirstOrDefaultAsync(cancellationToken)
            : null;
        var course = await BuildAsync(db, learnerId, courseCode, enrolment, version, cancellationToken);
        var ordered = course.Modules.SelectMany(m => m.Lessons).ToList();
        var index = ordered.FindIndex(l => l.Key == lessonKey);
        return new LessonStudy(
            course,
            ordered[index],
            lesson.Kind == LessonKind.Article ? markdown.ToSafeHtml(articleMarkdown) : null,
            lesson.MediaPath is { } path ? $"/media/{path}" : lesson.VideoUrl,
            lesson.VideoSeconds,
            index > 0 ? ordered[index - 1] : null,
            index < ordered.Count - 1 ? ordered[index + 1] : null);
    }

    /// <summary>
    /// Only the learner's standing in one lesson (credited time, completion), or null if the learner may not open it:
    /// what an open lesson page's live part shows and keeps, without the content and the course around it.
    /// </summary>
    public async Task<LessonProgressView?> GetLessonStandingAsync(Guid learnerId, string courseCode, Guid lessonKey, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var enrolment = await FindEnrolmentAsync(db, learnerId, courseCode, cancellationToken);
        if (enrolment?.VersionId is not { } versionId
            || await versions.GetAsync(db, versionId, cancellationToken) is not { } version
            || version.Modules.SelectMany(m => m.Lessons).FirstOrDefault(l => l.Key == lessonKey) is not { } lesson)
        {
            return null;
        }

        var row = await db.LessonProgress.AsNoTracking()
            .Where(p => p.LearnerId == learnerId && p.LessonKey == lessonKey)
            .Select(p => new { p.CreditedMilliseconds, p.FurthestPositionSeconds, p.CompletedAt, p.LastReportAt })
            .FirstOrDefaultAsync(cancellationToken);
        return new LessonProgressView(
            lesson.Key, lesson.Title, lesson.Kind, lesson.NominalMinutes, lesson.RequiredMinutes,
            (int)((row?.CreditedMilliseconds ?? 0) / 1000), row?.FurthestPositionSeconds ?? 0, lesson.VideoSeconds, row?.CompletedAt, row?.LastReportAt);
    }

    // The enrolment and, in the same query, the version its learner studies: the latest one that was published
    // (as StudyVersionQueries.LoadAsync chooses it).
    private static Task<EnrolmentRow?> FindEnrolmentAsync(SkillsAcademyDbContext db, Guid learnerId, string courseCode, CancellationToken cancellationToken) =>
        db.Enrolments.AsNoTracking()
            .Where(e => e.LearnerId == learnerId && db.Courses.Any(c => c.Id == e.CourseId && c.Code == courseCode))
            .Select(e => new EnrolmentRow(e.CourseId, e.EnrolledAt, e.CompletedAt, db.CourseVersions
                .Where(v => v.CourseId == e.CourseId && (v.Status == CourseVersionStatus.Published || v.Status == CourseVersionStatus.Archived))
                .OrderByDescending(v => v.Number).Select(v => (int?)v.Id).FirstOrDefault()))
            .SingleOrDefaultAsync(cancellationToken);

    private static async Task<CourseProgress> BuildAsync(
        SkillsAcademyDbContext db, Guid learnerId, string courseCode, EnrolmentRow enrolment, VersionOutline version, CancellationToken cancellationToken)
    {
        var progress = await db.LessonProgress.AsNoTracking()
            .Where(p => p.LearnerId == learnerId && p.CourseId == enrolment.CourseId)
            .Select(p => new { p.LessonKey, p.CreditedMilliseconds, p.FurthestPositionSeconds, p.CompletedAt, p.LastReportAt })
            .ToDictionaryAsync(p => p.LessonKey, cancellationToken);
        var attempts = (await db.QuizAttempts.AsNoTracking()
                .Where(a => a.LearnerId == learnerId && a.CourseId == enrolment.CourseId)
                .Select(a => new { a.QuizKey, a.ScorePercent, a.Passed })
                .ToListAsync(cancellationToken))
            .ToLookup(a => a.QuizKey);
        QuizProgress? Quiz(string key, QuizSettings? settings) => settings is null ? null : new QuizProgress(
            key,
            attempts[key].Any(a => a.Passed == true),
            attempts[key].Max(a => a.ScorePercent),
            attempts[key].Count(),
            settings.AttemptsAllowed,
            settings.PassPercent);
        var modules = version.Modules.Select(m => new ModuleProgress(
            m.Title,
            m.Tag,
            Quiz(QuizKeys.ForModule(m.Tag), m.Quiz),
            m.Lessons.Select(l =>
            {
                var p = progress.GetValueOrDefault(l.Key);
                return new LessonProgressView(
                    l.Key, l.Title, l.Kind, l.NominalMinutes, l.RequiredMinutes,
                    (int)((p?.CreditedMilliseconds ?? 0) / 1000), p?.FurthestPositionSeconds ?? 0, l.VideoSeconds, p?.CompletedAt, p?.LastReportAt);
            }).ToList())).ToList();
        return new CourseProgress(courseCode, version.Title, enrolment.EnrolledAt, enrolment.CompletedAt, modules, Quiz(QuizKeys.FinalExam, version.FinalExam));
    }

    private sealed record EnrolmentRow(int CourseId, DateTimeOffset EnrolledAt, DateTimeOffset? CompletedAt, int? VersionId);
}

/// <summary>A learner's progress through one course.</summary>
public sealed record CourseProgress(
    string Code, string Title, DateTimeOffset EnrolledAt, DateTimeOffset? CompletedAt, IReadOnlyList<ModuleProgress> Modules, QuizProgress? FinalExam = null)
{
    public int LessonCount => Modules.Sum(m => m.Lessons.Count);

    public int CompletedLessonCount => Modules.Sum(m => m.CompletedLessonCount);

    /// <summary>Every quiz the learner must pass: module quizzes in order, then the final exam.</summary>
    public IEnumerable<QuizProgress> Quizzes => Modules.Select(m => m.Quiz).Append(FinalExam).OfType<QuizProgress>();

    /// <summary>Whole percent of the requirements met: lessons completed and quizzes passed.</summary>
    public int Percent
    {
        get
        {
            var total = LessonCount + Quizzes.Count();
            return total == 0 ? 0 : (CompletedLessonCount + Quizzes.Count(q => q.Passed)) * 100 / total;
        }
    }

    /// <summary>The first quiz not yet passed whose lessons are all complete (the final exam once every lesson is).</summary>
    public QuizProgress? NextQuiz =>
        Modules.Where(m => m.Quiz is { Passed: false } && m.CompletedLessonCount == m.Lessons.Count).Select(m => m.Quiz).FirstOrDefault()
        ?? (FinalExam is { Passed: false } && CompletedLessonCount == LessonCount ? FinalExam : null);

    public int CreditedSeconds => Modules.Sum(m => m.Lessons.Sum(l => l.CreditedSeconds));

    /// <summary>
    /// Where to continue: the unfinished lesson studied most recently, else the first unfinished lesson in order,
    /// else null when every lesson is complete.
    /// </summary>
    public LessonProgressView? ContinueWith
    {
        get
        {
            var lessons = Modules.SelectMany(m => m.Lessons).ToList();
            return lessons.Where(l => !l.IsComplete && l.LastStudiedAt is not null).MaxBy(l => l.LastStudiedAt)
                ?? lessons.FirstOrDefault(l => !l.IsComplete);
        }
    }
}

public sealed record ModuleProgress(string Title, string Tag, QuizProgress? Quiz, IReadOnlyList<LessonProgressView> Lessons)
{
    public int CompletedLessonCount => Lessons.Count(l => l.IsComplete);

    public int Percent
    {
        get
        {
            var total = Lessons.Count + (Quiz is null ? 0 : 1);
            return total == 0 ? 0 : (CompletedLessonCount + (Quiz is { Passed: true } ? 1 : 0)) * 100 / total;
        }
    }
}

/// <summary>A learner's standing in one quiz: passed or not, best score, attempts used of those allowed (0 = no limit).</summary>
public sealed record QuizProgress(string Key, bool Passed, int? BestScore, int AttemptsUsed, int AttemptsAllowed, int PassPercent)
{
    public bool HasAttemptsLeft => AttemptsAllowed == 0 || AttemptsUsed < AttemptsAllowed;
}

/// <summary>One lesson with the learner's credited time; <see cref="Percent"/> is credited time against the required minutes.</summary>
public sealed record LessonProgressView(
    Guid Key,
    string Title,
    LessonKind Kind,
    int NominalMinutes,
    int RequiredMinutes,
    int CreditedSeconds,
    int FurthestPositionSeconds,
    int? VideoSeconds,
    DateTimeOffset? CompletedAt,
    DateTimeOffset? LastStudiedAt)
{
    public bool IsComplete => CompletedAt is not null;

    public int Percent => IsComplete ? 100 : Math.Min(99, CreditedSeconds * 100 / (RequiredMinutes * 60));
}

/// <summary>A lesson opened for study: its content (article HTML already sanitized, or a media address) and its neighbours.</summary>
public sealed record LessonStudy(
    CourseProgress Course,
    LessonProgressView Lesson,
    string? SafeHtml,
    string? MediaUrl,
    int? VideoSeconds,
    LessonProgressView? Previous,
    LessonProgressView? Next);
