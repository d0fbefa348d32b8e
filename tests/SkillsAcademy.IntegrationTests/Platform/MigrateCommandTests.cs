using SkillsAcademy.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillsAcademy.Infrastructure.Persistence;
using SkillsAcademy.TestUtilities;

namespace SkillsAcademy.IntegrationTests.Platform;

/// <summary>
/// Production upgrades run the app once with --migrate; the nodes (Database:MigrateOnStartup=false) only check that
/// the schema is current, so several nodes never race over migrations or seed rows.
/// </summary>
public sealed class MigrateCommandTests : IDisposable
{
    private readonly TestDataDirectory _data = new();

    [Fact]
    public void A_node_that_does_not_migrate_refuses_to_start_on_an_unmigrated_database_naming_the_migrate_run()
    {
        using var factory = new SkillsAcademyWebFactory(_data.Path, new Dictionary<string, string?> { ["Database:MigrateOnStartup"] = "false" });

        var exception = Should.Throw<Exception>(() => factory.Server);

        exception.ToString().ShouldContain("Database:MigrateOnStartup is false: run the application once with --migrate");
    }

    [Fact]
    public async Task The_migrate_run_prepares_the_database_and_exits_then_a_node_starts_without_migrating()
    {
        using (var migrate = WebAppProcess.Start(SkillsAcademyWebFactory.DefaultSettings(_data.Path), "--migrate"))
        {
            (await migrate.WaitForExitAsync(TimeSpan.FromMinutes(3))).ShouldBe(0, migrate.Output);
            migrate.Output.ShouldContain("数据库已就绪（Sqlite）");
        }

        await using var node = new SkillsAcademyWebFactory(_data.Path, new Dictionary<string, string?> { ["Database:MigrateOnStartup"] = "false" });
        node.Server.ShouldNotBeNull();
        await using var db = await node.Services.GetRequiredService<IDbContextFactory<SkillsAcademyDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);

        (await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken)).ShouldBeEmpty();
        // The seeds ran in the migrate run: roles, demo accounts, and the first Data Protection key every node shares.
        (await db.Roles.CountAsync(TestContext.Current.CancellationToken)).ShouldBe(Roles.All.Count);
        (await db.Users.CountAsync(TestContext.Current.CancellationToken)).ShouldBe(4);
        (await db.DataProtectionKeys.CountAsync(TestContext.Current.CancellationToken)).ShouldBe(1);
    }

    public void Dispose() => _data.Dispose();
}
