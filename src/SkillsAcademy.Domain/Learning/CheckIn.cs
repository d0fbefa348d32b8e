namespace SkillsAcademy.Domain.Learning;

/// <summary>A learner's daily check-in (签到打卡): at most one per local calendar day, decided by the server clock.</summary>
public sealed class CheckIn
{
    public CheckIn(Guid learnerId, DateOnly day, DateTimeOffset checkedInAt)
    {
        LearnerId = learnerId;
        Day = day;
        CheckedInAt = checkedInAt;
    }

    public Guid LearnerId { get; private set; }

    /// <summary>The calendar day in the platform time zone.</summary>
    public DateOnly Day { get; private set; }

    public DateTimeOffset CheckedInAt { get; private set; }
}
