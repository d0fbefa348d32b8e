namespace SkillsAcademy.Domain.Auditing;

/// <summary>
/// Who did or looked at what, when: staff views of a learner's record, reveals of personal data, revocations,
/// voids. Append-only like the learning records: an entry is never updated or deleted.
/// </summary>
public sealed class AuditEntry
{
    public const int MaxActionLength = 64;
    public const int MaxSubjectLength = 64;
    public const int MaxDetailLength = 500;

    private AuditEntry()
    {
        Action = "";
        Subject = "";
    }

    public AuditEntry(DateTimeOffset at, Guid actorId, string action, string subject, string? detail = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        if (action.Length > MaxActionLength || subject.Length > MaxSubjectLength || detail?.Length > MaxDetailLength)
        {
            throw new ArgumentException("An audit field is longer than allowed.");
        }

        At = at;
        ActorId = actorId;
        Action = action;
        Subject = subject;
        Detail = detail;
    }

    public long Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    public Guid ActorId { get; private set; }

    /// <summary>What was done, e.g. "LearningRecord.Viewed".</summary>
    public string Action { get; private set; }

    /// <summary>Whom or what it was done to, e.g. the learner's id. Never personal data in clear.</summary>
    public string Subject { get; private set; }

    public string? Detail { get; private set; }
}
