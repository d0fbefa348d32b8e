using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SkillsAcademy.Domain.Catalog;
using SkillsAcademy.Domain.People;
using SkillsAcademy.Domain.Statistics;
using SkillsAcademy.Infrastructure.Persistence;
using SkillsAcademy.Web.Resources;

namespace SkillsAcademy.Web.Features.Statistics;

/// <summary>The federation's statistics: overview counts, dashboard figures, breakdowns with labels, rollup status.</summary>
public sealed class StatisticsService(
    IDbContextFactory<SkillsAcademyDbContext> contextFactory,
    StatisticsQueries queries,
    IStringLocalizer<SharedResource> localizer,
    StatisticsAnswerCache? answers = null)
{
    /// <summary>Headline counts for the federation's overview: people per role and occupations offered.</summary>
    public async Task<PlatformOverview> GetOverviewAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var perRole = await db.Roles
            .Select(r => new { r.Name, Count = db.UserRoles.Count(ur => ur.RoleId == r.Id) })
            .ToDictionaryAsync(r => r.Name!, r => r.Count, cancellationToken);
        var occupations = await db.Occupations.CountAsync(cancellationToken);
        return new PlatformOverview(
            perRole.GetValueOrDefault(Roles.Learner),
            perRole.GetValueOrDefault(Roles.Instructor),
            occupations);
    }

    /// <summary>The headline figures for a filter.</summary>
    public async Task<StatisticsMeasures> MeasuresAsync(StatisticsFilter filter, CancellationToken cancellationToken = default)
    {
        var rows = await AnswerAsync("measures", filter, () => queries.BreakdownAsync(filter, _ => "", _ => "", cancellationToken), cancellationToken);
        return rows.Count == 0 ? StatisticsMeasures.Empty : rows[0].Measures;
    }

    /// <summary>A question's groups, from <see cref="StatisticsAnswerCache"/> when there is one (not in benchmarks of the queries).</summary>
    private Task<IReadOnlyList<GroupFigures>> AnswerAsync(
        string layout, StatisticsFilter filter, Func<Task<IReadOnlyList<GroupFigures>>> compute, CancellationToken cancellationToken) =>
        answers is null ? compute() : answers.GetOrComputeAsync(StatisticsAnswerCache.Question(layout, filter), compute, cancellationToken);

    /// <summary>
    /// Rows of one layout, labelled and ordered by key. Regions are grouped one level below the filter's region
    /// (provinces, then cities, then counties), so a row can be drilled into.
    /// </summary>
    public async Task<IReadOnlyList<StatisticsRow>> RowsAsync(StatisticsFilter filter, StatisticsLayout layout, CancellationToken cancellationToken = default)
    {
        var regionLength = RegionKeyLength(filter);
        var groups = await AnswerAsync(layout.ToString(), filter, async () => layout switch
        {
            StatisticsLayout.ByRegion => await queries.BreakdownAsync(filter, RegionKey<DailyFact>(f => f.RegionCode, regionLength), RegionKey<LearnerMonth>(m => m.RegionCode, regionLength), cancellationToken),
            StatisticsLayout.ByOccupation => await queries.BreakdownAsync(filter, f => f.OccupationId.ToString(), m => m.OccupationId.ToString(), cancellationToken),
            StatisticsLayout.ByCourse => await queries.BreakdownAsync(filter, f => f.CourseId.ToString(), m => m.CourseId.ToString(), cancellationToken),
            StatisticsLayout.ByEnterprise => await queries.BreakdownAsync(filter, f => f.EnterpriseId.ToString(), m => m.EnterpriseId.ToString(), cancellationToken),
            StatisticsLayout.ByLevel => await queries.BreakdownAsync(filter, f => f.SkillLevel.ToString(), m => m.SkillLevel.ToString(), cancellationToken),
            StatisticsLayout.ByMonth => await queries.BreakdownAsync(filter, f => ((f.Day.Year * 100) + f.Day.Month).ToString(), m => ((m.Month.Year * 100) + m.Month.Month).ToString(), cancellationToken, monthly: true),
            StatisticsLayout.ProvincialReport => await queries.BreakdownAsync(
                filter,
                Combine(RegionKey<DailyFact>(f => f.RegionCode, regionLength), f => f.OccupationId.ToString()),
                Combine(RegionKey<LearnerMonth>(m => m.RegionCode, regionLength), m => m.OccupationId.ToString()),
                cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(layout), layout, null),
        }, cancellationToken);

        var labels = await LabelsAsync(groups, layout, cancellationToken);
        return groups
            .Select(g => labels(g))
            .OrderBy(r => r.Key.Length == 0 || r.Key.StartsWith(':') ? 1 : 0)
            .ThenBy(r => r.Key, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The dashboard's opening filter: this year up to today, the whole province.</summary>
    public static StatisticsFilter YearToDate(DateOnly today) => new() { From = new DateOnly(today.Year, 1, 1), To = today };

    /// <summary>
    /// Asks the questions the dashboard opens with (<see cref="YearToDate"/>: KPI cards, trend, occupations, regions), so
    /// that their answers and the learner rows are ready on this node before staff ask.
    /// </summary>
    public async Task WarmAsync(DateOnly today, CancellationToken cancellationToken = default)
    {
        var filter = YearToDate(today);
        await MeasuresAsync(filter, cancellationToken);
        await TrendAsync(filter, cancellationToken);
        await RowsAsync(filter, StatisticsLayout.ByOccupation, cancellationToken);
        await RowsAsync(filter, StatisticsLayout.ByRegion, cancellationToken);
    }

    /// <summary>Every month of the filter's range with its figures (months without activity included, as zeros).</summary>
    public async Task<IReadOnlyList<StatisticsRow>> TrendAsync(StatisticsFilter filter, CancellationToken cancellationToken = default)
    {
        var rows = (await RowsAsync(filter, StatisticsLayout.ByMonth, cancellationToken)).ToDictionary(r => r.Key, StringComparer.Ordinal);
        return DayMask.Months(filter.From, filter.To)
            .Select(m => MonthKey(m))
            .Select(k => rows.GetValueOrDefault(k) ?? new StatisticsRow(k, MonthLabel(k), null, null, StatisticsMeasures.Empty))
            .ToList();
    }

    /// <summary>Regions for the filter's cascading choice: provinces, or the children of a province or city.</summary>
    public async Task<IReadOnlyList<Region>> RegionsAsync(string? parentCode, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var all = await db.Regions.AsNoTracking().ToListAsync(cancellationToken);
        return all.Where(r => r.ParentCode == parentCode).OrderBy(r => r.Code, StringComparer.Ordinal).ToList();
    }

    public async Task<IReadOnlyList<Occupation>> OccupationsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Occupations.AsNoTracking().OrderBy(o => o.Code).ToListAsync(cancellationToken);
    }

    /// <summary>Courses whose code or title contains the text, for the course filter.</summary>
    public async Task<IReadOnlyList<(int Id, string Label)>> FindCoursesAsync(string? text, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Courses.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(text))
        {
            var t = text.Trim();
            query = query.Where(c => c.Code.Contains(t) || c.ListingTitle.Contains(t));
        }

        var courses = await query.OrderBy(c => c.Code).Take(20).Select(c => new { c.Id, c.Code, c.ListingTitle }).ToListAsync(cancellationToken);
        return courses.Select(c => (c.Id, $"{c.ListingTitle} ({c.Code})")).ToList();
    }

    /// <summary>Enterprises whose name contains the text, for the enterprise filter.</summary>
    public async Task<IReadOnlyList<(int Id, string Label)>> FindEnterprisesAsync(string? text, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Enterprises.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(text))
        {
            var t = text.Trim();
            query = query.Where(e => e.Name.Contains(t));
        }

        var list = await query.OrderBy(e => e.Name).Take(20).Select(e => new { e.Id, e.Name }).ToListAsync(cancellationToken);
        return list.Select(e => (e.Id, e.Name)).ToList();
    }

    /// <summary>The most recent runs of any trigger, newest first (when each trigger last succeeded: <see cref="LastSuccessAsync"/>).</summary>
    public async Task<IReadOnlyList<RollupRun>> RecentRunsAsync(int count = 10, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.RollupRuns.AsNoTracking().OrderByDescending(r => r.Id).Take(count).ToListAsync(cancellationToken);
    }

    public async Task<RollupRun?> RunAsync(int runId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.RollupRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId, cancellationToken);
    }

    /// <summary>When each trigger last finished successfully.</summary>
    public async Task<IReadOnlyDictionary<RollupTrigger, DateTimeOffset>> LastSuccessAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.RollupRuns.AsNoTracking()
            .Where(r => r.Status == RollupStatus.Succeeded && r.FinishedAt != null)
            .GroupBy(r => r.Trigger)
            .Select(g => new { g.Key, Id = g.Max(r => r.Id) })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var finished = await db.RollupRuns.AsNoTracking().Where(r => ids.Contains(r.Id)).Select(r => new { r.Trigger, r.FinishedAt }).ToListAsync(cancellationToken);
        return finished.ToDictionary(r => r.Trigger, r => r.FinishedAt!.Value);
    }

    internal static string MonthKey(DateOnly month) => ((month.Year * 100) + month.Month).ToString(CultureInfo.InvariantCulture);

    /// <summary>How many leading digits of a region code name the group one level below the filter's region.</summary>
    internal static int RegionKeyLength(StatisticsFilter filter) => filter.RegionCode is null ? 2 : filter.RegionPrefix.Length == 2 ? 4 : 6;

    private static Expression<Func<T, string>> RegionKey<T>(Expression<Func<T, string>> code, int length)
    {
        // code.Length < length ? code : code.Substring(0, length): translated to SQL (length, substr / SUBSTRING) and also
        // counted in memory (LearnerActivityCache), where the unknown region '' must stay '' instead of throwing.
        var substring = typeof(string).GetMethod(nameof(string.Substring), [typeof(int), typeof(int)])!;
        var body = length == 6
            ? code.Body
            : Expression.Condition(
                Expression.LessThan(Expression.Property(code.Body, nameof(string.Length)), Expression.Constant(length)),
                code.Body,
                Expression.Call(code.Body, substring, Expression.Constant(0), Expression.Constant(length)));
        return Expression.Lambda<Func<T, string>>(body, code.Parameters);
    }

    private static Expression<Func<T, string>> Combine<T>(Expression<Func<T, string>> first, Expression<Func<T, string>> second)
    {
        var parameter = first.Parameters[0];
        var secondBody = new ParameterReplacer(second.Parameters[0], parameter).Visit(second.Body);
        var concat = typeof(string).GetMethod(nameof(string.Concat), [typeof(string), typeof(string), typeof(string)])!;
        return Expression.Lambda<Func<T, string>>(Expression.Call(concat, first.Body, Expression.Constant(":"), secondBody), parameter);
    }

    private async Task<Func<GroupFigures, StatisticsRow>> LabelsAsync(IReadOnlyList<GroupFigures> groups, StatisticsLayout layout, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var unknown = localizer["Statistics.Unknown"].Value;
        switch (layout)
        {
            case StatisticsLayout.ByRegion:
            {
                var regions = await RegionNamesAsync(db, cancellationToken);
                return g => new StatisticsRow(g.Key, RegionLabel(regions, g.Key, unknown), null, RegionCodeOf(g.Key), g.Measures);
            }

            case StatisticsLayout.ByOccupation:
            {
                var names = await db.Occupations.AsNoTracking().ToDictionaryAsync(o => o.Id.ToString(CultureInfo.InvariantCulture), o => o.Name, cancellationToken);
                return g => new StatisticsRow(g.Key, names.GetValueOrDefault(g.Key, unknown), null, null, g.Measures);
            }

            case StatisticsLayout.ByCourse:
            {
                var ids = groups.Select(g => int.Parse(g.Key, CultureInfo.InvariantCulture)).ToList();
                var names = await db.Courses.AsNoTracking().Where(c => ids.Contains(c.Id))
                    .ToDictionaryAsync(c => c.Id.ToString(CultureInfo.InvariantCulture), c => $"{c.ListingTitle} ({c.Code})", cancellationToken);
                return g => new StatisticsRow(g.Key, names.GetValueOrDefault(g.Key, unknown), null, null, g.Measures);
            }

            case StatisticsLayout.ByEnterprise:
            {
                var ids = groups.Select(g => int.Parse(g.Key, CultureInfo.InvariantCulture)).ToList();
                var names = await db.Enterprises.AsNoTracking().Where(e => ids.Contains(e.Id))
                    .ToDictionaryAsync(e => e.Id.ToString(CultureInfo.InvariantCulture), e => e.Name, cancellationToken);
                return g => new StatisticsRow(g.Key, names.GetValueOrDefault(g.Key, unknown), null, null, g.Measures);
            }

            case StatisticsLayout.ByLevel:
                return g => new StatisticsRow(g.Key, localizer[$"Level.{(SkillLevel)int.Parse(g.Key, CultureInfo.InvariantCulture)}"].Value, null, null, g.Measures);

            case StatisticsLayout.ByMonth:
                return g => new StatisticsRow(g.Key, MonthLabel(g.Key), null, null, g.Measures);

            default:
            {
                var regions = await RegionNamesAsync(db, cancellationToken);
                var occupations = await db.Occupations.AsNoTracking().ToDictionaryAsync(o => o.Id.ToString(CultureInfo.InvariantCulture), o => o.Name, cancellationToken);
                return g =>
                {
                    var parts = g.Key.Split(':');
                    return new StatisticsRow(g.Key, RegionLabel(regions, parts[0], unknown), occupations.GetValueOrDefault(parts[1], unknown), RegionCodeOf(parts[0]), g.Measures);
                };
            }
        }
    }

    private static async Task<Dictionary<string, string>> RegionNamesAsync(SkillsAcademyDbContext db, CancellationToken cancellationToken) =>
        await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Code, r => r.Name, StringComparer.Ordinal, cancellationToken);

    private static string? RegionCodeOf(string key) => key.Length == 0 ? null : key.PadRight(6, '0');

    private static string RegionLabel(Dictionary<string, string> regions, string key, string unknown) =>
        key.Length == 0 ? unknown : regions.GetValueOrDefault(key.PadRight(6, '0'), key.PadRight(6, '0'));

    private static string MonthLabel(string key) => $"{key[..4]}-{key[4..]}";

    private sealed class ParameterReplacer(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}

/// <summary>One row of a statistics table: its group key, labels, the region code to drill into (if any) and figures.</summary>
public sealed record StatisticsRow(string Key, string Label, string? SecondLabel, string? RegionCode, StatisticsMeasures Measures);

public sealed record PlatformOverview(int Learners, int Instructors, int Occupations);
