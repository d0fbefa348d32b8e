using SkillsAcademy.Domain.Vouchers;

namespace SkillsAcademy.UnitTests.Domain.Vouchers;

public sealed class VoucherBatchTests
{
    private static readonly VoucherTerms Terms = new([], [], [], [], false, new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 31));

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("300.005")]
    [InlineData("100000.01")]
    public void A_face_value_is_positive_with_at_most_two_decimals(string value) =>
        Should.Throw<ArgumentOutOfRangeException>(() =>
            new VoucherBatch("批次", "工会经费", decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), 10, Terms, Guid.NewGuid(), DateTimeOffset.UnixEpoch));

    [Fact]
    public void A_window_that_ends_before_it_starts_is_refused() =>
        Should.Throw<ArgumentOutOfRangeException>(() => new VoucherBatch("批次", "工会经费", 300m, 10,
            Terms with { ValidFrom = new DateOnly(2026, 12, 1), ValidUntil = new DateOnly(2026, 11, 30) }, Guid.NewGuid(), DateTimeOffset.UnixEpoch));

    [Fact]
    public void A_new_batch_keeps_its_terms_and_is_not_ready_until_generated()
    {
        var batch = new VoucherBatch(" 焊工补贴 ", "工会经费", 300.50m, 3, Terms with { RegionPrefixes = ["35"] }, Guid.NewGuid(), DateTimeOffset.UnixEpoch);

        batch.Name.ShouldBe("焊工补贴");
        batch.FaceValue.ShouldBe(300.50m);
        batch.IsReady.ShouldBeFalse();
        batch.Terms.RegionPrefixes.ShouldBe(["35"]);
    }
}
