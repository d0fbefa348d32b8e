using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SkillsAcademy.TestUtilities;
using SkillsAcademy.Web.Platform;

namespace SkillsAcademy.IntegrationTests.Platform;

/// <summary>The load harness's baseline endpoint (Load:BaselineEndpoint): absent unless configured, refused in Production.</summary>
public sealed class LoadBaselineTests : IDisposable
{
    private readonly TestDataDirectory _data = new();

    [Fact]
    public async Task Without_the_setting_the_baseline_endpoint_is_not_mapped()
    {
        await File.WriteAllTextAsync(Path.Combine(_data.Path, "home.html"), "<p>home</p>");
        await using var factory = new SkillsAcademyWebFactory(_data.Path, new Dictionary<string, string?> { ["Load:BaselineDirectory"] = _data.Path });
        using var client = factory.CreateBrowserlessClient();

        using var response = await client.GetAsync("/_load/baseline/home");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .ShouldNotContain(e => e.RoutePattern.RawText == LoadBaseline.Route);
    }

    [Fact]
    public async Task When_enabled_the_baseline_endpoint_answers_the_captured_bytes_exactly()
    {
        var page = "<!DOCTYPE html><html lang=\"zh-CN\"><body>焊工 &#x7126;</body></html>"u8.ToArray();
        await File.WriteAllBytesAsync(Path.Combine(_data.Path, "course.html"), page);
        await using var factory = new SkillsAcademyWebFactory(_data.Path, Enabled());
        using var client = factory.CreateBrowserlessClient();

        using var response = await client.GetAsync("/_load/baseline/course");
        using var missing = await client.GetAsync("/_load/baseline/nothing-here");
        using var traversal = await client.GetAsync("/_load/baseline/..%2Fskillsacademy");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsByteArrayAsync()).ShouldBe(page);
        response.Content.Headers.ContentType!.ToString().ShouldBe("text/html; charset=utf-8");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        traversal.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public void In_production_the_baseline_endpoint_stops_start_up_unless_explicitly_allowed()
    {
        using var factory = new SkillsAcademyWebFactory(_data.Path, Enabled());
        using var production = factory.WithWebHostBuilder(builder => builder.UseEnvironment("Production"));

        var exception = Should.Throw<Exception>(() => production.Server);

        exception.ToString().ShouldContain("Load:BaselineEndpoint is a load-test aid and is refused in Production unless Load:AllowInProduction is also true.");
    }

    [Fact]
    public void A_relative_baseline_folder_stops_start_up_naming_the_setting()
    {
        using var factory = new SkillsAcademyWebFactory(_data.Path, new Dictionary<string, string?>(Enabled()) { ["Load:BaselineDirectory"] = "baseline" });

        var exception = Should.Throw<Exception>(() => factory.Server);

        exception.ToString().ShouldContain("Load:BaselineDirectory must be an absolute folder path when Load:BaselineEndpoint is true");
    }

    public void Dispose() => _data.Dispose();

    private Dictionary<string, string?> Enabled() => new()
    {
        ["Load:BaselineEndpoint"] = "true",
        ["Load:BaselineDirectory"] = _data.Path,
    };
}
