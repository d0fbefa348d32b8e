namespace SkillsAcademy.Domain.Vouchers;

/// <summary>
/// One entitlement to one eligible course enrolment. Status changes go through guarded updates in the feature
/// service (WHERE Status = expected); this class only describes the row and the rules of its state machine.
/// </summary>
public sealed class Voucher
{
    private Voucher()
    {
        Code = "";
    }

    public Voucher(int batchId, string code)
    {
        BatchId = batchId;
        Code = code;
        Status = VoucherStatus.Issued;
    }

    public int Id { get; private set; }

    public int BatchId { get; private set; }

    /// <summary>12 characters from <see cref="VoucherCode"/>; unique.</summary>
    public string Code { get; private set; }

    public VoucherStatus Status { get; private set; }

    public Guid? LearnerId { get; private set; }

    public DateTimeOffset? AssignedAt { get; private set; }

    /// <summary>Why the last redemption was refused (the learner sees it); None after a success.</summary>
    public VoucherRefusal LastRefusal { get; private set; }

    public int? EnrolmentId { get; private set; }

    public DateTimeOffset? RedeemedAt { get; private set; }
}
