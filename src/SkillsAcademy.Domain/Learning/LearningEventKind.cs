namespace SkillsAcademy.Domain.Learning;

/// <summary>The member names are hashed into the learning-event chain: never rename one.</summary>
public enum LearningEventKind
{
    Enrolled = 1,
    CheckedIn = 2,
    StudySegmentCredited = 3,
    LessonCompleted = 4,
    QuizSubmitted = 5,
    CourseCompleted = 6,
    CertificateIssued = 7,
    CertificateRevoked = 8,
    VoucherRedeemed = 9,
}
