namespace SkillsAcademy.Infrastructure.Persistence;

/// <summary>The "Database" configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";
    public const string ConnectionStringName = "SkillsAcademy";

    /// <summary>Sqlite (embedded default) or SqlServer (production).</summary>
    public string Provider { get; set; } = nameof(DatabaseProvider.Sqlite);

    /// <summary>Folder for the SQLite files, relative to the content root unless absolute.</summary>
    public string DataDirectory { get; set; } = "App_Data";

    /// <summary>Apply migrations when the app starts; production turns this off and runs --migrate once.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>How long a SQLite command waits for a lock before failing.</summary>
    public int BusyTimeoutSeconds { get; set; } = 30;
}
