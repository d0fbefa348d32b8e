using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SkillsAcademy.Domain.Statistics;
using SkillsAcademy.Infrastructure.Persistence;
using SkillsAcademy.Web.Features.Statistics;
using SkillsAcademy.Web.Platform;
using SkillsAcademy.Web.Resources;

namespace SkillsAcademy.Benchmarks;

/// <summary>
/// The statistics dashboard's own queries, through <see cref="StatisticsService"/>, on a database made by
/// <c>--generate-demo-data</c>: what the page asks when it opens (KPI cards for this year, the monthly trend,
/// person-times by occupation and by region) and the table's heavier layouts (by course, the provincial report),
/// for the whole province and for one city and one occupation. Every invocation is one query, timed alone, so the
/// P95 column is the 95th percentile of single dashboard queries.
/// </summary>
/// <remarks>
/// The rollup tables of the database named by <c>STATS_BENCH_DB</c> are filled in place when they are not filled yet
/// by this schema (a full rollup, minutes at 10 million events). The learning records are only read.
/// <code>
/// STATS_BENCH_DB=/work/statdata/d10m/skillsacademy.db dotnet run -c Release --project tests/SkillsAcademy.Benchmarks -- --filter '*StatisticsDashboard*' --inProcess
/// </code>
/// </remarks>
[Config(typeof(DashboardConfig))]
public class StatisticsDashboardBenchmarks
{
    private PooledDbContextFactory<SkillsAcademyDbContext> _factory = default!;
    private StatisticsService _service = default!;
    private StatisticsService _answering = default!;
    private StatisticsFilter _filter = default!;

    /// <summary>Whole province for this year (the page's default), or this year for Fuzhou and its busiest occupation.</summary>
    [Params("province", "city+occupation")]
    public string Scope { get; set; } = "province";

    [GlobalSetup]
    public void Setup()
    {
        _factory = StatisticsBenchmarkData.Factory();
        StatisticsBenchmarkData.EnsureRolledUp(_factory);
        var localizer = new StringLocalizer<SharedResource>(new ResourceManagerStringLocalizerFactory(
            Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        // The queries themselves (no answer cache), and the service as the app composes it (answers kept per rollup version).
        var activity = new LearnerActivityCache(_factory);
        _service = new StatisticsService(_factory, new StatisticsQueries(_factory, activity), localizer);
        _answering = new StatisticsService(_factory, new StatisticsQueries(_factory, activity), localizer, new StatisticsAnswerCache(activity));

        var (_, last) = StatisticsBenchmarkData.StudyRange(_factory);
        _filter = new StatisticsFilter { From = new DateOnly(last.Year, 1, 1), To = last };
        if (Scope != "province")
        {
            using var db = _factory.CreateDbContext();
            var occupation = db.DailyFacts.Where(f => f.RegionCode.StartsWith("3501"))
                .GroupBy(f => f.OccupationId).OrderByDescending(g => g.Sum(f => f.PersonTimes)).Select(g => g.Key).First();
            _filter = _filter with { RegionCode = "350100", OccupationId = occupation };
        }
    }

    [GlobalCleanup]
    public void Cleanup() => SqliteConnection.ClearAllPools();

    [Benchmark(Description = "KPI cards")]
    public Task<StatisticsMeasures> Kpis() => ProcessCpu.MeasureAsync(nameof(Kpis), Scope, () => _service.MeasuresAsync(_filter));

    /// <summary>A rollup just committed (the stamp moves before every invocation): the learner rows are read again.</summary>
    [Benchmark(Description = "KPI cards, first question after a rollup")]
    public Task<StatisticsMeasures> KpisAfterRollup() => ProcessCpu.MeasureAsync(nameof(KpisAfterRollup), Scope, () => _service.MeasuresAsync(_filter));

    [IterationSetup(Target = nameof(KpisAfterRollup))]
    public void NewRollupVersion()
    {
        using var db = _factory.CreateDbContext();
        db.RollupStamps.ExecuteUpdate(set => set.SetProperty(s => s.Version, s => s.Version + 1));
    }

    /// <summary>The same question asked again before the next rollup, as the app answers it.</summary>
    [Benchmark(Description = "KPI cards, asked again (answer kept)")]
    public Task<StatisticsMeasures> KpisKept() => ProcessCpu.MeasureAsync(nameof(KpisKept), Scope, () => _answering.MeasuresAsync(_filter));

    [Benchmark(Description = "trend by month")]
    public Task<IReadOnlyList<StatisticsRow>> Trend() => ProcessCpu.MeasureAsync(nameof(Trend), Scope, () => _service.TrendAsync(_filter));

    [Benchmark(Description = "by occupation")]
    public Task<IReadOnlyList<StatisticsRow>> ByOccupation() => ProcessCpu.MeasureAsync(nameof(ByOccupation), Scope, () => _service.RowsAsync(_filter, StatisticsLayout.ByOccupation));

    [Benchmark(Description = "by region (chart + default table)")]
    public Task<IReadOnlyList<StatisticsRow>> ByRegion() => ProcessCpu.MeasureAsync(nameof(ByRegion), Scope, () => _service.RowsAsync(_filter, StatisticsLayout.ByRegion));

    [Benchmark(Description = "table: by course")]
    public Task<IReadOnlyList<StatisticsRow>> ByCourse() => ProcessCpu.MeasureAsync(nameof(ByCourse), Scope, () => _service.RowsAsync(_filter, StatisticsLayout.ByCourse));

    [Benchmark(Description = "table: provincial report")]
    public Task<IReadOnlyList<StatisticsRow>> ProvincialReport() => ProcessCpu.MeasureAsync(nameof(ProvincialReport), Scope, () => _service.RowsAsync(_filter, StatisticsLayout.ProvincialReport));

    /// <summary>Monitoring (each invocation timed alone, no pilot), one warm-up, <c>STATS_BENCH_ITERATIONS</c> (default 20) measurements, with P50 and P95.</summary>
    public sealed class DashboardConfig : ManualConfig
    {
        public DashboardConfig()
        {
            var iterations = int.Parse(Environment.GetEnvironmentVariable("STATS_BENCH_ITERATIONS") ?? "20", CultureInfo.InvariantCulture);
            AddJob(StatisticsBenchmarkData.InProcess(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(iterations).WithInvocationCount(1).WithUnrollFactor(1)));
            AddColumn(StatisticColumn.P50, StatisticColumn.P95, StatisticColumn.Max);
            AddColumn(new ProcessCpu.Column(c => (string)c.Parameters[nameof(Scope)]!));
            WithBuildTimeout(TimeSpan.FromMinutes(20));
        }
    }
}

/// <summary>The database the statistics benchmarks read (<c>STATS_BENCH_DB</c>), opened through EF like the app does.</summary>
internal static class StatisticsBenchmarkData
{
    public static string Source => Environment.GetEnvironmentVariable("STATS_BENCH_DB")
        ?? throw new InvalidOperationException("Set STATS_BENCH_DB to a database made by --generate-demo-data.");

    /// <summary>
    /// In this process: the data is minutes to set up and the out-of-process build timed out on the shared machine;
    /// a 10-million-event rollup runs far past the in-process default time-out of five minutes.
    /// </summary>
    public static Job InProcess(Job job) => job.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromHours(4), logOutput: true));

