using System.Diagnostics;
using System.Threading.Channels;
using Bogus;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SkillsAcademy.Domain.Catalog;
using SkillsAcademy.Domain.Learning;
using SkillsAcademy.Domain.People;
using SkillsAcademy.Domain.Vouchers;
using SkillsAcademy.Infrastructure.Identity;
using SkillsAcademy.Infrastructure.Persistence;
using SkillsAcademy.Infrastructure.PersonalData;
using SkillsAcademy.Web.Features.Certificates;
using SkillsAcademy.Web.Platform;

namespace SkillsAcademy.Web.Features.Statistics.Generation;

/// <summary>
/// Generates province-scale demo data into the application's own tables: learners with real-name profiles,
/// enterprises, courses, enrolments, a year of hash-chained learning events, lesson progress, final exams,
/// completions, certificates and redeemed vouchers. Small reference data goes through EF; the bulk is written with
/// prepared SQLite commands in large transactions, values converted by the EF model's own converters. One thread
/// generates and hashes, another writes.
/// </summary>
public sealed partial class DemoDataGenerator(
    IDbContextFactory<SkillsAcademyDbContext> contextFactory,
    PersonalDataProtector personalData,
    IPasswordHasher<ApplicationUser> passwordHasher,
    TimeProvider timeProvider,
    IOptions<PlatformOptions> platform,
    IOptions<CertificateOptions> certificateOptions,
    IOptions<DemoDataOptions> demoData,
    DatabaseSettings database,
    ILogger<DemoDataGenerator> logger)
{
    public const int RowsPerTransaction = 50_000;
    private const int RowsPerBatch = 20_000;

    /// <summary>True when generated courses (codes GEN-…) are in the database: a second run needs <c>Append</c>.</summary>
    public async Task<bool> HasGeneratedDataAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Courses.AnyAsync(c => c.Code.StartsWith(DemoCatalog.CodePrefix), cancellationToken);
    }

    /// <summary>The period a run covers: the options' days, or the year ending today in the platform calendar.</summary>
    public (DateOnly From, DateOnly To) PeriodOf(DemoDataGeneratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var to = options.To ?? Calendar.Today(timeProvider);
        return (options.From ?? to.AddYears(-1).AddDays(1), to);
    }

    private PlatformCalendar Calendar => new(platform.Value.GetTimeZone());

    public async Task<DemoDataSummary> GenerateAsync(
        DemoDataGeneratorOptions options, IProgress<DemoDataProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (database.Provider != DatabaseProvider.Sqlite)
        {
            throw new DemoDataRefusedException(DemoDataRefusal.SqliteOnly);
        }

        var stopwatch = Stopwatch.StartNew();
        var (from, to) = PeriodOf(options);
        var now = timeProvider.GetUtcNow();
        var today = Calendar.DayOf(now);
        Validate(options, from, to, today);
        if (!options.Append && await HasGeneratedDataAsync(cancellationToken))
        {
            throw new DemoDataRefusedException(DemoDataRefusal.AlreadyGenerated);
        }

        // A day still under way is left out: nothing generated lies in the future.
        var lastDay = Calendar.StartOfDayUtc(to.AddDays(1)) <= now ? to : to.AddDays(-1);
        if (lastDay < from)
        {
            throw new ArgumentException("The period must contain at least one whole day before now.", nameof(options));
        }

        var window = new GenerationWindow(Calendar, from, lastDay);
        var run = await LoadStartingPointAsync(options, cancellationToken);
        var master = new Random(unchecked(options.Seed * 1_000_003 + run.ExistingUsers * 7_919));
        var faker = new Faker("zh_CN") { Random = new Randomizer(master.Next()) };
        var rows = new Dictionary<string, long>(StringComparer.Ordinal);
        var timings = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        var phase = Stopwatch.StartNew();
        void Took(string name)
        {
            timings[name] = phase.Elapsed;
            phase.Restart();
        }

        void Count(string table, long n) => rows[table] = rows.GetValueOrDefault(table) + n;

        progress?.Report(new DemoDataProgress("catalog", 0, options.Learners, 0, stopwatch.Elapsed));
        var occupations = await EnsureOccupationsAsync(cancellationToken, Count);
        var courses = await AddCoursesAsync(options.Courses, run.NextCourseNumber, occupations, faker, master, window, cancellationToken, Count);
        var regions = new DemoRegions(options.ProvinceCode, run.Regions);
        var batches = await AddBatchesAsync(regions, run.StaffId, window, to, master, cancellationToken, Count);
        Took("catalog");

        // A fresh database gets its first Data Protection key now, through EF, not while the bulk connection writes.
        _ = personalData.Protect(nameof(DemoDataGenerator));
        var connectionString = new SqliteConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "PRAGMA synchronous=OFF; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-262144; PRAGMA foreign_keys=OFF;", cancellationToken);
        await using var model = await contextFactory.CreateDbContextAsync(cancellationToken);
        using var tables = new GenerationTables(model.Model, connection);
        var writer = new BulkWriter(connection, tables.All);

        progress?.Report(new DemoDataProgress("enterprises", 0, options.Learners, 0, stopwatch.Elapsed));
        var enterprisesByCity = WriteEnterprises(writer, tables, options.Enterprises, run, regions, faker, master);
        writer.Commit();
        Took("enterprises");

        progress?.Report(new DemoDataProgress("plan", 0, options.Learners, 0, stopwatch.Elapsed));
        var plan = LearnerPlan.Create(master, options.Learners, options.StudyEvents, courses, batches, regions, enterprisesByCity, options.CheckInShare);
        Took("plan");
        var certificates = NumberCertificates(plan, courses, batches, window, run);
        Took("certificate numbers");

        var context = new LearnerRowContext(
            plan, courses, batches, window, run, certificates, tables, faker, personalData,
            demoData.Value.Enabled && !string.IsNullOrEmpty(demoData.Value.Password) ? passwordHasher.HashPassword(null!, demoData.Value.Password) : null,
            certificateOptions.Value.Issuer);
        writer.Complete();
        var deferred = options.DeferEventIndexes ? await DropSecondaryIndexesAsync(connection, "LearningEvents", cancellationToken) : [];
        writer.Begin();
        long written;
        try
        {
            written = await WriteLearnersAsync(context, writer, options.Learners, stopwatch, progress, timings, cancellationToken);
            Took("learners");
        }
        finally
        {
            // Rebuilt even when the run fails: the schema must stay as the migrations made it.
            writer.Complete();
            foreach (var sql in deferred)
            {
                await ExecuteAsync(connection, sql, CancellationToken.None);
            }

            writer.Begin();
        }

        if (deferred.Count > 0)
        {
            Took("event indexes rebuilt");
        }

        progress?.Report(new DemoDataProgress("finish", options.Learners, options.Learners, written, stopwatch.Elapsed));
        WriteUnusedVouchers(writer, tables, context, master);
        writer.Complete();
        await FinishAsync(connection, batches, courses, cancellationToken);
        Took("finish");
        foreach (var table in tables.All)
        {
            Count(table.Name, table.RowsWritten);
        }

        await connection.CloseAsync();
        SqliteConnection.ClearAllPools();
        var file = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
        var bytes = File.Exists(file) ? new FileInfo(file).Length + (File.Exists(file + "-wal") ? new FileInfo(file + "-wal").Length : 0) : 0;
        LogGenerated(options.Learners, written, stopwatch.Elapsed);
        return new DemoDataSummary(rows, written, options.StudyEvents, from, to, stopwatch.Elapsed, bytes, timings);
    }

    private static void Validate(DemoDataGeneratorOptions options, DateOnly from, DateOnly to, DateOnly today)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Learners, 1, nameof(options.Learners));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Learners, DemoDataGeneratorOptions.MaxLearners, nameof(options.Learners));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Courses, 1, nameof(options.Courses));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Courses, DemoDataGeneratorOptions.MaxCourses, nameof(options.Courses));
        ArgumentOutOfRangeException.ThrowIfNegative(options.StudyEvents, nameof(options.StudyEvents));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.StudyEvents, DemoDataGeneratorOptions.MaxStudyEvents, nameof(options.StudyEvents));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Enterprises, 1, nameof(options.Enterprises));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Enterprises, DemoDataGeneratorOptions.MaxEnterprises, nameof(options.Enterprises));
        if (options.CheckInShare is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "CheckInShare is between 0 and 1.");
        }

        if (from > to || to > today || to.DayNumber - from.DayNumber > 3_660)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "The period runs from From to To, ends today at the latest and spans at most ten years.");
        }

        if (options.ProvinceCode is not { Length: 6 } code || !code.EndsWith("0000", StringComparison.Ordinal) || !code.All(char.IsAsciiDigit))
        {
            throw new ArgumentOutOfRangeException(nameof(options), "ProvinceCode is a six-digit province code ending in 0000, e.g. 350000.");
        }
    }

    /// <summary>Drops the table's indexes that a migration created (not its primary key) and returns their CREATE statements.</summary>
    private static async Task<IReadOnlyList<string>> DropSecondaryIndexesAsync(SqliteConnection connection, string table, CancellationToken cancellationToken)
    {
        var indexes = new List<(string Name, string Sql)>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = $table AND sql IS NOT NULL ORDER BY name";
            command.Parameters.AddWithValue("$table", table);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in indexes)
        {
            await ExecuteAsync(connection, $"DROP INDEX \"{name}\"", cancellationToken);
        }

        return indexes.Select(i => i.Sql).ToList();
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The producer draws, protects and hashes; the consumer owns the connection. Both keep learner order.</summary>
    private async Task<long> WriteLearnersAsync(
        LearnerRowContext context, BulkWriter writer, int learners, Stopwatch stopwatch, IProgress<DemoDataProgress>? progress,
        Dictionary<string, TimeSpan> timings, CancellationToken cancellationToken)
    {
        var generating = new Stopwatch();
        var writing = new Stopwatch();
        var channel = Channel.CreateBounded<RowBatch>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(async () =>
        {
            try
            {
                var batch = new RowBatch();
                for (var i = 0; i < context.Plan.Learners.Length; i++)
                {
                    failed.Token.ThrowIfCancellationRequested();
                    generating.Start();
                    batch.EventCount += context.AddLearner(batch, i);
                    generating.Stop();
                    batch.LearnerCount++;
                    if (batch.RowCount >= RowsPerBatch)
                    {
                        await channel.Writer.WriteAsync(batch, failed.Token);
                        batch = new RowBatch();
                    }
                }

                await channel.Writer.WriteAsync(batch, failed.Token);
                channel.Writer.Complete();
            }
            catch (Exception e)
            {
                channel.Writer.TryComplete(e);
                throw;
            }
        }, failed.Token);

        long done = 0, events = 0;
        try
        {
            await foreach (var batch in channel.Reader.ReadAllAsync(failed.Token))
            {
                writing.Start();
                writer.Write(batch);
                writing.Stop();
                done += batch.LearnerCount;
                events += batch.EventCount;
                progress?.Report(new DemoDataProgress("learners", done, learners, events, stopwatch.Elapsed));
            }
        }
        catch
        {
            await failed.CancelAsync();
            throw;
        }

        await producer;
        timings["learners: generating thread busy"] = generating.Elapsed;
        timings["learners: writing thread busy"] = writing.Elapsed;
        return events;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Generated demo data: {Learners} learners, {Events} learning events in {Elapsed}")]
    private partial void LogGenerated(int learners, long events, TimeSpan elapsed);
}

