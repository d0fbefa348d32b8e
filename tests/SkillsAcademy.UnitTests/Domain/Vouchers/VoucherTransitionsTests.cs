using SkillsAcademy.Domain.Vouchers;
using static SkillsAcademy.Domain.Vouchers.VoucherStatus;

namespace SkillsAcademy.UnitTests.Domain.Vouchers;

public sealed class VoucherTransitionsTests
{
    private const bool Y = true;
    private const bool N = false;

    private static readonly VoucherStatus[] _columns = [Issued, Assigned, Reserved, Redeemed, Expired, VoucherStatus.Void];

    // Rows: from. Columns: to, in the order of _columns.
    private static readonly (VoucherStatus From, bool[] To)[] _matrix =
    [
        //                 Issued Assigned Reserved Redeemed Expired Void
        (Issued,   [N,     Y,       N,       N,       Y,      Y]),
        (Assigned, [N,     N,       Y,       N,       Y,      Y]),
        (Reserved, [N,     Y,       N,       Y,       N,      Y]),
        (Redeemed, [N,     N,       N,       N,       N,      N]),
        (Expired,  [N,     N,       N,       N,       N,      Y]),
        (VoucherStatus.Void, [N,     N,       N,       N,       N,      N]),
    ];

    public static TheoryData<VoucherStatus, VoucherStatus, bool> Transitions()
    {
        var data = new TheoryData<VoucherStatus, VoucherStatus, bool>();
        foreach (var (from, to) in _matrix)
        {
            for (var i = 0; i < _columns.Length; i++)
            {
                data.Add(from, _columns[i], to[i]);
            }
        }

        return data;
    }

    [Fact]
    public void The_table_covers_every_pair_of_statuses()
    {
        Transitions().Count.ShouldBe(36);
        _columns.ShouldBe(Enum.GetValues<VoucherStatus>(), ignoreOrder: true);
        _matrix.Select(row => row.From).ShouldBe(Enum.GetValues<VoucherStatus>(), ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(Transitions))]
    public void Only_the_listed_transitions_are_allowed(VoucherStatus from, VoucherStatus to, bool allowed)
    {
        VoucherTransitions.CanTransition(from, to).ShouldBe(allowed);
        VoucherTransitions.AllowedFrom(from).Contains(to).ShouldBe(allowed);
    }

    [Fact]
    public void AllowedFrom_lists_exactly_the_allowed_targets()
    {
        VoucherTransitions.AllowedFrom(Reserved).ShouldBe([Redeemed, Assigned, VoucherStatus.Void], ignoreOrder: true);
        VoucherTransitions.AllowedFrom(Redeemed).ShouldBeEmpty();
    }

    [Fact]
    public void An_undefined_status_allows_nothing()
    {
        VoucherTransitions.AllowedFrom((VoucherStatus)99).ShouldBeEmpty();
        VoucherTransitions.CanTransition((VoucherStatus)99, VoucherStatus.Void).ShouldBeFalse();
        VoucherTransitions.CanTransition(Issued, (VoucherStatus)99).ShouldBeFalse();
    }
}
