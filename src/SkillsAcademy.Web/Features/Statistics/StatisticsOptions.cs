namespace SkillsAcademy.Web.Features.Statistics;

/// <summary>The "Statistics" configuration section: rollup schedules and limits.</summary>
public sealed class StatisticsOptions
{
    public const string SectionName = "Statistics";

    /// <summary>When the incremental rollup of today runs (platform time zone).</summary>
    public string HourlyCron { get; set; } = "7 * * * *";

    /// <summary>When the recompute of the last days runs (platform time zone).</summary>
    public string NightlyCron { get; set; } = "30 2 * * *";

    /// <summary>How many days, up to yesterday, the nightly run recomputes.</summary>
    public int NightlyDays { get; set; } = 7;

    /// <summary>The longest range staff may re-run at once.</summary>
    public int MaxRerunDays { get; set; } = 400;

    /// <summary>Exports with more rows than this are refused (the background job streams, so this only caps file size).</summary>
    public int MaxExportRows { get; set; } = 1_000_000;

    public static IReadOnlyList<string> Validate(StatisticsOptions options)
    {
        var failures = new List<string>();
        foreach (var (name, cron) in new[] { ("HourlyCron", options.HourlyCron), ("NightlyCron", options.NightlyCron) })
        {
            if (string.IsNullOrWhiteSpace(cron) || cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length is not (5 or 6))
            {
                failures.Add($"Statistics:{name} '{cron}' is not a cron expression of 5 or 6 fields.");
            }
        }

        if (options.NightlyDays is < 1 or > 62)
        {
            failures.Add($"Statistics:NightlyDays must be between 1 and 62; it is {options.NightlyDays}.");
        }

        if (options.MaxRerunDays is < 1 or > 3660)
        {
            failures.Add($"Statistics:MaxRerunDays must be between 1 and 3660; it is {options.MaxRerunDays}.");
        }

        if (options.MaxExportRows is < 1000 or > 10_000_000)
        {
            failures.Add($"Statistics:MaxExportRows must be between 1000 and 10000000; it is {options.MaxExportRows}.");
        }

        return failures;
    }
}
