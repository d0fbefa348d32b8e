using System.Reflection;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using SkillsAcademy.Infrastructure.Persistence;
using SkillsAcademy.TestUtilities;
using SkillsAcademy.Web.Platform;

namespace SkillsAcademy.IntegrationTests.Platform;

/// <summary>
/// No Docker engine runs here, so the deploy/ files are checked against the application instead: every setting they
/// name binds to a real options property, the production example starts the app, and the files agree with each other.
/// </summary>
public sealed partial class DeploymentFilesTests : IDisposable
{
    private static readonly string Deploy = Path.Combine(RepositoryRoot.Path, "deploy");

    /// <summary>Settings read directly rather than through an options class.</summary>
    private static readonly string[] PlainSettings =
    [
        "AllowedHosts", $"ConnectionStrings:{DatabaseOptions.ConnectionStringName}", "RateLimits:VerificationPerMinute",
        ScaleOutRegistration.SecretsDirectoryKey,
    ];

    private readonly TestDataDirectory _data = new();

    /// <summary>Every options class of the app, by the configuration section it binds (its SectionName constant).</summary>
    private static Dictionary<string, Type> OptionsBySection() =>
        new[] { typeof(PlatformOptions).Assembly, typeof(DatabaseOptions).Assembly }
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (Type: t, Field: t.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)))
            .Where(x => x.Field is { IsLiteral: true })
            .ToDictionary(x => (string)x.Field!.GetValue(null)!, x => x.Type, StringComparer.OrdinalIgnoreCase);

    private static IConfigurationRoot ProductionSettings() =>
        new ConfigurationBuilder().AddJsonFile(Path.Combine(Deploy, "appsettings.Production.json"), optional: false).Build();

    private static bool IsKnownSetting(string key, Dictionary<string, Type> options)
    {
        if (PlainSettings.Contains(key, StringComparer.OrdinalIgnoreCase) || key.StartsWith("Logging:", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var parts = key.Split(':');
        return parts.Length >= 2
            && options.TryGetValue(parts[0], out var type)
            && type.GetProperty(parts[1], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase) is { CanWrite: true }
            // Only list settings go deeper, by index (ForwardedHeaders:KnownNetworks:0).
            && (parts.Length == 2 || (parts.Length == 3 && int.TryParse(parts[2], out _)));
    }

    [Fact]
    public void Every_section_of_the_production_example_binds_to_an_options_class_without_unknown_keys()
    {
        var settings = ProductionSettings();
        var options = OptionsBySection();

        foreach (var section in settings.GetChildren())
        {
            if (options.TryGetValue(section.Key, out var type) && type.GetProperties().Length > 0)
            {
                Should.NotThrow(() => section.Get(type, binder => binder.ErrorOnUnknownConfiguration = true), $"section {section.Key} of appsettings.Production.json");
            }
            else
            {
                foreach (var (key, _) in section.AsEnumerable().Where(kv => kv.Value is not null))
                {
                    IsKnownSetting(key, options).ShouldBeTrue($"appsettings.Production.json names {key}, which the app does not read");
                }
            }
        }
    }

    [Fact]
    public void The_production_example_with_its_secrets_starts_the_app()
    {
        var settings = ProductionSettings().AsEnumerable().Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value);
        using var signingKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        // What the secret files hold in production.
        settings["PersonalData:LookupKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        settings["Credentials:SigningKeyPem"] = signingKey.ExportPkcs8PrivateKeyPem();
        // What this machine lacks: SQL Server, /run/secrets, /data, a proxy network, the public host name.
        settings["Database:Provider"] = "Sqlite";
        settings["Database:MigrateOnStartup"] = "true";
        settings[$"ConnectionStrings:{DatabaseOptions.ConnectionStringName}"] = "";
        settings[ScaleOutRegistration.SecretsDirectoryKey] = "";
        settings["Files:Root"] = Path.Combine(_data.Path, "files");
        settings["AllowedHosts"] = "*";
        settings["Database:DataDirectory"] = _data.Path;
        settings["DemoData:Enabled"] = "false";

        using var factory = new SkillsAcademyWebFactory(_data.Path, settings);

        factory.Server.ShouldNotBeNull();
    }

    [Fact]
    public void Every_setting_the_compose_file_gives_the_nodes_is_one_the_app_reads()
    {
        var compose = File.ReadAllText(Path.Combine(Deploy, "docker-compose.yml"));
        var options = OptionsBySection();
        var names = ComposeSetting().Matches(compose).Select(m => m.Groups["name"].Value)
            .Concat(SecretTarget().Matches(compose).Select(m => m.Groups["name"].Value))
            .Select(name => name.Replace("__", ":", StringComparison.Ordinal))
            .Where(name => !name.StartsWith("ASPNETCORE_", StringComparison.Ordinal) && !name.StartsWith("MSSQL_", StringComparison.Ordinal) && name != "ACCEPT_EULA")
            .Distinct()
            .ToList();

        names.ShouldContain("Database:MigrateOnStartup");
        foreach (var name in names)
        {
            IsKnownSetting(name, options).ShouldBeTrue($"docker-compose.yml sets {name}, which the app does not read");
        }

        // The secrets production requires arrive as files in the folder the nodes read.
        compose.ShouldContain($"{ScaleOutRegistration.SecretsDirectoryKey.Replace(":", "__", StringComparison.Ordinal)}: /run/secrets");
        foreach (var secret in new[] { "ConnectionStrings__SkillsAcademy", "PersonalData__LookupKey", "Credentials__SigningKeyPem" })
        {
            compose.ShouldContain($"target: {secret}");
        }

        compose.ShouldContain($"command: [\"{DatabaseStartup.MigrateSwitch}\"]");
    }

    [Fact]
    public void Nginx_compose_and_the_production_example_agree_on_nodes_port_and_proxy_network()
    {
        var compose = File.ReadAllText(Path.Combine(Deploy, "docker-compose.yml"));
        var nginx = File.ReadAllText(Path.Combine(Deploy, "nginx.conf"));

        var upstreams = UpstreamServer().Matches(nginx).Select(m => (Service: m.Groups["service"].Value, Port: m.Groups["port"].Value)).ToList();
        upstreams.Count.ShouldBe(2);
        foreach (var (service, port) in upstreams)
        {
            compose.ShouldContain($"\n  {service}:\n");
            port.ShouldBe(ComposeValue(compose, "ASPNETCORE_HTTP_PORTS"));
        }

        var subnet = ComposeValue(compose, "subnet");
        ComposeValue(compose, "ForwardedHeaders__KnownNetworks__0").ShouldBe(subnet);
        ProductionSettings()["ForwardedHeaders:KnownNetworks:0"].ShouldBe(subnet);
        ProductionSettings()["Files:Root"].ShouldBe(ComposeValue(compose, "Files__Root"));
        compose.ShouldContain($"files:{ComposeValue(compose, "Files__Root")}");

        // Sticky sessions and the WebSocket upgrade the circuits need.
        nginx.ShouldContain("hash $sa_route consistent;");
        nginx.ShouldContain("proxy_set_header Upgrade $http_upgrade;");
        nginx.ShouldContain("proxy_set_header X-Forwarded-Proto $scheme;");
    }

    [Fact]
    public void The_dockerfile_restores_every_source_project_and_runs_the_web_app()
    {
        var dockerfile = File.ReadAllText(Path.Combine(Deploy, "Dockerfile"));

        foreach (var project in Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "src"), "*.csproj", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(RepositoryRoot.Path, project).Replace('\\', '/');
            dockerfile.ShouldContain($"COPY {relative} ");
        }

        dockerfile.ShouldContain("COPY deploy/appsettings.Production.json ./appsettings.Production.json");
        dockerfile.ShouldContain("ENTRYPOINT [\"dotnet\", \"SkillsAcademy.Web.dll\"]");
        dockerfile.ShouldContain($"ASPNETCORE_HTTP_PORTS={ComposeValue(File.ReadAllText(Path.Combine(Deploy, "docker-compose.yml")), "ASPNETCORE_HTTP_PORTS")}");
    }

    private static string ComposeValue(string compose, string key)
    {
        var match = Regex.Match(compose, $@"^\s*-?\s*{Regex.Escape(key)}:\s*""?(?<value>[^""\s]+)""?\s*$", RegexOptions.Multiline);
        match.Success.ShouldBeTrue($"docker-compose.yml has no {key}");
        return match.Groups["value"].Value;
    }

    [GeneratedRegex(@"^\s+(?<name>[A-Za-z][A-Za-z0-9]*(__[A-Za-z0-9]+)+|AllowedHosts):", RegexOptions.Multiline)]
    private static partial Regex ComposeSetting();

    [GeneratedRegex(@"target:\s*(?<name>\S+)")]
    private static partial Regex SecretTarget();

    [GeneratedRegex(@"server (?<service>[a-z0-9-]+):(?<port>\d+) ")]
    private static partial Regex UpstreamServer();

    public void Dispose() => _data.Dispose();
}
