using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SkillsAcademy.Domain.Statistics;
using SkillsAcademy.Infrastructure.Persistence;
using SkillsAcademy.Web.Features.Statistics;
using SkillsAcademy.Web.Platform;

namespace SkillsAcademy.Benchmarks;

/// <summary>
/// The full statistics rollup (every day of the generated year, day partition by day partition, through
/// <see cref="StatisticsRollup"/>) against one hand-written <c>INSERT … SELECT … GROUP BY</c> per rollup table producing
/// the same rows (daily facts and learner months from the records, monthly facts and learner years from those), and the hourly run of one day, on a database made by <c>--generate-demo-data</c>.
/// </summary>
/// <remarks>
/// Generate the data once, then point the benchmark at it. The file is copied to <c>rollup-bench/statistics.db</c> next
/// to it (the original stays untouched) and the copy is kept, rolled up, for the dashboard benchmark:
/// <code>
/// ASPNETCORE_ENVIRONMENT=Development Database__DataDirectory=/work/statdata/d1m dotnet src/SkillsAcademy.Web/bin/Release/net10.0/SkillsAcademy.Web.dll --generate-demo-data --learners 10000 --courses 100 --study-events 1000000
/// STATS_BENCH_DB=/work/statdata/d1m/skillsacademy.db dotnet run -c Release --project tests/SkillsAcademy.Benchmarks -- --filter '*StatisticsRollup*'
/// STATS_BENCH_DB=/work/statdata/d1m/rollup-bench/statistics.db dotnet run -c Release --project tests/SkillsAcademy.Benchmarks -- --filter '*StatisticsDashboard*'
/// </code>
/// </remarks>
[MemoryDiagnoser]
[Config(typeof(RollupConfig))]
public class StatisticsRollupBenchmarks
{
    private string _connectionString = "";
    private PooledDbContextFactory<SkillsAcademyDbContext> _factory = default!;
    private StatisticsRollup _rollup = default!;
    private DateOnly _from;
    private DateOnly _to;

