using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillsAcademy.Domain.Catalog;
using SkillsAcademy.Infrastructure.Persistence;
using SkillsAcademy.TestUtilities;
using SkillsAcademy.Web.Features.Authoring;
using SkillsAcademy.Web.Features.Authoring.Packages;

namespace SkillsAcademy.IntegrationTests.Features.Authoring;

public sealed class CourseImportTests(AppFixture app) : IClassFixture<AppFixture>
{
    private async Task<CourseImportResult> ImportAsync(CoursePackageSource source, bool publish)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CourseImportService>()
            .ImportAsync(source, new CourseImportOptions(publish, OwnerId: null), TestContext.Current.CancellationToken);
    }

    private async Task<Course?> LoadAsync(string code)
    {
        var factory = app.Factory.Services.GetRequiredService<IDbContextFactory<SkillsAcademyDbContext>>();
        await using var db = await factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        return await db.Courses
            .Include(c => c.Versions).ThenInclude(v => v.Modules).ThenInclude(m => m.Lessons)
            .Include(c => c.Versions).ThenInclude(v => v.Questions).ThenInclude(q => q.Options)
            .Include(c => c.Versions).ThenInclude(v => v.Instructors)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Code == code, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_valid_package_imported_as_a_draft_is_stored_whole_but_not_listed()
    {
        var result = await ImportAsync(CoursePackages.Source(CoursePackages.Valid("IMPORT-DRAFT")), publish: false);

        result.Errors.ShouldBeEmpty();
        var course = (await LoadAsync("IMPORT-DRAFT")).ShouldNotBeNull();
        course.IsListed.ShouldBeFalse();
        var version = course.Versions.ShouldHaveSingleItem();
        version.Status.ShouldBe(CourseVersionStatus.Draft);
        version.Modules.Select(m => m.Lessons.Count).ShouldBe([2, 1]);
        version.Modules[0].Lessons.OrderBy(l => l.Position).First().Markdown.ShouldStartWith("## 防护用品");
        version.Questions.Count.ShouldBe(3);
        var trueFalse = version.Questions.Single(q => q.Type == QuestionType.TrueFalse);
        trueFalse.Options.OrderBy(o => o.Position).Select(o => o.IsCorrect).ShouldBe([false, true]);
        version.Instructors.ShouldHaveSingleItem().Honours.ShouldBe(InstructorHonours.Craftsman);
    }

    [Fact]
    public async Task A_broken_package_reports_each_problem_and_writes_nothing()
    {
        var package = CoursePackages.Valid("IMPORT-BROKEN");
        var modules = package.Modules!.ToList();
        modules[0] = modules[0] with { Lessons = [modules[0].Lessons![0] with { RequiredMinutes = 99 }] };
        var broken = package with { Modules = modules, OccupationCode = "0-00-00-00" };

        var result = await LocalizerCulture.InChineseAsync(() => ImportAsync(CoursePackages.Source(broken), publish: true));

        result.Succeeded.ShouldBeFalse();
        result.Errors.Select(e => e.ToString()).ShouldBe(
        [
            "occupationCode: 平台没有职业编码“0-00-00-00”。",
            "modules[0].lessons[0].requiredMinutes: 须在 1 到 nominalMinutes（20）之间。",
        ], ignoreOrder: true);
        (await LoadAsync("IMPORT-BROKEN")).ShouldBeNull();
    }

    [Fact]
    public async Task Malformed_json_is_reported_with_its_location()
    {
        var files = CoursePackages.Files(CoursePackages.Valid("IMPORT-JSON"));
        files[CoursePackage.ManifestFile] = "{ \"formatVersion\": 1, \"code\": \"IMPORT-JSON\", \"modules\": [ { \"lessons\": [ { \"nominalMinutes\": \"ten\" } ] } ] }"u8.ToArray();

        var result = await ImportAsync(CoursePackageSource.FromFiles(files), publish: true);

        result.Errors.ShouldHaveSingleItem().Path.ShouldBe("modules[0].lessons[0].nominalMinutes");
        (await LoadAsync("IMPORT-JSON")).ShouldBeNull();
    }

    [Fact]
    public async Task Republishing_archives_the_old_version_and_keeps_lesson_and_question_keys()
    {
        (await ImportAsync(CoursePackages.Source(CoursePackages.Valid("IMPORT-TWICE")), publish: true)).Errors.ShouldBeEmpty();
        var first = (await LoadAsync("IMPORT-TWICE"))!.Versions.Single();

        var result = await ImportAsync(CoursePackages.Source(CoursePackages.Valid("IMPORT-TWICE", title: "测试课程：焊接入门（第二版）")), publish: true);

        result.Errors.ShouldBeEmpty();
        var course = (await LoadAsync("IMPORT-TWICE"))!;
        course.ListingTitle.ShouldBe("测试课程：焊接入门（第二版）");
        course.Versions.OrderBy(v => v.Number).Select(v => v.Status)
            .ShouldBe([CourseVersionStatus.Archived, CourseVersionStatus.Published]);
        var second = course.Versions.Single(v => v.Number == 2);
        second.Modules.SelectMany(m => m.Lessons).Select(l => l.Key).Order()
            .ShouldBe(first.Modules.SelectMany(m => m.Lessons).Select(l => l.Key).Order());
        second.Questions.Select(q => q.Key).Order().ShouldBe(first.Questions.Select(q => q.Key).Order());
        second.Modules.SelectMany(m => m.Lessons).Select(l => l.Id)
            .Intersect(first.Modules.SelectMany(m => m.Lessons).Select(l => l.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_second_draft_while_one_is_in_progress_is_refused()
    {
        (await ImportAsync(CoursePackages.Source(CoursePackages.Valid("IMPORT-WIP")), publish: false)).Errors.ShouldBeEmpty();

        var result = await ImportAsync(CoursePackages.Source(CoursePackages.Valid("IMPORT-WIP")), publish: false);

        result.Errors.ShouldHaveSingleItem().Path.ShouldBe("code");
        (await LoadAsync("IMPORT-WIP"))!.Versions.Count.ShouldBe(1);
    }

    [Fact]
    public async Task The_same_new_course_imported_concurrently_is_created_once()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            Task.Run(() => ImportAsync(CoursePackages.Source(CoursePackages.Valid("IMPORT-RACE")), publish: true))));

        results.Count(r => r.Succeeded).ShouldBeGreaterThanOrEqualTo(1);
        var course = (await LoadAsync("IMPORT-RACE"))!;
        course.Versions.Count(v => v.Status == CourseVersionStatus.Published).ShouldBe(1);
        course.Versions.Count.ShouldBe(results.Count(r => r.Succeeded));
    }
}
