using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SkillsAcademy.Infrastructure.Identity;
using SkillsAcademy.TestUtilities;
using SkillsAcademy.Web.Features.Authoring;
using SkillsAcademy.Web.Features.Catalog;

namespace SkillsAcademy.IntegrationTests.Features.Catalog;

/// <summary>Visitors' catalog pages come from the output cache (the Age header says so) until a course is published.</summary>
public sealed class CatalogCacheTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static bool FromCache(HttpResponseMessage response) => response.Headers.Age is not null;

    [Fact]
    public async Task A_visitors_second_request_is_served_from_the_cache_as_a_static_page()
    {
        using var client = app.Factory.CreateClient();
        using var first = await client.GetAsync("/catalog?q=%E9%92%B3");
        using var second = await client.GetAsync("/catalog?q=%E9%92%B3");

        FromCache(first).ShouldBeFalse();
        FromCache(second).ShouldBeTrue();
        var html = await second.Content.ReadAsStringAsync();
        html.ShouldNotContain("Blazor:{\"type\":\"server\"");
        html.ShouldContain("id=\"site-menu\"");
        second.Headers.Contains("Set-Cookie").ShouldBeFalse();
    }

    [Fact]
    public async Task Chinese_and_english_visitors_get_their_own_cached_pages()
    {
        using var chinese = app.Factory.CreateClient();
        using var english = app.Factory.CreateClient();
        english.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");
        await chinese.GetAsync("/catalog?page=1");

        var englishHtml = await english.GetStringAsync("/catalog?page=1");

        englishHtml.ShouldContain("Course catalog");
    }

    [Fact]
    public async Task Signed_in_users_get_the_live_interactive_page()
    {
        using var client = app.Factory.CreateBrowserlessClient();
        await client.LogInAsync(SkillsAcademyWebFactory.LearnerAccount, SkillsAcademyWebFactory.DemoPassword);
        await client.GetAsync("/catalog?q=signed-in");

        using var response = await client.GetAsync("/catalog?q=signed-in");

        FromCache(response).ShouldBeFalse();
        (await response.Content.ReadAsStringAsync()).ShouldContain("Blazor:{\"type\":\"server\"");
    }

    [Fact]
    public async Task Publishing_a_course_evicts_the_cached_catalog()
    {
        using var client = app.Factory.CreateClient();
        await client.GetAsync("/catalog?q=%E7%BC%93%E5%AD%98");
        (await client.GetAsync("/catalog?q=%E7%BC%93%E5%AD%98")).Headers.Age.ShouldNotBeNull();

        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var importer = scope.ServiceProvider.GetRequiredService<CourseImportService>();
            (await importer.ImportAsync(CoursePackages.Source(CoursePackages.Valid("CACHE-EVICT", title: "缓存失效测试课程")), new CourseImportOptions(true, null)))
                .Errors.ShouldBeEmpty();
        }

        using var after = await client.GetAsync("/catalog?q=%E7%BC%93%E5%AD%98");

        FromCache(after).ShouldBeFalse();
        WebUtility.HtmlDecode(await after.Content.ReadAsStringAsync()).ShouldContain("缓存失效测试课程");
    }
}
