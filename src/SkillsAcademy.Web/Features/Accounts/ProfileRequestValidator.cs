using FluentValidation;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using SkillsAcademy.Domain.Learning;
using SkillsAcademy.Domain.People;
using SkillsAcademy.Web.Platform;
using SkillsAcademy.Web.Resources;

namespace SkillsAcademy.Web.Features.Accounts;

public sealed class ProfileRequestValidator : AbstractValidator<ProfileRequest>
{
    public ProfileRequestValidator(IStringLocalizer<SharedResource> l, TimeProvider timeProvider, IOptions<PlatformOptions> platform)
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(r => r.RealName).Must(n => !string.IsNullOrWhiteSpace(n) && n.Trim().Length is >= 2 and <= LearnerProfile.MaxRealNameLength)
            .WithMessage(_ => l["Profile.RealNameInvalid", LearnerProfile.MaxRealNameLength]);
        RuleFor(r => r.IdNumber).Custom((input, context) =>
        {
            var today = new PlatformCalendar(platform.Value.GetTimeZone()).Today(timeProvider);
            if (!ResidentIdNumber.TryParse(input, today, out _, out var error))
            {
                context.AddFailure(nameof(ProfileRequest.IdNumber), l[$"Profile.IdNumber.{error}"]);
            }
        });
        RuleFor(r => r.EnterpriseName).Must(n => !string.IsNullOrWhiteSpace(n) && n.Trim().Length <= Enterprise.MaxNameLength)
            .WithMessage(_ => l["Profile.EnterpriseRequired", Enterprise.MaxNameLength]);
        RuleFor(r => r.RegionCode).NotEmpty().WithMessage(_ => l["Profile.RegionRequired"]);
    }
}
