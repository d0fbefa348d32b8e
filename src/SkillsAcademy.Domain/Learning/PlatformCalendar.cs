namespace SkillsAcademy.Domain.Learning;

/// <summary>
/// Turns UTC instants into calendar days of the platform time zone (default Asia/Shanghai): check-ins,
/// streaks and daily statistics count local days, while stored instants stay UTC.
/// </summary>
public sealed class PlatformCalendar
{
    public const string DefaultTimeZoneId = "Asia/Shanghai";

    private readonly TimeZoneInfo _timeZone;

    public PlatformCalendar(TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        _timeZone = timeZone;
    }

    public static PlatformCalendar Default { get; } = new(FindTimeZone(DefaultTimeZoneId));

    public TimeZoneInfo TimeZone => _timeZone;

    /// <summary>An id the host knows, e.g. Asia/Shanghai; throws TimeZoneNotFoundException otherwise.</summary>
    public static PlatformCalendar FromTimeZoneId(string timeZoneId) => new(FindTimeZone(timeZoneId));

    public DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, _timeZone).DateTime);

    public DateOnly Today(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return DayOf(timeProvider.GetUtcNow());
    }

    /// <summary>The UTC instant at which the local day starts; the day ends where the next one starts.</summary>
    public DateTimeOffset StartOfDayUtc(DateOnly day)
    {
        var localMidnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);

        // Where a DST change skips midnight, the day starts at the first valid local time after it.
        while (_timeZone.IsInvalidTime(localMidnight))
        {
            localMidnight = localMidnight.AddMinutes(1);
        }

        var offset = _timeZone.IsAmbiguousTime(localMidnight)
            ? _timeZone.GetAmbiguousTimeOffsets(localMidnight).Max()
            : _timeZone.GetUtcOffset(localMidnight);
        return new DateTimeOffset(localMidnight, offset).ToUniversalTime();
    }

    private static TimeZoneInfo FindTimeZone(string timeZoneId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(timeZoneId);
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        }
        catch (TimeZoneNotFoundException) when (timeZoneId == DefaultTimeZoneId)
        {
            // Slim containers may ship without tzdata; China has kept UTC+8 without DST since 1991.
            return TimeZoneInfo.CreateCustomTimeZone(DefaultTimeZoneId, TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");
        }
    }
}
