using System.Collections.Concurrent;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SkillsAcademy.Domain.Statistics;
using SkillsAcademy.Infrastructure.Persistence;

namespace SkillsAcademy.Web.Features.Statistics;

/// <summary>
/// Distinct learners and person-times, counted in memory from the <see cref="LearnerYear"/> and <see cref="LearnerMonth"/>
/// rollups. A database counts distinct values by sorting (SQLite took 0.5–2.6 s of CPU for a province's year on ten million
/// events); here each year's and month's rows are read once per rollup version and counted with hash sets, which takes
/// milliseconds.
/// </summary>
/// <remarks>
/// The rows kept belong to one version of the rollups (<see cref="RollupStamp"/>, raised by every rollup transaction):
/// each question reads the stamp first and starts over from the database when it moved, and rows whose load saw the stamp
/// move are not kept. Every node keeps its own; a year of the default data set (100,000 learners, about 143,000 rows) is
/// about 15 MB. At most <see cref="MaxYears"/> years and <see cref="MaxMonths"/> months are kept per version; further
/// ones are read for the question and dropped.
/// </remarks>
public sealed class LearnerActivityCache(IDbContextFactory<SkillsAcademyDbContext> contextFactory)
{
    internal const int MaxYears = 6;
    internal const int MaxMonths = 24;

    private Snapshot? _current;

    /// <summary>
    /// Person-times and learners per group key: the pairs' year rows with a study month among the whole months
    /// [<paramref name="firstWhole"/>, <paramref name="lastWhole"/>] and their month rows with a study day in the partial
    /// ranges. With <paramref name="monthly"/> every month is counted on its own and the key may read only the month.
    /// </summary>
    internal async Task<IReadOnlyDictionary<string, (int PersonTimes, int Learners)>> CountAsync(
        StatisticsFilter filter,
        DateOnly? firstWhole,
        DateOnly? lastWhole,
        IReadOnlyList<(DateOnly From, DateOnly To)> partial,
        Expression<Func<LearnerMonth, string>> monthKey,
        bool monthly,
        CancellationToken cancellationToken)
    {
        var keyOfMonth = monthKey.Compile();
        var keyOfYear = monthly ? null : StatisticsQueries.Retarget<LearnerMonth, LearnerYear>(monthKey, "", "").Compile();
        var matches = Matcher(filter);

        // A rollup that commits while the rows are read makes the snapshot stale: count again from the new version.
        for (var attempt = 1; ; attempt++)
        {
            var snapshot = await SnapshotAsync(cancellationToken);
            var groups = new Dictionary<string, Group>(StringComparer.Ordinal);
            Group GroupOf(string key)
            {
                if (!groups.TryGetValue(key, out var group))
                {
                    groups[key] = group = new Group();
                }

                return group;
            }

            if (firstWhole is { } first && lastWhole is { } last)
            {
                for (var year = first.Year; year <= last.Year; year++)
                {
                    var mask = DayMask.WholeMonthsWithin(year, first, last.AddMonths(1).AddDays(-1));
                    var months = monthly ? Enumerable.Range(1, 12).Select(m => keyOfMonth(new LearnerMonth { Month = new DateOnly(year, m, 1) })).ToArray() : null;
                    var (rows, learners) = await snapshot.YearAsync(new DateOnly(year, 1, 1), cancellationToken);
                    for (var i = 0; i < rows.Length; i++)
                    {
                        var row = rows[i];
                        var active = row.ActiveMonths & mask;
                        if (active == 0 || !matches(row))
                        {
                            continue;
                        }

                        if (months is null)
                        {
                            GroupOf(keyOfYear!(row)).Add(learners[i], row.CourseId);
                            continue;
                        }

                        for (var month = 0; month < 12; month++)
                        {
                            if ((active & (1 << month)) != 0)
                            {
                                GroupOf(months[month]).Add(learners[i], row.CourseId);
                            }
                        }
                    }
                }
            }

            foreach (var (from, to) in partial)
            {
                var month = DayMask.MonthOf(from);
                var mask = DayMask.Within(month, from, to);
                var (rows, learners) = await snapshot.MonthAsync(month, cancellationToken);
                for (var i = 0; i < rows.Length; i++)
                {
                    var row = rows[i];
                    if ((row.ActiveDays & mask) != 0 && matches(row))
                    {
                        GroupOf(keyOfMonth(row)).Add(learners[i], row.CourseId);
                    }
                }
            }

            if (!snapshot.Stale || attempt == 3)
            {
                return groups.ToDictionary(g => g.Key, g => (g.Value.Pairs.Count, g.Value.Learners.Count), StringComparer.Ordinal);
            }
        }
    }

