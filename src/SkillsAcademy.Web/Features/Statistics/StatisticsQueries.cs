using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SkillsAcademy.Domain.Statistics;
using SkillsAcademy.Infrastructure.Persistence;

namespace SkillsAcademy.Web.Features.Statistics;

/// <summary>
/// Answers statistics questions from the rollup tables only: additive measures are sums of daily facts;
/// learners and person-times are distinct counts over the learner-month rows whose study days meet the range.
/// </summary>
public sealed class StatisticsQueries(IDbContextFactory<SkillsAcademyDbContext> contextFactory)
{
    /// <summary>The headline figures for a filter.</summary>
    public async Task<StatisticsMeasures> MeasuresAsync(StatisticsFilter filter, CancellationToken cancellationToken = default)
    {
        var rows = await BreakdownAsync(filter, _ => "", _ => "", cancellationToken);
        return rows.Count == 0 ? StatisticsMeasures.Empty : rows[0].Measures;
    }

    /// <summary>
    /// Figures per group; the key expressions map the rollup tables to the same group key (<paramref name="factKey"/> is
    /// also applied to <see cref="MonthlyFact"/>, reading <c>Day</c> as <c>Month</c>, and <paramref name="monthKey"/> to
    /// <see cref="LearnerYear"/> unless <paramref name="monthly"/> says the key is the month itself).
    /// </summary>
    /// <remarks>
    /// The additive measures of the months the range covers whole are read from <see cref="MonthlyFact"/>, those of the
    /// at most two months it covers in part from <see cref="DailyFact"/>. Distinct learners and person-times are counted
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
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var (firstWhole, lastWhole, partial) = DayMask.Split(filter.From, filter.To);
        var additive = new Dictionary<string, Additive>(StringComparer.Ordinal);
        void Add(IEnumerable<Additive> rows)
        {
            foreach (var row in rows)
            {
                additive[row.Key] = additive.TryGetValue(row.Key, out var sum) ? sum.Plus(row) : row;
            }
        }

        if (firstWhole is { } firstMonth && lastWhole is { } lastMonth)
        {
            var key = Retarget<DailyFact, MonthlyFact>(factKey, nameof(DailyFact.Day), nameof(MonthlyFact.Month));
            Add(await MonthlyFacts(db, filter, firstMonth, lastMonth)
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
                .ToListAsync(cancellationToken));
        }

        if (partial.Count > 0)
        {
            Add(await Facts(db, filter, partial)
                .GroupBy(factKey)
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
                .ToListAsync(cancellationToken));
        }

        Dictionary<string, int> pt, ln;
        if (monthly)
        {
            // One row per (month, learner, course): the rows of a month are its person-times.
            var keyed = Months(db, filter).Select(Keyed(monthKey));
            pt = await keyed.GroupBy(m => m.Key).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(p => p.Key, p => p.Count, StringComparer.Ordinal, cancellationToken);
            ln = await keyed.GroupBy(m => m.Key).Select(g => new { g.Key, Count = g.Select(m => m.LearnerId).Distinct().Count() })
                .ToDictionaryAsync(p => p.Key, p => p.Count, StringComparer.Ordinal, cancellationToken);
        }
        else
        {
            IQueryable<KeyedMonth>? keyed = null;
            if (firstWhole is { } firstYearMonth && lastWhole is { } lastYearMonth)
            {
                keyed = Years(db, filter, firstYearMonth, lastYearMonth).Select(Keyed(Retarget<LearnerMonth, LearnerYear>(monthKey, "", "")));
            }

            if (partial.Count > 0)
            {
                var months = PartialMonths(db, filter, partial).Select(Keyed(monthKey));
                keyed = keyed is null ? months : keyed.Concat(months);
            }

            // A (learner, course) pair is one person-time however many months it spans; a learner is one learner.
            pt = await keyed!
                .GroupBy(m => new { m.Key, m.LearnerId, m.CourseId })
                .Select(g => g.Key.Key)
                .GroupBy(k => k)
                .Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(p => p.Key, p => p.Count, StringComparer.Ordinal, cancellationToken);
            ln = await keyed!
                .GroupBy(m => m.Key)
                .Select(g => new { g.Key, Count = g.Select(m => m.LearnerId).Distinct().Count() })
                .ToDictionaryAsync(p => p.Key, p => p.Count, StringComparer.Ordinal, cancellationToken);
        }

