namespace SkillsAcademy.Web.Features.Learning;

/// <summary>
/// The "Learning" configuration section. The report interval only says how often an open lesson page reports;
/// the crediting rule on the server (22 s cap, 60 s gap, lesson cap) is the same whatever the interval.
/// </summary>
public sealed class LearningOptions
{
    public const string SectionName = "Learning";

    /// <summary>Seconds between two activity reports of an open lesson page (DOMAIN: 15).</summary>
    public int ReportIntervalSeconds { get; set; } = 15;

    /// <summary>How often the sweep records study segments left open by pages that stopped reporting.</summary>
    public string SweepCron { get; set; } = "*/5 * * * *";

    public static IReadOnlyList<string> Validate(LearningOptions options)
    {
        var failures = new List<string>();
        if (options.ReportIntervalSeconds is < 1 or > 60)
        {
            failures.Add($"Learning:ReportIntervalSeconds must be between 1 and 60; it is {options.ReportIntervalSeconds}.");
        }

        if (string.IsNullOrWhiteSpace(options.SweepCron) || options.SweepCron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length is not (5 or 6))
        {
            failures.Add($"Learning:SweepCron '{options.SweepCron}' is not a cron expression of 5 or 6 fields.");
        }

        return failures;
    }
}
