using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using SkillsAcademy.Infrastructure.PersonalData;
using SkillsAcademy.TestUtilities;
using SkillsAcademy.Web.Features.Authoring;

namespace SkillsAcademy.IntegrationTests.Platform;

/// <summary>
/// Two application hosts on one database, as two nodes behind a load balancer: what one node writes with its keys
/// (a sign-in cookie, an encrypted ID number) the other reads, and a catalog change on one reaches the other's cache.
/// </summary>
public sealed class MultiNodeTests : IAsyncLifetime
{
    private readonly TestDataDirectory _data = new();
    private SkillsAcademyWebFactory _nodeA = default!;
    private SkillsAcademyWebFactory _nodeB = default!;

    public ValueTask InitializeAsync()
    {
        var settings = new Dictionary<string, string?> { ["Catalog:CacheSyncSeconds"] = "1" };
        _nodeA = new SkillsAcademyWebFactory(_data.Path, settings);
        _nodeA.Server.ShouldNotBeNull();
        // The second node neither migrates nor seeds: the first did, as the --migrate run does in production.
        _nodeB = new SkillsAcademyWebFactory(_data.Path, new Dictionary<string, string?>(settings) { ["Database:MigrateOnStartup"] = "false" });
        _nodeB.Server.ShouldNotBeNull();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task A_sign_in_cookie_issued_by_one_node_is_accepted_by_the_other()
    {
        var cookies = new CookieContainer();
        // Default clients do not follow redirects: a refused cookie would show as a 302 to the login page.
        using var clientA = _nodeA.CreateDefaultClient(new CookieContainerHandler(cookies));
        using var clientB = _nodeB.CreateDefaultClient(new CookieContainerHandler(cookies));
        using (var anonymous = _nodeB.CreateDefaultClient())
        {
            (await anonymous.GetAsync("/learning", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using (var login = await clientA.LogInAsync(SkillsAcademyWebFactory.LearnerAccount, SkillsAcademyWebFactory.DemoPassword))
        {
            login.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using var response = await clientB.GetAsync("/learning", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public void An_id_number_encrypted_by_one_node_is_decrypted_by_the_other_and_found_by_the_same_lookup_hash()
    {
        var protectorA = _nodeA.Services.GetRequiredService<PersonalDataProtector>();
        var protectorB = _nodeB.Services.GetRequiredService<PersonalDataProtector>();

        var stored = protectorA.Protect("11010519491231002X");

        protectorB.Unprotect(stored).ShouldBe("11010519491231002X");
        protectorB.LookupHash(PersonalDataKind.ResidentIdNumber, "11010519491231002X")
            .ShouldBe(protectorA.LookupHash(PersonalDataKind.ResidentIdNumber, "11010519491231002X"));
    }

    [Fact]
    public async Task A_course_published_on_one_node_evicts_the_cached_catalog_of_the_other()
    {
        using var visitorB = _nodeB.CreateClient();
        const string query = "/catalog?q=%E8%8A%82%E7%82%B9";
        await visitorB.GetAsync(query, TestContext.Current.CancellationToken);
        (await visitorB.GetAsync(query, TestContext.Current.CancellationToken)).Headers.Age.ShouldNotBeNull("node B serves the catalog from its cache");

        await using (var scope = _nodeA.Services.CreateAsyncScope())
        {
            var importer = scope.ServiceProvider.GetRequiredService<CourseImportService>();
            (await importer.ImportAsync(CoursePackages.Source(CoursePackages.Valid("NODE-SYNC", title: "节点同步测试课程")), new CourseImportOptions(true, null)))
                .Errors.ShouldBeEmpty();
        }

        // Node B learns of the change from the database within Catalog:CacheSyncSeconds, without a call from node A.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        string html;
        do
        {
            await Task.Delay(200, TestContext.Current.CancellationToken);
            html = WebUtility.HtmlDecode(await visitorB.GetStringAsync(query, TestContext.Current.CancellationToken));
        }
        while (!html.Contains("节点同步测试课程", StringComparison.Ordinal) && DateTime.UtcNow < deadline);

        html.ShouldContain("节点同步测试课程");
    }

    public async ValueTask DisposeAsync()
    {
        await _nodeB.DisposeAsync();
        await _nodeA.DisposeAsync();
        _data.Dispose();
    }
}
