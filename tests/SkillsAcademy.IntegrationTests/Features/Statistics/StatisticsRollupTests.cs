using CsCheck;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillsAcademy.Domain.Catalog;
using SkillsAcademy.Domain.Statistics;
using SkillsAcademy.IntegrationTests.Features.Learning;
using SkillsAcademy.Web.Features.Statistics;
using SkillsAcademy.TestUtilities;
using static SkillsAcademy.TestUtilities.StatisticsWorld;

namespace SkillsAcademy.IntegrationTests.Features.Statistics;

/// <summary>
/// The rollups against the raw records: random histories and random filters (CsCheck), returning learners,
/// re-runs and a run that dies half-way.
/// </summary>
public sealed class StatisticsRollupTests(ClockedAppFixture app) : IClassFixture<ClockedAppFixture>
{
    private static readonly DateTimeOffset Start = Calendar.StartOfDayUtc(FirstDay);
    private static readonly DateOnly LastDay = FirstDay.AddDays(Days - 1);

    private static readonly SemaphoreSlim OneWorld = new(1, 1);
    private static StatisticsWorld? _world;

    private static readonly string?[] RegionChoices = [null, null, "350000", "350100", "350102", "350200", "350500", "350104"];

    private T Service<T>() where T : notnull => app.Factory.Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    private async Task<StatisticsWorld> WorldAsync()
    {
        await OneWorld.WaitAsync();
        try
        {
            return _world ??= await CreateAsync(app.Factory, "ST");
        }
        finally
        {
            OneWorld.Release();
        }
    }

    private static Gen<DateTimeOffset> Instant { get; } = Gen.Int[0, (Days * 24 * 60) - 1].Select(minutes => Start.AddMinutes(minutes));

    private static Gen<History> Histories { get; } =
        Gen.Select(
            Gen.Select(Gen.Int[0, 7], Gen.Int[0, 2], Instant, Gen.Int[1, 2700]).Select((l, c, at, s) => new Segment(l, c, at, s)).Array[0, 60],
            Gen.Select(Gen.Int[0, 23], Instant, Gen.Int[0, 3], Gen.Int[1, 20]).Array[0, 12],
            Gen.Select(Gen.Int[0, 7], Gen.Int[0, 2], Instant, Gen.Bool).Select((l, c, at, p) => new AttemptRecord(l, c, at, p)).Array[0, 15])
        .Select((segments, enrolments, attempts) => new History(
            segments,
            enrolments.DistinctBy(e => e.Item1).Select(e =>
            {
                var (pair, at, stage, days) = e;
                var completed = stage >= 1 ? at.AddDays(days) : (DateTimeOffset?)null;
                return new EnrolmentRecord(pair / 3, pair % 3, at, completed, stage >= 2 ? completed!.Value.AddHours(1) : null, stage == 3 || pair % 5 == 0 ? at.AddMinutes(1) : null);
            }).ToList(),
            attempts));

    private Gen<StatisticsFilter> Filters(StatisticsWorld world) =>
        Gen.Select(
            Gen.Int[0, Days - 1],
            Gen.Int[0, Days - 1],
            Gen.Int[0, 7].Select(i => RegionChoices[i]),
            Gen.Int[0, 6],
            Gen.Int[0, 4])
        .Select((a, b, region, dim, which) =>
        {
            var (from, to) = a <= b ? (a, b) : (b, a);
            var filter = new StatisticsFilter { From = FirstDay.AddDays(from), To = FirstDay.AddDays(to), RegionCode = region };
            return dim switch
            {
                1 => filter with { OccupationId = world.Courses[which % 3].OccupationId },
                2 => filter with { SkillLevel = which % 2 == 0 ? SkillLevel.Level5 : SkillLevel.Level4 },
                3 => filter with { EnterpriseId = world.Learners[which % 5].EnterpriseId },
                4 => filter with { CourseId = world.Courses[which % 3].Id },
                _ => filter,
            };
        });

