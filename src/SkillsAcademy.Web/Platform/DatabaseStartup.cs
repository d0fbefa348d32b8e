using Hangfire;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SkillsAcademy.Infrastructure.Jobs;
using SkillsAcademy.Infrastructure.Persistence;
using SkillsAcademy.Web.Resources;

namespace SkillsAcademy.Web.Platform;

/// <summary>
/// Runs before the server accepts requests. With Database:MigrateOnStartup (the embedded default) it prepares the
/// database itself: migrations, SQLite WAL, every feature's seed in registration order. Without it (production,
/// several nodes) the one-shot <c>--migrate</c> run has done that, and a node only checks that the schema is
/// current, so nodes never race each other over migrations or seed rows. Either way it registers recurring jobs.
/// </summary>
internal sealed partial class DatabaseStartup(
    DatabaseSettings database,
    IDbContextFactory<SkillsAcademyDbContext> contextFactory,
    IEnumerable<ISeedData> seeds,
    IRecurringJobManager recurringJobs,
    IEnumerable<IRecurringJobSchedule> schedules,
    IDataProtectionProvider dataProtection,
    Microsoft.Extensions.Options.IOptions<PlatformOptions> platform,
    ILogger<DatabaseStartup> logger) : IHostedService
{
    /// <summary>Applies migrations and seeds, then exits: the upgrade step of a multi-node deployment.</summary>
    public const string MigrateSwitch = "--migrate";

    private const string FirstKeyPurpose = "SkillsAcademy.Startup";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (database.MigrateOnStartup)
        {
            await PrepareDatabaseAsync(cancellationToken);
        }
        else
        {
            await EnsureMigratedAsync(cancellationToken);
        }

        var options = new RecurringJobOptions { TimeZone = platform.Value.GetTimeZone() };
        recurringJobs.AddOrUpdate<HousekeepingJob>(HousekeepingJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), Cron.Daily(3), options);
        foreach (var schedule in schedules)
        {
            schedule.Schedule(recurringJobs, options);
        }

        LogReady(database.Provider);
    }

    /// <summary>Migrations (and on SQL Server Hangfire's schema), WAL, the first Data Protection key, then the seeds.</summary>
    public async Task PrepareDatabaseAsync(CancellationToken cancellationToken)
    {
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            Directory.CreateDirectory(database.DataDirectory);
        }

        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            // EF Core holds a database lock while migrating, so two processes doing this at once apply each migration once.
            await db.Database.MigrateAsync(cancellationToken);
            if (database.Provider == DatabaseProvider.Sqlite)
            {
                // WAL lets readers go on while one writer commits; the setting is stored in the file.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
        }

        if (database.Provider == DatabaseProvider.SqlServer)
        {
            HangfireSetup.InstallSqlServerSchema(database.ConnectionString);
        }

        // Creates the first key ring entry now, so that nodes starting together share one key instead of each making its own.
        dataProtection.CreateProtector(FirstKeyPurpose).Protect("ready");

        foreach (var seed in seeds)
        {
            await seed.SeedAsync(cancellationToken);
        }
    }

    private async Task EnsureMigratedAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            throw new InvalidOperationException(
                $"The database lacks {pending.Count} migration(s) ({string.Join(", ", pending)}) and Database:MigrateOnStartup is false: " +
                $"run the application once with {MigrateSwitch} (see deploy/README.md), then start the nodes.");
        }
    }

    /// <summary>The command-line run: prepares the database and returns the process exit code (0 on success).</summary>
    public static async Task<int> RunFromCommandLineAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken = default)
    {
        var startup = services.GetRequiredService<DatabaseStartup>();
        await startup.PrepareDatabaseAsync(cancellationToken);
        await using var db = await services.GetRequiredService<IDbContextFactory<SkillsAcademyDbContext>>().CreateDbContextAsync(cancellationToken);
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        var localizer = services.GetRequiredService<IStringLocalizer<SharedResource>>();
        await output.WriteLineAsync(localizer["Platform.Migrate.Done", startup.Provider, applied.Count, applied.LastOrDefault() ?? "-"]);
        return 0;
    }

    private DatabaseProvider Provider => database.Provider;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ready on {Provider}")]
    private partial void LogReady(DatabaseProvider provider);
}
