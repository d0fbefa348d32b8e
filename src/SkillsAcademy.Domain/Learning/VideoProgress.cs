namespace SkillsAcademy.Domain.Learning;

/// <summary>Whole seconds: the furthest position the player reported and the video's length.</summary>
public sealed record VideoProgress
{
    public VideoProgress(int furthestPositionSeconds, int lengthSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(furthestPositionSeconds);
        ArgumentOutOfRangeException.ThrowIfNegative(lengthSeconds);
        FurthestPositionSeconds = furthestPositionSeconds;
        LengthSeconds = lengthSeconds;
    }

    public int FurthestPositionSeconds { get; }

    public int LengthSeconds { get; }

    // Integer arithmetic: 0.9 * length in floating point would reject exactly 90%.
    public bool HasWatchedEnough => FurthestPositionSeconds * 100L >= LengthSeconds * (long)LessonCompletionRule.RequiredVideoPercent;
}
