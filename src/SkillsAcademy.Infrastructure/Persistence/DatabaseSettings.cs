using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace SkillsAcademy.Infrastructure.Persistence;

/// <summary>The database configuration after validation, with defaults filled in.</summary>
public sealed record DatabaseSettings(
    DatabaseProvider Provider,
    string ConnectionString,
    string DataDirectory,
    bool MigrateOnStartup)
{
    public const string ApplicationDatabaseFile = "skillsacademy.db";
    public const string HangfireDatabaseFile = "hangfire.db";

    /// <summary>The Hangfire SQLite file: kept apart from the application database.</summary>
    public string HangfireSqlitePath => Path.Combine(DataDirectory, HangfireDatabaseFile);

    /// <summary>Folder for short-lived files (partial uploads, exports in progress).</summary>
    public string TempDirectory => Path.Combine(DataDirectory, "tmp");

    /// <summary>
    /// Reads and validates the "Database" section and the SkillsAcademy connection string.
    /// Throws <see cref="OptionsValidationException"/> naming the wrong setting.
    /// </summary>
    public static DatabaseSettings Resolve(IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
        var failures = Validate(options, connectionString);
        if (failures.Count > 0)
        {
            throw new OptionsValidationException(DatabaseOptions.SectionName, typeof(DatabaseOptions), failures);
        }

        var provider = Enum.Parse<DatabaseProvider>(options.Provider, ignoreCase: true);
        var dataDirectory = Path.GetFullPath(options.DataDirectory, contentRoot);
        if (provider == DatabaseProvider.Sqlite)
        {
            var builder = new SqliteConnectionStringBuilder(
                string.IsNullOrWhiteSpace(connectionString)
                    ? $"Data Source={Path.Combine(dataDirectory, ApplicationDatabaseFile)}"
                    : connectionString)
            {
                DefaultTimeout = options.BusyTimeoutSeconds,
                Pooling = true,
            };
            if (!Path.IsPathRooted(builder.DataSource) && builder.DataSource != ":memory:")
            {
                builder.DataSource = Path.GetFullPath(builder.DataSource, contentRoot);
            }

            connectionString = builder.ToString();
        }

        return new DatabaseSettings(provider, connectionString!, dataDirectory, options.MigrateOnStartup);
    }

    public static IReadOnlyList<string> Validate(DatabaseOptions options, string? connectionString)
    {
        var failures = new List<string>();
        if (!Enum.TryParse<DatabaseProvider>(options.Provider, ignoreCase: true, out var provider)
            || !Enum.IsDefined(provider)
            || int.TryParse(options.Provider, out _))
        {
            failures.Add(
                $"Database:Provider '{options.Provider}' is not supported. Allowed values: {string.Join(", ", Enum.GetNames<DatabaseProvider>())}.");
        }
        else if (provider == DatabaseProvider.SqlServer && string.IsNullOrWhiteSpace(connectionString))
        {
            failures.Add(
                $"ConnectionStrings:{DatabaseOptions.ConnectionStringName} is required when Database:Provider is SqlServer.");
        }

        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            failures.Add("Database:DataDirectory must name a folder.");
        }

        if (options.BusyTimeoutSeconds is < 1 or > 600)
        {
            failures.Add($"Database:BusyTimeoutSeconds must be between 1 and 600; it is {options.BusyTimeoutSeconds}.");
        }

        return failures;
    }
}
