using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SkillsAcademy.Domain.Catalog;
using SkillsAcademy.Infrastructure.Persistence;
using SkillsAcademy.Web.Platform;

namespace SkillsAcademy.Web.Features.Catalog;

/// <summary>The public catalog: occupations, course search and the course page. Reads only listed (published) courses.</summary>
public sealed class CatalogService(
    IDbContextFactory<SkillsAcademyDbContext> contextFactory, IOptions<PlatformOptions> platform, PublishedVersions? publishedVersions = null)
{
    private readonly PublishedVersions _versions = publishedVersions ?? new PublishedVersions();

    public const int MaxPageSize = 50;

    public async Task<IReadOnlyList<OccupationSummary>> ListOccupationsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Occupations
            .AsNoTracking()
            .OrderBy(o => o.Code)
            .Select(o => new OccupationSummary(o.Id, o.Code, o.Name, o.EnglishName))
            .ToListAsync(cancellationToken);
    }

    /// <summary>One page of listed courses; the keyword matches any substring of title, summary, occupation or code.</summary>
    public async Task<CourseSearchResult> SearchAsync(CourseSearch search, CancellationToken cancellationToken = default)
    {
        var page = Math.Max(1, search.Page);
        var pageSize = Math.Clamp(search.PageSize, 1, MaxPageSize);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var courses = db.Courses.AsNoTracking().Where(c => c.PublishedAt != null);
        if (!string.IsNullOrWhiteSpace(search.Keyword))
        {
            var keyword = search.Keyword.Trim();
            courses = courses.Where(c => c.ListingTitle.Contains(keyword)
                || c.ListingSummary.Contains(keyword)
                || c.Occupation!.Name.Contains(keyword)
                || c.Code.Contains(keyword));
        }

        if (search.OccupationId is { } occupationId)
        {
            courses = courses.Where(c => c.OccupationId == occupationId);
        }

        if (search.Level is { } level)
        {
            courses = courses.Where(c => c.SkillLevel == level);
        }

        if (search.VoucherEligibleOnly)
        {
            courses = courses.Where(c => c.VoucherEligible);
        }

        var total = await courses.CountAsync(cancellationToken);
        var ordered = search.Sort == CourseSort.MostEnrolled
            ? courses.OrderByDescending(c => c.EnrolmentCount).ThenByDescending(c => c.PublishedAt).ThenBy(c => c.Id)
            : courses.OrderByDescending(c => c.PublishedAt).ThenBy(c => c.Id);
        var items = await ordered
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(c => new CourseCard(
                c.Code, c.ListingTitle, c.ListingSummary, c.Occupation!.Name, c.Occupation.EnglishName,
                c.SkillLevel, c.VoucherEligible, c.ListingNominalMinutes, c.EnrolmentCount))
            .ToListAsync(cancellationToken);
        return new CourseSearchResult(items, total, page, pageSize, CreditHours());
    }

    /// <summary>The published version of a course with its syllabus and instructors, or null if it is not listed.</summary>
    public async Task<CourseDetail?> GetCourseAsync(string code, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var course = await db.Courses.AsNoTracking()
            .Where(c => c.Code == code && c.PublishedAt != null)
            .Select(c => new
            {
                c.Code, c.SkillLevel, c.VoucherEligible, c.VoucherRequired, c.EnrolmentCount, c.PublishedAt, c.Occupation!.Name, c.Occupation.EnglishName,
                OccupationCode = c.Occupation.Code,
                VersionId = c.Versions.Where(v => v.Status == CourseVersionStatus.Published).Select(v => (int?)v.Id).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        // The outline of the published version comes from memory: it never changes once published.
        if (course?.VersionId is not { } versionId || await _versions.GetAsync(db, versionId, cancellationToken) is not { } version)
        {
            return null;
        }

        var minutes = version.NominalMinutes;
        return new CourseDetail(
            course.Code,
            version.Title,
            version.Summary,
            course.Name,
            course.EnglishName,
            course.OccupationCode,
            course.SkillLevel,
            course.VoucherEligible,
            course.VoucherRequired,
            course.EnrolmentCount,
            course.PublishedAt!.Value,
            version.CoverPath,
            minutes,
            CreditHours().FromSeconds(minutes * 60L),
            version.QuestionCount,
            version.Modules.Select(m => new SyllabusModule(
                m.Title,
                m.Lessons.Select(l => new SyllabusLesson(l.Title, l.Kind, l.NominalMinutes)).ToList())).ToList(),
            version.Instructors);
    }

    private CreditHours CreditHours() => new(platform.Value.CreditHourMinutes * 60);
}

public enum CourseSort
{
    Newest,
    MostEnrolled,
}

public sealed record CourseSearch(
    string? Keyword = null,
    int? OccupationId = null,
    SkillLevel? Level = null,
    bool VoucherEligibleOnly = false,
    CourseSort Sort = CourseSort.Newest,
    int Page = 1,
    int PageSize = 12);

public sealed record CourseCard(
    string Code,
    string Title,
    string Summary,
    string OccupationName,
    string OccupationEnglishName,
    SkillLevel Level,
    bool VoucherEligible,
    int NominalMinutes,
    int EnrolmentCount);

public sealed record CourseSearchResult(IReadOnlyList<CourseCard> Items, int Total, int Page, int PageSize, CreditHours CreditHourRule)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public decimal CreditHours(CourseCard card) => CreditHourRule.FromSeconds(card.NominalMinutes * 60L);
}

public sealed record CourseDetail(
    string Code,
    string Title,
    string Summary,
    string OccupationName,
    string OccupationEnglishName,
    string OccupationCode,
    SkillLevel Level,
    bool VoucherEligible,
    bool VoucherRequired,
    int EnrolmentCount,
    DateTimeOffset PublishedAt,
    string? CoverPath,
    int NominalMinutes,
    decimal CreditHours,
    int QuestionCount,
    IReadOnlyList<SyllabusModule> Modules,
    IReadOnlyList<InstructorCredit> Instructors);

public sealed record SyllabusModule(string Title, IReadOnlyList<SyllabusLesson> Lessons);

public sealed record SyllabusLesson(string Title, LessonKind Kind, int NominalMinutes);

public sealed record InstructorCredit(string Name, InstructorHonours Honours, string Bio);

public sealed record OccupationSummary(int Id, string Code, string Name, string EnglishName);