    private async Task RebuildAsync(StatisticsRollup? rollup = null) =>
        await (rollup ?? Service<StatisticsRollup>()).RebuildAsync(FirstDay, LastDay, RollupTrigger.Manual, "test");

    [Fact]
    public async Task Every_figure_for_random_filters_equals_the_figure_computed_from_the_raw_records()
    {
        var world = await WorldAsync();
        await Gen.Select(Histories, Filters(world).Array[8]).SampleAsync(
            async (history, filters) =>
            {
                await ClearAsync(app.Factory);
                await world.WriteAsync(app.Factory, history);
                await RebuildAsync();
                var queries = Service<StatisticsQueries>();

                // Random ranges reach whole months (StatMonthlyFacts, StatLearnerYears) only sometimes: these always do.
                var september = new StatisticsFilter { From = new DateOnly(2026, 9, 1), To = new DateOnly(2026, 9, 30) };
                var whole = new StatisticsFilter { From = FirstDay, To = LastDay };
                foreach (var filter in filters.Append(september).Append(whole).Append(filters[0] with { From = FirstDay, To = LastDay }))
                {
                    (await queries.MeasuresAsync(filter)).ShouldBe(world.Expected(history, filter), $"{history} / {filter}");
                }

                await ShouldBeDerivedFromDaysAsync();
            },
            iter: 25,
            threads: 1);
    }

    /// <summary>
    /// Every row of every dashboard layout (and the monthly trend) is the figure of its own group computed from the raw records:
    /// the cells, the facts and the in-memory distinct counts against the same definition, for random histories and filters.
    /// </summary>
    [Fact]
    public async Task Every_row_of_every_layout_equals_its_group_computed_from_the_raw_records()
    {
        var world = await WorldAsync();
        await Gen.Select(Histories, Filters(world).Array[3]).SampleAsync(
            async (history, filters) =>
            {
                await ClearAsync(app.Factory);
                await world.WriteAsync(app.Factory, history);
                await RebuildAsync();
                var statistics = Service<StatisticsService>();
                foreach (var filter in filters.Append(new StatisticsFilter { From = FirstDay, To = LastDay }))
                {
                    await RowsShouldMatchAsync(statistics, world, history, filter);
                }
            },
            iter: 12,
            threads: 1);
    }

