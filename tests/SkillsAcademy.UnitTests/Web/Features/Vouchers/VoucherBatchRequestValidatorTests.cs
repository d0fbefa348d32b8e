using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SkillsAcademy.Web.Features.Vouchers;
using SkillsAcademy.Web.Platform;

namespace SkillsAcademy.UnitTests.Web.Features.Vouchers;

public sealed class VoucherBatchRequestValidatorTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 24, 1, 0, 0, TimeSpan.Zero));

    private static VoucherBatchRequest Valid() => new()
    {
        Name = "2026 焊工技能提升券",
        FundingSource = "工会职工教育经费",
        FaceValue = 300m,
        Quantity = 100_000,
        ValidFrom = new DateTime(2026, 11, 24),
        ValidUntil = new DateTime(2026, 12, 31),
        RegionCodes = ["350000"],
    };

    private static Dictionary<string, string> Errors(VoucherBatchRequest request, string culture) =>
        LocalizerFactory.InCulture(culture, () => new VoucherBatchRequestValidator(LocalizerFactory.Shared(), Clock, Options.Create(new PlatformOptions()))
            .Validate(request).Errors.ToDictionary(e => e.PropertyName, e => e.ErrorMessage));

    [Fact]
    public void A_complete_request_is_valid() => Errors(Valid(), "en").ShouldBeEmpty();

    [Fact]
    public void Messages_name_the_field_in_chinese_by_default_and_in_english_when_asked()
    {
        var request = Valid();
        request.FaceValue = 12.345m;
        request.Quantity = 0;

        var zh = Errors(request, "zh-CN");
        var en = Errors(request, "en");

        zh[nameof(VoucherBatchRequest.FaceValue)].ShouldContain("面值");
        zh[nameof(VoucherBatchRequest.Quantity)].ShouldContain("发行数量");
        en[nameof(VoucherBatchRequest.FaceValue)].ShouldBe("Face value (CNY) can have at most two decimal places.");
        en[nameof(VoucherBatchRequest.Quantity)].ShouldStartWith("Quantity must be between 1 and");
    }

    [Fact]
    public void A_window_ending_before_it_starts_or_in_the_past_is_refused()
    {
        var backwards = Valid();
        backwards.ValidUntil = new DateTime(2026, 11, 23);
        backwards.ValidFrom = new DateTime(2026, 11, 24);
        Errors(backwards, "en")[nameof(VoucherBatchRequest.ValidUntil)].ShouldBe("Valid until cannot be before Valid from.");

        var past = Valid();
        past.ValidFrom = new DateTime(2026, 1, 1);
        past.ValidUntil = new DateTime(2026, 11, 23);
        Errors(past, "en")[nameof(VoucherBatchRequest.ValidUntil)].ShouldBe("Valid until cannot be in the past.");
    }

    [Fact]
    public void Missing_fields_and_malformed_region_codes_are_each_reported()
    {
        var errors = Errors(new VoucherBatchRequest { RegionCodes = ["35"] }, "en");

        errors.Keys.ShouldBe(["Name", "FundingSource", "FaceValue", "Quantity", "ValidFrom", "ValidUntil", "RegionCodes[0]"], ignoreOrder: true);
        errors["FaceValue"].ShouldBe("Face value (CNY) is required.");
    }
}
