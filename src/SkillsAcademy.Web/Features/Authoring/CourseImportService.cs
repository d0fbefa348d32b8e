using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SkillsAcademy.Domain.Catalog;
using SkillsAcademy.Infrastructure.Files;
using SkillsAcademy.Infrastructure.Persistence;
using SkillsAcademy.Web.Features.Authoring.Packages;
using SkillsAcademy.Web.Resources;

namespace SkillsAcademy.Web.Features.Authoring;

/// <summary>
/// Imports a course package: validates all of it first, then writes the course (or a new version of it) with its
/// media in one transaction. A re-import keeps lesson and question keys so that learners' progress carries over.
/// </summary>
public sealed partial class CourseImportService(
    IDbContextFactory<SkillsAcademyDbContext> contextFactory,
    IFileStore fileStore,
    Catalog.CatalogCache catalogCache,
    TimeProvider timeProvider,
    IStringLocalizer<SharedResource> localizer,
    ILogger<CourseImportService> logger)
{
    public async Task<CourseImportResult> ImportAsync(
        CoursePackageSource source, CourseImportOptions options, CancellationToken cancellationToken = default)
    {
        if (!source.Contains(CoursePackage.ManifestFile))
        {
            return CourseImportResult.Failed(CoursePackage.ManifestFile, localizer["Package.MissingManifest"]);
        }

        CoursePackage? package;
        try
        {
            package = JsonSerializer.Deserialize<CoursePackage>(source.ReadText(CoursePackage.ManifestFile), CoursePackage.JsonOptions);
        }
        catch (JsonException exception)
        {
            var path = string.IsNullOrEmpty(exception.Path) || exception.Path == "$" ? CoursePackage.ManifestFile : exception.Path.TrimStart('$', '.');
            return CourseImportResult.Failed(path, localizer["Package.InvalidJson", exception.LineNumber + 1 ?? 0]);
        }

        if (package is null)
        {
            return CourseImportResult.Failed(CoursePackage.ManifestFile, localizer["Package.InvalidJson", 1]);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var occupations = await db.Occupations.ToDictionaryAsync(o => o.Code, o => o.Id, cancellationToken);
        var validation = await new CoursePackageValidator(localizer, occupations.Keys.ToHashSet(), source)
            .ValidateAsync(package, cancellationToken);
        if (!validation.IsValid)
        {
            return new CourseImportResult(null, null, validation.Errors
                .Select(e => new PackageError(CoursePackageValidator.JsonPath(e.PropertyName), e.ErrorMessage))
                .ToList());
        }

        var now = timeProvider.GetUtcNow();
        var course = await db.Courses
            .Include(c => c.Versions).ThenInclude(v => v.Modules).ThenInclude(m => m.Lessons)
            .Include(c => c.Versions).ThenInclude(v => v.Questions)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Code == package.Code, cancellationToken);
        // An instructor imports only over their own courses; the federation (no owner) may update any.
        if (course is not null && options.OwnerId is not null && course.OwnerId != options.OwnerId)
        {
            return CourseImportResult.Failed("code", localizer["Package.CodeTaken", package.Code!]);
        }

        if (course is not null && !options.Publish && course.Versions.Any(v => CourseVersionTransitions.IsEditable(v.Status) || v.Status == CourseVersionStatus.Submitted))
        {
            return CourseImportResult.Failed("code", localizer["Package.WorkingCopyExists", package.Code!]);
        }

        var level = Enum.Parse<SkillLevel>(package.SkillLevel!);
        var occupationId = occupations[package.OccupationCode!];
        if (course is null)
        {
            course = new Course(package.Code!, occupationId, level, package.VoucherEligible, options.OwnerId, now);
            db.Courses.Add(course);
        }

        var savedFiles = new List<string>();
        try
        {
            var version = await BuildVersionAsync(course, package, occupationId, level, source, savedFiles, now, cancellationToken);
            if (options.Publish)
            {
                course.Publish(version, now);
            }

            await db.SaveChangesAsync(cancellationToken);
            LogImported(course.Code, version.Number, options.Publish);
            if (options.Publish)
            {
                await catalogCache.InvalidateAsync(cancellationToken);
            }

            return new CourseImportResult(course.Id, version.Id, []);
        }
        catch (DbUpdateException)
        {
            // A concurrent import of the same code or version won; nothing of ours was committed.
            await DeleteFilesAsync(savedFiles);
            return CourseImportResult.Failed("code", localizer["Package.ConcurrentImport", package.Code!]);
        }
        catch
        {
            await DeleteFilesAsync(savedFiles);
            throw;
        }
    }

    private async Task<CourseVersion> BuildVersionAsync(
        Course course, CoursePackage package, int occupationId, SkillLevel level, CoursePackageSource source, List<string> savedFiles, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Keys of the latest version, so that the same lesson or question keeps its identity across versions.
        var latest = course.Versions.OrderByDescending(v => v.Number).FirstOrDefault();
        var lessonKeys = latest?.Modules.SelectMany(m => m.Lessons.Select(l => (m.Tag, l.Title, l.Key)))
            .GroupBy(x => (x.Tag, x.Title)).ToDictionary(g => g.Key, g => g.First().Key) ?? [];
        var questionKeys = latest?.Questions.GroupBy(q => q.Stem).ToDictionary(g => g.Key, g => g.First().Key) ?? [];

        var number = (course.Versions.Count == 0 ? 0 : course.Versions.Max(v => v.Number)) + 1;
        var version = course.AddVersion(new CourseVersion(
            number, package.Title!.Trim(), package.Summary!.Trim(), occupationId, level, package.VoucherEligible, now));
        version.RequireVoucher(package.VoucherRequired);
        var folder = $"courses/{package.Code!.ToLowerInvariant()}";
        if (package.Cover is not null)
        {
            version.CoverPath = await SaveAsync(folder, package.Cover, source, savedFiles, cancellationToken);
        }

        foreach (var instructor in package.Instructors!)
        {
            var honours = (instructor.Honours ?? []).Aggregate(InstructorHonours.None, (all, h) => all | Enum.Parse<InstructorHonours>(h));
            version.AddInstructor(instructor.Name!.Trim(), honours, instructor.Bio!.Trim());
        }

        foreach (var packageModule in package.Modules!)
        {
            var module = version.AddModule(packageModule.Title!.Trim(), packageModule.Tag!);
            module.Quiz = packageModule.Quiz?.ToSettings();
            foreach (var packageLesson in packageModule.Lessons!)
            {
                var title = packageLesson.Title!.Trim();
                var key = lessonKeys.TryGetValue((module.Tag, title), out var existing) ? existing : Guid.NewGuid();
                var lesson = new Lesson(key, title, Enum.Parse<LessonKind>(packageLesson.Kind!), packageLesson.NominalMinutes, packageLesson.RequiredMinutes);
                switch (lesson.Kind)
                {
                    case LessonKind.Article:
                        lesson.Markdown = source.ReadText(packageLesson.File!);
                        break;
                    case LessonKind.Video:
                        lesson.VideoSeconds = packageLesson.VideoSeconds;
                        lesson.VideoUrl = packageLesson.Video is null ? packageLesson.VideoUrl : null;
                        lesson.MediaPath = packageLesson.Video is null ? null : await SaveAsync(folder, packageLesson.Video, source, savedFiles, cancellationToken);
                        break;
                    case LessonKind.Document:
                        lesson.MediaPath = await SaveAsync(folder, packageLesson.Document!, source, savedFiles, cancellationToken);
                        break;
                }

                module.AddLesson(lesson);
            }
        }

        version.FinalExam = package.FinalExam?.ToSettings();
        foreach (var packageQuestion in package.Questions!)
        {
            var stem = packageQuestion.Stem!.Trim();
            var type = Enum.Parse<QuestionType>(packageQuestion.Type!);
            var question = new Question(
                questionKeys.TryGetValue(stem, out var key) ? key : Guid.NewGuid(), type, packageQuestion.Tag!, stem, packageQuestion.Explanation!.Trim());
            var options = type == QuestionType.TrueFalse
                ? [localizer["Question.True"].Value, localizer["Question.False"].Value]
                : packageQuestion.Options!;
            for (var i = 0; i < options.Count; i++)
            {
                question.AddOption(options[i].Trim(), packageQuestion.Answer!.Contains(i));
            }

            version.AddQuestion(question);
        }

        return version;
    }

    private async Task<string> SaveAsync(string folder, string path, CoursePackageSource source, List<string> savedFiles, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream(source.Read(path), writable: false);
        var stored = await fileStore.SaveAsync(folder, path, content, cancellationToken);
        savedFiles.Add(stored);
        return stored;
    }

    private async Task DeleteFilesAsync(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            await fileStore.DeleteAsync(path, CancellationToken.None);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Imported course {Code} as version {Version} (published: {Published})")]
    private partial void LogImported(string code, int version, bool published);
}

/// <summary>
/// Publish: list the imported version at once (federation staff, samples); otherwise it becomes a draft.
/// OwnerId: the importing instructor, or null when the federation imports.
/// </summary>
public sealed record CourseImportOptions(bool Publish, Guid? OwnerId);

public sealed record PackageError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

public sealed record CourseImportResult(int? CourseId, int? VersionId, IReadOnlyList<PackageError> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static CourseImportResult Failed(string path, string message) => new(null, null, [new PackageError(path, message)]);
}
