using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SkillsAcademy.Domain.Catalog;
using SkillsAcademy.Infrastructure.Identity;
using SkillsAcademy.TestUtilities;
using SkillsAcademy.Web.Features.Authoring;
using SkillsAcademy.Web.Features.Catalog;

namespace SkillsAcademy.IntegrationTests.Features.Authoring;

public sealed class MediaUploadTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly byte[] Pdf = [.. "%PDF-1.4\n%\u00e2\u00e3\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8];

    private AuthoringService Authoring(SkillsAcademyWebFactory? factory = null) =>
        (factory ?? app.Factory).Services.CreateScope().ServiceProvider.GetRequiredService<AuthoringService>();

    private async Task<(AuthoringActor Author, int CourseId, int ModuleId)> NewCourseAsync(SkillsAcademyWebFactory? factory = null)
    {
        factory ??= app.Factory;
        using var scope = factory.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync(SkillsAcademyWebFactory.InstructorAccount);
        var actor = new AuthoringActor(user!.Id, IsStaff: false);
        var occupation = (await scope.ServiceProvider.GetRequiredService<CatalogService>().ListOccupationsAsync()).First();
        var created = await Authoring(factory).CreateCourseAsync(actor, new CourseDraftRequest
        {
            Title = "带附件的课程", Summary = "测试上传。", OccupationId = occupation.Id, InstructorName = "李建国",
        });
        var moduleId = (await Authoring(factory).GetEditorAsync(actor, created.Id!.Value))!.Modules.Single().Id;
        return (actor, created.Id!.Value, moduleId);
    }

    [Fact]
    public async Task A_pdf_lesson_is_stored_and_served_in_ranges()
    {
        var (author, courseId, moduleId) = await NewCourseAsync();

        var upload = await Authoring().UploadMediaAsync(author, courseId, MediaKind.Document, "安全规程.pdf", new MemoryStream(Pdf));
        upload.Error.ShouldBeNull();
        (await Authoring().SaveLessonAsync(author, courseId, moduleId, new LessonDraft
        {
            Title = "安全操作规程", Kind = LessonKind.Document, MediaPath = upload.Path, NominalMinutes = 15, RequiredMinutes = 10,
        })).Errors.ShouldBeEmpty();

        var lesson = (await Authoring().GetEditorAsync(author, courseId))!.Modules.Single().Lessons.Single();
        lesson.MediaPath.ShouldBe(upload.Path);
        using var client = app.Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/media/{upload.Path}");
        request.Headers.Range = new RangeHeaderValue(0, 3);
        using var response = await client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.PartialContent);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        response.Content.Headers.ContentRange!.Length.ShouldBe(Pdf.Length);
        (await response.Content.ReadAsStringAsync()).ShouldBe("%PDF");
    }

    [Fact]
    public async Task A_renamed_executable_is_refused_and_nothing_is_kept()
    {
        var (author, courseId, _) = await NewCourseAsync();
        var before = Directory.EnumerateFiles(app.DataDirectory, "*", SearchOption.AllDirectories).Count();

        var upload = await LocalizerCulture.InChineseAsync(() =>
            Authoring().UploadMediaAsync(author, courseId, MediaKind.Document, "规程.pdf", new MemoryStream([(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0])));

        upload.Path.ShouldBeNull();
        upload.Error.ShouldBe("文件内容与扩展名 .pdf 不符，请上传真正的 .pdf 文件。");
        Directory.EnumerateFiles(app.DataDirectory, "*", SearchOption.AllDirectories).Count().ShouldBe(before);
    }

    [Theory]
    [InlineData("setup.exe", MediaKind.Document)]
    [InlineData("page.html", MediaKind.Image)]
    [InlineData("movie.avi", MediaKind.Video)]
    public async Task A_type_outside_the_allow_list_is_refused(string fileName, MediaKind kind)
    {
        var (author, courseId, _) = await NewCourseAsync();

        var upload = await Authoring().UploadMediaAsync(author, courseId, kind, fileName, new MemoryStream(Pdf));

        upload.Path.ShouldBeNull();
        upload.Error.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Another_instructor_cannot_upload_to_the_course_nor_use_its_files()
    {
        var (author, courseId, moduleId) = await NewCourseAsync();
        var (_, otherCourseId, otherModuleId) = await NewCourseAsync();
        var stranger = new AuthoringActor(Guid.NewGuid(), IsStaff: false);
        var upload = await Authoring().UploadMediaAsync(author, courseId, MediaKind.Document, "a.pdf", new MemoryStream(Pdf));

        (await Authoring().UploadMediaAsync(stranger, courseId, MediaKind.Document, "b.pdf", new MemoryStream(Pdf))).Path.ShouldBeNull();
        var smuggled = await Authoring().SaveLessonAsync(author, otherCourseId, otherModuleId, new LessonDraft
        {
            Title = "借用别的课程的文件", Kind = LessonKind.Document, MediaPath = upload.Path, NominalMinutes = 10, RequiredMinutes = 5,
        });

        smuggled.Succeeded.ShouldBeFalse();
        moduleId.ShouldNotBe(otherModuleId);
    }

    [Theory]
    [InlineData("/media/courses/../skillsacademy.db")]
    [InlineData("/media/courses/%2e%2e/skillsacademy.db")]
    [InlineData("/media/other/file.pdf")]
    [InlineData("/media/courses/nope/missing.pdf")]
    public async Task Only_existing_course_media_can_be_fetched(string path)
    {
        using var client = app.Factory.CreateClient();

        using var response = await client.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_file_over_the_configured_limit_is_refused_and_removed()
    {
        using var data = new TestDataDirectory();
        await using var factory = new SkillsAcademyWebFactory(data.Path, new Dictionary<string, string?>
        {
            ["Uploads:MaxDocumentMegabytes"] = "1",
            ["Catalog:ImportSamples"] = "false",
        });
        var (author, courseId, _) = await NewCourseAsync(factory);
        var large = new byte[(1024 * 1024) + 10];
        Pdf.CopyTo(large, 0);

        var upload = await Authoring(factory).UploadMediaAsync(author, courseId, MediaKind.Document, "big.pdf", new MemoryStream(large));

        upload.Path.ShouldBeNull();
        upload.Error.ShouldNotBeNull();
        var stored = Path.Combine(data.Path, "files", "courses");
        (Directory.Exists(stored) ? Directory.EnumerateFiles(stored, "*", SearchOption.AllDirectories).Count() : 0).ShouldBe(0);
    }
}
