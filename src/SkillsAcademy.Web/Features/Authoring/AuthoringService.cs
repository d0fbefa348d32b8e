using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SkillsAcademy.Domain.Assessment;
using SkillsAcademy.Domain.Catalog;
using SkillsAcademy.Domain.Certificates;
using SkillsAcademy.Infrastructure.Files;
using SkillsAcademy.Infrastructure.Persistence;
using SkillsAcademy.Web.Resources;

namespace SkillsAcademy.Web.Features.Authoring;

/// <summary>
/// Instructors write courses: a course's working copy (draft or returned version) is edited here and submitted
/// for review. Every method checks that the actor owns the course; nothing here trusts the page.
/// </summary>
public sealed partial class AuthoringService(
    IDbContextFactory<SkillsAcademyDbContext> contextFactory,
    IFileStore fileStore,
    Microsoft.Extensions.Options.IOptions<UploadOptions> uploads,
    IValidator<CourseDraftRequest> courseValidator,
    IValidator<LessonDraft> lessonValidator,
    IValidator<QuestionDraft> questionValidator,
    IValidator<QuizSettingsDraft> quizValidator,
    TimeProvider timeProvider,
    IStringLocalizer<SharedResource> localizer,
    ILogger<AuthoringService> logger)
{
    public async Task<IReadOnlyList<AuthoredCourse>> ListMyCoursesAsync(AuthoringActor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Courses.AsNoTracking()
            .Where(c => c.OwnerId == actor.UserId)
            .OrderByDescending(c => c.CreatedAt)
            .Select(c => new AuthoredCourse(
                c.Id,
                c.Code,
                c.Versions.OrderByDescending(v => v.Number).Select(v => v.Title).First(),
                c.Versions.OrderByDescending(v => v.Number).Select(v => v.Number).First(),
                c.Versions.OrderByDescending(v => v.Number).Select(v => v.Status).First(),
                c.PublishedAt != null))
            .ToListAsync(cancellationToken);
    }

    public async Task<AuthoringResult> CreateCourseAsync(AuthoringActor actor, CourseDraftRequest request, CancellationToken cancellationToken = default)
    {
        var validation = await courseValidator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return AuthoringResult.Fail(validation.Errors);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Occupations.AnyAsync(o => o.Id == request.OccupationId, cancellationToken))
        {
            return AuthoringResult.Fail(localizer["Authoring.OccupationRequired"], nameof(CourseDraftRequest.OccupationId));
        }

        var now = timeProvider.GetUtcNow();
        var course = new Course($"CRS-{VerificationCode.Generate()[..8]}", request.OccupationId!.Value, request.Level, request.VoucherEligible, actor.UserId, now);
        var version = course.AddVersion(new CourseVersion(
            1, request.Title.Trim(), request.Summary.Trim(), request.OccupationId.Value, request.Level, request.VoucherEligible, now));
        version.AddInstructor(request.InstructorName.Trim(), request.Honours, request.InstructorBio.Trim());
        version.AddModule(localizer["Authoring.FirstModule"], "m1");
        db.Courses.Add(course);
        await db.SaveChangesAsync(cancellationToken);
        LogCreated(course.Code, actor.UserId);
        return AuthoringResult.Ok(course.Id);
    }

    /// <summary>What the editor shows, or null when the course does not exist or belongs to someone else.</summary>
    public async Task<CourseEditorModel?> GetEditorAsync(AuthoringActor actor, int courseId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var course = await LoadAsync(db, actor, courseId, tracking: false, cancellationToken);
        if (course is null)
        {
            return null;
        }

        var version = course.WorkingCopy ?? course.Versions.OrderByDescending(v => v.Number).First();
        return new CourseEditorModel(
            course.Id,
            course.Code,
            version.Number,
            version.Status,
            version.Title,
            version.Summary,
            version.OccupationId,
            version.SkillLevel,
            version.VoucherEligible,
            version.VoucherRequired,
            version.ReviewComment,
            version.CoverPath,
            course.IsListed,
            EditorModule.ListOf(version),
            EditorQuestion.ListOf(version),
            version.FinalExam);
    }

    public Task<AuthoringResult> StartNewVersionAsync(AuthoringActor actor, int courseId, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, courseId, requireEditable: false, (course, _) =>
        {
            if (course.WorkingCopy is not null || !course.IsListed)
            {
                return AuthoringResult.Fail(localizer["Authoring.VersionInProgress"]);
            }

            course.StartNewVersion(timeProvider.GetUtcNow());
            return AuthoringResult.Ok();
        }, cancellationToken);

    public Task<AuthoringResult> DescribeAsync(AuthoringActor actor, int courseId, string title, string summary, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, courseId, requireEditable: true, (_, version) =>
        {
            if (string.IsNullOrWhiteSpace(title) || title.Length > Course.MaxTitleLength)
            {
                return AuthoringResult.Fail(localizer["Authoring.TitleRequired"], "Title");
            }

            if (string.IsNullOrWhiteSpace(summary) || summary.Length > Course.MaxSummaryLength)
            {
                return AuthoringResult.Fail(localizer["Authoring.SummaryRequired"], "Summary");
            }

            version!.Describe(title, summary);
            return AuthoringResult.Ok();
        }, cancellationToken);

    /// <summary>Occupation, level and voucher eligibility of the working copy; the catalog shows them once it is published.</summary>
    public async Task<AuthoringResult> ClassifyAsync(
        AuthoringActor actor, int courseId, int occupationId, SkillLevel level, bool voucherEligible, bool voucherRequired, CancellationToken cancellationToken = default)
    {
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            if (!Enum.IsDefined(level) || !await db.Occupations.AnyAsync(o => o.Id == occupationId, cancellationToken))
            {
                return AuthoringResult.Fail(localizer["Authoring.OccupationRequired"], nameof(CourseDraftRequest.OccupationId));
            }
        }

        return await ChangeAsync(actor, courseId, requireEditable: true, (_, version) =>
        {
            version!.Classify(occupationId, level, voucherEligible);
            version.RequireVoucher(voucherRequired);
            return AuthoringResult.Ok();
        }, cancellationToken);
    }

    public Task<AuthoringResult> AddModuleAsync(AuthoringActor actor, int courseId, string title, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, courseId, requireEditable: true, (_, version) =>
        {
            if (string.IsNullOrWhiteSpace(title) || title.Length > Course.MaxTitleLength)
            {
                return AuthoringResult.Fail(localizer["Authoring.TitleRequired"], "Title");
            }

            var number = version!.Modules.Count + 1;
            while (version.Modules.Any(m => m.Tag == $"m{number}"))
            {
                number++;
            }

            version.AddModule(title.Trim(), $"m{number}");
            return AuthoringResult.Ok();
        }, cancellationToken);

    public Task<AuthoringResult> RenameModuleAsync(AuthoringActor actor, int courseId, int moduleId, string title, CancellationToken cancellationToken = default) =>
        ChangeModuleAsync(actor, courseId, moduleId, (_, module) =>
        {
            if (string.IsNullOrWhiteSpace(title) || title.Length > Course.MaxTitleLength)
            {
                return AuthoringResult.Fail(localizer["Authoring.TitleRequired"], "Title");
            }

            module.Rename(title);
            return AuthoringResult.Ok();
        }, cancellationToken);

    public Task<AuthoringResult> MoveModuleAsync(AuthoringActor actor, int courseId, int moduleId, int direction, CancellationToken cancellationToken = default) =>
        ChangeModuleAsync(actor, courseId, moduleId, (version, module) =>
        {
            version.MoveModule(module, direction);
            return AuthoringResult.Ok();
        }, cancellationToken);

    public Task<AuthoringResult> DeleteModuleAsync(AuthoringActor actor, int courseId, int moduleId, CancellationToken cancellationToken = default) =>
        ChangeModuleAsync(actor, courseId, moduleId, (version, module) =>
        {
            if (version.Questions.Any(q => q.Tag == module.Tag))
            {
                return AuthoringResult.Fail(localizer["Authoring.ModuleHasQuestions"]);
            }

            version.RemoveModule(module);
            return AuthoringResult.Ok();
        }, cancellationToken);

    public async Task<AuthoringResult> SaveLessonAsync(AuthoringActor actor, int courseId, int moduleId, LessonDraft draft, CancellationToken cancellationToken = default)
    {
        var validation = await lessonValidator.ValidateAsync(draft, cancellationToken);
        if (!validation.IsValid)
        {
            return AuthoringResult.Fail(validation.Errors);
        }

        return await ChangeAsync(actor, courseId, requireEditable: true, (course, version) =>
        {
            var module = version!.Modules.SingleOrDefault(m => m.Id == moduleId);
            if (module is null)
            {
                return AuthoringResult.Fail(localizer["Authoring.NotFound"]);
            }

            if (draft.MediaPath is not null && !IsCourseFile(course, draft.MediaPath))
            {
                return AuthoringResult.Fail(localizer["Upload.Missing"], nameof(LessonDraft.MediaPath));
            }

            var lesson = draft.LessonId is { } id ? module.Lessons.SingleOrDefault(l => l.Id == id) : null;
            if (draft.LessonId is not null && lesson is null)
            {
                return AuthoringResult.Fail(localizer["Authoring.NotFound"]);
            }

            lesson ??= module.AddLesson(new Lesson(Guid.NewGuid(), draft.Title, draft.Kind, draft.NominalMinutes, draft.RequiredMinutes));
            lesson.Describe(draft.Title, draft.Kind, draft.NominalMinutes, draft.RequiredMinutes);
            lesson.Markdown = draft.Kind == LessonKind.Article ? draft.Markdown : null;
            lesson.VideoUrl = draft.Kind == LessonKind.Video && draft.MediaPath is null ? draft.VideoUrl : null;
            lesson.VideoSeconds = draft.Kind == LessonKind.Video ? draft.VideoSeconds : null;
            lesson.MediaPath = draft.Kind == LessonKind.Article ? null : draft.MediaPath;
            return AuthoringResult.Ok();
        }, cancellationToken);
    }

    /// <summary>
    /// Stores an uploaded cover, video or PDF for the course's working copy after checking its type (extension
    /// and first bytes) and size; returns the store path to put on the lesson or cover.
    /// </summary>
    public async Task<MediaUploadResult> UploadMediaAsync(
        AuthoringActor actor, int courseId, MediaKind kind, string fileName, Stream content, CancellationToken cancellationToken = default)
    {
        var options = uploads.Value;
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (!options.Extensions(kind).Contains(extension))
        {
            return MediaUploadResult.Fail(localizer["Upload.TypeNotAllowed", string.Join(", ", options.Extensions(kind))]);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var course = await LoadAsync(db, actor, courseId, tracking: false, cancellationToken);
        if (course?.WorkingCopy is not { IsEditable: true })
        {
            return MediaUploadResult.Fail(localizer[course is null ? "Authoring.NotFound" : "Authoring.NotEditable"]);
        }

        var limit = options.MaxBytes(kind);
        string path;
        try
        {
            path = await fileStore.SaveAsync(CourseFolder(course), fileName, new LengthLimitedStream(content, limit), cancellationToken);
        }
        catch (UploadTooLargeException)
        {
            return MediaUploadResult.Fail(localizer["Upload.TooLarge", limit / 1024 / 1024]);
        }
        try
        {
            await using var stored = fileStore.OpenRead(path)!;
            var header = new byte[MediaSignature.HeaderLength];
            var read = await stored.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken);
            if (!MediaSignature.Matches(extension, header.AsMemory(0, read)))
            {
                await fileStore.DeleteAsync(path, cancellationToken);
                return MediaUploadResult.Fail(localizer["Upload.ContentMismatch", extension]);
            }
        }
        catch
        {
            await fileStore.DeleteAsync(path, CancellationToken.None);
            throw;
        }

        return new MediaUploadResult(path, null);
    }

    public Task<AuthoringResult> SetCoverAsync(AuthoringActor actor, int courseId, string coverPath, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, courseId, requireEditable: true, (course, version) =>
        {
            if (!IsCourseFile(course, coverPath) || !uploads.Value.ImageExtensions.Contains(Path.GetExtension(coverPath)))
            {
                return AuthoringResult.Fail(localizer["Upload.Missing"]);
            }

            version!.CoverPath = coverPath;
            return AuthoringResult.Ok();
        }, cancellationToken);

    private static string CourseFolder(Course course) => $"courses/{course.Code.ToLowerInvariant()}";

    // Only files this course uploaded: a path from elsewhere must not be smuggled into a lesson.
    private bool IsCourseFile(Course course, string path) =>
        path.StartsWith(CourseFolder(course) + "/", StringComparison.Ordinal) && !path.Contains("..", StringComparison.Ordinal)
        && fileStore.Exists(path);

    public Task<AuthoringResult> MoveLessonAsync(AuthoringActor actor, int courseId, int moduleId, int lessonId, int direction, CancellationToken cancellationToken = default) =>
        ChangeModuleAsync(actor, courseId, moduleId, (_, module) =>
        {
            var lesson = module.Lessons.SingleOrDefault(l => l.Id == lessonId);
            if (lesson is null)
            {
                return AuthoringResult.Fail(localizer["Authoring.NotFound"]);
            }

            module.MoveLesson(lesson, direction);
            return AuthoringResult.Ok();
        }, cancellationToken);

    public Task<AuthoringResult> DeleteLessonAsync(AuthoringActor actor, int courseId, int moduleId, int lessonId, CancellationToken cancellationToken = default) =>
        ChangeModuleAsync(actor, courseId, moduleId, (_, module) =>
        {
            var lesson = module.Lessons.SingleOrDefault(l => l.Id == lessonId);
            if (lesson is null)
            {
                return AuthoringResult.Fail(localizer["Authoring.NotFound"]);
            }

            module.RemoveLesson(lesson);
            return AuthoringResult.Ok();
        }, cancellationToken);

    public async Task<AuthoringResult> SaveQuestionAsync(AuthoringActor actor, int courseId, QuestionDraft draft, CancellationToken cancellationToken = default)
    {
        var validation = await questionValidator.ValidateAsync(draft, cancellationToken);
        if (!validation.IsValid)
        {
            return AuthoringResult.Fail(validation.Errors);
        }

        return await ChangeAsync(actor, courseId, requireEditable: true, (_, version) =>
        {
            if (version!.Modules.All(m => m.Tag != draft.Tag))
            {
                return AuthoringResult.Fail(localizer["Authoring.ModuleRequired"], nameof(QuestionDraft.Tag));
            }

            var options = draft.Type == QuestionType.TrueFalse
                ? [(localizer["Question.True"].Value, draft.StatementIsTrue), (localizer["Question.False"].Value, !draft.StatementIsTrue)]
                : draft.Options.Where(o => !string.IsNullOrWhiteSpace(o.Text)).Select(o => (o.Text, o.IsCorrect)).ToList();
            var question = draft.QuestionId is { } id ? version.Questions.SingleOrDefault(q => q.Id == id) : null;
            if (draft.QuestionId is not null && question is null)
            {
                return AuthoringResult.Fail(localizer["Authoring.NotFound"]);
            }

            if (question is null)
            {
                question = new Question(Guid.NewGuid(), draft.Type, draft.Tag, draft.Stem, draft.Explanation);
                version.AddQuestion(question);
            }

            question.Rewrite(draft.Type, draft.Tag, draft.Stem, draft.Explanation, options);
            return AuthoringResult.Ok();
        }, cancellationToken);
    }

    public Task<AuthoringResult> DeleteQuestionAsync(AuthoringActor actor, int courseId, int questionId, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, courseId, requireEditable: true, (_, version) =>
        {
            var question = version!.Questions.SingleOrDefault(q => q.Id == questionId);
            if (question is null)
            {
                return AuthoringResult.Fail(localizer["Authoring.NotFound"]);
            }

            version.RemoveQuestion(question);
            return AuthoringResult.Ok();
        }, cancellationToken);

    /// <summary>
    /// Sets, changes or (with a null draft) removes a module's end-of-module quiz on the working copy. It draws from the
    /// questions tagged with the module's tag, so it may not ask for more than the bank has.
    /// </summary>
    public async Task<AuthoringResult> SetModuleQuizAsync(
        AuthoringActor actor, int courseId, int moduleId, QuizSettingsDraft? draft, CancellationToken cancellationToken = default)
    {
        if (draft is not null && await quizValidator.ValidateAsync(draft, cancellationToken) is { IsValid: false } validation)
        {
            return AuthoringResult.Fail(validation.Errors);
        }

        return await ChangeModuleAsync(actor, courseId, moduleId, (version, module) =>
        {
            if (draft is not null && ShortOfQuestions(draft.QuestionCount, version.Questions.Count(q => q.Tag == module.Tag)) is { } shortage)
            {
                return shortage;
            }

            module.Quiz = draft?.ToSettings();
            return AuthoringResult.Ok();
        }, cancellationToken);
    }

    /// <summary>Sets, changes or (with a null draft) removes the course's final exam, which draws from the whole bank.</summary>
    public async Task<AuthoringResult> SetFinalExamAsync(
        AuthoringActor actor, int courseId, QuizSettingsDraft? draft, CancellationToken cancellationToken = default)
    {
        if (draft is not null && await quizValidator.ValidateAsync(draft, cancellationToken) is { IsValid: false } validation)
        {
            return AuthoringResult.Fail(validation.Errors);
        }

        return await ChangeAsync(actor, courseId, requireEditable: true, (_, version) =>
        {
            if (draft is not null && ShortOfQuestions(draft.QuestionCount, version!.Questions.Count) is { } shortage)
            {
                return shortage;
            }

            version!.FinalExam = draft?.ToSettings();
            return AuthoringResult.Ok();
        }, cancellationToken);
    }

    private AuthoringResult? ShortOfQuestions(int questionCount, int bankSize) =>
        questionCount > bankSize
            ? AuthoringResult.Fail(localizer["Quiz.Settings.NotEnoughQuestions", questionCount, bankSize], nameof(QuizSettingsDraft.QuestionCount))
            : null;

    /// <summary>Sends the working copy to review once it has content in every module and every quiz can draw its questions.</summary>
    public Task<AuthoringResult> SubmitAsync(AuthoringActor actor, int courseId, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, courseId, requireEditable: true, (_, version) =>
        {
            if (version!.Modules.Count == 0 || version.Modules.Any(m => m.Lessons.Count == 0))
            {
                return AuthoringResult.Fail(localizer["Authoring.EmptyModule"]);
            }

            // Questions deleted after a quiz was set could leave it unable to draw; say which quiz before review does.
            var shortModule = version.Modules.OrderBy(m => m.Position)
                .FirstOrDefault(m => m.Quiz is { } quiz && quiz.QuestionCount > version.Questions.Count(q => q.Tag == m.Tag));
            if (shortModule is not null)
            {
                return AuthoringResult.Fail(localizer["Quiz.Settings.ModuleQuizShort", shortModule.Title, shortModule.Quiz!.QuestionCount]);
            }

            if (version.FinalExam is { } finalExam && finalExam.QuestionCount > version.Questions.Count)
            {
                return AuthoringResult.Fail(localizer["Quiz.Settings.FinalExamShort", finalExam.QuestionCount, version.Questions.Count]);
            }

            version.Submit(timeProvider.GetUtcNow());
            return AuthoringResult.Ok();
        }, cancellationToken);

    /// <summary>The latest version for a package export: the owner's own course, or any course for staff.</summary>
    public async Task<CourseExport?> GetExportAsync(AuthoringActor actor, int courseId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var course = await db.Courses.AsNoTracking()
            .Include(c => c.Versions).ThenInclude(v => v.Modules).ThenInclude(m => m.Lessons)
            .Include(c => c.Versions).ThenInclude(v => v.Questions).ThenInclude(q => q.Options)
            .Include(c => c.Versions).ThenInclude(v => v.Instructors)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == courseId, cancellationToken);
        if (course is null || (!actor.IsStaff && course.OwnerId != actor.UserId))
        {
            return null;
        }

        var version = course.Versions.OrderByDescending(v => v.Number).First();
        var occupationCode = await db.Occupations.Where(o => o.Id == version.OccupationId).Select(o => o.Code).SingleAsync(cancellationToken);
        return new CourseExport(course, version, occupationCode);
    }

    private Task<AuthoringResult> ChangeModuleAsync(
        AuthoringActor actor, int courseId, int moduleId, Func<CourseVersion, CourseModule, AuthoringResult> change, CancellationToken cancellationToken) =>
        ChangeAsync(actor, courseId, requireEditable: true, (_, version) =>
        {
            var module = version!.Modules.SingleOrDefault(m => m.Id == moduleId);
            return module is null ? AuthoringResult.Fail(localizer["Authoring.NotFound"]) : change(version, module);
        }, cancellationToken);

    /// <summary>Loads the actor's course, applies one change to it and saves; a failed change writes nothing.</summary>
    private async Task<AuthoringResult> ChangeAsync(
        AuthoringActor actor, int courseId, bool requireEditable, Func<Course, CourseVersion?, AuthoringResult> change, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var course = await LoadAsync(db, actor, courseId, tracking: true, cancellationToken);
        if (course is null)
        {
            return AuthoringResult.Fail(localizer["Authoring.NotFound"]);
        }

        var version = course.WorkingCopy;
        if (requireEditable && version is not { IsEditable: true })
        {
            return AuthoringResult.Fail(localizer["Authoring.NotEditable"]);
        }

        var result = change(course, version);
        if (!result.Succeeded)
        {
            return result;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone changed the version's state (e.g. submitted it in another tab) since it was loaded.
            return AuthoringResult.Fail(localizer["Authoring.ChangedMeanwhile"]);
        }

        return result;
    }

    private static async Task<Course?> LoadAsync(SkillsAcademyDbContext db, AuthoringActor actor, int courseId, bool tracking, CancellationToken cancellationToken)
    {
        var query = db.Courses
            .Include(c => c.Versions).ThenInclude(v => v.Modules).ThenInclude(m => m.Lessons)
            .Include(c => c.Versions).ThenInclude(v => v.Questions).ThenInclude(q => q.Options)
            .Include(c => c.Versions).ThenInclude(v => v.Instructors)
            .AsSplitQuery();
        var course = await (tracking ? query : query.AsNoTracking()).SingleOrDefaultAsync(c => c.Id == courseId, cancellationToken);
        // Another instructor's course looks exactly like a missing one.
        return course is not null && course.OwnerId == actor.UserId ? course : null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Course {Code} created by instructor {UserId}")]
    private partial void LogCreated(string code, Guid userId);
}

