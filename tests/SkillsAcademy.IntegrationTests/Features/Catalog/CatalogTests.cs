using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillsAcademy.Domain.Catalog;
using SkillsAcademy.Infrastructure.Persistence;
using SkillsAcademy.TestUtilities;
using SkillsAcademy.Web.Features.Authoring;
using SkillsAcademy.Web.Features.Catalog;

namespace SkillsAcademy.IntegrationTests.Features.Catalog;

/// <summary>A platform without the samples and with three known courses and one draft.</summary>
public sealed class CatalogFixture : IAsyncLifetime
{
    private readonly TestDataDirectory _data = new();

    public SkillsAcademyWebFactory Factory { get; private set; } = default!;

    public int FitterOccupationId { get; private set; }

    public async ValueTask InitializeAsync()
    {
        Factory = new SkillsAcademyWebFactory(_data.Path, new Dictionary<string, string?> { ["Catalog:ImportSamples"] = "false" });
        await using var scope = Factory.Services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<CourseImportService>();
        async Task Import(CoursePackages.Spec spec, bool publish)
        {
            var result = await importer.ImportAsync(CoursePackages.Source(spec.Apply(CoursePackages.Valid(spec.Code))), new CourseImportOptions(publish, null));
            result.Errors.ShouldBeEmpty();
        }

        await Import(new("CAT-WELD-A", "焊条电弧焊平焊技术", "6-18-02-04", "Level5", true), publish: true);
        await Import(new("CAT-WELD-B", "气体保护焊入门", "6-18-02-04", "Level4", false), publish: true);
        await Import(new("CAT-FIT-A", "钳工锉削基本功", "6-20-01-01", "Level5", true), publish: true);
        await Import(new("CAT-DRAFT", "未发布的焊接草稿", "6-18-02-04", "Level5", true), publish: false);
        var db = scope.ServiceProvider.GetRequiredService<SkillsAcademyDbContext>();
        FitterOccupationId = await db.Occupations.Where(o => o.Code == "6-20-01-01").Select(o => o.Id).SingleAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        _data.Dispose();
    }
}

public sealed class CatalogTests(CatalogFixture catalog) : IClassFixture<CatalogFixture>
{
    private async Task<CourseSearchResult> SearchAsync(CourseSearch search)
    {
        await using var scope = catalog.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CatalogService>().SearchAsync(search, TestContext.Current.CancellationToken);
    }

    private static string[] Codes(CourseSearchResult result) => result.Items.Select(i => i.Code).Order().ToArray();

    [Fact]
    public async Task A_chinese_substring_finds_the_courses_that_contain_it_and_never_a_draft()
    {
        Codes(await SearchAsync(new CourseSearch("焊"))).ShouldBe(["CAT-WELD-A", "CAT-WELD-B"]);
        Codes(await SearchAsync(new CourseSearch("锉削"))).ShouldBe(["CAT-FIT-A"]);
    }

    [Fact]
    public async Task The_occupation_name_matches_too() =>
        Codes(await SearchAsync(new CourseSearch("装配钳工"))).ShouldBe(["CAT-FIT-A"]);

    [Fact]
    public async Task Filters_narrow_by_occupation_level_and_voucher_eligibility()
    {
        Codes(await SearchAsync(new CourseSearch(OccupationId: catalog.FitterOccupationId))).ShouldBe(["CAT-FIT-A"]);
        Codes(await SearchAsync(new CourseSearch(Level: SkillLevel.Level4))).ShouldBe(["CAT-WELD-B"]);
        Codes(await SearchAsync(new CourseSearch(VoucherEligibleOnly: true))).ShouldBe(["CAT-FIT-A", "CAT-WELD-A"]);
        Codes(await SearchAsync(new CourseSearch("焊", VoucherEligibleOnly: true))).ShouldBe(["CAT-WELD-A"]);
    }

    [Fact]
    public async Task Pages_split_the_results_and_the_newest_come_first()
    {
        var first = await SearchAsync(new CourseSearch(PageSize: 2));
        var second = await SearchAsync(new CourseSearch(PageSize: 2, Page: 2));

        first.Total.ShouldBe(3);
        first.PageCount.ShouldBe(2);
        first.Items.Select(i => i.Code).ShouldBe(["CAT-FIT-A", "CAT-WELD-B"]);
        second.Items.Select(i => i.Code).ShouldBe(["CAT-WELD-A"]);
    }

    [Fact]
    public async Task The_catalog_page_shows_the_matching_courses_to_anonymous_visitors()
    {
        using var client = catalog.Factory.CreateClient();

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/catalog?q=%E7%84%8A", TestContext.Current.CancellationToken));

        html.ShouldContain("焊条电弧焊平焊技术");
        html.ShouldContain("气体保护焊入门");
        html.ShouldNotContain("钳工锉削基本功");
        html.ShouldContain("共 2 门课程");
    }

    [Fact]
    public async Task The_course_page_shows_the_syllabus_credit_hours_and_instructors()
    {
        using var client = catalog.Factory.CreateClient();

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/courses/CAT-WELD-A", TestContext.Current.CancellationToken));

        html.ShouldContain("焊条电弧焊平焊技术");
        html.ShouldContain("防护用品");
        html.ShouldContain("引弧方法");
        html.ShouldContain("共 1.2 学时（55 分钟，每学时 45 分钟）");
        html.ShouldContain("测试讲师");
        html.ShouldContain("工匠");
    }

    [Theory]
    [InlineData("/courses/NO-SUCH-COURSE")]
    [InlineData("/courses/CAT-DRAFT")]
    public async Task An_unknown_or_unpublished_course_is_not_found(string path)
    {
        using var client = catalog.Factory.CreateClient();

        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
