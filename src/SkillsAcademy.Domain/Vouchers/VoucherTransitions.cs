using System.Collections.Frozen;

namespace SkillsAcademy.Domain.Vouchers;

/// <summary>
/// Issued → Assigned (to a learner) → Reserved (redemption requested) → Redeemed; Reserved → Assigned on
/// rejection; Issued/Assigned → Expired; any status but Redeemed (and Void itself) → Void by staff.
/// </summary>
public static class VoucherTransitions
{
    private static readonly FrozenDictionary<VoucherStatus, FrozenSet<VoucherStatus>> _allowed =
        new Dictionary<VoucherStatus, FrozenSet<VoucherStatus>>
        {
            [VoucherStatus.Issued] = FrozenSet.Create(VoucherStatus.Assigned, VoucherStatus.Expired, VoucherStatus.Void),
            [VoucherStatus.Assigned] = FrozenSet.Create(VoucherStatus.Reserved, VoucherStatus.Expired, VoucherStatus.Void),
            [VoucherStatus.Reserved] = FrozenSet.Create(VoucherStatus.Redeemed, VoucherStatus.Assigned, VoucherStatus.Void),
            [VoucherStatus.Redeemed] = FrozenSet<VoucherStatus>.Empty,
            [VoucherStatus.Expired] = FrozenSet.Create(VoucherStatus.Void),
            [VoucherStatus.Void] = FrozenSet<VoucherStatus>.Empty,
        }.ToFrozenDictionary();

    public static bool CanTransition(VoucherStatus from, VoucherStatus to) => AllowedFrom(from).Contains(to);

    /// <summary>The statuses reachable in one step; empty for Redeemed, Void and undefined values.</summary>
    public static IReadOnlyCollection<VoucherStatus> AllowedFrom(VoucherStatus from) =>
        _allowed.TryGetValue(from, out var allowed) ? allowed : FrozenSet<VoucherStatus>.Empty;
}
