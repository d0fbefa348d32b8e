namespace SkillsAcademy.Domain.Statistics;

/// <summary>One run of the statistics rollup over a day range: what started it, how far it got, how it ended.</summary>
public sealed class RollupRun
{
    public RollupRun(RollupTrigger trigger, DateOnly from, DateOnly to, string? requestedBy, DateTimeOffset createdAt)
    {
        if (to < from)
        {
            throw new ArgumentException("A rollup range ends before it starts.", nameof(to));
        }

        Trigger = trigger;
        From = from;
        To = to;
        RequestedBy = requestedBy;
        CreatedAt = createdAt;
        DaysTotal = to.DayNumber - from.DayNumber + 1;
        Status = RollupStatus.Queued;
    }

    public int Id { get; private set; }

    public RollupTrigger Trigger { get; private set; }

    public DateOnly From { get; private set; }

    public DateOnly To { get; private set; }

    /// <summary>The staff member who asked for a manual re-run; null for scheduled runs.</summary>
    public string? RequestedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public int DaysTotal { get; private set; }

    public int DaysDone { get; private set; }

    public RollupStatus Status { get; private set; }

    public string? Error { get; private set; }

    public int PercentDone => DaysTotal == 0 ? 100 : (int)(DaysDone * 100L / DaysTotal);
}

public enum RollupTrigger
{
    Hourly = 1,
    Nightly = 2,
    Manual = 3,
}

public enum RollupStatus
{
    Queued = 1,
    Running = 2,
    Succeeded = 3,
    Failed = 4,
}
