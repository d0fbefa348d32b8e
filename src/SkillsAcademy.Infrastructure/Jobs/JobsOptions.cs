namespace SkillsAcademy.Infrastructure.Jobs;

/// <summary>The "Jobs" configuration section.</summary>
public sealed class JobsOptions
{
    public const string SectionName = "Jobs";

    /// <summary>Run a Hangfire processing server in this process (a node may only enqueue).</summary>
    public bool RunServer { get; set; } = true;

    public int WorkerCount { get; set; } = 2;

    /// <summary>How often an idle SQLite-backed server looks for work; SQL Server uses long polling.</summary>
    public int QueuePollIntervalSeconds { get; set; } = 2;

    /// <summary>How often a server looks for due recurring and delayed jobs (Hangfire's default is 15 s).</summary>
    public int SchedulePollingIntervalSeconds { get; set; } = 15;

    public static IReadOnlyList<string> Validate(JobsOptions options)
    {
        var failures = new List<string>();
        if (options.WorkerCount is < 1 or > 64)
        {
            failures.Add($"Jobs:WorkerCount must be between 1 and 64; it is {options.WorkerCount}.");
        }

        if (options.QueuePollIntervalSeconds is < 1 or > 60)
        {
            failures.Add($"Jobs:QueuePollIntervalSeconds must be between 1 and 60; it is {options.QueuePollIntervalSeconds}.");
        }

        if (options.SchedulePollingIntervalSeconds is < 1 or > 300)
        {
            failures.Add($"Jobs:SchedulePollingIntervalSeconds must be between 1 and 300; it is {options.SchedulePollingIntervalSeconds}.");
        }

        return failures;
    }
}
