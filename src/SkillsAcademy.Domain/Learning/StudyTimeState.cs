namespace SkillsAcademy.Domain.Learning;

/// <summary>
/// What the server remembers about one learner's study of one lesson between activity reports.
/// Credit is kept in milliseconds so that fractions of a second between reports are neither lost
/// nor rounded up; <see cref="CreditedSeconds"/> is the whole seconds credited so far.
/// </summary>
public sealed record StudyTimeState(DateTimeOffset? LastReportAt, long CreditedMilliseconds, int SegmentCount)
{
    public static StudyTimeState Initial { get; } = new(null, 0, 0);

    public int CreditedSeconds => (int)(CreditedMilliseconds / 1000);
}