        var result = additive.Values.ToDictionary(
            a => a.Key,
            a => new StatisticsMeasures(
                pt.GetValueOrDefault(a.Key), ln.GetValueOrDefault(a.Key), a.Seconds, a.Enrolments, a.Completions,
                a.Certificates, a.Attempts, a.Passes, a.Vouchers, a.Fen),
            StringComparer.Ordinal);
        foreach (var key in pt.Keys.Where(k => !result.ContainsKey(k)))
        {
            // Active in the range but without additive figures under this key: a month row carries the learner's
            // profile (region, enterprise) as of the latest rollup of that month, while each day's facts keep the
            // profile as of that day's rollup, so a learner who moved mid-month can appear under a key that has
            // only counts.
            result[key] = StatisticsMeasures.Empty with { PersonTimes = pt[key], Learners = ln.GetValueOrDefault(key) };
        }

        return result.Select(r => new GroupFigures(r.Key, r.Value)).ToList();
    }

    /// <summary>The daily facts of the given day ranges that match the filter's dimensions.</summary>
    private static IQueryable<DailyFact> Facts(SkillsAcademyDbContext db, StatisticsFilter filter, IReadOnlyList<(DateOnly From, DateOnly To)> ranges)
    {
        var (from, to) = ranges[0];
        var query = ranges.Count == 1
            ? db.DailyFacts.Where(f => f.Day >= from && f.Day <= to)
            : db.DailyFacts.Where(f => (f.Day >= from && f.Day <= to) || (f.Day >= ranges[1].From && f.Day <= ranges[1].To));
        return Dimensions(query.AsNoTracking(), filter);
    }

    private static IQueryable<MonthlyFact> MonthlyFacts(SkillsAcademyDbContext db, StatisticsFilter filter, DateOnly firstMonth, DateOnly lastMonth)
    {
        var query = db.MonthlyFacts.AsNoTracking().Where(f => f.Month >= firstMonth && f.Month <= lastMonth);
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

    /// <summary>The pairs' year rows with a study month among the whole months [firstMonth, lastMonth].</summary>
    private static IQueryable<LearnerYear> Years(SkillsAcademyDbContext db, StatisticsFilter filter, DateOnly firstMonth, DateOnly lastMonth)
    {
        var row = Expression.Parameter(typeof(LearnerYear), "y");
        Expression? any = null;
        for (var year = firstMonth.Year; year <= lastMonth.Year; year++)
        {
            var mask = DayMask.WholeMonthsWithin(year, firstMonth, lastMonth.AddMonths(1).AddDays(-1));
            var start = new DateOnly(year, 1, 1); // a fresh local per year: the loop variable itself is shared by the closures
            Expression<Func<LearnerYear, bool>> inYear = y => y.Year == start && (y.ActiveMonths & mask) != 0;
            var body = new ParameterReplacer(inYear.Parameters[0], row).Visit(inYear.Body);
            any = any is null ? body : Expression.OrElse(any, body);
        }

        var query = db.LearnerYears.AsNoTracking().Where(Expression.Lambda<Func<LearnerYear, bool>>(any!, row));
        var prefix = filter.RegionPrefix;
        if (prefix.Length > 0)
        {
            query = query.Where(m => m.RegionCode.StartsWith(prefix));
        }

        if (filter.OccupationId is { } occupation)
        {
            query = query.Where(m => m.OccupationId == occupation);
        }

        if (filter.SkillLevel is { } level)
        {
            var value = (int)level;
            query = query.Where(m => m.SkillLevel == value);
        }

        if (filter.EnterpriseId is { } enterprise)
        {
            query = query.Where(m => m.EnterpriseId == enterprise);
        }

        if (filter.CourseId is { } course)
        {
            query = query.Where(m => m.CourseId == course);
        }

        return query;
    }

    /// <summary>The month rows of the partial months with a study day inside their part of the range.</summary>
    private static IQueryable<LearnerMonth> PartialMonths(SkillsAcademyDbContext db, StatisticsFilter filter, IReadOnlyList<(DateOnly From, DateOnly To)> ranges)
    {
        var first = DayMask.MonthOf(ranges[0].From);
        var firstMask = DayMask.Within(first, ranges[0].From, ranges[0].To);
        var last = DayMask.MonthOf(ranges[^1].From);
        var lastMask = DayMask.Within(last, ranges[^1].From, ranges[^1].To);
        var query = db.LearnerMonths.AsNoTracking().Where(m =>
            (m.Month == first && (m.ActiveDays & firstMask) != 0) || (m.Month == last && (m.ActiveDays & lastMask) != 0));
        return Dimensions(query, filter);
    }

    private static IQueryable<DailyFact> Dimensions(IQueryable<DailyFact> query, StatisticsFilter filter)
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

    /// <summary>The learner-month rows with at least one study day inside the filter's range.</summary>
    internal static IQueryable<LearnerMonth> Months(SkillsAcademyDbContext db, StatisticsFilter filter)
    {
        var first = DayMask.MonthOf(filter.From);
        var last = DayMask.MonthOf(filter.To);
        var firstMask = DayMask.Within(first, filter.From, filter.To);
        var lastMask = DayMask.Within(last, filter.From, filter.To);
        var query = db.LearnerMonths.AsNoTracking().Where(m =>
            (m.Month > first && m.Month < last)
            || (m.Month == first && (m.ActiveDays & firstMask) != 0)
            || (m.Month == last && (m.ActiveDays & lastMask) != 0));
        return Dimensions(query, filter);
    }

    private static IQueryable<LearnerMonth> Dimensions(IQueryable<LearnerMonth> query, StatisticsFilter filter)
    {
        var prefix = filter.RegionPrefix;
        if (prefix.Length > 0)
        {
            query = query.Where(m => m.RegionCode.StartsWith(prefix));
        }

        if (filter.OccupationId is { } occupation)
        {
            query = query.Where(m => m.OccupationId == occupation);
        }

        if (filter.SkillLevel is { } level)
        {
            var value = (int)level;
            query = query.Where(m => m.SkillLevel == value);
        }

        if (filter.EnterpriseId is { } enterprise)
        {
            query = query.Where(m => m.EnterpriseId == enterprise);
        }

        if (filter.CourseId is { } course)
        {
            query = query.Where(m => m.CourseId == course);
        }

        return query;
    }

    /// <summary>Projects a learner-month row to (key, learner, course) for grouping.</summary>
    private static Expression<Func<T, KeyedMonth>> Keyed<T>(Expression<Func<T, string>> key)
    {
        var row = key.Parameters[0];
        var body = Expression.MemberInit(
            Expression.New(typeof(KeyedMonth)),
            Expression.Bind(typeof(KeyedMonth).GetProperty(nameof(KeyedMonth.Key))!, key.Body),
            Expression.Bind(typeof(KeyedMonth).GetProperty(nameof(KeyedMonth.LearnerId))!, Expression.Property(row, nameof(KeyedMonth.LearnerId))),
            Expression.Bind(typeof(KeyedMonth).GetProperty(nameof(KeyedMonth.CourseId))!, Expression.Property(row, nameof(KeyedMonth.CourseId))));
        return Expression.Lambda<Func<T, KeyedMonth>>(body, row);
    }

    /// <summary>
    /// The same key expression over another rollup table: members are read by name from the new row type
    /// (<paramref name="from"/> renamed to <paramref name="to"/>).
    /// </summary>
    private static Expression<Func<TTo, string>> Retarget<TFrom, TTo>(Expression<Func<TFrom, string>> key, string from, string to)
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

    private sealed class ParameterReplacer(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
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

    private sealed class KeyedMonth
    {
        public string Key { get; init; } = "";

        public Guid LearnerId { get; init; }

        public int CourseId { get; init; }
    }
}

/// <summary>The measures of one group of a breakdown; the key's meaning depends on the grouping.</summary>
internal sealed record GroupFigures(string Key, StatisticsMeasures Measures);
