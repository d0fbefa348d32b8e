using FluentValidation;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using SkillsAcademy.Domain.Learning;
using SkillsAcademy.Domain.Vouchers;
using SkillsAcademy.Web.Platform;
using SkillsAcademy.Web.Resources;

namespace SkillsAcademy.Web.Features.Vouchers;

/// <summary>Every message names the field it is about, so it reads right in a summary as well as under the field.</summary>
public sealed class VoucherBatchRequestValidator : AbstractValidator<VoucherBatchRequest>
{
    public VoucherBatchRequestValidator(IStringLocalizer<SharedResource> l, TimeProvider timeProvider, IOptions<PlatformOptions> platform)
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(r => r.Name).Must(n => !string.IsNullOrWhiteSpace(n) && n.Trim().Length <= VoucherBatch.MaxNameLength)
            .WithMessage(_ => l["Vouchers.Validation.Text", l["Vouchers.Field.Name"], VoucherBatch.MaxNameLength]);
        RuleFor(r => r.FundingSource).Must(n => !string.IsNullOrWhiteSpace(n) && n.Trim().Length <= VoucherBatch.MaxFundingSourceLength)
            .WithMessage(_ => l["Vouchers.Validation.Text", l["Vouchers.Field.FundingSource"], VoucherBatch.MaxFundingSourceLength]);
        RuleFor(r => r.FaceValue)
            .NotNull().WithMessage(_ => l["Vouchers.Validation.Required", l["Vouchers.Field.FaceValue"]])
            .Must(v => v > 0 && v <= VoucherBatch.MaxFaceValue)
            .WithMessage(_ => l["Vouchers.Validation.FaceValueRange", l["Vouchers.Field.FaceValue"], VoucherBatch.MaxFaceValue.ToString("N0", System.Globalization.CultureInfo.CurrentCulture)])
            .Must(v => decimal.Round(v!.Value, 2) == v.Value)
            .WithMessage(_ => l["Vouchers.Validation.TwoDecimals", l["Vouchers.Field.FaceValue"]]);
        RuleFor(r => r.Quantity)
            .NotNull().WithMessage(_ => l["Vouchers.Validation.Required", l["Vouchers.Field.Quantity"]])
            .InclusiveBetween(1, VoucherBatch.MaxQuantity)
            .WithMessage(_ => l["Vouchers.Validation.QuantityRange", l["Vouchers.Field.Quantity"], VoucherBatch.MaxQuantity.ToString("N0", System.Globalization.CultureInfo.CurrentCulture)]);
        RuleFor(r => r.ValidFrom).NotNull().WithMessage(_ => l["Vouchers.Validation.Required", l["Vouchers.Field.ValidFrom"]]);
        RuleFor(r => r.ValidUntil)
            .NotNull().WithMessage(_ => l["Vouchers.Validation.Required", l["Vouchers.Field.ValidUntil"]])
            .Must((r, until) => r.ValidFrom is null || until >= r.ValidFrom)
            .WithMessage(_ => l["Vouchers.Validation.UntilBeforeFrom", l["Vouchers.Field.ValidUntil"], l["Vouchers.Field.ValidFrom"]])
            .Must(until => DateOnly.FromDateTime(until!.Value) >= new PlatformCalendar(platform.Value.GetTimeZone()).Today(timeProvider))
            .WithMessage(_ => l["Vouchers.Validation.UntilInPast", l["Vouchers.Field.ValidUntil"]]);
        RuleForEach(r => r.RegionCodes).Must(code => code is { Length: 6 } && code.All(char.IsAsciiDigit))
            .WithMessage(_ => l["Vouchers.Validation.Region", l["Vouchers.Field.Regions"]]);
    }
}
