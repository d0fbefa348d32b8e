using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillsAcademy.Domain.Assessment;
using SkillsAcademy.Domain.Catalog;
using SkillsAcademy.Domain.People;
using SkillsAcademy.Infrastructure.Identity;
using SkillsAcademy.Infrastructure.Persistence;
using SkillsAcademy.TestUtilities;
using SkillsAcademy.Web.Features.Authoring;
using SkillsAcademy.Web.Features.Authoring.Packages;

namespace SkillsAcademy.IntegrationTests.Features.Authoring;

/// <summary>Quizzes and final exams set by instructors: in packages, in the editor, and in review.</summary>
public sealed class QuizAuthoringTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly PackageQuiz ModuleQuiz = new() { QuestionCount = 2, PassPercent = 60, TimeLimitMinutes = 15, AttemptsAllowed = 3, Review = "AfterEachAttempt" };
    private static readonly PackageQuiz FinalExam = new() { QuestionCount = 3, PassPercent = 70, TimeLimitMinutes = 45, AttemptsAllowed = 0, Review = "AfterPassing" };

    private T Service<T>() where T : notnull => app.Factory.Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    private static CoursePackage WithQuizzes(string code)
    {
        var package = CoursePackages.Valid(code);
        var modules = package.Modules!.ToList();
        modules[0] = modules[0] with { Quiz = ModuleQuiz };
        return package with { Modules = modules, FinalExam = FinalExam };
    }

    private async Task<AuthoringActor> InstructorAsync(string account)
    {
        using var scope = app.Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByNameAsync(account);
        if (user is null)
        {
            user = new ApplicationUser { UserName = account, Email = account, DisplayName = "另一位讲师", CreatedAt = DateTimeOffset.UtcNow };
            (await users.CreateAsync(user, "Other2026")).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(user, Roles.Instructor)).Succeeded.ShouldBeTrue();
        }

        return new AuthoringActor(user.Id, IsStaff: false);
    }

    private async Task<CourseImportResult> ImportAsync(CoursePackage package, Guid? ownerId, bool publish = false, CoursePackageSource? source = null) =>
        await Service<CourseImportService>().ImportAsync(source ?? CoursePackages.Source(package), new CourseImportOptions(publish, ownerId), TestContext.Current.CancellationToken);

    private async Task<CourseVersion> LatestVersionAsync(int courseId)
    {
        var factory = app.Factory.Services.GetRequiredService<IDbContextFactory<SkillsAcademyDbContext>>();
        await using var db = await factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        return await db.CourseVersions.Include(v => v.Modules).Where(v => v.CourseId == courseId).OrderByDescending(v => v.Number)
            .FirstAsync(TestContext.Current.CancellationToken);
    }

    private static (int, int, int, int, ReviewPolicy)? Values(QuizSettings? s) =>
        s is null ? null : (s.QuestionCount, s.PassPercent, s.TimeLimitMinutes, s.AttemptsAllowed, s.Review);

    [Fact]
    public async Task An_imported_package_sets_the_module_quiz_and_the_final_exam()
    {
        var result = await ImportAsync(WithQuizzes("QUIZ-IMPORT"), ownerId: null);

        result.Errors.ShouldBeEmpty();
        var version = await LatestVersionAsync(result.CourseId!.Value);
        var modules = version.Modules.OrderBy(m => m.Position).ToList();
        Values(modules[0].Quiz).ShouldBe((2, 60, 15, 3, ReviewPolicy.AfterEachAttempt));
        modules[1].Quiz.ShouldBeNull();
        Values(version.FinalExam).ShouldBe((3, 70, 45, 0, ReviewPolicy.AfterPassing));
    }

    [Fact]
    public async Task A_package_whose_quiz_outdraws_its_tag_is_refused_with_the_path_and_writes_nothing()
    {
        var package = WithQuizzes("QUIZ-SHORT");
        var modules = package.Modules!.ToList();
        modules[1] = modules[1] with { Quiz = ModuleQuiz with { QuestionCount = 5 } };

        var result = await LocalizerCulture.InChineseAsync(() => ImportAsync(package with { Modules = modules }, ownerId: null));

        result.Errors.Select(e => e.ToString()).ShouldBe(["modules[1].quiz.questionCount: 要抽 5 道题，但题库中 tag 为“arc”的题只有 1 道。"]);
        result.CourseId.ShouldBeNull();
    }

    [Fact]
    public async Task An_exported_package_carries_the_quizzes_and_imports_back_the_same()
    {
        var author = await InstructorAsync(SkillsAcademyWebFactory.InstructorAccount);
        var imported = await ImportAsync(WithQuizzes("QUIZ-EXPORT"), author.UserId);
        imported.Errors.ShouldBeEmpty();
        var export = (await Service<AuthoringService>().GetExportAsync(author, imported.CourseId!.Value, TestContext.Current.CancellationToken)).ShouldNotBeNull();
        using var zip = new MemoryStream();

        await Service<CoursePackageWriter>().WriteZipAsync(export.Course, export.Version, export.OccupationCode, zip, TestContext.Current.CancellationToken);

        zip.Position = 0;
        var source = CoursePackageSource.FromZip(zip);
        var manifest = JsonSerializer.Deserialize<CoursePackage>(source.ReadText(CoursePackage.ManifestFile), CoursePackage.JsonOptions)!;
        manifest.Modules![0].Quiz.ShouldBe(ModuleQuiz);
        manifest.Modules[1].Quiz.ShouldBeNull();
        manifest.FinalExam.ShouldBe(FinalExam);
        source.ReadText(CoursePackage.ManifestFile).ShouldContain("\"review\": \"AfterPassing\"");

        var copy = JsonSerializer.SerializeToUtf8Bytes(manifest with { Code = "QUIZ-EXPORT-COPY" }, CoursePackage.JsonOptions);
        var files = source.Paths.ToDictionary(p => p, p => p == CoursePackage.ManifestFile ? copy : source.Read(p));
        var again = await ImportAsync(manifest, ownerId: null, source: CoursePackageSource.FromFiles(files));
        again.Errors.ShouldBeEmpty();
        var version = await LatestVersionAsync(again.CourseId!.Value);
        Values(version.Modules.OrderBy(m => m.Position).First().Quiz).ShouldBe((2, 60, 15, 3, ReviewPolicy.AfterEachAttempt));
        Values(version.FinalExam).ShouldBe((3, 70, 45, 0, ReviewPolicy.AfterPassing));
    }

    [Fact]
    public async Task The_owner_sets_changes_and_removes_a_module_quiz_and_the_final_exam()
    {
        var author = await InstructorAsync(SkillsAcademyWebFactory.InstructorAccount);
        var courseId = (await ImportAsync(CoursePackages.Valid("QUIZ-EDIT"), author.UserId)).CourseId!.Value;
        var authoring = Service<AuthoringService>();
        var safety = (await authoring.GetEditorAsync(author, courseId))!.Modules.Single(m => m.Tag == "safety");

        (await authoring.SetModuleQuizAsync(author, courseId, safety.Id, new QuizSettingsDraft { QuestionCount = 2 })).Errors.ShouldBeEmpty();
        (await authoring.SetModuleQuizAsync(author, courseId, safety.Id, new QuizSettingsDraft { QuestionCount = 1, PassPercent = 100, AttemptsAllowed = 0, Review = ReviewPolicy.Never })).Errors.ShouldBeEmpty();
        (await authoring.SetFinalExamAsync(author, courseId, new QuizSettingsDraft { QuestionCount = 3, TimeLimitMinutes = 45 })).Errors.ShouldBeEmpty();

        var editor = (await authoring.GetEditorAsync(author, courseId))!;
        Values(editor.Modules.Single(m => m.Tag == "safety").Quiz).ShouldBe((1, 100, 15, 0, ReviewPolicy.Never));
        Values(editor.FinalExam).ShouldBe((3, 60, 45, 3, ReviewPolicy.AfterEachAttempt));

        (await authoring.SetModuleQuizAsync(author, courseId, safety.Id, null)).Errors.ShouldBeEmpty();
        (await authoring.SetFinalExamAsync(author, courseId, null)).Errors.ShouldBeEmpty();

        var version = await LatestVersionAsync(courseId);
        version.Modules.ShouldAllBe(m => m.Quiz == null);
        version.FinalExam.ShouldBeNull();
    }

    [Fact]
    public async Task A_quiz_cannot_draw_more_questions_than_the_bank_has_and_a_bad_setting_is_named()
    {
        var author = await InstructorAsync(SkillsAcademyWebFactory.InstructorAccount);
        var courseId = (await ImportAsync(CoursePackages.Valid("QUIZ-BANK"), author.UserId)).CourseId!.Value;
        var authoring = Service<AuthoringService>();
        var arc = (await authoring.GetEditorAsync(author, courseId))!.Modules.Single(m => m.Tag == "arc");

        var tooMany = await LocalizerCulture.InChineseAsync(() => authoring.SetModuleQuizAsync(author, courseId, arc.Id, new QuizSettingsDraft { QuestionCount = 2 }));
        var finalTooMany = await authoring.SetFinalExamAsync(author, courseId, new QuizSettingsDraft { QuestionCount = 4 });
        var badPass = await authoring.SetFinalExamAsync(author, courseId, new QuizSettingsDraft { QuestionCount = 3, PassPercent = 0 });

        tooMany.Errors.Keys.ShouldBe([nameof(QuizSettingsDraft.QuestionCount)]);
        tooMany.Errors[nameof(QuizSettingsDraft.QuestionCount)].ShouldBe(["抽题数 2 多于题库中的 1 道题，请减少抽题数或先补充题目。"]);
        finalTooMany.Errors.Keys.ShouldBe([nameof(QuizSettingsDraft.QuestionCount)]);
        badPass.Errors.Keys.ShouldBe([nameof(QuizSettingsDraft.PassPercent)]);
        var version = await LatestVersionAsync(courseId);
        version.Modules.ShouldAllBe(m => m.Quiz == null);
        version.FinalExam.ShouldBeNull();
    }

    [Fact]
    public async Task Another_instructor_can_neither_set_nor_remove_a_quiz()
    {
        var author = await InstructorAsync(SkillsAcademyWebFactory.InstructorAccount);
        var stranger = await InstructorAsync("quiz-stranger@example.cn");
        var courseId = (await ImportAsync(WithQuizzes("QUIZ-FOREIGN"), author.UserId)).CourseId!.Value;
        var authoring = Service<AuthoringService>();
        var safety = (await authoring.GetEditorAsync(author, courseId))!.Modules.Single(m => m.Tag == "safety");

        var change = await authoring.SetModuleQuizAsync(stranger, courseId, safety.Id, new QuizSettingsDraft { QuestionCount = 1 });
        var remove = await authoring.SetFinalExamAsync(stranger, courseId, null);

        change.Succeeded.ShouldBeFalse();
        remove.Succeeded.ShouldBeFalse();
        var version = await LatestVersionAsync(courseId);
        Values(version.Modules.Single(m => m.Tag == "safety").Quiz).ShouldBe((2, 60, 15, 3, ReviewPolicy.AfterEachAttempt));
        Values(version.FinalExam).ShouldBe((3, 70, 45, 0, ReviewPolicy.AfterPassing));
    }

    [Fact]
    public async Task A_published_version_cannot_have_its_quiz_changed()
    {
        var author = await InstructorAsync(SkillsAcademyWebFactory.InstructorAccount);
        var courseId = (await ImportAsync(WithQuizzes("QUIZ-PUBLISHED"), author.UserId, publish: true)).CourseId!.Value;
        var authoring = Service<AuthoringService>();

        var result = await authoring.SetFinalExamAsync(author, courseId, null);

        result.Succeeded.ShouldBeFalse();
        (await LatestVersionAsync(courseId)).FinalExam.ShouldNotBeNull();
    }

    [Fact]
    public async Task Submitting_is_refused_while_a_quiz_cannot_draw_its_questions()
    {
        var author = await InstructorAsync(SkillsAcademyWebFactory.InstructorAccount);
        var courseId = (await ImportAsync(WithQuizzes("QUIZ-SUBMIT"), author.UserId)).CourseId!.Value;
        var authoring = Service<AuthoringService>();
        var editor = (await authoring.GetEditorAsync(author, courseId))!;
        (await authoring.DeleteQuestionAsync(author, courseId, editor.Questions.First(q => q.Tag == "safety").Id)).Errors.ShouldBeEmpty();

        var refused = await authoring.SubmitAsync(author, courseId);

        refused.Succeeded.ShouldBeFalse();
        (await authoring.GetEditorAsync(author, courseId))!.Status.ShouldBe(CourseVersionStatus.Draft);
        var safety = editor.Modules.Single(m => m.Tag == "safety");
        (await authoring.SetModuleQuizAsync(author, courseId, safety.Id, new QuizSettingsDraft { QuestionCount = 1 })).Errors.ShouldBeEmpty();
        (await authoring.SetFinalExamAsync(author, courseId, new QuizSettingsDraft { QuestionCount = 2 })).Errors.ShouldBeEmpty();
        (await authoring.SubmitAsync(author, courseId)).Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_reviewer_sees_the_quiz_settings_of_a_submitted_version()
    {
        var author = await InstructorAsync(SkillsAcademyWebFactory.InstructorAccount);
        var courseId = (await ImportAsync(WithQuizzes("QUIZ-REVIEW"), author.UserId)).CourseId!.Value;
        (await Service<AuthoringService>().SubmitAsync(author, courseId)).Errors.ShouldBeEmpty();
        var versionId = (await LatestVersionAsync(courseId)).Id;

        var preview = (await Service<CourseReviewService>().GetPreviewAsync(versionId)).ShouldNotBeNull();

        Values(preview.Modules.Single(m => m.Tag == "safety").Quiz).ShouldBe((2, 60, 15, 3, ReviewPolicy.AfterEachAttempt));
        Values(preview.FinalExam).ShouldBe((3, 70, 45, 0, ReviewPolicy.AfterPassing));
    }

    [Fact]
    public async Task Every_sample_module_has_a_quiz_and_every_sample_course_a_final_exam()
    {
        var factory = app.Factory.Services.GetRequiredService<IDbContextFactory<SkillsAcademyDbContext>>();
        await using var db = await factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        var samples = await db.CourseVersions.Include(v => v.Modules)
            .Where(v => v.Status == CourseVersionStatus.Published)
            .Join(db.Courses.Where(c => c.Code == "WELD-L5-SMAW" || c.Code == "FIT-L5-BENCH" || c.Code == "SHEET-L5-BASICS"), v => v.CourseId, c => c.Id, (v, _) => v)
            .ToListAsync(TestContext.Current.CancellationToken);

        samples.Count.ShouldBe(3);
        samples.SelectMany(v => v.Modules).ShouldAllBe(m => m.Quiz != null && m.Quiz.QuestionCount == 5);
        samples.ShouldAllBe(v => v.FinalExam != null && v.FinalExam.QuestionCount == 20 && v.FinalExam.Review == ReviewPolicy.AfterPassing);
    }
}
