namespace SkillsAcademy.Domain.Vouchers;

/// <summary>
/// A learner's request to pay for an enrolment with a voucher. The idempotency key (one per button press, kept
/// across a reconnect) is unique, so a double tap makes one request; the job decides it later.
/// </summary>
public sealed class RedemptionRequest
{
    public RedemptionRequest(Guid idempotencyKey, int voucherId, Guid learnerId, int courseId, DateTimeOffset requestedAt)
    {
        IdempotencyKey = idempotencyKey;
        VoucherId = voucherId;
        LearnerId = learnerId;
        CourseId = courseId;
        RequestedAt = requestedAt;
        Status = RedemptionRequestStatus.Pending;
    }

    public long Id { get; private set; }

    public Guid IdempotencyKey { get; private set; }

    public int VoucherId { get; private set; }

    public Guid LearnerId { get; private set; }

    public int CourseId { get; private set; }

    public RedemptionRequestStatus Status { get; private set; }

    public VoucherRefusal Refusal { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }
}

public enum RedemptionRequestStatus
{
    Pending = 1,
    Redeemed = 2,
    Rejected = 3,
}
