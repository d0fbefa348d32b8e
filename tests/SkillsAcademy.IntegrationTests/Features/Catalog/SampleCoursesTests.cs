using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillsAcademy.Domain.Catalog;
using SkillsAcademy.Infrastructure.Persistence;
using SkillsAcademy.TestUtilities;
using SkillsAcademy.Web.Features.Catalog;

namespace SkillsAcademy.IntegrationTests.Features.Catalog;

/// <summary>The courses in content-samples/ reach a fresh platform whole and listed.</summary>
public sealed class SampleCoursesTests(AppFixture app) : IClassFixture<AppFixture>
{
    public static TheoryData<string, string> Samples => new()
    {
        { "WELD-L5-SMAW", "6-18-02-04" },
        { "FIT-L5-BENCH", "6-20-01-01" },
        { "SHEET-L5-BASICS", "6-18-02-06" },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Each_sample_course_is_imported_published_and_substantive(string code, string occupationCode)
    {
        var factory = app.Factory.Services.GetRequiredService<IDbContextFactory<SkillsAcademyDbContext>>();
        await using var db = await factory.CreateDbContextAsync();

        var course = await db.Courses.Include(c => c.Occupation).SingleAsync(c => c.Code == code);
        var version = await db.CourseVersions
            .Include(v => v.Modules).ThenInclude(m => m.Lessons)
            .Include(v => v.Questions).ThenInclude(q => q.Options)
            .AsSplitQuery()
            .SingleAsync(v => v.CourseId == course.Id && v.Status == CourseVersionStatus.Published);

        course.Occupation!.Code.ShouldBe(occupationCode);
        version.Modules.Count.ShouldBeGreaterThanOrEqualTo(3);
        version.Modules.Sum(m => m.Lessons.Count).ShouldBeGreaterThanOrEqualTo(8);
        // Articles are substantive; a demonstration video is a real file in the package with its length.
        version.Modules.SelectMany(m => m.Lessons).ShouldAllBe(l =>
            (l.Kind == LessonKind.Article && l.Markdown!.Length > 600) || (l.Kind == LessonKind.Video && l.MediaPath != null && l.VideoSeconds > 0));
        version.Modules.SelectMany(m => m.Lessons).Count(l => l.Kind == LessonKind.Article).ShouldBeGreaterThanOrEqualTo(8);
        version.Questions.Count.ShouldBeGreaterThanOrEqualTo(30);
        version.Questions.Select(q => q.Type).Distinct().Count().ShouldBe(3);
        version.Questions.ShouldAllBe(q => q.Explanation.Length > 0 && q.Options.Any(o => o.IsCorrect));
    }

    [Fact]
    public async Task A_visitor_finds_the_welding_course_by_a_single_character()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();

        var result = await scope.ServiceProvider.GetRequiredService<CatalogService>().SearchAsync(new CourseSearch("焊"));

        result.Items.ShouldContain(c => c.Code == "WELD-L5-SMAW");
    }

    [Fact]
    public async Task A_restart_does_not_import_the_samples_again()
    {
        await using var second = new SkillsAcademyWebFactory(app.DataDirectory);
        second.Server.ShouldNotBeNull();

        var factory = second.Services.GetRequiredService<IDbContextFactory<SkillsAcademyDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        (await db.CourseVersions.CountAsync(v => v.CourseId == db.Courses.Single(c => c.Code == "WELD-L5-SMAW").Id)).ShouldBe(1);
    }
}
