using Hangfire;
using Microsoft.EntityFrameworkCore;
using SkillsAcademy.Infrastructure.Jobs;
using SkillsAcademy.Infrastructure.Persistence;

namespace SkillsAcademy.Web.Platform;

/// <summary>
/// Runs before the server accepts requests: applies migrations (unless turned off for production),
/// switches SQLite to WAL, runs every feature's seed in registration order, and registers recurring jobs.
/// </summary>
internal sealed partial class DatabaseStartup(
    DatabaseSettings database,
    IDbContextFactory<SkillsAcademyDbContext> contextFactory,
    IEnumerable<ISeedData> seeds,
    IRecurringJobManager recurringJobs,
    IEnumerable<IRecurringJobSchedule> schedules,
    Microsoft.Extensions.Options.IOptions<PlatformOptions> platform,
    ILogger<DatabaseStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            Directory.CreateDirectory(database.DataDirectory);
        }

        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            if (database.MigrateOnStartup)
            {
                await db.Database.MigrateAsync(cancellationToken);
            }

            if (database.Provider == DatabaseProvider.Sqlite)
            {
                // WAL lets readers go on while one writer commits; the setting is stored in the file.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
        }

        foreach (var seed in seeds)
        {
            await seed.SeedAsync(cancellationToken);
        }

        var options = new RecurringJobOptions { TimeZone = platform.Value.GetTimeZone() };
        recurringJobs.AddOrUpdate<HousekeepingJob>(HousekeepingJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), Cron.Daily(3), options);
        foreach (var schedule in schedules)
        {
            schedule.Schedule(recurringJobs, options);
        }

        LogReady(database.Provider);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ready on {Provider}")]
    private partial void LogReady(DatabaseProvider provider);
}
