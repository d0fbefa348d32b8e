using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SkillsAcademy.Domain.Catalog;
using SkillsAcademy.Infrastructure.Persistence;
using SkillsAcademy.Web.Resources;

namespace SkillsAcademy.Web.Features.Authoring;

/// <summary>Federation staff review submitted versions: publish them to the catalog or return them with comments.</summary>
public sealed partial class CourseReviewService(
    IDbContextFactory<SkillsAcademyDbContext> contextFactory,
    Catalog.CatalogCache catalogCache,
    TimeProvider timeProvider,
    IStringLocalizer<SharedResource> localizer,
    ILogger<CourseReviewService> logger)
{
    public async Task<IReadOnlyList<SubmittedVersion>> ListSubmittedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.CourseVersions.AsNoTracking()
            .Where(v => v.Status == CourseVersionStatus.Submitted)
            .Join(db.Courses, v => v.CourseId, c => c.Id, (v, c) => new { v, c })
            .OrderBy(x => x.v.StatusChangedAt)
            .Select(x => new SubmittedVersion(x.v.Id, x.c.Code, x.v.Title, x.v.Number, x.v.StatusChangedAt, x.c.PublishedAt != null))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The whole version as a reviewer reads it, answers included.</summary>
    public async Task<VersionPreview?> GetPreviewAsync(int versionId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var version = await db.CourseVersions.AsNoTracking()
            .Include(v => v.Modules).ThenInclude(m => m.Lessons)
            .Include(v => v.Questions).ThenInclude(q => q.Options)
            .AsSplitQuery()
            .SingleOrDefaultAsync(v => v.Id == versionId, cancellationToken);
        if (version is null)
        {
            return null;
        }

        var code = await db.Courses.Where(c => c.Id == version.CourseId).Select(c => c.Code).SingleAsync(cancellationToken);
        return new VersionPreview(
            version.Id, code, version.Number, version.Status, version.Title, version.Summary, version.ReviewComment,
            EditorModule.ListOf(version),
            EditorQuestion.ListOf(version),
            version.FinalExam);
    }

    public async Task<AuthoringResult> PublishAsync(int versionId, CancellationToken cancellationToken = default)
    {
        var result = await ReviewAsync(versionId, (course, version, now) =>
        {
            course.Publish(version, now);
            LogPublished(course.Code, version.Number);
        }, cancellationToken);
        if (result.Succeeded)
        {
            await catalogCache.InvalidateAsync(cancellationToken);
        }

        return result;
    }

    /// <summary>Withdraws a listed course from the catalog; learners' records against it stay.</summary>
    public async Task<AuthoringResult> ArchiveAsync(string courseCode, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var course = await db.Courses.Include(c => c.Versions).SingleOrDefaultAsync(c => c.Code == courseCode, cancellationToken);
        if (course is null || !course.IsListed)
        {
            return AuthoringResult.Fail(localizer["Authoring.NotFound"]);
        }

        course.Archive(timeProvider.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return AuthoringResult.Fail(localizer["Review.AlreadyReviewed"]);
        }

        await catalogCache.InvalidateAsync(cancellationToken);
        LogArchived(course.Code);
        return AuthoringResult.Ok(course.Id);
    }

    public Task<AuthoringResult> ReturnAsync(int versionId, string comment, CancellationToken cancellationToken = default) =>
        string.IsNullOrWhiteSpace(comment) || comment.Length > 2000
            ? Task.FromResult(AuthoringResult.Fail(localizer["Review.CommentRequired"], "Comment"))
            : ReviewAsync(versionId, (_, version, now) => version.Return(comment, now), cancellationToken);

    // The version's status is a concurrency token: of two reviewers acting at once, one wins and one is told.
    private async Task<AuthoringResult> ReviewAsync(int versionId, Action<Course, CourseVersion, DateTimeOffset> decide, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var courseId = await db.CourseVersions.Where(v => v.Id == versionId).Select(v => (int?)v.CourseId).SingleOrDefaultAsync(cancellationToken);
        if (courseId is null)
        {
            return AuthoringResult.Fail(localizer["Authoring.NotFound"]);
        }

        var course = await db.Courses.Include(c => c.Versions).ThenInclude(v => v.Modules).ThenInclude(m => m.Lessons)
            .AsSplitQuery()
            .SingleAsync(c => c.Id == courseId, cancellationToken);
        var version = course.Versions.Single(v => v.Id == versionId);
        if (version.Status != CourseVersionStatus.Submitted)
        {
            return AuthoringResult.Fail(localizer["Review.AlreadyReviewed"]);
        }

        decide(course, version, timeProvider.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return AuthoringResult.Ok(version.Id);
        }
        catch (DbUpdateException)
        {
            return AuthoringResult.Fail(localizer["Review.AlreadyReviewed"]);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Course {Code} withdrawn from the catalog")]
    private partial void LogArchived(string code);

    [LoggerMessage(Level = LogLevel.Information, Message = "Course {Code} version {Version} published")]
    private partial void LogPublished(string code, int version);
}

public sealed record SubmittedVersion(int VersionId, string Code, string Title, int Number, DateTimeOffset? SubmittedAt, bool ReplacesPublished);

public sealed record VersionPreview(
    int VersionId,
    string Code,
    int Number,
    CourseVersionStatus Status,
    string Title,
    string Summary,
    string? ReviewComment,
    IReadOnlyList<EditorModule> Modules,
    IReadOnlyList<EditorQuestion> Questions,
    Domain.Assessment.QuizSettings? FinalExam);
