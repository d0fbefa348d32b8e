using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SkillsAcademy.Infrastructure.Files;
using SkillsAcademy.Infrastructure.PersonalData;
using SkillsAcademy.TestUtilities;

namespace SkillsAcademy.IntegrationTests.Platform;

/// <summary>The settings a node behind a load balancer needs: health probes, the shared file store, secrets from files.</summary>
public sealed class ScaleOutSettingsTests : IDisposable
{
    private readonly TestDataDirectory _data = new();

    [Fact]
    public async Task Liveness_runs_no_checks_and_readiness_checks_the_database_the_job_storage_and_the_file_store()
    {
        await using var factory = new SkillsAcademyWebFactory(_data.Path);
        using var client = factory.CreateClient();

        using var live = await client.GetAsync("/health/live", TestContext.Current.CancellationToken);
        using var ready = await client.GetAsync("/health/ready", TestContext.Current.CancellationToken);

        live.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await live.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldBe("""{"status":"Healthy","checks":{}}""");
        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        body.ShouldContain("\"database\":\"Healthy\"");
        body.ShouldContain("\"jobs\":\"Healthy\"");
        body.ShouldContain("\"files\":\"Healthy\"");
    }

    [Fact]
    public async Task A_node_whose_shared_folder_is_gone_is_alive_but_not_ready()
    {
        var shared = Path.Combine(_data.Path, "shared-volume");
        await using var factory = new SkillsAcademyWebFactory(_data.Path, new Dictionary<string, string?> { ["Files:Root"] = shared });
        using var client = factory.CreateClient();
        (await client.GetAsync("/health/ready", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);

        Directory.Delete(shared, recursive: true);

        (await client.GetAsync("/health/ready", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await client.GetAsync("/health/live", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Uploaded_files_go_to_the_configured_shared_folder()
    {
        var shared = Path.Combine(_data.Path, "shared-volume");
        await using var factory = new SkillsAcademyWebFactory(_data.Path, new Dictionary<string, string?> { ["Files:Root"] = shared });
        var store = factory.Services.GetRequiredService<IFileStore>();

        var path = await store.SaveAsync("courses", "cover.png", new MemoryStream([1, 2, 3]), TestContext.Current.CancellationToken);

        File.Exists(Path.Combine(shared, path)).ShouldBeTrue();
        factory.Services.GetRequiredService<FileStoreSettings>().Root.ShouldBe(Path.GetFullPath(shared));
    }

    [Fact]
    public void A_file_store_folder_that_cannot_be_written_stops_start_up_naming_the_setting()
    {
        var blocker = Path.Combine(_data.Path, "a-file");
        File.WriteAllText(blocker, "not a folder");
        using var factory = new SkillsAcademyWebFactory(_data.Path, new Dictionary<string, string?> { ["Files:Root"] = Path.Combine(blocker, "files") });

        var exception = Should.Throw<Exception>(() => factory.Server);

        exception.ToString().ShouldContain("Files:Root");
        exception.ToString().ShouldContain("is not a writable folder");
    }

    [Fact]
    public void Secrets_are_read_from_files_named_like_settings()
    {
        var secrets = Path.Combine(_data.Path, "secrets");
        Directory.CreateDirectory(secrets);
        var key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        // As Docker writes a secret: the value and a trailing newline.
        File.WriteAllText(Path.Combine(secrets, "PersonalData__LookupKey"), key + "\n");
        using var factory = new SkillsAcademyWebFactory(_data.Path, new Dictionary<string, string?>
        {
            ["Secrets:Directory"] = secrets,
            ["PersonalData:LookupKey"] = "",
        });

        factory.Services.GetRequiredService<IOptions<PersonalDataOptions>>().Value.LookupKey.ShouldBe(key);
    }

    [Fact]
    public void A_missing_secrets_folder_stops_start_up_naming_the_setting()
    {
        using var factory = new SkillsAcademyWebFactory(_data.Path, new Dictionary<string, string?> { ["Secrets:Directory"] = Path.Combine(_data.Path, "nowhere") });

        var exception = Should.Throw<Exception>(() => factory.Server);

        exception.ToString().ShouldContain("Secrets:Directory");
    }

    public void Dispose() => _data.Dispose();
}
