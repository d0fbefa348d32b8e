using SkillsAcademy.TestUtilities;

namespace SkillsAcademy.IntegrationTests.Platform;

public sealed class ConfigurationErrorTests : IDisposable
{
    private readonly TestDataDirectory _data = new();

    [Fact]
    public void An_unknown_database_provider_stops_start_up_naming_the_allowed_values()
    {
        using var factory = new SkillsAcademyWebFactory(_data.Path, new Dictionary<string, string?> { ["Database:Provider"] = "Oracle" });

        var exception = Should.Throw<Exception>(() => factory.Server);

        exception.ToString().ShouldContain("Database:Provider 'Oracle' is not supported. Allowed values: Sqlite, SqlServer.");
    }

    [Fact]
    public void Sql_server_without_a_connection_string_stops_start_up_naming_the_setting()
    {
        using var factory = new SkillsAcademyWebFactory(_data.Path, new Dictionary<string, string?> { ["Database:Provider"] = "SqlServer" });

        var exception = Should.Throw<Exception>(() => factory.Server);

        exception.ToString().ShouldContain("ConnectionStrings:SkillsAcademy is required when Database:Provider is SqlServer.");
    }

    [Fact]
    public void A_missing_lookup_key_stops_start_up_naming_the_setting()
    {
        using var factory = new SkillsAcademyWebFactory(_data.Path, new Dictionary<string, string?> { ["PersonalData:LookupKey"] = "" });

        var exception = Should.Throw<Exception>(() => factory.Server);

        exception.ToString().ShouldContain("PersonalData:LookupKey is required");
    }

    public void Dispose() => _data.Dispose();
}
