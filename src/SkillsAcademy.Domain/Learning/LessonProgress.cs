namespace SkillsAcademy.Domain.Learning;

/// <summary>
/// A learner's credited study on one lesson, keyed by the lesson's stable key so that it survives a republish.
/// Only the server's clock moves it (see <see cref="StudyTimeCredit"/>).
/// </summary>
public sealed class LessonProgress
{
    public LessonProgress(Guid learnerId, Guid lessonKey, int courseId)
    {
        LearnerId = learnerId;
        LessonKey = lessonKey;
        CourseId = courseId;
    }

    public Guid LearnerId { get; private set; }

    public Guid LessonKey { get; private set; }

    public int CourseId { get; private set; }

    public DateTimeOffset? LastReportAt { get; private set; }

    public long CreditedMilliseconds { get; private set; }

    public int SegmentCount { get; private set; }

    /// <summary>Credit of the segment still open (reports less than a minute apart); recorded when it closes.</summary>
    public long OpenSegmentMilliseconds { get; private set; }

    public int FurthestPositionSeconds { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>Bumped by every change: concurrent reports for one lesson cannot both be applied.</summary>
    public int Revision { get; private set; }

    public StudyTimeState State => new(LastReportAt, CreditedMilliseconds, SegmentCount);

    /// <summary>Applies one activity report; returns the credit of the segment it closed, if it started a new one.</summary>
    public (StudyTimeCreditResult Result, long ClosedSegmentMilliseconds) Report(
        DateTimeOffset at, int nominalSeconds, int? positionSeconds, int? videoSeconds, DateTimeOffset? learnerCreditedUntil = null)
    {
        var result = StudyTimeCredit.Apply(State, at, nominalSeconds, learnerCreditedUntil);
        if (!result.Accepted)
        {
            return (result, 0);
        }

        var closed = result.StartedNewSegment ? OpenSegmentMilliseconds : 0;
        var creditedNow = result.State.CreditedMilliseconds - CreditedMilliseconds;
        OpenSegmentMilliseconds = (result.StartedNewSegment ? 0 : OpenSegmentMilliseconds) + creditedNow;
        LastReportAt = result.State.LastReportAt;
        CreditedMilliseconds = result.State.CreditedMilliseconds;
        SegmentCount = result.State.SegmentCount;
        if (positionSeconds is { } position && videoSeconds is { } length)
        {
            // Seeking ahead does not count as watching: the furthest point moves at most twice the credited time.
            var reachable = FurthestPositionSeconds + (int)(creditedNow * 2 / 1000) + 1;
            FurthestPositionSeconds = Math.Max(FurthestPositionSeconds, Math.Min(Math.Min(position, length), reachable));
        }

        Revision++;
        return (result, closed);
    }

    /// <summary>Hands over the open segment's credit for recording, so that it is recorded once.</summary>
    public long TakeOpenSegment()
    {
        var open = OpenSegmentMilliseconds;
        OpenSegmentMilliseconds = 0;
        return open;
    }

    /// <summary>
    /// Closes a segment the page stopped reporting to (tab closed, phone locked): once no report can extend it any
    /// more, its credit is handed over for recording. Returns 0 while the segment may still continue.
    /// </summary>
    public long CloseAbandonedSegment(DateTimeOffset now)
    {
        if (OpenSegmentMilliseconds == 0 || LastReportAt is not { } last || now - last <= StudyTimeCredit.MaxGapWithinSegment)
        {
            return 0;
        }

        Revision++;
        return TakeOpenSegment();
    }

    /// <summary>Marks the lesson complete once; true only the first time.</summary>
    public bool TryComplete(int requiredMinutes, int? videoSeconds, DateTimeOffset at)
    {
        if (CompletedAt is not null)
        {
            return false;
        }

        var video = videoSeconds is { } length ? new VideoProgress(FurthestPositionSeconds, length) : null;
        if (!LessonCompletionRule.IsComplete((int)(CreditedMilliseconds / 1000), requiredMinutes, video))
        {
            return false;
        }

        CompletedAt = at;
        return true;
    }
}

/// <summary>The one lesson a learner is studying now; opening another lesson (or tab) takes it over.</summary>
public sealed class StudySession
{
    public StudySession(Guid learnerId, Guid sessionId, Guid lessonKey, DateTimeOffset startedAt)
    {
        LearnerId = learnerId;
        SessionId = sessionId;
        LessonKey = lessonKey;
        StartedAt = startedAt;
    }

    public Guid LearnerId { get; private set; }

    public Guid SessionId { get; private set; }

    public Guid LessonKey { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    /// <summary>Until when the learner's study has been credited, on whichever lesson: no instant is credited twice.</summary>
    public DateTimeOffset? CreditedUntil { get; private set; }

    /// <summary>Notes an accepted report; later credit on any lesson starts after it.</summary>
    public void Credited(DateTimeOffset at)
    {
        if (CreditedUntil is not { } until || at > until)
        {
            CreditedUntil = at;
        }
    }

    public void TakeOver(Guid sessionId, Guid lessonKey, DateTimeOffset at)
    {
        SessionId = sessionId;
        LessonKey = lessonKey;
        StartedAt = at;
    }
}
