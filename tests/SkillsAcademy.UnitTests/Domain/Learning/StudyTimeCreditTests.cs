using SkillsAcademy.Domain.Learning;

namespace SkillsAcademy.UnitTests.Domain.Learning;

public sealed class StudyTimeCreditTests
{
    private const int TenMinutes = 600;
    private static readonly DateTimeOffset _start = new(2026, 11, 24, 1, 0, 0, TimeSpan.Zero);

    private static (StudyTimeState State, List<StudyTimeCreditResult> Results) Report(
        StudyTimeState state, int nominalSeconds, IEnumerable<DateTimeOffset> reportTimes)
    {
        var results = new List<StudyTimeCreditResult>();
        foreach (var at in reportTimes)
        {
            var result = StudyTimeCredit.Apply(state, at, nominalSeconds);
            results.Add(result);
            state = result.State;
        }

        return (state, results);
    }

    private static IEnumerable<DateTimeOffset> Every(double seconds, int count) =>
        Enumerable.Range(0, count).Select(i => _start.AddSeconds(i * seconds));

    [Fact]
    public void The_first_report_credits_nothing_and_starts_the_first_segment()
    {
        var result = StudyTimeCredit.Apply(StudyTimeState.Initial, _start, TenMinutes);

        result.CreditedSeconds.ShouldBe(0);
        result.Accepted.ShouldBeTrue();
        result.StartedNewSegment.ShouldBeTrue();
        result.State.ShouldBe(new StudyTimeState(_start, 0, 1));
    }

    [Fact]
    public void Steady_reports_every_15_seconds_credit_15_seconds_each()
    {
        var (state, results) = Report(StudyTimeState.Initial, TenMinutes, Every(15, 11));

        results.Where((_, index) => index > 0).ShouldAllBe(r => r.CreditedSeconds == 15 && r.Accepted && !r.StartedNewSegment);
        state.CreditedSeconds.ShouldBe(150);
        state.SegmentCount.ShouldBe(1);
    }

    [Fact]
    public void A_30_second_gap_credits_22_seconds()
    {
        var (state, results) = Report(StudyTimeState.Initial, TenMinutes, [_start, _start.AddSeconds(30)]);

        results[1].CreditedSeconds.ShouldBe(22);
        results[1].StartedNewSegment.ShouldBeFalse();
        state.CreditedSeconds.ShouldBe(22);
    }

    [Fact]
    public void A_gap_of_exactly_60_seconds_stays_in_the_segment()
    {
        var (state, results) = Report(StudyTimeState.Initial, TenMinutes, [_start, _start.AddSeconds(60)]);

        results[1].CreditedSeconds.ShouldBe(22);
        results[1].StartedNewSegment.ShouldBeFalse();
        state.SegmentCount.ShouldBe(1);
    }

    [Fact]
    public void A_61_second_gap_credits_nothing_and_starts_a_new_segment()
    {
        var (state, results) = Report(
            StudyTimeState.Initial,
            TenMinutes,
            [_start, _start.AddSeconds(15), _start.AddSeconds(76), _start.AddSeconds(91)]);

        results.Select(r => r.CreditedSeconds).ShouldBe([0, 15, 0, 15]);
        results.Select(r => r.StartedNewSegment).ShouldBe([true, false, true, false]);
        state.SegmentCount.ShouldBe(2);
        state.CreditedSeconds.ShouldBe(30);
        state.LastReportAt.ShouldBe(_start.AddSeconds(91));
    }

    [Fact]
    public void A_report_at_or_before_the_last_accepted_one_is_refused_and_changes_nothing()
    {
        var (state, _) = Report(StudyTimeState.Initial, TenMinutes, [_start, _start.AddSeconds(15)]);

        var same = StudyTimeCredit.Apply(state, _start.AddSeconds(15), TenMinutes);
        var earlier = StudyTimeCredit.Apply(state, _start.AddSeconds(3), TenMinutes);

        same.ShouldBe(new StudyTimeCreditResult(0, Accepted: false, StartedNewSegment: false, state));
        earlier.ShouldBe(new StudyTimeCreditResult(0, Accepted: false, StartedNewSegment: false, state));
    }

    [Fact]
    public void A_thousand_reports_in_the_same_second_credit_nothing_beyond_the_first()
    {
        var (state, _) = Report(StudyTimeState.Initial, TenMinutes, Every(15, 3));
        var before = state.CreditedSeconds;
        var second = _start.AddSeconds(45);

        var flood = Enumerable.Range(0, 1000).Select(i => second.AddTicks(i * 9_990)); // 1000 reports within 1 s
        var (after, results) = Report(state, TenMinutes, flood);

        results[0].CreditedSeconds.ShouldBe(15);
        results.Where((_, index) => index > 0).Sum(r => r.CreditedSeconds).ShouldBe(0);
        after.CreditedSeconds.ShouldBe(before + 15);
    }

    [Fact]
    public void A_thousand_identical_reports_are_refused_after_the_first()
    {
        var (_, results) = Report(StudyTimeState.Initial, TenMinutes, Enumerable.Repeat(_start, 1000));

        results.Count(r => r.Accepted).ShouldBe(1);
        results.Sum(r => r.CreditedSeconds).ShouldBe(0);
    }

