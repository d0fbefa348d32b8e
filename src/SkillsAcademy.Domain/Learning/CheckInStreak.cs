namespace SkillsAcademy.Domain.Learning;

public static class CheckInStreak
{
    /// <summary>
    /// The number of consecutive check-in days ending today, or ending yesterday when the learner has not
    /// checked in yet today; 0 when neither day has a check-in. Days after today are ignored.
    /// </summary>
    public static int Calculate(IEnumerable<DateOnly> checkInDays, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(checkInDays);
        var days = checkInDays as IReadOnlySet<DateOnly> ?? checkInDays.ToHashSet();

        var day = days.Contains(today) ? today : today.AddDays(-1);
        var streak = 0;
        while (days.Contains(day))
        {
            streak++;
            if (day == DateOnly.MinValue)
            {
                break;
            }

            day = day.AddDays(-1);
        }

        return streak;
    }
}
