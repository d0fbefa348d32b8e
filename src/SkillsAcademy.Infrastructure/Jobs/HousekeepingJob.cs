using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SkillsAcademy.Infrastructure.Files;
using SkillsAcademy.Infrastructure.Persistence;

namespace SkillsAcademy.Infrastructure.Jobs;

/// <summary>
/// Nightly clean-up: removes short-lived files older than a day from this node's temp folder and the shared one
/// (exports) and, on SQLite,
/// lets the database refresh its query-planner statistics and fold the write-ahead log back.
/// </summary>
public sealed partial class HousekeepingJob(
    DatabaseSettings database,
    FileStoreSettings files,
    IDbContextFactory<SkillsAcademyDbContext> contextFactory,
    TimeProvider timeProvider,
    ILogger<HousekeepingJob> logger)
{
    public const string RecurringJobId = "housekeeping";
    public static readonly TimeSpan TempFileLifetime = TimeSpan.FromHours(24);

    [AutomaticRetry(Attempts = 2)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var deleted = DeleteExpiredTempFiles(database.TempDirectory) + DeleteExpiredTempFiles(files.SharedTempDirectory);
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA optimize;", cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(PASSIVE);", cancellationToken);
        }

        LogFinished(deleted);
        return deleted;
    }

    private int DeleteExpiredTempFiles(string path)
    {
        var folder = new DirectoryInfo(path);
        if (!folder.Exists)
        {
            return 0;
        }

        var cutoff = timeProvider.GetUtcNow().UtcDateTime - TempFileLifetime;
        var deleted = 0;
        foreach (var file in folder.EnumerateFiles("*", SearchOption.AllDirectories))
        {
            if (file.LastWriteTimeUtc >= cutoff)
            {
                continue;
            }

            try
            {
                file.Delete();
                deleted++;
            }
            catch (IOException exception)
            {
                // A file still open by a running export is left for the next run.
                LogCouldNotDelete(file.Name, exception.Message);
            }
        }

        return deleted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Housekeeping finished: {DeletedFiles} expired temp files deleted")]
    private partial void LogFinished(int deletedFiles);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Housekeeping could not delete temp file {FileName}: {Reason}")]
    private partial void LogCouldNotDelete(string fileName, string reason);
}
