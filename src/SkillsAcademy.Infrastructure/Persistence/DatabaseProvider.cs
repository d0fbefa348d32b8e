using Microsoft.EntityFrameworkCore;

namespace SkillsAcademy.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

public static class DatabaseProviderExtensions
{
    public const string SqliteMigrationsAssembly = "SkillsAcademy.Migrations.Sqlite";
    public const string SqlServerMigrationsAssembly = "SkillsAcademy.Migrations.SqlServer";

    /// <summary>Points the context at the provider and at that provider's own migrations assembly.</summary>
    public static DbContextOptionsBuilder UseSkillsAcademyDatabase(
        this DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString) =>
        provider switch
        {
            DatabaseProvider.Sqlite => options.UseSqlite(
                connectionString, sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly)),
            DatabaseProvider.SqlServer => options.UseSqlServer(
                connectionString, sqlServer => sqlServer.MigrationsAssembly(SqlServerMigrationsAssembly)),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
        };
}