    public static PooledDbContextFactory<SkillsAcademyDbContext> Factory(string? path = null)
    {
        var options = new DbContextOptionsBuilder<SkillsAcademyDbContext>();
        options.UseSkillsAcademyDatabase(DatabaseProvider.Sqlite, $"Data Source={path ?? Source}");
        var factory = new PooledDbContextFactory<SkillsAcademyDbContext>(options.Options);
        using var db = factory.CreateDbContext();
        db.Database.Migrate();
        return factory;
    }

    /// <summary>The first and last platform days with credited study.</summary>
    public static (DateOnly First, DateOnly Last) StudyRange(PooledDbContextFactory<SkillsAcademyDbContext> factory)
    {
        using var db = factory.CreateDbContext();
        var connection = db.Database.GetDbConnection();
        connection.Open();
        using var range = connection.CreateCommand();
        range.CommandText = "SELECT MIN(OccurredAt), MAX(OccurredAt) FROM LearningEvents WHERE Kind = 'StudySegmentCredited'";
        using var reader = range.ExecuteReader();
        reader.Read();
        var calendar = Domain.Learning.PlatformCalendar.Default;
        return (calendar.DayOf(FromBinary(reader.GetInt64(0))), calendar.DayOf(FromBinary(reader.GetInt64(1))));
    }

    /// <summary>What a full rollup of this schema by a benchmark is recorded as (requested by).</summary>
    public static string Marker(PooledDbContextFactory<SkillsAcademyDbContext> factory)
    {
        using var db = factory.CreateDbContext();
        return "benchmark:" + db.Database.GetService<IMigrationsAssembly>().Migrations.Keys.Max();
    }

    /// <summary>Rolls the whole study range up once per schema: skipped when a full run of this schema already succeeded.</summary>
    public static void EnsureRolledUp(PooledDbContextFactory<SkillsAcademyDbContext> factory)
    {
        var marker = Marker(factory);
        var (first, last) = StudyRange(factory);
        using (var db = factory.CreateDbContext())
        {
            if (db.RollupRuns.Any(r => r.RequestedBy == marker && r.Status == RollupStatus.Succeeded && r.From <= first && r.To >= last))
            {
                return;
            }

            db.DailyFacts.ExecuteDelete();
            db.LearnerMonths.ExecuteDelete();
            db.MonthlyFacts.ExecuteDelete();
            db.LearnerYears.ExecuteDelete();
            db.DailyCells.ExecuteDelete();
            db.MonthlyCells.ExecuteDelete();
        }

        var started = DateTime.UtcNow;
        Console.WriteLine($"// Rolling up {first}..{last} in {Source} (once per schema)...");
        Rollup(factory).RebuildAsync(first, last, RollupTrigger.Manual, marker).GetAwaiter().GetResult();
        Console.WriteLine($"// Rolled up in {DateTime.UtcNow - started}.");
    }

    public static StatisticsRollup Rollup(PooledDbContextFactory<SkillsAcademyDbContext> factory) => new(
        factory, null!, Options.Create(new PlatformOptions()), Options.Create(new StatisticsOptions()), TimeProvider.System,
        NullLogger<StatisticsRollup>.Instance);

    // EF stores an instant as (ticks / 1000) << 11 | offset minutes: the upper bits count 100 µs since year 1.
    private static DateTimeOffset FromBinary(long stored) => DateTimeOffset.FromUnixTimeMilliseconds(((stored >> 11) - 621355968000000) / 10);
}
