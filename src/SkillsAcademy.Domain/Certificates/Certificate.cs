namespace SkillsAcademy.Domain.Certificates;

/// <summary>
/// A certificate of course completion (结业证书), one per completed enrolment. What it certifies is copied in when
/// it is issued, so that later edits of the course or the profile never change an issued certificate.
/// Revocation keeps it and marks it revoked with the date and reason.
/// </summary>
public sealed class Certificate
{
    public const int MaxTextLength = 200;
    public const int MaxReasonLength = 500;

    private Certificate()
    {
        Serial = "";
        Issuer = "";
        VerificationCode = "";
        LearnerName = "";
        IdNumberMasked = "";
        CourseTitle = "";
        OccupationName = "";
        OccupationCode = "";
    }

    public Certificate(
        CertificateSerial serial,
        string verificationCode,
        int enrolmentId,
        Guid learnerId,
        int courseId,
        string learnerName,
        string idNumberMasked,
        string courseTitle,
        string occupationName,
        string occupationCode,
        Catalog.SkillLevel skillLevel,
        decimal creditHours,
        DateTimeOffset completedAt,
        DateTimeOffset issuedAt)
    {
        if (!Certificates.VerificationCode.IsWellFormed(verificationCode))
        {
            throw new ArgumentException("Not a verification code.", nameof(verificationCode));
        }

        Serial = serial.Value;
        Issuer = serial.Issuer;
        Year = serial.Year;
        Sequence = serial.Sequence;
        VerificationCode = verificationCode;
        EnrolmentId = enrolmentId;
        LearnerId = learnerId;
        CourseId = courseId;
        LearnerName = learnerName;
        IdNumberMasked = idNumberMasked;
        CourseTitle = courseTitle;
        OccupationName = occupationName;
        OccupationCode = occupationCode;
        SkillLevel = skillLevel;
        CreditHours = creditHours;
        CompletedAt = completedAt;
        IssuedAt = issuedAt;
    }

    public int Id { get; private set; }

    public string Serial { get; private set; }

    public string Issuer { get; private set; }

    public int Year { get; private set; }

    /// <summary>Unique per issuer and year: a race for the same number loses at the unique index and retries.</summary>
    public int Sequence { get; private set; }

    public string VerificationCode { get; private set; }

    /// <summary>Unique: one certificate per completed enrolment, whatever retries or duplicate triggers do.</summary>
    public int EnrolmentId { get; private set; }

    public Guid LearnerId { get; private set; }

    public int CourseId { get; private set; }

    public string LearnerName { get; private set; }

    public string IdNumberMasked { get; private set; }

    public string CourseTitle { get; private set; }

    public string OccupationName { get; private set; }

    public string OccupationCode { get; private set; }

    public Catalog.SkillLevel SkillLevel { get; private set; }

    public decimal CreditHours { get; private set; }

    public DateTimeOffset CompletedAt { get; private set; }

    public DateTimeOffset IssuedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public string? RevocationReason { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    /// <summary>The learner's name as the public page shows it: the family name, then one * per other character.</summary>
    public string MaskedLearnerName => MaskName(LearnerName);

    public static string MaskName(string name) =>
        name.Length <= 1 ? name : string.Concat(name.AsSpan(0, 1), new string('*', name.Length - 1));
}
