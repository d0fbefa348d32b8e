using FluentValidation;
using Microsoft.Extensions.Localization;
using SkillsAcademy.Domain.People;
using SkillsAcademy.Infrastructure.Identity;
using SkillsAcademy.Web.Resources;

namespace SkillsAcademy.Web.Features.Accounts;

public sealed class RegisterRequestValidator : AbstractValidator<RegisterRequest>
{
    public RegisterRequestValidator(IStringLocalizer<SharedResource> localizer)
    {
        RuleFor(r => r.Account)
            .NotEmpty().WithMessage(_ => localizer["Accounts.AccountRequired"])
            .Must(account => MobileNumber.TryParse(account, out _))
                .When(r => MobileNumber.LooksLikeMobileNumber(r.Account), ApplyConditionTo.CurrentValidator)
                .WithMessage(_ => localizer["Accounts.MobileInvalid"])
            .EmailAddress()
                .When(r => !string.IsNullOrWhiteSpace(r.Account) && !MobileNumber.LooksLikeMobileNumber(r.Account), ApplyConditionTo.CurrentValidator)
                .WithMessage(_ => localizer["Accounts.AccountInvalid"]);

        RuleFor(r => r.DisplayName)
            .NotEmpty().WithMessage(_ => localizer["Accounts.DisplayNameRequired"])
            .MaximumLength(ApplicationUser.MaxDisplayNameLength)
                .WithMessage(_ => localizer["Accounts.DisplayNameTooLong", ApplicationUser.MaxDisplayNameLength]);

        RuleFor(r => r.Password)
            .NotEmpty().WithMessage(_ => localizer["Accounts.PasswordRequired"])
            .Must(p => p.Length >= PasswordRules.MinimumLength && PasswordRules.HasLetterAndDigit(p))
                .WithMessage(_ => localizer["Accounts.PasswordWeak", PasswordRules.MinimumLength]);

        RuleFor(r => r.ConfirmPassword)
            .Equal(r => r.Password).WithMessage(_ => localizer["Accounts.PasswordMismatch"]);
    }
}
