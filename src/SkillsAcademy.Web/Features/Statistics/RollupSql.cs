using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SkillsAcademy.Domain.Statistics;
using SkillsAcademy.Infrastructure.Persistence;

namespace SkillsAcademy.Web.Features.Statistics;

/// <summary>
/// The set-based statements that rebuild one day partition of the rollups, in the dialect of the database in use.
/// Parameters: {0} day, {1} start (UTC instant, inclusive), {2} end (exclusive), {3} first day of the month,
/// {4} the day's bit in <c>StatLearnerMonths.ActiveDays</c>, {5} January 1st of the year, {6} the month's bit in
/// <c>StatLearnerYears.ActiveMonths</c>, {7} the first day of the next month.
/// </summary>
internal sealed class RollupSql
{
    private static readonly DateTimeOffsetToBinaryConverter SqliteInstant = new();

    private RollupSql(bool sqlite)
    {
        Sqlite = sqlite;
        var courseId = sqlite ? "CAST(json_extract(e.Data, '$.courseId') AS INTEGER)" : "CAST(JSON_VALUE(e.Data, '$.courseId') AS int)";
        var seconds = sqlite ? "CAST(json_extract(e.Data, '$.seconds') AS INTEGER)" : "CAST(JSON_VALUE(e.Data, '$.seconds') AS bigint)";
        var passed = sqlite ? "a.Passed" : "CAST(a.Passed AS int)";
        var fen = sqlite ? "CAST(ROUND(b.FaceValue * 100) AS INTEGER)" : "CAST(ROUND(b.FaceValue * 100, 0) AS bigint)";
        // SQLite has no statistics to choose by and would take the status index (every graded attempt ever) over the one
        // on ClosedAt (the day's): the unary + keeps the status test off the index.
        var graded = sqlite ? "+a.Status IN (2, 3)" : "a.Status IN (2, 3)";
        var segment = $"e.Kind = 'StudySegmentCredited' AND e.OccurredAt >= {{1}} AND e.OccurredAt < {{2}}";

        DeleteFacts = "DELETE FROM StatDailyFacts WHERE Day = {0}";

        // Every source lands in one column set, then one GROUP BY per (region, enterprise, course) cell.
        InsertFacts = $$"""
            INSERT INTO StatDailyFacts (Day, RegionCode, EnterpriseId, CourseId, OccupationId, SkillLevel, CreditedSeconds,
                PersonTimes, NewEnrolments, Completions, Certificates, QuizAttempts, QuizPasses, VouchersRedeemed, VoucherAmountFen)
            SELECT {0}, COALESCE(p.RegionCode, ''), COALESCE(p.EnterpriseId, 0), x.CourseId, c.OccupationId, c.SkillLevel,
                SUM(x.Seconds), SUM(x.Active), SUM(x.Enrolled), SUM(x.Completed), SUM(x.Certified), SUM(x.Attempted), SUM(x.Passed),
                SUM(x.Redeemed), SUM(x.Fen)
            FROM (
                SELECT s.LearnerId, s.CourseId, SUM(s.Seconds) AS Seconds, 1 AS Active, 0 AS Enrolled, 0 AS Completed, 0 AS Certified,
                    0 AS Attempted, 0 AS Passed, 0 AS Redeemed, 0 AS Fen
                FROM (SELECT e.LearnerId, {{courseId}} AS CourseId, {{seconds}} AS Seconds FROM LearningEvents e WHERE {{segment}}) s
                GROUP BY s.LearnerId, s.CourseId
                UNION ALL
                SELECT n.LearnerId, n.CourseId, 0, 0, 1, 0, 0, 0, 0, 0, 0 FROM Enrolments n WHERE n.EnrolledAt >= {1} AND n.EnrolledAt < {2}
                UNION ALL
                SELECT n.LearnerId, n.CourseId, 0, 0, 0, 1, 0, 0, 0, 0, 0 FROM Enrolments n WHERE n.CompletedAt >= {1} AND n.CompletedAt < {2}
                UNION ALL
                SELECT t.LearnerId, t.CourseId, 0, 0, 0, 0, 1, 0, 0, 0, 0 FROM Certificates t WHERE t.IssuedAt >= {1} AND t.IssuedAt < {2}
                UNION ALL
                SELECT a.LearnerId, a.CourseId, 0, 0, 0, 0, 0, 1, {{passed}}, 0, 0 FROM QuizAttempts a
                WHERE {{graded}} AND a.ClosedAt >= {1} AND a.ClosedAt < {2}
                UNION ALL
                SELECT v.LearnerId, n.CourseId, 0, 0, 0, 0, 0, 0, 0, 1, {{fen}}
                FROM Vouchers v JOIN VoucherBatches b ON b.Id = v.BatchId JOIN Enrolments n ON n.Id = v.EnrolmentId
                WHERE v.Status = 4 AND v.RedeemedAt >= {1} AND v.RedeemedAt < {2}
            ) x
            JOIN Courses c ON c.Id = x.CourseId
            LEFT JOIN LearnerProfiles p ON p.UserId = x.LearnerId
            GROUP BY COALESCE(p.RegionCode, ''), COALESCE(p.EnterpriseId, 0), x.CourseId, c.OccupationId, c.SkillLevel
            """;

        // StatMonthlyFacts is the sum of the month's daily rows: the day's old rows are taken out (negated) before they are
        // deleted, the new rows put in after they are written, and cells left at zero by the day's old rows removed.
        var measures = new[] { "CreditedSeconds", "ActivePairDays", "NewEnrolments", "Completions", "Certificates", "QuizAttempts", "QuizPasses", "VouchersRedeemed", "VoucherAmountFen" };
        var dailyMeasures = "d.CreditedSeconds, d.PersonTimes, d.NewEnrolments, d.Completions, d.Certificates, d.QuizAttempts, d.QuizPasses, d.VouchersRedeemed, d.VoucherAmountFen";
        var cellColumns = "Month, RegionCode, EnterpriseId, CourseId, OccupationId, SkillLevel, " + string.Join(", ", measures);
        string MonthDelta(string sign)
        {
            var values = sign.Length == 0 ? dailyMeasures : string.Join(", ", dailyMeasures.Split(", ").Select(m => "-" + m));
            var daySource = $"SELECT {{3}} AS Month, d.RegionCode, d.EnterpriseId, d.CourseId, d.OccupationId, d.SkillLevel, {values} FROM StatDailyFacts d WHERE d.Day = {{0}}";
            return sqlite
                ? $"""
                    INSERT INTO StatMonthlyFacts ({cellColumns})
                    {daySource}
                    ON CONFLICT (Month, RegionCode, EnterpriseId, CourseId) DO UPDATE SET OccupationId = excluded.OccupationId, SkillLevel = excluded.SkillLevel,
                        {string.Join(", ", measures.Select(m => $"{m} = {m} + excluded.{m}"))}
                    """
                : $"""
                    MERGE StatMonthlyFacts WITH (HOLDLOCK) AS t
                    USING ({daySource}) AS s (Month, RegionCode, EnterpriseId, CourseId, OccupationId, SkillLevel, {string.Join(", ", measures)})
                    ON t.Month = s.Month AND t.RegionCode = s.RegionCode AND t.EnterpriseId = s.EnterpriseId AND t.CourseId = s.CourseId
                    WHEN MATCHED THEN UPDATE SET OccupationId = s.OccupationId, SkillLevel = s.SkillLevel, {string.Join(", ", measures.Select(m => $"{m} = t.{m} + s.{m}"))}
                    WHEN NOT MATCHED THEN INSERT ({cellColumns}) VALUES ({string.Join(", ", cellColumns.Split(", ").Select(c => "s." + c))});
                    """;
        }

        SubtractDayFromMonth = MonthDelta("-");
        AddDayToMonth = MonthDelta("");
        var empty = "ActivePairDays = 0 AND NewEnrolments = 0 AND Completions = 0 AND Certificates = 0 AND QuizAttempts = 0 AND VouchersRedeemed = 0";
        DeleteEmptyMonthCells = sqlite
            ? $$"""
                DELETE FROM StatMonthlyFacts
                WHERE (Month, RegionCode, EnterpriseId, CourseId) IN (SELECT {3}, d.RegionCode, d.EnterpriseId, d.CourseId FROM StatDailyFacts d WHERE d.Day = {0})
                    AND {{empty}}
                """
            : $$"""
                DELETE m FROM StatMonthlyFacts m
                WHERE m.Month = {3} AND EXISTS (SELECT 1 FROM StatDailyFacts d WHERE d.Day = {0} AND d.RegionCode = m.RegionCode
                    AND d.EnterpriseId = m.EnterpriseId AND d.CourseId = m.CourseId)
                    AND {{empty}}
                """;

        // The cells drop the enterprise and the course: the day's cells are its facts summed, the month's cells its days'
        // cells summed (at most 31 days of about a thousand rows), both rebuilt whole like the day itself.
        var cellMeasures = "CreditedSeconds, PersonTimes, NewEnrolments, Completions, Certificates, QuizAttempts, QuizPasses, VouchersRedeemed, VoucherAmountFen";
        var sums = string.Join(", ", cellMeasures.Split(", ").Select(m => $"SUM({m})"));
        RebuildCells = $$"""
            DELETE FROM StatDailyCells WHERE Day = {0};
            INSERT INTO StatDailyCells (Day, RegionCode, OccupationId, SkillLevel, {{cellMeasures}})
            SELECT {0}, RegionCode, OccupationId, SkillLevel, {{sums}}
            FROM StatDailyFacts WHERE Day = {0}
            GROUP BY RegionCode, OccupationId, SkillLevel;
            DELETE FROM StatMonthlyCells WHERE Month = {3};
            INSERT INTO StatMonthlyCells (Month, RegionCode, OccupationId, SkillLevel, {{cellMeasures.Replace("PersonTimes", "ActivePairDays", StringComparison.Ordinal)}})
            SELECT {3}, RegionCode, OccupationId, SkillLevel, {{sums}}
            FROM StatDailyCells WHERE Day >= {3} AND Day < {7}
            GROUP BY RegionCode, OccupationId, SkillLevel;
            """;

        BumpStamp = sqlite
            ? $"INSERT INTO StatRollupStamps (Id, Version) VALUES ({RollupStamp.SingleId}, 1) ON CONFLICT (Id) DO UPDATE SET Version = Version + 1"
            : $"""
                MERGE StatRollupStamps WITH (HOLDLOCK) AS t USING (SELECT {RollupStamp.SingleId} AS Id) AS s ON t.Id = s.Id
                WHEN MATCHED THEN UPDATE SET Version = t.Version + 1
                WHEN NOT MATCHED THEN INSERT (Id, Version) VALUES (s.Id, 1);
                """;

        // Study days only ever accumulate (learning events are append-only), so OR-ing the day's bit into the pair's month
        // row, and the month's bit into its year row, is the whole recompute of the day for these tables: running it
        // again changes nothing.
        string UpsertLearnerBits(string table, string period, string bits, string periodValue, string bitValue)
        {
            var source = $$"""
                SELECT {{periodValue}} AS {{period}}, x.LearnerId, x.CourseId, COALESCE(p.RegionCode, '') AS RegionCode,
                    COALESCE(p.EnterpriseId, 0) AS EnterpriseId, c.OccupationId, c.SkillLevel, {{bitValue}} AS {{bits}}
                FROM (SELECT DISTINCT e.LearnerId, {{courseId}} AS CourseId FROM LearningEvents e WHERE {{segment}}) x
                JOIN Courses c ON c.Id = x.CourseId
                LEFT JOIN LearnerProfiles p ON p.UserId = x.LearnerId
                """;
            var columns = $"{period}, LearnerId, CourseId, RegionCode, EnterpriseId, OccupationId, SkillLevel, {bits}";
            return sqlite
                ? $"""
                    INSERT INTO {table} ({columns})
                    {source}
                    WHERE 1 = 1
                    ON CONFLICT ({period}, LearnerId, CourseId) DO UPDATE SET {bits} = {bits} | excluded.{bits},
                        RegionCode = excluded.RegionCode, EnterpriseId = excluded.EnterpriseId,
                        OccupationId = excluded.OccupationId, SkillLevel = excluded.SkillLevel
                    """
                : $"""
                    MERGE {table} WITH (HOLDLOCK) AS t
                    USING ({source}) AS s
                    ON t.{period} = s.{period} AND t.LearnerId = s.LearnerId AND t.CourseId = s.CourseId
                    WHEN MATCHED THEN UPDATE SET {bits} = t.{bits} | s.{bits}, RegionCode = s.RegionCode,
                        EnterpriseId = s.EnterpriseId, OccupationId = s.OccupationId, SkillLevel = s.SkillLevel
                    WHEN NOT MATCHED THEN INSERT ({columns})
                        VALUES ({string.Join(", ", columns.Split(", ").Select(c => "s." + c))});
                    """;
        }

        UpsertLearnerMonths = UpsertLearnerBits("StatLearnerMonths", "Month", "ActiveDays", "{3}", "{4}");
        UpsertLearnerYears = UpsertLearnerBits("StatLearnerYears", "Year", "ActiveMonths", "{5}", "{6}");
    }

