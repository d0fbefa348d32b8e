using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SkillsAcademy.Domain.Statistics;
using SkillsAcademy.Infrastructure.Persistence;

namespace SkillsAcademy.Web.Features.Statistics;

/// <summary>
/// Answers statistics questions from the rollup tables only: additive measures are sums of facts (or of cells, when the
/// question names no enterprise or course); learners and person-times are distinct counts over the learner-month and
/// learner-year rows whose study days meet the range (<see cref="LearnerActivityCache"/>).
/// </summary>
public sealed class StatisticsQueries(IDbContextFactory<SkillsAcademyDbContext> contextFactory, LearnerActivityCache activity)
{
    /// <summary>The headline figures for a filter.</summary>
    public async Task<StatisticsMeasures> MeasuresAsync(StatisticsFilter filter, CancellationToken cancellationToken = default)
    {
        var rows = await BreakdownAsync(filter, _ => "", _ => "", cancellationToken);
        return rows.Count == 0 ? StatisticsMeasures.Empty : rows[0].Measures;
    }

    /// <summary>
    /// Figures per group; the key expressions map the rollup tables to the same group key (<paramref name="factKey"/> is
    /// also applied to the monthly and cell tables, reading <c>Day</c> as <c>Month</c>, and <paramref name="monthKey"/> to
    /// <see cref="LearnerYear"/> unless <paramref name="monthly"/> says the key is the month itself).
    /// </summary>
    /// <remarks>
    /// The additive measures of the months the range covers whole are read from <see cref="MonthlyFact"/>, those of the
    /// at most two months it covers in part from <see cref="DailyFact"/>; a question without an enterprise or a course
    /// reads <see cref="MonthlyCell"/> and <see cref="DailyCell"/> instead. Distinct learners and person-times are counted
    /// over one row per pair and year (<see cref="LearnerYear"/>, its whole months in the range) together with the pair's
    /// month rows of the partial months (<see cref="LearnerMonth"/>, their days in the range): a pair found in both is
    /// still counted once. When the key is the month, every month's rows are counted within that month.
    /// </remarks>
    internal async Task<IReadOnlyList<GroupFigures>> BreakdownAsync(
        StatisticsFilter filter,
        Expression<Func<DailyFact, string>> factKey,
        Expression<Func<LearnerMonth, string>> monthKey,
        CancellationToken cancellationToken,
        bool monthly = false)
    {
        var (firstWhole, lastWhole, partial) = DayMask.Split(filter.From, filter.To);
        var additive = new Dictionary<string, Additive>(StringComparer.Ordinal);
        void Add(IEnumerable<Additive> rows)
        {
            foreach (var row in rows)
            {
                additive[row.Key] = additive.TryGetValue(row.Key, out var sum) ? sum.Plus(row) : row;
            }
        }

        var cells = filter.EnterpriseId is null && filter.CourseId is null && ReadsCellOnly(factKey);
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            if (firstWhole is { } firstMonth && lastWhole is { } lastMonth)
            {
                Add(cells
                    ? await SumsAsync(
                        Cells(db.MonthlyCells.Where(f => f.Month >= firstMonth && f.Month <= lastMonth), filter),
                        Retarget<DailyFact, MonthlyCell>(factKey, nameof(DailyFact.Day), nameof(MonthlyCell.Month)),
                        cancellationToken)
                    : await SumsAsync(
                        Rows(db.MonthlyFacts.Where(f => f.Month >= firstMonth && f.Month <= lastMonth), filter),
                        Retarget<DailyFact, MonthlyFact>(factKey, nameof(DailyFact.Day), nameof(MonthlyFact.Month)),
                        cancellationToken));
            }

            if (partial.Count > 0)
            {
                var (from, to) = partial[0];
                var (from2, to2) = partial[^1];
                Add(cells
                    ? await SumsAsync(
                        Cells(db.DailyCells.Where(f => (f.Day >= from && f.Day <= to) || (f.Day >= from2 && f.Day <= to2)), filter),
                        Retarget<DailyFact, DailyCell>(factKey, "", ""),
                        cancellationToken)
                    : await SumsAsync(
                        Rows(db.DailyFacts.Where(f => (f.Day >= from && f.Day <= to) || (f.Day >= from2 && f.Day <= to2)), filter),
                        factKey,
                        cancellationToken));
            }
        }

        var counts = await activity.CountAsync(filter, firstWhole, lastWhole, partial, monthKey, monthly, cancellationToken);
        var result = additive.Values.ToDictionary(
            a => a.Key,
            a =>
            {
                var (personTimes, learners) = counts.GetValueOrDefault(a.Key);
                return new StatisticsMeasures(
                    personTimes, learners, a.Seconds, a.Enrolments, a.Completions, a.Certificates, a.Attempts, a.Passes, a.Vouchers, a.Fen);
            },
            StringComparer.Ordinal);
        foreach (var (key, (personTimes, learners)) in counts.Where(c => !result.ContainsKey(c.Key)))
        {
            // Active in the range but without additive figures under this key: a month row carries the learner's
            // profile (region, enterprise) as of the latest rollup of that month, while each day's facts keep the
            // profile as of that day's rollup, so a learner who moved mid-month can appear under a key that has
            // only counts.
            result[key] = StatisticsMeasures.Empty with { PersonTimes = personTimes, Learners = learners };
        }

