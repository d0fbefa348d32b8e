using SkillsAcademy.Domain.Learning;

namespace SkillsAcademy.UnitTests.Domain.Learning;

public sealed class LessonCompletionRuleTests
{
    [Theory]
    [InlineData(599, 10, false)]
    [InlineData(600, 10, true)]
    [InlineData(900, 10, true)]
    [InlineData(0, 0, true)]
    public void A_lesson_without_video_is_complete_once_the_required_minutes_are_credited(int credited, int requiredMinutes, bool complete)
    {
        LessonCompletionRule.IsComplete(credited, requiredMinutes, video: null).ShouldBe(complete);
    }

    [Theory]
    [InlineData(89, 100, false)]
    [InlineData(90, 100, true)]
    [InlineData(899, 1000, false)]
    [InlineData(900, 1000, true)]
    [InlineData(540, 600, true)]
    [InlineData(539, 600, false)]
    [InlineData(0, 0, true)]
    public void A_video_lesson_also_needs_90_percent_of_the_video_watched(int furthest, int length, bool complete)
    {
        LessonCompletionRule.IsComplete(600, 10, new VideoProgress(furthest, length)).ShouldBe(complete);
    }

    [Fact]
    public void Watching_the_whole_video_is_not_enough_without_the_credited_time()
    {
        LessonCompletionRule.IsComplete(599, 10, new VideoProgress(600, 600)).ShouldBeFalse();
    }

    [Fact]
    public void Negative_inputs_are_rejected()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => LessonCompletionRule.IsComplete(-1, 10, null));
        Should.Throw<ArgumentOutOfRangeException>(() => LessonCompletionRule.IsComplete(0, -1, null));
        Should.Throw<ArgumentOutOfRangeException>(() => new VideoProgress(-1, 10));
        Should.Throw<ArgumentOutOfRangeException>(() => new VideoProgress(1, -10));
    }
}
