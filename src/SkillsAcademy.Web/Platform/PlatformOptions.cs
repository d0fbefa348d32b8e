namespace SkillsAcademy.Web.Platform;

/// <summary>The "Platform" configuration section: what the whole platform shares.</summary>
public sealed class PlatformOptions
{
    public const string SectionName = "Platform";

    /// <summary>IANA time zone whose calendar days count for check-ins and statistics.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>Minutes of credited study in one credit hour (学时).</summary>
    public int CreditHourMinutes { get; set; } = 45;

    public TimeZoneInfo GetTimeZone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public static IReadOnlyList<string> Validate(PlatformOptions options)
    {
        var failures = new List<string>();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone ?? "", out _))
        {
            failures.Add($"Platform:TimeZone '{options.TimeZone}' is not a known time zone id (e.g. Asia/Shanghai).");
        }

        if (options.CreditHourMinutes is < 1 or > 240)
        {
            failures.Add($"Platform:CreditHourMinutes must be between 1 and 240; it is {options.CreditHourMinutes}.");
        }

        return failures;
    }
}