        return result.Select(r => new GroupFigures(r.Key, r.Value)).ToList();
    }

    /// <summary>The additive measures of the rows per key.</summary>
    private static async Task<List<Additive>> SumsAsync<T>(IQueryable<T> rows, Expression<Func<T, string>> key, CancellationToken cancellationToken)
        where T : class, IStatisticsFigures =>
        await rows.AsNoTracking()
            .GroupBy(key)
            .Select(g => new Additive
            {
                Key = g.Key,
                Seconds = g.Sum(f => f.CreditedSeconds),
                Enrolments = g.Sum(f => f.NewEnrolments),
                Completions = g.Sum(f => f.Completions),
                Certificates = g.Sum(f => f.Certificates),
                Attempts = g.Sum(f => f.QuizAttempts),
                Passes = g.Sum(f => f.QuizPasses),
                Vouchers = g.Sum(f => f.VouchersRedeemed),
                Fen = g.Sum(f => f.VoucherAmountFen),
            })
            .ToListAsync(cancellationToken);

    /// <summary>The rows of a cell table that match the filter's region, occupation and skill level (it names no enterprise or course).</summary>
    private static IQueryable<T> Cells<T>(IQueryable<T> query, StatisticsFilter filter)
        where T : IStatisticsCell
    {
        var prefix = filter.RegionPrefix;
        if (prefix.Length > 0)
        {
            query = query.Where(f => f.RegionCode.StartsWith(prefix));
        }

        if (filter.OccupationId is { } occupation)
        {
            query = query.Where(f => f.OccupationId == occupation);
        }

        if (filter.SkillLevel is { } level)
        {
            var value = (int)level;
            query = query.Where(f => f.SkillLevel == value);
        }

        return query;
    }

    /// <summary>The rows of a fact table that match every dimension of the filter.</summary>
    private static IQueryable<T> Rows<T>(IQueryable<T> query, StatisticsFilter filter)
        where T : IStatisticsRow
    {
        query = Cells(query, filter);
        if (filter.EnterpriseId is { } enterprise)
        {
            query = query.Where(f => f.EnterpriseId == enterprise);
        }

        if (filter.CourseId is { } course)
        {
            query = query.Where(f => f.CourseId == course);
        }

        return query;
    }

    /// <summary>Whether a key reads only what a cell row has (the day, region, occupation and skill level).</summary>
    private static bool ReadsCellOnly(Expression<Func<DailyFact, string>> key)
    {
        var reader = new MemberReader(key.Parameters[0]);
        reader.Visit(key.Body);
        return reader.Members.All(m => m is nameof(DailyFact.Day) or nameof(IStatisticsCell.RegionCode) or nameof(IStatisticsCell.OccupationId) or nameof(IStatisticsCell.SkillLevel));
    }

    private sealed class MemberReader(ParameterExpression row) : ExpressionVisitor
    {
        public HashSet<string> Members { get; } = [];

        protected override Expression VisitMember(MemberExpression node)
        {
            if (node.Expression == row)
            {
                Members.Add(node.Member.Name);
            }

            return base.VisitMember(node);
        }
    }

    /// <summary>
    /// The same key expression over another rollup table: members are read by name from the new row type
    /// (<paramref name="from"/> renamed to <paramref name="to"/>).
    /// </summary>
    internal static Expression<Func<TTo, string>> Retarget<TFrom, TTo>(Expression<Func<TFrom, string>> key, string from, string to)
    {
        var row = Expression.Parameter(typeof(TTo), key.Parameters[0].Name);
        return Expression.Lambda<Func<TTo, string>>(new Retargeter(key.Parameters[0], row, from, to).Visit(key.Body), row);
    }

    private sealed class Retargeter(ParameterExpression old, ParameterExpression row, string from, string to) : ExpressionVisitor
    {
        protected override Expression VisitMember(MemberExpression node) =>
            node.Expression == old
                ? Expression.Property(row, node.Member.Name == from ? to : node.Member.Name)
                : base.VisitMember(node);

        protected override Expression VisitParameter(ParameterExpression node) =>
            node == old ? throw new NotSupportedException($"A statistics key may use only the row's members: {node}.") : base.VisitParameter(node);
    }

    private sealed record Additive
    {
        public string Key { get; init; } = "";

        public long Seconds { get; init; }

        public int Enrolments { get; init; }

        public int Completions { get; init; }

        public int Certificates { get; init; }

        public int Attempts { get; init; }

        public int Passes { get; init; }

        public int Vouchers { get; init; }

        public long Fen { get; init; }

        public Additive Plus(Additive other) => this with
        {
            Seconds = Seconds + other.Seconds,
            Enrolments = Enrolments + other.Enrolments,
            Completions = Completions + other.Completions,
            Certificates = Certificates + other.Certificates,
            Attempts = Attempts + other.Attempts,
            Passes = Passes + other.Passes,
            Vouchers = Vouchers + other.Vouchers,
            Fen = Fen + other.Fen,
        };
    }
}

/// <summary>The measures of one group of a breakdown; the key's meaning depends on the grouping.</summary>
internal sealed record GroupFigures(string Key, StatisticsMeasures Measures);