    /// <summary>The filter's dimensions as a test on one row (ordinal, as the database compares region codes).</summary>
    internal static Func<IStatisticsRow, bool> Matcher(StatisticsFilter filter)
    {
        var prefix = filter.RegionPrefix;
        int? level = filter.SkillLevel is { } skillLevel ? (int)skillLevel : null;
        return row => (prefix.Length == 0 || row.RegionCode.StartsWith(prefix, StringComparison.Ordinal))
            && (filter.OccupationId is not { } occupation || row.OccupationId == occupation)
            && (level is not { } value || row.SkillLevel == value)
            && (filter.EnterpriseId is not { } enterprise || row.EnterpriseId == enterprise)
            && (filter.CourseId is not { } course || row.CourseId == course);
    }

    private async Task<Snapshot> SnapshotAsync(CancellationToken cancellationToken)
    {
        var version = await VersionAsync(cancellationToken);
        var current = Volatile.Read(ref _current);
        if (current is not null && current.Version == version && !current.Stale)
        {
            return current;
        }

        var fresh = new Snapshot(this, version);
        Volatile.Write(ref _current, fresh);
        return fresh;
    }

    /// <summary>The rollups' current version (<see cref="RollupStamp"/>).</summary>
    internal async Task<long> VersionAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.RollupStamps.AsNoTracking().Where(s => s.Id == RollupStamp.SingleId).Select(s => s.Version).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Reads rows for a snapshot; marks it stale when a rollup committed meanwhile.</summary>
    private async Task<Numbered<T>> LoadAsync<T>(Snapshot snapshot, Func<SkillsAcademyDbContext, IQueryable<T>> rows)
        where T : IStatisticsLearnerRow
    {
        T[] loaded;
        await using (var db = await contextFactory.CreateDbContextAsync())
        {
            loaded = await rows(db).ToArrayAsync();
        }

        if (await VersionAsync(CancellationToken.None) != snapshot.Version)
        {
            snapshot.Stale = true;
        }

        var learners = new int[loaded.Length];
        for (var i = 0; i < loaded.Length; i++)
        {
            learners[i] = snapshot.Number(loaded[i].LearnerId);
        }

        return new Numbered<T>(loaded, learners);
    }

    /// <summary>One group's pairs and learners, by the snapshot's learner numbers (ints hash several times faster than Guids).</summary>
    private sealed class Group
    {
        public HashSet<long> Pairs { get; } = [];

        public HashSet<int> Learners { get; } = [];

        public void Add(int learner, int course)
        {
            Pairs.Add(((long)learner << 32) | (uint)course);
            Learners.Add(learner);
        }
    }

    /// <summary>Rows with each row's learner as a number given by the snapshot (the same learner has the same number in every table).</summary>
    private readonly record struct Numbered<T>(T[] Rows, int[] Learners);

    /// <summary>The rows of one rollup version, read when first asked for (shared by concurrent questions).</summary>
    private sealed class Snapshot(LearnerActivityCache owner, long version)
    {
        private readonly ConcurrentDictionary<DateOnly, Lazy<Task<Numbered<LearnerYear>>>> _years = new();
        private readonly ConcurrentDictionary<DateOnly, Lazy<Task<Numbered<LearnerMonth>>>> _months = new();
        private readonly ConcurrentDictionary<Guid, int> _numbers = new();

        public long Version { get; } = version;

        public volatile bool Stale;

        private int _lastNumber;

        /// <summary>The learner's number in this snapshot: unique (the counter is atomic; a losing factory's number is simply unused).</summary>
        public int Number(Guid learner) => _numbers.GetOrAdd(learner, _ => Interlocked.Increment(ref _lastNumber));

        public Task<Numbered<LearnerYear>> YearAsync(DateOnly year, CancellationToken cancellationToken) =>
            Get(_years, MaxYears, year, () => owner.LoadAsync(this, db => db.LearnerYears.AsNoTracking().Where(y => y.Year == year)), cancellationToken);

        public Task<Numbered<LearnerMonth>> MonthAsync(DateOnly month, CancellationToken cancellationToken) =>
            Get(_months, MaxMonths, month, () => owner.LoadAsync(this, db => db.LearnerMonths.AsNoTracking().Where(m => m.Month == month)), cancellationToken);

        private static async Task<T> Get<T>(
            ConcurrentDictionary<DateOnly, Lazy<Task<T>>> kept, int max, DateOnly key, Func<Task<T>> load, CancellationToken cancellationToken)
        {
            if (!kept.TryGetValue(key, out var entry))
            {
                if (kept.Count >= max)
                {
                    return await load().WaitAsync(cancellationToken);
                }

                entry = kept.GetOrAdd(key, _ => new Lazy<Task<T>>(load));
            }

            try
            {
                // The load is shared, so it does not take one caller's cancellation; the caller stops waiting instead.
                return await entry.Value.WaitAsync(cancellationToken);
            }
            catch (Exception) when (entry.Value.IsFaulted)
            {
                kept.TryRemove(new KeyValuePair<DateOnly, Lazy<Task<T>>>(key, entry));
                throw;
            }
        }
    }
}