    public bool Sqlite { get; }

    public string DeleteFacts { get; }

    public string InsertFacts { get; }

    public string UpsertLearnerMonths { get; }

    /// <summary>Takes the day's current rows out of <c>StatMonthlyFacts</c> (before they are deleted).</summary>
    public string SubtractDayFromMonth { get; }

    /// <summary>Removes the month cells of the day's old rows that no other day of the month keeps above zero.</summary>
    public string DeleteEmptyMonthCells { get; }

    /// <summary>Adds the day's new rows to <c>StatMonthlyFacts</c>.</summary>
    public string AddDayToMonth { get; }

    public string UpsertLearnerYears { get; }

    /// <summary>Rebuilds the day's <c>StatDailyCells</c> from its facts and its month's <c>StatMonthlyCells</c> from the days' cells.</summary>
    public string RebuildCells { get; }

    /// <summary>Raises <c>StatRollupStamps.Version</c>: run in every transaction that changes the rollups.</summary>
    public string BumpStamp { get; }

    public static RollupSql For(SkillsAcademyDbContext db) => db.Database.IsSqlite() ? SqliteDialect : SqlServerDialect;

    /// <summary>An instant as the database stores it (binary ticks on SQLite, datetimeoffset on SQL Server).</summary>
    public object Instant(DateTimeOffset value) => Sqlite ? SqliteInstant.ConvertToProvider(value)! : value;

    private static readonly RollupSql SqliteDialect = new(sqlite: true);
    private static readonly RollupSql SqlServerDialect = new(sqlite: false);
}
