using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SkillsAcademy.Domain.Learning;
using SkillsAcademy.Domain.Statistics;
using SkillsAcademy.Infrastructure.Persistence;
using SkillsAcademy.Web.Platform;

namespace SkillsAcademy.Web.Features.Statistics;

/// <summary>
/// Rebuilds the statistics rollups from the records, one whole day partition at a time, each day in its own
/// transaction together with the run's progress: a run repeated, or resumed after a crash, ends with the same
/// tables. Runs are recorded in <see cref="RollupRun"/> for the staff page.
/// </summary>
public sealed partial class StatisticsRollup(
    IDbContextFactory<SkillsAcademyDbContext> contextFactory,
    IBackgroundJobClient jobs,
    IOptions<PlatformOptions> platform,
    IOptions<StatisticsOptions> options,
    TimeProvider timeProvider,
    ILogger<StatisticsRollup> logger,
    StatisticsService? dashboard = null)
{
    public const string HourlyJobId = "statistics-rollup-hourly";
    public const string NightlyJobId = "statistics-rollup-nightly";

    private PlatformCalendar Calendar => new(platform.Value.GetTimeZone());

    /// <summary>Queues a staff re-run of a day range; null with a resource key when the range is refused.</summary>
    public async Task<(int? RunId, string? Problem)> RequestAsync(DateOnly from, DateOnly to, string requestedBy, CancellationToken cancellationToken = default)
    {
        var today = Calendar.Today(timeProvider);
        if (to < from)
        {
            return (null, "Statistics.Error.RangeReversed");
        }

        if (to > today)
        {
            return (null, "Statistics.Rollup.Error.Future");
        }

        if (to.DayNumber - from.DayNumber + 1 > options.Value.MaxRerunDays)
        {
            return (null, "Statistics.Rollup.Error.TooLong");
        }

        var runId = await CreateRunAsync(RollupTrigger.Manual, from, to, requestedBy, cancellationToken);
        jobs.Enqueue<StatisticsRollup>(rollup => rollup.RunAsync(runId, CancellationToken.None));
        return (runId, null);
    }

    /// <summary>Rebuilds a day range now, in this process (command line, benchmarks, tests); returns the run's id.</summary>
    public async Task<int> RebuildAsync(DateOnly from, DateOnly to, RollupTrigger trigger, string? requestedBy, CancellationToken cancellationToken = default)
    {
        var runId = await CreateRunAsync(trigger, from, to, requestedBy, cancellationToken);
        await RunAsync(runId, cancellationToken);
        return runId;
    }

    /// <summary>Test hook: called inside each day's transaction before it commits (to simulate a crash mid-run).</summary>
    internal Func<DateOnly, Task>? BeforeDayCommit { get; set; }

    /// <summary>
    /// The hourly run: today, and every day since the last successful hourly run started (so the hour before
    /// midnight is counted on the first run of the next day).
    /// </summary>
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [AutomaticRetry(Attempts = 2)]
    public async Task<int> HourlyAsync(CancellationToken cancellationToken)
    {
        var today = Calendar.Today(timeProvider);
        DateTimeOffset? lastStart;
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            lastStart = await db.RollupRuns.AsNoTracking()
                .Where(r => r.Trigger == RollupTrigger.Hourly && r.Status == RollupStatus.Succeeded)
                .OrderByDescending(r => r.Id).Select(r => r.StartedAt).FirstOrDefaultAsync(cancellationToken);
        }

        var from = lastStart is { } start ? Calendar.DayOf(start) : today;
        if (from < today.AddDays(-1))
        {
            from = today.AddDays(-1); // Older days are the nightly run's.
        }

        var runId = await CreateRunAsync(RollupTrigger.Hourly, from, today, null, cancellationToken);
        await RunAsync(runId, cancellationToken);
        return runId;
    }

    /// <summary>The nightly run: the last <see cref="StatisticsOptions.NightlyDays"/> days up to yesterday, recomputed.</summary>
    [DisableConcurrentExecution(timeoutInSeconds: 3600)]
    [AutomaticRetry(Attempts = 2)]
    public async Task<int> NightlyAsync(CancellationToken cancellationToken)
    {
        var yesterday = Calendar.Today(timeProvider).AddDays(-1);
        var runId = await CreateRunAsync(RollupTrigger.Nightly, yesterday.AddDays(1 - options.Value.NightlyDays), yesterday, null, cancellationToken);
        await RunAsync(runId, cancellationToken);
        return runId;
    }

    /// <summary>Runs (or re-runs from its first day, after a crash) a recorded run.</summary>
    [DisableConcurrentExecution(timeoutInSeconds: 3600)]
    [AutomaticRetry(Attempts = 2)]
    public async Task RunAsync(int runId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var run = await db.RollupRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId, cancellationToken);
        if (run is null || run.Status == RollupStatus.Succeeded)
        {
            return;
        }

        var started = timeProvider.GetUtcNow();
        await db.RollupRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(
            set => set.SetProperty(r => r.Status, RollupStatus.Running).SetProperty(r => r.StartedAt, started)
                .SetProperty(r => r.DaysDone, 0).SetProperty(r => r.Error, (string?)null),
            cancellationToken);
        try
        {
            await using (await SqliteRunSettings.ApplyAsync(db, cancellationToken))
            {
                var done = 0;
                for (var day = run.From; day <= run.To; day = day.AddDays(1))
                {
                    done++;
                    await RollUpDayAsync(db, day, runId, done, cancellationToken);
                }
            }

            await db.RollupRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(
                set => set.SetProperty(r => r.Status, RollupStatus.Succeeded).SetProperty(r => r.FinishedAt, timeProvider.GetUtcNow()),
                CancellationToken.None);
            LogRolledUp(runId, run.Trigger, run.From, run.To, timeProvider.GetUtcNow() - started);
            await WarmDashboardAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogFailed(exception, runId);
            var message = exception.Message.Length > 2000 ? exception.Message[..2000] : exception.Message;
            await db.RollupRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(
                set => set.SetProperty(r => r.Status, RollupStatus.Failed).SetProperty(r => r.FinishedAt, timeProvider.GetUtcNow())
                    .SetProperty(r => r.Error, message),
                CancellationToken.None);
            throw;
        }
    }

    /// <summary>
    /// After a run, the dashboard's opening questions are answered on this node, so the first staff member of the
    /// hour does not pay for reading the new rollups (seconds at province scale). A failure here only costs that speed.
    /// </summary>
    private async Task WarmDashboardAsync(CancellationToken cancellationToken)
    {
        if (dashboard is null)
        {
            return;
        }

        try
        {
            await dashboard.WarmAsync(Calendar.Today(timeProvider), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogWarmFailed(exception);
        }
    }

    /// <summary>Rebuilds one day in one transaction, recording the run's progress in the same transaction.</summary>
    private async Task RollUpDayAsync(SkillsAcademyDbContext db, DateOnly day, int runId, int daysDone, CancellationToken cancellationToken)
    {
        var sql = RollupSql.For(db);
        var start = sql.Instant(Calendar.StartOfDayUtc(day));
        var end = sql.Instant(Calendar.StartOfDayUtc(day.AddDays(1)));
        object[] parameters = [day, start, end, DayMask.MonthOf(day), DayMask.Bit(day), DayMask.YearOf(day), DayMask.MonthBit(day), DayMask.MonthOf(day).AddMonths(1)];

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync(sql.SubtractDayFromMonth, parameters, cancellationToken);
        await db.Database.ExecuteSqlRawAsync(sql.DeleteEmptyMonthCells, parameters, cancellationToken);
        await db.Database.ExecuteSqlRawAsync(sql.DeleteFacts, parameters, cancellationToken);
        await db.Database.ExecuteSqlRawAsync(sql.InsertFacts, parameters, cancellationToken);
        await db.Database.ExecuteSqlRawAsync(sql.AddDayToMonth, parameters, cancellationToken);
        await db.Database.ExecuteSqlRawAsync(sql.UpsertLearnerMonths, parameters, cancellationToken);
        await db.Database.ExecuteSqlRawAsync(sql.UpsertLearnerYears, parameters, cancellationToken);
        await db.Database.ExecuteSqlRawAsync(sql.RebuildCells, parameters, cancellationToken);
        await db.Database.ExecuteSqlRawAsync(sql.BumpStamp, cancellationToken);
        await db.RollupRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(set => set.SetProperty(r => r.DaysDone, daysDone), cancellationToken);
        if (BeforeDayCommit is { } hook)
        {
            await hook(day);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// SQLite settings for the run's connection, put back when it ends (the connection returns to the pool): commits
    /// without waiting for the disk (<c>synchronous=NORMAL</c>: in WAL mode a power cut can lose the last days
    /// committed, never corrupt the file — and a rollup can always be run again), a 64 MB page cache and sorts in
    /// memory. Nothing on SQL Server.
    /// </summary>
    private sealed class SqliteRunSettings : IAsyncDisposable
    {
        private readonly SkillsAcademyDbContext? _db;
        private readonly long _synchronous;
        private readonly long _cacheSize;
        private readonly long _tempStore;

        private SqliteRunSettings(SkillsAcademyDbContext? db, long synchronous, long cacheSize, long tempStore)
        {
            _db = db;
            _synchronous = synchronous;
            _cacheSize = cacheSize;
            _tempStore = tempStore;
        }

        public static async Task<SqliteRunSettings> ApplyAsync(SkillsAcademyDbContext db, CancellationToken cancellationToken)
        {
            if (!db.Database.IsSqlite())
            {
                return new SqliteRunSettings(null, 0, 0, 0);
            }

            await db.Database.OpenConnectionAsync(cancellationToken);
            var settings = new SqliteRunSettings(
                db, await PragmaAsync(db, "synchronous", cancellationToken), await PragmaAsync(db, "cache_size", cancellationToken),
                await PragmaAsync(db, "temp_store", cancellationToken));
            await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;", cancellationToken);
            return settings;
        }

        public async ValueTask DisposeAsync()
        {
            if (_db is null)
            {
                return;
            }

            var restore = string.Format(
                System.Globalization.CultureInfo.InvariantCulture, "PRAGMA synchronous = {0}; PRAGMA cache_size = {1}; PRAGMA temp_store = {2};",
                _synchronous, _cacheSize, _tempStore);
            await using (var command = _db.Database.GetDbConnection().CreateCommand())
            {
                command.CommandText = restore;
                await command.ExecuteNonQueryAsync(CancellationToken.None);
            }

            await _db.Database.CloseConnectionAsync();
        }

        private static async Task<long> PragmaAsync(SkillsAcademyDbContext db, string name, CancellationToken cancellationToken)
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"PRAGMA {name}";
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    private async Task<int> CreateRunAsync(RollupTrigger trigger, DateOnly from, DateOnly to, string? requestedBy, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var run = new RollupRun(trigger, from, to, requestedBy, timeProvider.GetUtcNow());
        db.RollupRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        return run.Id;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Statistics rollup run {RunId} ({Trigger}) rebuilt {From}..{To} in {Elapsed}.")]
    private partial void LogRolledUp(int runId, RollupTrigger trigger, DateOnly from, DateOnly to, TimeSpan elapsed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Answering the dashboard's opening questions after a rollup failed.")]
    private partial void LogWarmFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Statistics rollup run {RunId} failed.")]
    private partial void LogFailed(Exception exception, int runId);
}
