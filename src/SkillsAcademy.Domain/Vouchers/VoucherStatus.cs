namespace SkillsAcademy.Domain.Vouchers;

public enum VoucherStatus
{
    Issued = 1,
    Assigned = 2,
    Reserved = 3,
    Redeemed = 4,
    Expired = 5,
    Void = 6,
}
