using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SkillsAcademy.Infrastructure.Identity;
using SkillsAcademy.TestUtilities;
using SkillsAcademy.Web.Features.Authoring;
using SkillsAcademy.Web.Features.Authoring.Packages;

namespace SkillsAcademy.IntegrationTests.Features.Authoring;

public sealed class PackageExchangeTests(AppFixture app) : IClassFixture<AppFixture>
{
    private async Task<Guid> UserIdAsync(string account)
    {
        using var scope = app.Factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync(account))!.Id;
    }

    private async Task<CourseImportResult> ImportAsync(CoursePackageSource source, CourseImportOptions options)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CourseImportService>().ImportAsync(source, options);
    }

    [Fact]
    public async Task An_exported_package_imports_back_with_the_same_content()
    {
        var instructor = await UserIdAsync(SkillsAcademyWebFactory.InstructorAccount);
        var imported = await ImportAsync(CoursePackages.Source(CoursePackages.Valid("EXPORT-ME")), new CourseImportOptions(false, instructor));
        imported.Errors.ShouldBeEmpty();
        using var client = app.Factory.CreateBrowserlessClient();
        (await client.LogInAsync(SkillsAcademyWebFactory.InstructorAccount, SkillsAcademyWebFactory.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        using var response = await client.GetAsync($"/authoring/courses/{imported.CourseId}/package");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/zip");
        var source = CoursePackageSource.FromZip(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var manifest = System.Text.Json.JsonSerializer.Deserialize<CoursePackage>(source.ReadText(CoursePackage.ManifestFile), CoursePackage.JsonOptions)!;
        var original = CoursePackages.Valid("EXPORT-ME");
        manifest.Title.ShouldBe(original.Title);
        manifest.Modules!.Select(m => m.Lessons!.Count).ShouldBe(original.Modules!.Select(m => m.Lessons!.Count));
        manifest.Questions!.Select(q => (q.Type, q.Stem, string.Join(",", q.Answer!)))
            .ShouldBe(original.Questions!.Select(q => (q.Type, q.Stem, string.Join(",", q.Answer!))));
        source.ReadText(manifest.Modules![0].Lessons![0].File!).ShouldStartWith("## 防护用品");

        var copy = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(manifest with { Code = "EXPORT-COPY" }, CoursePackage.JsonOptions);
        var files = source.Paths.ToDictionary(p => p, p => p == CoursePackage.ManifestFile ? copy : source.Read(p));
        (await ImportAsync(CoursePackageSource.FromFiles(files), new CourseImportOptions(true, null))).Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task Another_instructor_cannot_export_the_course()
    {
        var instructor = await UserIdAsync(SkillsAcademyWebFactory.InstructorAccount);
        var imported = await ImportAsync(CoursePackages.Source(CoursePackages.Valid("EXPORT-PRIVATE")), new CourseImportOptions(false, instructor));
        using var client = app.Factory.CreateBrowserlessClient();
        await client.LogInAsync(SkillsAcademyWebFactory.LearnerAccount, SkillsAcademyWebFactory.DemoPassword);

        using var asLearner = await client.GetAsync($"/authoring/courses/{imported.CourseId}/package");

        asLearner.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        asLearner.Headers.Location!.OriginalString.ShouldContain("access-denied");
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var stranger = new AuthoringActor(Guid.NewGuid(), IsStaff: false);
        (await scope.ServiceProvider.GetRequiredService<AuthoringService>().GetExportAsync(stranger, imported.CourseId!.Value)).ShouldBeNull();
    }

    [Fact]
    public async Task An_instructor_cannot_import_over_a_course_that_is_not_theirs()
    {
        var instructor = await UserIdAsync(SkillsAcademyWebFactory.InstructorAccount);

        var result = await ImportAsync(CoursePackages.Source(CoursePackages.Valid("WELD-L5-SMAW")), new CourseImportOptions(false, instructor));

        result.Errors.ShouldHaveSingleItem().Path.ShouldBe("code");
    }
}
