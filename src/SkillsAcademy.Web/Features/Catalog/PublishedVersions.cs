using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using SkillsAcademy.Domain.Assessment;
using SkillsAcademy.Domain.Catalog;
using SkillsAcademy.Infrastructure.Persistence;

namespace SkillsAcademy.Web.Features.Catalog;

/// <summary>
/// The outline of published course versions (title, summary, modules, lessons without their content, quizzes,
/// instructors, question count), kept in memory by version id. A version that has been published (or archived after
/// that) never changes again (only drafts are editable, see <see cref="CourseVersionTransitions.IsEditable"/>), so an
/// entry never goes stale and every node can keep its own copy without invalidation. The course page and the
/// learner's progress read it on every request instead of loading the version's modules and lessons each time.
/// </summary>
public sealed class PublishedVersions : IDisposable
{
    /// <summary>How many versions are kept (the least recently used go first); one outline is a few kilobytes.</summary>
    public const int Capacity = 2_000;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = Capacity });

    /// <summary>The outline of a published or archived version, or null for any other version (a draft is not cached).</summary>
    public async Task<VersionOutline?> GetAsync(SkillsAcademyDbContext db, int versionId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (_cache.TryGetValue(versionId, out VersionOutline? cached))
        {
            return cached;
        }

        var outline = await LoadAsync(db, versionId, cancellationToken);
        if (outline is not null)
        {
            _cache.Set(versionId, outline, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromHours(6) });
        }

        return outline;
    }

    public void Dispose() => _cache.Dispose();

    private static async Task<VersionOutline?> LoadAsync(SkillsAcademyDbContext db, int versionId, CancellationToken cancellationToken)
    {
        var row = await db.CourseVersions.AsNoTracking()
            .Where(v => v.Id == versionId && (v.Status == CourseVersionStatus.Published || v.Status == CourseVersionStatus.Archived))
            .Select(v => new
            {
                v.Id,
                v.CourseId,
                v.Title,
                v.Summary,
                v.CoverPath,
                v.FinalExam,
                QuestionCount = v.Questions.Count(),
                Modules = v.Modules.OrderBy(m => m.Position).Select(m => new
                {
                    m.Title,
                    m.Tag,
                    m.Quiz,
                    Lessons = m.Lessons.OrderBy(l => l.Position)
                        .Select(l => new LessonOutline(l.Key, l.Title, l.Kind, l.NominalMinutes, l.RequiredMinutes, l.VideoSeconds, l.VideoUrl, l.MediaPath))
                        .ToList(),
                }).ToList(),
                Instructors = v.Instructors.OrderBy(i => i.Position).Select(i => new InstructorCredit(i.Name, i.Honours, i.Bio)).ToList(),
            })
            .AsSplitQuery()
            .SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : new VersionOutline(
            row.Id,
            row.CourseId,
            row.Title,
            row.Summary,
            row.CoverPath,
            row.FinalExam,
            row.QuestionCount,
            [.. row.Modules.Select(m => new ModuleOutline(m.Title, m.Tag, m.Quiz, m.Lessons))],
            row.Instructors);
    }
}

/// <summary>A published version as the catalog and the learner's outline show it.</summary>
public sealed record VersionOutline(
    int Id,
    int CourseId,
    string Title,
    string Summary,
    string? CoverPath,
    QuizSettings? FinalExam,
    int QuestionCount,
    IReadOnlyList<ModuleOutline> Modules,
    IReadOnlyList<InstructorCredit> Instructors)
{
    public int NominalMinutes { get; } = Modules.Sum(m => m.Lessons.Sum(l => l.NominalMinutes));
}

public sealed record ModuleOutline(string Title, string Tag, QuizSettings? Quiz, IReadOnlyList<LessonOutline> Lessons);

/// <summary>A lesson without its content (an article's text is loaded only when the lesson is opened).</summary>
public sealed record LessonOutline(
    Guid Key, string Title, LessonKind Kind, int NominalMinutes, int RequiredMinutes, int? VideoSeconds, string? VideoUrl, string? MediaPath);
