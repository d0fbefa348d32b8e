using SkillsAcademy.Domain.Catalog;

namespace SkillsAcademy.Web.Features.Statistics.Generation;

/// <summary>A generated course as the learner simulation needs it, read back after the course rows are saved.</summary>
internal sealed record GeneratedCourse(
    int Id,
    int VersionId,
    string Code,
    string Title,
    int OccupationId,
    string OccupationName,
    string OccupationCode,
    SkillLevel Level,
    bool VoucherEligible,
    decimal CreditHours,
    GeneratedLesson[] Lessons,
    GeneratedQuestion[] Questions,
    int ExamQuestionCount,
    int ExamPassPercent,
    int ExamTimeLimitMinutes)
{
    /// <summary>Fewest segments that can complete every lesson (a segment credits at most 45 minutes).</summary>
    public int MinSegmentsToComplete { get; } = Lessons.Sum(l => (l.RequiredSeconds + StudySchedule.MaxSegmentSeconds - 1) / StudySchedule.MaxSegmentSeconds);

    /// <summary>Most segments the lessons' credit caps can hold (a segment credits at least a minute).</summary>
    public int MaxSegments { get; } = Lessons.Sum(l => l.CapSeconds / StudySchedule.MinSegmentSeconds);
}

/// <param name="CapSeconds">1.5 × the nominal duration: the most a lesson ever credits (DOMAIN "Study time").</param>
internal sealed record GeneratedLesson(Guid Key, string KeyText, int NominalMinutes, int RequiredSeconds, int CapSeconds);

/// <param name="CorrectPosition">1-based position of the one correct option.</param>
internal sealed record GeneratedQuestion(int Id, Guid Key, int OptionCount, int CorrectPosition);

/// <summary>A voucher batch of this run and whom it covers.</summary>
internal sealed record GeneratedBatch(int Id, decimal FaceValue, string? RegionPrefix, bool UnionMembersOnly, DateTimeOffset CreatedAt);

/// <summary>One learner as decided before any row is written: where they work and which courses they take.</summary>
internal struct PlannedLearner
{
    public Guid Id;
    public int Seed;
    public bool HasProfile;
    public bool UnionMember;
    public string RegionCode;
    public string CityCode;
    public int EnterpriseId;
    public int FirstEnrolment;
    public int EnrolmentCount;
    public double CheckInShare;
}

internal struct PlannedEnrolment
{
    public int CourseIndex;
    public int Segments;
    public bool Completes;

    /// <summary>Index into the run's batches, or -1 when the enrolment is not paid by a voucher.</summary>
    public int Batch;

    /// <summary>0-based number of the voucher among this run's redeemed vouchers, or -1.</summary>
    public int VoucherOrdinal;
}