    [Fact]
    public void Fractions_of_seconds_carry_over_instead_of_being_lost()
    {
        // 9 gaps of 14.6 s = 131.4 s of study.
        var (state, results) = Report(StudyTimeState.Initial, TenMinutes, Every(14.6, 10));

        state.CreditedSeconds.ShouldBe(131);
        results.Sum(r => r.CreditedSeconds).ShouldBe(131);
    }

    [Fact]
    public void A_lesson_credits_at_most_one_and_a_half_times_its_nominal_duration()
    {
        // Nominal 60 s: 40 reports, 15 s apart, would be 585 s.
        var (state, results) = Report(StudyTimeState.Initial, 60, Every(15, 40));

        state.CreditedSeconds.ShouldBe(90);
        StudyTimeCredit.MaxCreditedSeconds(60).ShouldBe(90);
        results.Last().ShouldSatisfyAllConditions(
            r => r.CreditedSeconds.ShouldBe(0),
            r => r.Accepted.ShouldBeTrue());
    }

    [Fact]
    public void The_cap_for_an_odd_nominal_duration_rounds_down()
    {
        var (state, _) = Report(StudyTimeState.Initial, 61, Every(15, 40));

        state.CreditedSeconds.ShouldBe(91);
        StudyTimeCredit.MaxCreditedSeconds(61).ShouldBe(91);
    }

    [Fact]
    public void A_negative_nominal_duration_is_rejected()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => StudyTimeCredit.Apply(StudyTimeState.Initial, _start, -1));
    }

    [Fact]
    public void Random_report_sequences_never_credit_more_than_wall_clock_time_or_the_cap()
    {
        for (var seed = 1; seed <= 500; seed++)
        {
            var random = new Random(seed);
            var nominal = random.Next(0, 1800);
            var count = random.Next(1, 300);
            var at = _start;
            var times = new List<DateTimeOffset>(count);
            for (var i = 0; i < count; i++)
            {
                times.Add(at);
                var gapMilliseconds = random.Next(6) switch
                {
                    0 => 0,
                    1 => -random.Next(1, 30_000),   // late, reordered or replayed report
                    2 => random.Next(1, 1_000),     // flood
                    3 => random.Next(14_000, 16_000),
                    4 => random.Next(16_000, 62_000),
                    _ => random.Next(60_000, 600_000),
                };
                at = at.AddMilliseconds(gapMilliseconds).AddTicks(random.Next(0, 10_000));
            }

            var (state, results) = Report(StudyTimeState.Initial, nominal, times);

            var wallClock = times.Max() - times[0];
            var total = results.Sum(r => r.CreditedSeconds);
            total.ShouldBe(state.CreditedSeconds, $"seed {seed}");
            ((double)total).ShouldBeLessThanOrEqualTo(Math.Max(0, wallClock.TotalSeconds), $"seed {seed}");
            ((double)total).ShouldBeLessThanOrEqualTo(nominal * 1.5, $"seed {seed}");
            results.ShouldAllBe(r => r.CreditedSeconds >= 0 && r.CreditedSeconds <= 22, $"seed {seed}");
            state.SegmentCount.ShouldBe(results.Count(r => r.StartedNewSegment), $"seed {seed}");
        }
    }

    [Fact]
    public void Time_already_credited_on_another_lesson_is_not_credited_again()
    {
        var started = StudyTimeCredit.Apply(StudyTimeState.Initial, _start, TenMinutes).State;

        // Another lesson was credited up to 10 s after this lesson's last report.
        var result = StudyTimeCredit.Apply(started, _start.AddSeconds(15), TenMinutes, learnerCreditedUntil: _start.AddSeconds(10));

        result.CreditedSeconds.ShouldBe(5);
        result.State.LastReportAt.ShouldBe(_start.AddSeconds(15));
    }

    [Fact]
    public void Credit_elsewhere_before_this_lessons_last_report_changes_nothing()
    {
        var started = StudyTimeCredit.Apply(StudyTimeState.Initial, _start, TenMinutes).State;

        var result = StudyTimeCredit.Apply(started, _start.AddSeconds(15), TenMinutes, learnerCreditedUntil: _start.AddSeconds(-30));

        result.CreditedSeconds.ShouldBe(15);
    }

    [Fact]
    public void Random_turns_between_lessons_never_credit_the_learner_more_than_wall_clock_time()
    {
        for (var seed = 0; seed < 200; seed++)
        {
            var random = new Random(seed);
            var states = new[] { StudyTimeState.Initial, StudyTimeState.Initial, StudyTimeState.Initial };
            DateTimeOffset? creditedUntil = null;
            var at = _start;
            var total = 0;
            for (var i = 0; i < 200; i++)
            {
                at = at.AddMilliseconds(random.Next(0, 30_000));
                var lesson = random.Next(states.Length);
                var result = StudyTimeCredit.Apply(states[lesson], at, TenMinutes, creditedUntil);
                states[lesson] = result.State;
                total += result.CreditedSeconds;
                if (result.Accepted && (creditedUntil is null || at > creditedUntil))
                {
                    creditedUntil = at;
                }
            }

            ((double)total).ShouldBeLessThanOrEqualTo((at - _start).TotalSeconds + 1, $"seed {seed}");
        }
    }
}
