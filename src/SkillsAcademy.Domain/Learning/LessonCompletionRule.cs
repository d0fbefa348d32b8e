namespace SkillsAcademy.Domain.Learning;

/// <summary>
/// A lesson is complete when its credited time reaches the required minutes and, for a video lesson,
/// the furthest position watched reaches 90% of the video's length.
/// </summary>
public static class LessonCompletionRule
{
    public const int RequiredVideoPercent = 90;

    /// <param name="video">Null for a lesson without video.</param>
    public static bool IsComplete(int creditedSeconds, int requiredMinutes, VideoProgress? video)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(creditedSeconds);
        ArgumentOutOfRangeException.ThrowIfNegative(requiredMinutes);

        return creditedSeconds >= requiredMinutes * 60L && (video is null || video.HasWatchedEnough);
    }
}
