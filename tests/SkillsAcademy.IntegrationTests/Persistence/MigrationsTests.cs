using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using SkillsAcademy.Infrastructure.Persistence;
using SkillsAcademy.TestUtilities;

namespace SkillsAcademy.IntegrationTests.Persistence;

/// <summary>Both migration sets follow the model, and the SQL Server deployment script follows the migrations.</summary>
public sealed class MigrationsTests(AppFixture app) : IClassFixture<AppFixture>
{
    public const string SqlServerScript = "deploy/sql/SkillsAcademy.SqlServer.sql";

    private static SkillsAcademyDbContext SqlServerContext()
    {
        var options = new DbContextOptionsBuilder<SkillsAcademyDbContext>();
        // Never opened: the model, migrations and script are built without a server.
        options.UseSkillsAcademyDatabase(DatabaseProvider.SqlServer, "Server=localhost;Database=SkillsAcademy;TrustServerCertificate=True");
        return new SkillsAcademyDbContext(options.Options);
    }

    [Fact]
    public async Task The_sqlite_migrations_have_no_pending_model_changes_as_the_app_builds_its_model()
    {
        var factory = app.Factory.Services.GetRequiredService<IDbContextFactory<SkillsAcademyDbContext>>();
        await using var db = await factory.CreateDbContextAsync(TestContext.Current.CancellationToken);

        db.Database.HasPendingModelChanges().ShouldBeFalse(
            "add a migration to BOTH migration projects (see deploy/README.md)");
        (await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken)).ShouldBeEmpty();
    }

    [Fact]
    public void The_sql_server_migrations_have_no_pending_model_changes()
    {
        using var db = SqlServerContext();

        db.Database.HasPendingModelChanges().ShouldBeFalse(
            "add a migration to BOTH migration projects (see deploy/README.md)");
        db.Database.GetMigrations().ShouldNotBeEmpty();
    }

    [Fact]
    public void The_sql_server_model_validates_and_renders_its_schema_without_a_server()
    {
        using var db = SqlServerContext();

        // Building the design-time model runs the provider's model validation (key types, lengths, indexes).
        var model = db.GetService<IDesignTimeModel>().Model;
        var script = db.Database.GenerateCreateScript();

        model.GetEntityTypes().ShouldContain(e => e.ClrType == typeof(Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey));
        script.ShouldContain("CREATE TABLE [DataProtectionKeys]");
        script.ShouldContain("CREATE TABLE [LearningEvents]");
        db.Database.IsSqlServer().ShouldBeTrue();
    }

    [Fact]
    public void The_sql_server_deployment_script_applies_every_migration_of_the_assembly()
    {
        using var db = SqlServerContext();
        var script = File.ReadAllText(Path.Combine(RepositoryRoot.Path, SqlServerScript));

        foreach (var migration in db.Database.GetMigrations())
        {
            script.ShouldContain($"N'{migration}'");
        }
    }

    [Fact]
    public void Both_providers_have_the_same_migrations_in_the_same_order()
    {
        using var sqlServer = SqlServerContext();
        var factory = app.Factory.Services.GetRequiredService<IDbContextFactory<SkillsAcademyDbContext>>();
        using var sqlite = factory.CreateDbContext();

        static IEnumerable<string> Names(IEnumerable<string> ids) => ids.Select(id => id[15..]);

        Names(sqlite.Database.GetMigrations()).ShouldBe(Names(sqlServer.Database.GetMigrations()));
    }

    [Fact]
    public void The_sql_server_deployment_script_is_up_to_date()
    {
        using var db = SqlServerContext();
        var expected = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        var actual = File.ReadAllText(Path.Combine(RepositoryRoot.Path, SqlServerScript));

        Normalize(actual).ShouldBe(Normalize(expected),
            $"regenerate {SqlServerScript} with the command in deploy/README.md");
    }

    private static string Normalize(string script) => script.ReplaceLineEndings("\n").Trim().TrimStart('\uFEFF');
}
