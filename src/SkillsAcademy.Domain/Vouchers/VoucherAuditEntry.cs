namespace SkillsAcademy.Domain.Vouchers;

/// <summary>A staff action on a voucher (a void), who did it and why; insert-only.</summary>
public sealed class VoucherAuditEntry
{
    public const int MaxReasonLength = 500;

    private VoucherAuditEntry()
    {
        Reason = "";
    }

    public VoucherAuditEntry(int voucherId, VoucherStatus from, VoucherStatus to, Guid actorId, string reason, DateTimeOffset at)
    {
        VoucherId = voucherId;
        From = from;
        To = to;
        ActorId = actorId;
        Reason = reason;
        At = at;
    }

    public long Id { get; private set; }

    public int VoucherId { get; private set; }

    public VoucherStatus From { get; private set; }

    public VoucherStatus To { get; private set; }

    public Guid ActorId { get; private set; }

    public string Reason { get; private set; }

    public DateTimeOffset At { get; private set; }
}