    [GlobalSetup]
    public void Setup()
    {
        // One copy per process, next to the source, kept afterwards: the dashboard benchmark can be pointed at it.
        var copy = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(StatisticsBenchmarkData.Source))!, "rollup-bench", "statistics.db");
        if (!Copied)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            SqliteConnection.ClearAllPools();
            foreach (var stale in Directory.GetFiles(Path.GetDirectoryName(copy)!))
            {
                File.Delete(stale);
            }

            File.Copy(StatisticsBenchmarkData.Source, copy);
            Copied = true;
        }

        _connectionString = $"Data Source={copy}";
        _factory = StatisticsBenchmarkData.Factory(copy);
        _rollup = StatisticsBenchmarkData.Rollup(_factory);
        (_from, _to) = StatisticsBenchmarkData.StudyRange(_factory);
    }

    private static bool Copied { get; set; }

    /// <summary>The hourly run meets a year of rollups already there, as in production: filled once by the hand-written statements.</summary>
    [GlobalSetup(Target = nameof(OneDay))]
    public void SetupOneDay()
    {
        Setup();
        using var connection = Open();
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM StatLearnerYears";
        if (Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture) == 0)
        {
            ClearRollups();
            HandWrittenStatements();
        }
    }

    [IterationSetup(Targets = [nameof(HandWrittenGroupBy), nameof(ProductRollup)])]
    public void ClearRollups()
    {
        using var connection = Open();
        using var clear = connection.CreateCommand();
        clear.CommandText = "DELETE FROM StatDailyFacts; DELETE FROM StatLearnerMonths; DELETE FROM StatMonthlyFacts; DELETE FROM StatLearnerYears; DELETE FROM StatDailyCells; DELETE FROM StatMonthlyCells; DELETE FROM StatRollupRuns;";
        clear.ExecuteNonQuery();
    }

    [Benchmark(Baseline = true, Description = "Hand-written INSERT…SELECT…GROUP BY, whole year")]
    public void HandWrittenGroupBy() => ProcessCpu.Measure(nameof(HandWrittenGroupBy), "", HandWrittenStatements);

    private void HandWrittenStatements()
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;

        // Local day (UTC+8, no DST) straight from the stored binary instant.
        const string Day = "date((((X.At >> 11) - 621355968000000) / 10000) + 28800, 'unixepoch')";
        command.CommandText = $$"""
            INSERT INTO StatDailyFacts (Day, RegionCode, EnterpriseId, CourseId, OccupationId, SkillLevel, CreditedSeconds,
                PersonTimes, NewEnrolments, Completions, Certificates, QuizAttempts, QuizPasses, VouchersRedeemed, VoucherAmountFen)
            SELECT x.Day, COALESCE(p.RegionCode, ''), COALESCE(p.EnterpriseId, 0), x.CourseId, c.OccupationId, c.SkillLevel,
                SUM(x.Seconds), SUM(x.Active), SUM(x.Enrolled), SUM(x.Completed), SUM(x.Certified), SUM(x.Attempted), SUM(x.Passed), SUM(x.Redeemed), SUM(x.Fen)
            FROM (
                SELECT s.Day, s.LearnerId, s.CourseId, SUM(s.Seconds) AS Seconds, 1 AS Active, 0 AS Enrolled, 0 AS Completed, 0 AS Certified, 0 AS Attempted, 0 AS Passed, 0 AS Redeemed, 0 AS Fen
                FROM (SELECT {{Day.Replace("X.At", "e.OccurredAt")}} AS Day, e.LearnerId, CAST(json_extract(e.Data, '$.courseId') AS INTEGER) AS CourseId,
                      CAST(json_extract(e.Data, '$.seconds') AS INTEGER) AS Seconds FROM LearningEvents e WHERE e.Kind = 'StudySegmentCredited') s
                GROUP BY s.Day, s.LearnerId, s.CourseId
                UNION ALL SELECT {{Day.Replace("X.At", "n.EnrolledAt")}}, n.LearnerId, n.CourseId, 0, 0, 1, 0, 0, 0, 0, 0, 0 FROM Enrolments n
                UNION ALL SELECT {{Day.Replace("X.At", "n.CompletedAt")}}, n.LearnerId, n.CourseId, 0, 0, 0, 1, 0, 0, 0, 0, 0 FROM Enrolments n WHERE n.CompletedAt IS NOT NULL
                UNION ALL SELECT {{Day.Replace("X.At", "t.IssuedAt")}}, t.LearnerId, t.CourseId, 0, 0, 0, 0, 1, 0, 0, 0, 0 FROM Certificates t
                UNION ALL SELECT {{Day.Replace("X.At", "a.ClosedAt")}}, a.LearnerId, a.CourseId, 0, 0, 0, 0, 0, 1, a.Passed, 0, 0 FROM QuizAttempts a WHERE a.Status IN (2, 3)
                UNION ALL SELECT {{Day.Replace("X.At", "v.RedeemedAt")}}, v.LearnerId, n.CourseId, 0, 0, 0, 0, 0, 0, 0, 1, CAST(ROUND(b.FaceValue * 100) AS INTEGER)
                    FROM Vouchers v JOIN VoucherBatches b ON b.Id = v.BatchId JOIN Enrolments n ON n.Id = v.EnrolmentId WHERE v.Status = 4
            ) x
            JOIN Courses c ON c.Id = x.CourseId
            LEFT JOIN LearnerProfiles p ON p.UserId = x.LearnerId
            WHERE x.Day BETWEEN $from AND $to
            GROUP BY x.Day, COALESCE(p.RegionCode, ''), COALESCE(p.EnterpriseId, 0), x.CourseId, c.OccupationId, c.SkillLevel;

            INSERT INTO StatLearnerMonths (Month, LearnerId, CourseId, RegionCode, EnterpriseId, OccupationId, SkillLevel, ActiveDays)
            SELECT substr(x.Day, 1, 8) || '01', x.LearnerId, x.CourseId, COALESCE(p.RegionCode, ''), COALESCE(p.EnterpriseId, 0), c.OccupationId, c.SkillLevel,
                SUM(DISTINCT 1 << (CAST(substr(x.Day, 9, 2) AS INTEGER) - 1))
            FROM (SELECT DISTINCT {{Day.Replace("X.At", "e.OccurredAt")}} AS Day, e.LearnerId, CAST(json_extract(e.Data, '$.courseId') AS INTEGER) AS CourseId
                  FROM LearningEvents e WHERE e.Kind = 'StudySegmentCredited') x
            JOIN Courses c ON c.Id = x.CourseId
            LEFT JOIN LearnerProfiles p ON p.UserId = x.LearnerId
            WHERE x.Day BETWEEN $from AND $to
            GROUP BY substr(x.Day, 1, 8), x.LearnerId, x.CourseId;

            INSERT INTO StatMonthlyFacts (Month, RegionCode, EnterpriseId, CourseId, OccupationId, SkillLevel, CreditedSeconds, ActivePairDays,
                NewEnrolments, Completions, Certificates, QuizAttempts, QuizPasses, VouchersRedeemed, VoucherAmountFen)
            SELECT substr(Day, 1, 8) || '01', RegionCode, EnterpriseId, CourseId, OccupationId, SkillLevel, SUM(CreditedSeconds), SUM(PersonTimes),
                SUM(NewEnrolments), SUM(Completions), SUM(Certificates), SUM(QuizAttempts), SUM(QuizPasses), SUM(VouchersRedeemed), SUM(VoucherAmountFen)
            FROM StatDailyFacts
            GROUP BY substr(Day, 1, 8), RegionCode, EnterpriseId, CourseId;

            INSERT INTO StatLearnerYears (Year, LearnerId, CourseId, RegionCode, EnterpriseId, OccupationId, SkillLevel, ActiveMonths)
            SELECT substr(Month, 1, 5) || '01-01', LearnerId, CourseId, RegionCode, EnterpriseId, OccupationId, SkillLevel,
                SUM(DISTINCT 1 << (CAST(substr(Month, 6, 2) AS INTEGER) - 1))
            FROM StatLearnerMonths
            GROUP BY substr(Month, 1, 5), LearnerId, CourseId;

            INSERT INTO StatDailyCells (Day, RegionCode, OccupationId, SkillLevel, CreditedSeconds, PersonTimes, NewEnrolments, Completions,
                Certificates, QuizAttempts, QuizPasses, VouchersRedeemed, VoucherAmountFen)
            SELECT Day, RegionCode, OccupationId, SkillLevel, SUM(CreditedSeconds), SUM(PersonTimes), SUM(NewEnrolments), SUM(Completions),
                SUM(Certificates), SUM(QuizAttempts), SUM(QuizPasses), SUM(VouchersRedeemed), SUM(VoucherAmountFen)
            FROM StatDailyFacts
            GROUP BY Day, RegionCode, OccupationId, SkillLevel;

            INSERT INTO StatMonthlyCells (Month, RegionCode, OccupationId, SkillLevel, CreditedSeconds, ActivePairDays, NewEnrolments, Completions,
                Certificates, QuizAttempts, QuizPasses, VouchersRedeemed, VoucherAmountFen)
            SELECT substr(Day, 1, 8) || '01', RegionCode, OccupationId, SkillLevel, SUM(CreditedSeconds), SUM(PersonTimes), SUM(NewEnrolments),
                SUM(Completions), SUM(Certificates), SUM(QuizAttempts), SUM(QuizPasses), SUM(VouchersRedeemed), SUM(VoucherAmountFen)
            FROM StatDailyCells
            GROUP BY substr(Day, 1, 8), RegionCode, OccupationId, SkillLevel;
            """;
        command.Parameters.AddWithValue("$from", _from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$to", _to.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        command.ExecuteNonQuery();
        transaction.Commit();
    }

    [Benchmark(Description = "StatisticsRollup, whole year, one transaction per day")]
    public Task<int> ProductRollup() => ProcessCpu.MeasureAsync(nameof(ProductRollup), "", () => _rollup.RebuildAsync(_from, _to, RollupTrigger.Manual, StatisticsBenchmarkData.Marker(_factory)));

    [Benchmark(Description = "StatisticsRollup, one day (the hourly run)")]
    public Task<int> OneDay() => ProcessCpu.MeasureAsync(nameof(OneDay), "", () => _rollup.RebuildAsync(_to, _to, RollupTrigger.Hourly, null));

    [GlobalCleanup]
    public void Cleanup() => SqliteConnection.ClearAllPools();

    /// <summary>Monitoring, no warm-up, <c>STATS_BENCH_ITERATIONS</c> (default 3) runs of each, in this process.</summary>
    public sealed class RollupConfig : ManualConfig
    {
        public RollupConfig()
        {
            var iterations = int.Parse(Environment.GetEnvironmentVariable("STATS_BENCH_ITERATIONS") ?? "3", CultureInfo.InvariantCulture);
            AddJob(StatisticsBenchmarkData.InProcess(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(0).WithIterationCount(iterations)));
            AddColumn(StatisticColumn.Median, StatisticColumn.Min, StatisticColumn.Max);
            AddColumn(new ProcessCpu.Column(_ => ""));
        }
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }
}