    private static async Task RowsShouldMatchAsync(StatisticsService statistics, StatisticsWorld world, History history, StatisticsFilter filter)
    {
        // groupOf: the filter that selects a row's group; null for the learners without a region, whom no filter selects alone.
        async Task LayoutAsync(StatisticsLayout layout, Func<StatisticsRow, StatisticsFilter?> groupOf, IEnumerable<StatisticsFilter> everyGroup)
        {
            var rows = await statistics.RowsAsync(filter, layout);
            foreach (var row in rows)
            {
                if (groupOf(row) is { } group)
                {
                    row.Measures.ShouldBe(world.Expected(history, group), $"{layout} {row.Key}: {history} / {filter}");
                }
            }

            // No group with figures is missing from the rows.
            foreach (var group in everyGroup)
            {
                if (world.Expected(history, group) != StatisticsMeasures.Empty)
                {
                    rows.Select(groupOf).ShouldContain(group, $"{layout}: {group} / {history}");
                }
            }
        }

        int Id(StatisticsRow row) => int.Parse(row.Key, System.Globalization.CultureInfo.InvariantCulture);
        await LayoutAsync(
            StatisticsLayout.ByOccupation, r => filter with { OccupationId = Id(r) },
            world.Courses.Select(c => c.OccupationId).Distinct().Where(o => filter.OccupationId is null || o == filter.OccupationId).Select(o => filter with { OccupationId = o }));
        await LayoutAsync(
            StatisticsLayout.ByCourse, r => filter with { CourseId = Id(r) },
            world.Courses.Select(c => c.Id).Where(c => filter.CourseId is null || c == filter.CourseId).Select(c => filter with { CourseId = c }));
        await LayoutAsync(
            StatisticsLayout.ByEnterprise, r => filter with { EnterpriseId = Id(r) },
            world.Learners.Select(l => l.EnterpriseId).Distinct().Where(e => filter.EnterpriseId is null || e == filter.EnterpriseId).Select(e => filter with { EnterpriseId = e }));
        await LayoutAsync(
            StatisticsLayout.ByLevel, r => filter with { SkillLevel = (SkillLevel)Id(r) },
            world.Courses.Select(c => c.Level).Distinct().Where(l => filter.SkillLevel is null || l == filter.SkillLevel).Select(l => filter with { SkillLevel = l }));
        await LayoutAsync(StatisticsLayout.ByRegion, r => r.RegionCode is null ? null : filter with { RegionCode = r.RegionCode }, []);
        await LayoutAsync(
            StatisticsLayout.ProvincialReport,
            r => r.RegionCode is null ? null : filter with { RegionCode = r.RegionCode, OccupationId = int.Parse(r.Key.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture) },
            []);

        // The trend: one row per month of the range, each the month's part of the range.
        var trend = await statistics.TrendAsync(filter);
        trend.Select(r => r.Key).ShouldBe(DayMask.Months(filter.From, filter.To).Select(m => $"{m.Year}{m.Month:00}"));
        foreach (var row in trend)
        {
            var month = new DateOnly(int.Parse(row.Key[..4], System.Globalization.CultureInfo.InvariantCulture), int.Parse(row.Key[4..], System.Globalization.CultureInfo.InvariantCulture), 1);
            var part = filter with { From = Max(filter.From, month), To = Min(filter.To, month.AddMonths(1).AddDays(-1)) };
            row.Measures.ShouldBe(world.Expected(history, part), $"trend {row.Key}: {history} / {filter}");
        }
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    [Fact]
    public async Task Learners_over_a_month_are_distinct_over_the_month_not_the_sum_of_daily_counts()
    {
        var world = await WorldAsync();
        await ClearAsync(app.Factory);
        var day = Calendar.StartOfDayUtc(new DateOnly(2026, 9, 1)).AddHours(12);
        var history = new History(
            [
                new Segment(0, 0, day, 600), new Segment(0, 0, day.AddDays(3), 600), new Segment(0, 1, day.AddDays(7), 300),
                new Segment(1, 0, day.AddDays(3), 900), new Segment(1, 0, day.AddDays(20), 900),
            ],
            [],
            []);
        await world.WriteAsync(app.Factory, history);
        await RebuildAsync();

        var month = new StatisticsFilter { From = new DateOnly(2026, 9, 1), To = new DateOnly(2026, 9, 30) };
        var figures = await Service<StatisticsQueries>().MeasuresAsync(month);
        var dailyLearners = 0;
        for (var d = month.From; d <= month.To; d = d.AddDays(1))
        {
            dailyLearners += (await Service<StatisticsQueries>().MeasuresAsync(month with { From = d, To = d })).Learners;
        }

        dailyLearners.ShouldBe(5);
        figures.Learners.ShouldBe(2);
        figures.PersonTimes.ShouldBe(3);
        figures.CreditedSeconds.ShouldBe(3300);
        figures.ShouldBe(world.Expected(history, month));

        // The same across a month boundary: learner 1 in September and October is still one learner.
        await world.WriteAsync(app.Factory, new History([new Segment(1, 0, day.AddDays(35), 60)], [], []));
        await RebuildAsync();
        var twoMonths = await Service<StatisticsQueries>().MeasuresAsync(month with { To = new DateOnly(2026, 10, 31) });
        twoMonths.Learners.ShouldBe(2);
        twoMonths.PersonTimes.ShouldBe(3);
    }

    [Fact]
    public async Task A_second_run_and_a_run_after_one_that_died_half_way_give_identical_tables()
    {
        var world = await WorldAsync();
        await ClearAsync(app.Factory);
        var history = Enumerable.Range(0, 1000).Select(_ => Histories.Single())
            .First(h => h.Segments.Count > 30 && h.Enrolments.Count > 5 && h.Attempts.Count > 5);
        await world.WriteAsync(app.Factory, history);

        await RebuildAsync();
        var clean = await SnapshotAsync();
        clean.Facts.ShouldNotBeEmpty();

        await RebuildAsync();
        (await SnapshotAsync()).ShouldBe(clean);

        // A run that dies inside day 40's transaction: earlier days are rebuilt, day 40 rolled back, the run marked failed.
        await ClearRollupsAsync();
        var dying = Service<StatisticsRollup>();
        var fatal = FirstDay.AddDays(40);
        dying.BeforeDayCommit = day => day == fatal ? throw new IOException("disk gone") : Task.CompletedTask;
        await Should.ThrowAsync<IOException>(() => RebuildAsync(dying));
        var partial = await SnapshotAsync();
        partial.Facts.ShouldAllBe(f => f.Day < fatal);
        var failed = (await Service<StatisticsService>().RecentRunsAsync(1)).ShouldHaveSingleItem();
        failed.Status.ShouldBe(RollupStatus.Failed);
        failed.DaysDone.ShouldBe(40);

        await RebuildAsync();
        (await SnapshotAsync()).ShouldBe(clean);
        await ShouldBeDerivedFromDaysAsync();
    }

    [Fact]
    public async Task Re_running_days_whose_records_changed_keeps_the_month_totals_equal_to_their_days()
    {
        var world = await WorldAsync();
        await ClearAsync(app.Factory);
        var history = Enumerable.Range(0, 1000).Select(_ => Histories.Single())
            .First(h => h.Segments.Count > 30 && h.Enrolments.Count > 5 && h.Attempts.Count > 5);
        await world.WriteAsync(app.Factory, history);
        await RebuildAsync();

        // More study on days already rolled up (learning events are append-only), then the nightly-style re-run of those days.
        var more = new History(history.Segments.Select(s => s with { At = s.At.AddMinutes(5), Seconds = 60 }).ToList(), [], []);
        await world.WriteAsync(app.Factory, more);
        await RebuildAsync();
        await ShouldBeDerivedFromDaysAsync();
        var both = new History([.. history.Segments, .. more.Segments], history.Enrolments, history.Attempts);
        var filter = new StatisticsFilter { From = FirstDay, To = LastDay };
        (await Service<StatisticsQueries>().MeasuresAsync(filter)).ShouldBe(world.Expected(both, filter));
        (await Service<StatisticsQueries>().MeasuresAsync(filter with { From = new DateOnly(2026, 9, 1), To = new DateOnly(2026, 10, 31) }))
            .ShouldBe(world.Expected(both, filter with { From = new DateOnly(2026, 9, 1), To = new DateOnly(2026, 10, 31) }));

        // Records gone from days already rolled up (a test-only deletion: the product never deletes graded attempts): the
        // re-run takes them out of the months, and cells left with nothing are removed.
        await using (var db = await NewContextAsync(app.Factory))
        {
            (await db.MonthlyFacts.SumAsync(m => m.QuizAttempts)).ShouldBeGreaterThan(0);
            await db.Database.ExecuteSqlRawAsync("DELETE FROM AttemptItems; DELETE FROM QuizAttempts;");
        }

        await RebuildAsync();
        await ShouldBeDerivedFromDaysAsync();
        await using (var db = await NewContextAsync(app.Factory))
        {
            (await db.MonthlyFacts.SumAsync(m => m.QuizAttempts)).ShouldBe(0);
        }
    }

    /// <summary>
    /// StatMonthlyFacts holds exactly the sums of each month's StatDailyFacts (no cell left at zero) and StatLearnerYears
    /// exactly the OR of each year's StatLearnerMonths, with the same dimensions.
    /// </summary>
    private async Task ShouldBeDerivedFromDaysAsync()
    {
        await using var db = await NewContextAsync(app.Factory);
        var days = await db.DailyFacts.AsNoTracking().ToListAsync();
        var expectedMonths = days
            .GroupBy(d => (Month: DayMask.MonthOf(d.Day), d.RegionCode, d.EnterpriseId, d.CourseId))
            .Select(g => (g.Key.Month, g.Key.RegionCode, g.Key.EnterpriseId, g.Key.CourseId, g.First().OccupationId, g.First().SkillLevel,
                g.Sum(d => d.CreditedSeconds), g.Sum(d => d.PersonTimes), g.Sum(d => d.NewEnrolments), g.Sum(d => d.Completions),
                g.Sum(d => d.Certificates), g.Sum(d => d.QuizAttempts), g.Sum(d => d.QuizPasses), g.Sum(d => d.VouchersRedeemed), g.Sum(d => d.VoucherAmountFen)))
            .Order().ToList();
        var months = (await db.MonthlyFacts.AsNoTracking().ToListAsync())
            .Select(m => (m.Month, m.RegionCode, m.EnterpriseId, m.CourseId, m.OccupationId, m.SkillLevel, m.CreditedSeconds, m.ActivePairDays,
                m.NewEnrolments, m.Completions, m.Certificates, m.QuizAttempts, m.QuizPasses, m.VouchersRedeemed, m.VoucherAmountFen))
            .Order().ToList();
        months.ShouldBe(expectedMonths);

        var learnerMonths = await db.LearnerMonths.AsNoTracking().ToListAsync();
        var expectedYears = learnerMonths
            .GroupBy(m => (Year: DayMask.YearOf(m.Month), m.LearnerId, m.CourseId))
            .Select(g => (g.Key.Year, g.Key.LearnerId, g.Key.CourseId, g.First().RegionCode, g.First().EnterpriseId, g.First().OccupationId,
                g.First().SkillLevel, g.Aggregate(0, (bits, m) => bits | DayMask.MonthBit(m.Month))))
            .Order().ToList();
        var years = (await db.LearnerYears.AsNoTracking().ToListAsync())
            .Select(y => (y.Year, y.LearnerId, y.CourseId, y.RegionCode, y.EnterpriseId, y.OccupationId, y.SkillLevel, y.ActiveMonths))
            .Order().ToList();
        years.ShouldBe(expectedYears);

        // The cells: each day's facts summed over enterprises and courses, each month's cells the sum of its days' cells.
        var expectedDayCells = days
            .GroupBy(d => (d.Day, d.RegionCode, d.OccupationId, d.SkillLevel))
            .Select(g => (g.Key.Day, g.Key.RegionCode, g.Key.OccupationId, g.Key.SkillLevel, g.Sum(d => d.CreditedSeconds), g.Sum(d => d.PersonTimes),
                g.Sum(d => d.NewEnrolments), g.Sum(d => d.Completions), g.Sum(d => d.Certificates), g.Sum(d => d.QuizAttempts), g.Sum(d => d.QuizPasses),
                g.Sum(d => d.VouchersRedeemed), g.Sum(d => d.VoucherAmountFen)))
            .Order().ToList();
        var dayCells = await db.DailyCells.AsNoTracking().ToListAsync();
        dayCells
            .Select(c => (c.Day, c.RegionCode, c.OccupationId, c.SkillLevel, c.CreditedSeconds, c.PersonTimes, c.NewEnrolments, c.Completions,
                c.Certificates, c.QuizAttempts, c.QuizPasses, c.VouchersRedeemed, c.VoucherAmountFen))
            .Order().ToList().ShouldBe(expectedDayCells);
        var expectedMonthCells = dayCells
            .GroupBy(c => (Month: DayMask.MonthOf(c.Day), c.RegionCode, c.OccupationId, c.SkillLevel))
            .Select(g => (g.Key.Month, g.Key.RegionCode, g.Key.OccupationId, g.Key.SkillLevel, g.Sum(c => c.CreditedSeconds), g.Sum(c => c.PersonTimes),
                g.Sum(c => c.NewEnrolments), g.Sum(c => c.Completions), g.Sum(c => c.Certificates), g.Sum(c => c.QuizAttempts), g.Sum(c => c.QuizPasses),
                g.Sum(c => c.VouchersRedeemed), g.Sum(c => c.VoucherAmountFen)))
            .Order().ToList();
        (await db.MonthlyCells.AsNoTracking().ToListAsync())
            .Select(c => (c.Month, c.RegionCode, c.OccupationId, c.SkillLevel, c.CreditedSeconds, c.ActivePairDays, c.NewEnrolments, c.Completions,
                c.Certificates, c.QuizAttempts, c.QuizPasses, c.VouchersRedeemed, c.VoucherAmountFen))
            .Order().ToList().ShouldBe(expectedMonthCells);
    }

    [Fact]
    public async Task The_hourly_run_covers_today_and_after_midnight_also_yesterday()
    {
        var world = await WorldAsync();
        await ClearAsync(app.Factory);
        var today = Calendar.Today(app.Time);
        var history = new History([new Segment(2, 2, app.Time.GetUtcNow().AddMinutes(-30), 120)], [], []);
        await world.WriteAsync(app.Factory, history);

        var first = await Service<StatisticsRollup>().HourlyAsync(CancellationToken.None);
        var run = (await Service<StatisticsService>().RunAsync(first))!;
        (run.From, run.To, run.Status).ShouldBe((today, today, RollupStatus.Succeeded));
        (await Service<StatisticsQueries>().MeasuresAsync(new StatisticsFilter { From = today, To = today })).CreditedSeconds.ShouldBe(120);

        // Study late in the evening lands after the last hourly run; the first run of the next day still counts it.
        var lateEvening = Calendar.StartOfDayUtc(today.AddDays(1)).AddMinutes(-10);
        app.Time.SetUtcNow(lateEvening);
        await world.WriteAsync(app.Factory, new History([new Segment(2, 2, lateEvening, 300)], [], []));
        app.Time.Advance(TimeSpan.FromMinutes(17));
        var next = (await Service<StatisticsService>().RunAsync(await Service<StatisticsRollup>().HourlyAsync(CancellationToken.None)))!;
        (next.From, next.To).ShouldBe((today, today.AddDays(1)));
        (await Service<StatisticsQueries>().MeasuresAsync(new StatisticsFilter { From = today, To = today })).CreditedSeconds.ShouldBe(420);
        (await Service<StatisticsService>().LastSuccessAsync()).ShouldContainKey(RollupTrigger.Hourly);

        // The run answered the dashboard's opening questions on this node: kept, so rows changed behind the stamp do not show.
        var opening = StatisticsService.YearToDate(today.AddDays(1));
        await using (var db = await NewContextAsync(app.Factory))
        {
            await db.DailyCells.ExecuteUpdateAsync(set => set.SetProperty(c => c.CreditedSeconds, 0));
            await db.MonthlyCells.ExecuteUpdateAsync(set => set.SetProperty(c => c.CreditedSeconds, 0));
        }

        (await Service<StatisticsService>().MeasuresAsync(opening)).CreditedSeconds.ShouldBe(420);
        (await Service<StatisticsService>().TrendAsync(opening)).Sum(r => r.Measures.CreditedSeconds).ShouldBe(420);
    }

    [Fact]
    public async Task Answers_are_kept_until_a_rollup_transaction_changes_the_rollups()
    {
        var world = await WorldAsync();
        await ClearAsync(app.Factory);
        var day = Calendar.StartOfDayUtc(new DateOnly(2026, 9, 10)).AddHours(10);
        await world.WriteAsync(app.Factory, new History([new Segment(0, 0, day, 600), new Segment(3, 2, day, 300)], [], []));
        await RebuildAsync();
        var september = new StatisticsFilter { From = new DateOnly(2026, 9, 1), To = new DateOnly(2026, 9, 30) };
        var first = await Service<StatisticsService>().MeasuresAsync(september);
        (first.CreditedSeconds, first.Learners).ShouldBe((900, 2));

        // Rows changed behind the rollup's back (no stamp raised): the kept answer and the kept learner rows still stand.
        await using (var db = await NewContextAsync(app.Factory))
        {
            await db.MonthlyCells.ExecuteUpdateAsync(set => set.SetProperty(c => c.CreditedSeconds, 0));
            await db.LearnerYears.ExecuteDeleteAsync();
        }

        (await Service<StatisticsService>().MeasuresAsync(september)).ShouldBe(first);
        (await Service<StatisticsService>().RowsAsync(september, StatisticsLayout.ByOccupation)).Sum(r => r.Measures.Learners).ShouldBe(2);

        // A rollup commits: the next question is answered from the new rollups.
        await world.WriteAsync(app.Factory, new History([new Segment(5, 1, day.AddDays(1), 120)], [], []));
        await RebuildAsync();
        var after = await Service<StatisticsService>().MeasuresAsync(september);
        (after.CreditedSeconds, after.Learners).ShouldBe((1020, 3));
    }

    [Fact]
    public async Task Staff_re_runs_are_refused_for_reversed_future_or_overlong_ranges()
    {
        var rollup = Service<StatisticsRollup>();
        var today = Calendar.Today(app.Time);
        (await rollup.RequestAsync(today, today.AddDays(-1), "staff")).Problem.ShouldBe("Statistics.Error.RangeReversed");
        (await rollup.RequestAsync(today, today.AddDays(1), "staff")).Problem.ShouldBe("Statistics.Rollup.Error.Future");
        (await rollup.RequestAsync(today.AddDays(-500), today, "staff")).Problem.ShouldBe("Statistics.Rollup.Error.TooLong");
    }

    private async Task ClearRollupsAsync()
    {
        await using var db = await NewContextAsync(app.Factory);
        await db.DailyFacts.ExecuteDeleteAsync();
        await db.LearnerMonths.ExecuteDeleteAsync();
        await db.MonthlyFacts.ExecuteDeleteAsync();
        await db.LearnerYears.ExecuteDeleteAsync();
        await db.DailyCells.ExecuteDeleteAsync();
        await db.MonthlyCells.ExecuteDeleteAsync();
        await db.Database.ExecuteSqlRawAsync("UPDATE StatRollupStamps SET Version = Version + 1");
    }

    private async Task<Snapshot> SnapshotAsync()
    {
        await using var db = await NewContextAsync(app.Factory);
        var facts = (await db.DailyFacts.AsNoTracking().ToListAsync())
            .OrderBy(f => f.Day).ThenBy(f => f.RegionCode).ThenBy(f => f.EnterpriseId).ThenBy(f => f.CourseId).ToList();
        var months = (await db.LearnerMonths.AsNoTracking().ToListAsync())
            .OrderBy(m => m.Month).ThenBy(m => m.LearnerId).ThenBy(m => m.CourseId).Select(m => (m.Month, m.LearnerId, m.CourseId, m.RegionCode, m.ActiveDays)).ToList();
        return new Snapshot(facts.Select(f => (f.Day, f.RegionCode, f.EnterpriseId, f.CourseId, f.CreditedSeconds, f.PersonTimes, f.NewEnrolments, f.Completions, f.Certificates, f.QuizAttempts, f.QuizPasses, f.VouchersRedeemed, f.VoucherAmountFen)).ToList(), months);
    }

    private sealed record Snapshot(
        IReadOnlyList<(DateOnly Day, string Region, int Enterprise, int Course, long Seconds, int PersonTimes, int Enrolments, int Completions, int Certificates, int Attempts, int Passes, int Vouchers, long Fen)> Facts,
        IReadOnlyList<(DateOnly Month, Guid Learner, int Course, string Region, int Days)> Months)
    {
        public bool Equals(Snapshot? other) => other is not null && Facts.SequenceEqual(other.Facts) && Months.SequenceEqual(other.Months);

        public override int GetHashCode() => Facts.Count;
    }
}