public sealed record MediaUploadResult(string? Path, string? Error)
{
    public static MediaUploadResult Fail(string error) => new(null, error);
}

public sealed record CourseExport(Course Course, CourseVersion Version, string OccupationCode);

public sealed record AuthoredCourse(int Id, string Code, string Title, int VersionNumber, CourseVersionStatus Status, bool IsListed);

public sealed record CourseEditorModel(
    int CourseId,
    string Code,
    int VersionNumber,
    CourseVersionStatus Status,
    string Title,
    string Summary,
    int OccupationId,
    SkillLevel Level,
    bool VoucherEligible,
    bool VoucherRequired,
    string? ReviewComment,
    string? CoverPath,
    bool IsListed,
    IReadOnlyList<EditorModule> Modules,
    IReadOnlyList<EditorQuestion> Questions,
    QuizSettings? FinalExam)
{
    public bool IsEditable => CourseVersionTransitions.IsEditable(Status);
}

public sealed record EditorModule(int Id, string Title, string Tag, IReadOnlyList<EditorLesson> Lessons, QuizSettings? Quiz = null)
{
    /// <summary>A version's syllabus in order, as the editor and the reviewer see it.</summary>
    public static IReadOnlyList<EditorModule> ListOf(CourseVersion version) =>
        version.Modules.OrderBy(m => m.Position).Select(m => new EditorModule(
            m.Id, m.Title, m.Tag,
            m.Lessons.OrderBy(l => l.Position).Select(l => new EditorLesson(
                l.Id, l.Title, l.Kind, l.Markdown, l.VideoUrl, l.VideoSeconds, l.NominalMinutes, l.RequiredMinutes, l.MediaPath)).ToList(),
            m.Quiz)).ToList();
}

public sealed record EditorLesson(int Id, string Title, LessonKind Kind, string? Markdown, string? VideoUrl, int? VideoSeconds, int NominalMinutes, int RequiredMinutes, string? MediaPath = null);

public sealed record EditorQuestion(int Id, QuestionType Type, string Tag, string Stem, string Explanation, IReadOnlyList<EditorOption> Options)
{
    /// <summary>A version's question bank with its answers: only for the author and the reviewer.</summary>
    public static IReadOnlyList<EditorQuestion> ListOf(CourseVersion version) =>
        version.Questions.OrderBy(q => q.Id).Select(q => new EditorQuestion(
            q.Id, q.Type, q.Tag, q.Stem, q.Explanation,
            q.Options.OrderBy(o => o.Position).Select(o => new EditorOption(o.Text, o.IsCorrect)).ToList())).ToList();
}

public sealed record EditorOption(string Text, bool IsCorrect);
