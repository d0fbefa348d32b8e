using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using SkillsAcademy.Web.Resources;

namespace SkillsAcademy.Web.Features.Accounts;

/// <summary>Identity's messages in the user's language (zh-CN or English).</summary>
public sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<SharedResource> localizer) : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), "Accounts.Error.Default");

    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), "Accounts.AccountTaken");

    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), "Accounts.AccountTaken");

    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), "Accounts.AccountInvalid");

    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = localizer["Accounts.PasswordWeak", length] };

    public override IdentityError PasswordRequiresDigit() => Weak(nameof(PasswordRequiresDigit));

    public override IdentityError PasswordRequiresLower() => Weak(nameof(PasswordRequiresLower));

    public override IdentityError PasswordRequiresUpper() => Weak(nameof(PasswordRequiresUpper));

    public override IdentityError PasswordRequiresNonAlphanumeric() => Weak(nameof(PasswordRequiresNonAlphanumeric));

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Weak(nameof(PasswordRequiresUniqueChars));

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "Accounts.InvalidCredentials");

    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), "Accounts.Error.Default");

    private IdentityError Weak(string code) =>
        new() { Code = code, Description = localizer["Accounts.PasswordWeak", PasswordRules.MinimumLength] };

    private IdentityError Error(string code, string key) => new() { Code = code, Description = localizer[key] };
}
