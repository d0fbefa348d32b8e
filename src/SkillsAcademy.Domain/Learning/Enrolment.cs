namespace SkillsAcademy.Domain.Learning;

/// <summary>A learner taking a course; one per learner and course. It keeps the version the learner started on.</summary>
public sealed class Enrolment
{
    public Enrolment(Guid learnerId, int courseId, int courseVersionId, DateTimeOffset enrolledAt)
    {
        LearnerId = learnerId;
        CourseId = courseId;
        CourseVersionId = courseVersionId;
        EnrolledAt = enrolledAt;
    }

    public int Id { get; private set; }

    public Guid LearnerId { get; private set; }

    public int CourseId { get; private set; }

    public int CourseVersionId { get; private set; }

    public DateTimeOffset EnrolledAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }
}
