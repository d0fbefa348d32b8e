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

    /// <summary>Figures per group; the key expressions map both rollup tables to the same group key.</summary>
    internal async Task<IReadOnlyList<GroupFigures>> BreakdownAsync(
        StatisticsFilter filter,
        Expression<Func<DailyFact, string>> factKey,
        Expression<Func<LearnerMonth, string>> monthKey,
        CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var additive = await Facts(db, filter)
            .GroupBy(factKey)
            .Select(g => new
            {
                g.Key,
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

        var months = Months(db, filter);
        var keyed = months.Select(Keyed(monthKey));

        // A (learner, course) pair is one person-time however many months it spans; a learner is one learner.
        var personTimes = await keyed
            .GroupBy(m => new { m.Key, m.LearnerId, m.CourseId })
            .Select(g => g.Key.Key)
            .GroupBy(k => k)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var learners = await keyed
            .GroupBy(m => m.Key)
            .Select(g => new { g.Key, Count = g.Select(m => m.LearnerId).Distinct().Count() })
            .ToListAsync(cancellationToken);

        var pt = personTimes.ToDictionary(p => p.Key, p => p.Count, StringComparer.Ordinal);
        var ln = learners.ToDictionary(p => p.Key, p => p.Count, StringComparer.Ordinal);
        var result = additive.ToDictionary(
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

    internal static IQueryable<DailyFact> Facts(SkillsAcademyDbContext db, StatisticsFilter filter)
    {
        var query = db.DailyFacts.AsNoTracking().Where(f => f.Day >= filter.From && f.Day <= filter.To);
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
    private static Expression<Func<LearnerMonth, KeyedMonth>> Keyed(Expression<Func<LearnerMonth, string>> key)
    {
        var row = key.Parameters[0];
        var body = Expression.MemberInit(
            Expression.New(typeof(KeyedMonth)),
            Expression.Bind(typeof(KeyedMonth).GetProperty(nameof(KeyedMonth.Key))!, key.Body),
            Expression.Bind(typeof(KeyedMonth).GetProperty(nameof(KeyedMonth.LearnerId))!, Expression.Property(row, nameof(LearnerMonth.LearnerId))),
            Expression.Bind(typeof(KeyedMonth).GetProperty(nameof(KeyedMonth.CourseId))!, Expression.Property(row, nameof(LearnerMonth.CourseId))));
        return Expression.Lambda<Func<LearnerMonth, KeyedMonth>>(body, row);
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
