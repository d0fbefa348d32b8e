using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using SkillsAcademy.Infrastructure.Persistence;

namespace SkillsAcademy.UnitTests.Infrastructure.Persistence;

public sealed class DatabaseSettingsTests
{
    private static IConfiguration Configuration(params (string Key, string? Value)[] settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();

    [Fact]
    public void An_unknown_provider_stops_start_up_with_a_message_listing_the_allowed_providers()
    {
        var exception = Should.Throw<OptionsValidationException>(
            () => DatabaseSettings.Resolve(Configuration(("Database:Provider", "Oracle")), "/srv/app"));

        exception.Message.ShouldContain("Database:Provider 'Oracle' is not supported");
        exception.Message.ShouldContain("Sqlite");
        exception.Message.ShouldContain("SqlServer");
    }

    [Theory]
    [InlineData("1")]
    [InlineData("")]
    public void A_numeric_or_empty_provider_is_refused(string provider)
    {
        Should.Throw<OptionsValidationException>(
            () => DatabaseSettings.Resolve(Configuration(("Database:Provider", provider)), "/srv/app"));
    }

    [Fact]
    public void Sql_server_without_a_connection_string_names_the_missing_setting()
    {
        var exception = Should.Throw<OptionsValidationException>(
            () => DatabaseSettings.Resolve(Configuration(("Database:Provider", "SqlServer")), "/srv/app"));

        exception.Message.ShouldContain("ConnectionStrings:SkillsAcademy is required when Database:Provider is SqlServer");
    }

    [Fact]
    public void Sql_server_with_a_connection_string_is_accepted_as_given()
    {
        var settings = DatabaseSettings.Resolve(
            Configuration(("Database:Provider", "sqlserver"), ("ConnectionStrings:SkillsAcademy", "Server=db;Database=sa")),
            "/srv/app");

        settings.Provider.ShouldBe(DatabaseProvider.SqlServer);
        settings.ConnectionString.ShouldBe("Server=db;Database=sa");
    }

    [Fact]
    public void Sqlite_by_default_puts_the_database_in_the_data_folder_with_a_busy_timeout()
    {
        var settings = DatabaseSettings.Resolve(Configuration(), "/srv/app");

        settings.Provider.ShouldBe(DatabaseProvider.Sqlite);
        settings.DataDirectory.ShouldBe("/srv/app/App_Data");
        var connection = new SqliteConnectionStringBuilder(settings.ConnectionString);
        connection.DataSource.ShouldBe("/srv/app/App_Data/skillsacademy.db");
        connection.DefaultTimeout.ShouldBe(30);
        settings.HangfireSqlitePath.ShouldBe("/srv/app/App_Data/hangfire.db");
    }

    [Fact]
    public void A_relative_sqlite_file_is_resolved_against_the_content_root()
    {
        var settings = DatabaseSettings.Resolve(
            Configuration(("ConnectionStrings:SkillsAcademy", "Data Source=data/my.db")), "/srv/app");

        new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource.ShouldBe("/srv/app/data/my.db");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(601)]
    public void A_busy_timeout_out_of_range_is_refused_by_name(int seconds)
    {
        var failures = DatabaseSettings.Validate(new DatabaseOptions { BusyTimeoutSeconds = seconds }, null);

        failures.ShouldHaveSingleItem().ShouldStartWith("Database:BusyTimeoutSeconds");
    }
}
