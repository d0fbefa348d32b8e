namespace SkillsAcademy.Domain.Learning;

/// <summary>
/// Credits study time from the server-side times of activity reports (sent every 15 s while a lesson is
/// visible and, for video, playing). Each accepted report credits the time since the previous accepted
/// report, at most 22 s; a gap of more than 60 s starts a new segment and credits nothing; a lesson
/// credits at most 1.5 × its nominal duration. Credit never exceeds the wall-clock time between reports.
/// Time already credited to the learner on another lesson (<c>learnerCreditedUntil</c>) is not credited again, so
/// pages that take turns opening two lessons cannot earn more than the clock either.
/// </summary>
public static class StudyTimeCredit
{
    public static readonly TimeSpan MaxCreditPerReport = TimeSpan.FromSeconds(22);
    public static readonly TimeSpan MaxGapWithinSegment = TimeSpan.FromSeconds(60);

    public static StudyTimeCreditResult Apply(
        StudyTimeState state, DateTimeOffset reportAt, int nominalDurationSeconds, DateTimeOffset? learnerCreditedUntil = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentOutOfRangeException.ThrowIfNegative(nominalDurationSeconds);

        if (state.LastReportAt is not { } last)
        {
            return new StudyTimeCreditResult(0, Accepted: true, StartedNewSegment: true, state with { LastReportAt = reportAt, SegmentCount = state.SegmentCount + 1 });
        }

        // A replayed, duplicated or clock-skewed report must not move time backwards or credit anything.
        if (reportAt <= last)
        {
            return new StudyTimeCreditResult(0, Accepted: false, StartedNewSegment: false, state);
        }

        var gap = reportAt - last;
        if (gap > MaxGapWithinSegment)
        {
            return new StudyTimeCreditResult(0, Accepted: true, StartedNewSegment: true, state with { LastReportAt = reportAt, SegmentCount = state.SegmentCount + 1 });
        }

        var capMilliseconds = nominalDurationSeconds * 1500L;
        var remainingMilliseconds = Math.Max(0, capMilliseconds - state.CreditedMilliseconds);
        var since = learnerCreditedUntil is { } until && until > last ? until : last;
        var creditableMilliseconds = Math.Max(0, (long)(reportAt - since).TotalMilliseconds);
        var creditMilliseconds = Math.Min(
            Math.Min(creditableMilliseconds, (long)MaxCreditPerReport.TotalMilliseconds),
            remainingMilliseconds);

        var next = state with
        {
            LastReportAt = reportAt,
            CreditedMilliseconds = state.CreditedMilliseconds + creditMilliseconds,
        };
        return new StudyTimeCreditResult(next.CreditedSeconds - state.CreditedSeconds, Accepted: true, StartedNewSegment: false, next);
    }

    public static int MaxCreditedSeconds(int nominalDurationSeconds) => (int)(nominalDurationSeconds * 1500L / 1000);
}