/// <summary>Why a run did not start.</summary>
public enum DemoDataRefusal
{
    AlreadyGenerated,
    SqliteOnly,
}

public sealed class DemoDataRefusedException(DemoDataRefusal reason)
    : InvalidOperationException($"Demo data generation refused: {reason}.")
{
    public DemoDataRefusal Reason { get; } = reason;
}

/// <summary>Writes batches in transactions of about <see cref="DemoDataGenerator.RowsPerTransaction"/> rows.</summary>
internal sealed class BulkWriter
{
    private readonly SqliteConnection _connection;
    private readonly IReadOnlyList<BulkTable> _tables;
    private SqliteTransaction? _transaction;
    private int _uncommitted;

    public BulkWriter(SqliteConnection connection, IReadOnlyList<BulkTable> tables)
    {
        _connection = connection;
        _tables = tables;
        Begin();
        foreach (var table in tables)
        {
            table.Prepare(_transaction!);
        }
    }

    public void Write(RowBatch batch)
    {
        foreach (var (table, values) in batch.Rows())
        {
            table.Insert(values.Span);
        }

        _uncommitted += batch.RowCount;
        if (_uncommitted >= DemoDataGenerator.RowsPerTransaction)
        {
            Commit();
        }
    }

    public void Commit()
    {
        Complete();
        Begin();
    }

    /// <summary>Commits what is written and leaves the connection without a transaction.</summary>
    public void Complete()
    {
        _transaction!.Commit();
        _transaction.Dispose();
        _transaction = null;
    }

    public void Begin()
    {
        _transaction = _connection.BeginTransaction();
        _uncommitted = 0;
        foreach (var table in _tables)
        {
            table.UseTransaction(_transaction);
        }
    }
}
