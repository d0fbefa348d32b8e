using Microsoft.AspNetCore.Identity;
using SkillsAcademy.Infrastructure.Identity;

namespace SkillsAcademy.Web.Features.Accounts;

/// <summary>
/// Passwords a worker can type on a phone yet not trivial: at least 8 characters with a letter and a digit.
/// Identity's own validator checks the length; this adds the letter-and-digit rule.
/// </summary>
public sealed class PasswordRules : IPasswordValidator<ApplicationUser>
{
    public const int MinimumLength = 8;
    public const string LetterAndDigitCode = "PasswordRequiresLetterAndDigit";

    public static bool HasLetterAndDigit(string? password) =>
        password is not null && password.Any(char.IsAsciiLetter) && password.Any(char.IsAsciiDigit);

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password) =>
        Task.FromResult(HasLetterAndDigit(password)
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = LetterAndDigitCode, Description = LetterAndDigitCode }));
}
