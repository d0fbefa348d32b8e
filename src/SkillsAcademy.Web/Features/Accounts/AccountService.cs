using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SkillsAcademy.Domain.People;
using SkillsAcademy.Infrastructure.Identity;
using SkillsAcademy.Infrastructure.PersonalData;
using SkillsAcademy.Infrastructure.Persistence;
using SkillsAcademy.Web.Platform;
using SkillsAcademy.Web.Resources;

namespace SkillsAcademy.Web.Features.Accounts;

/// <summary>Registration, sign-in and the user list. Used by the static (SSR) account pages and the admin pages.</summary>
public sealed partial class AccountService(
    UserManager<ApplicationUser> userManager,
    SignInManager<ApplicationUser> signInManager,
    SkillsAcademyDbContext db,
    IValidator<RegisterRequest> validator,
    PersonalDataProtector personalData,
    TimeProvider timeProvider,
    IStringLocalizer<SharedResource> localizer,
    ActionRateLimiter rateLimiter,
    ILogger<AccountService> logger)
{
    /// <summary>
    /// Creates a Learner account. Either everything is created or nothing is. <paramref name="clientKey"/> is the
    /// caller's address partition (<see cref="RateLimits.AddressKey"/>): too many registrations from it are refused.
    /// </summary>
    public async Task<RegistrationResult> RegisterAsync(RegisterRequest request, string clientKey, CancellationToken cancellationToken = default)
    {
        if (!rateLimiter.TryAcquire(LimitedAction.Registration, clientKey))
        {
            LogRateLimited(nameof(LimitedAction.Registration));
            return RegistrationResult.Limited(localizer["RateLimit.TooManyAttempts"].Value);
        }

        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return RegistrationResult.Invalid(validation.Errors.Select(e => (e.PropertyName, e.ErrorMessage)));
        }

        var user = NewUser(request.Account, request.DisplayName);
        if (await userManager.FindByNameAsync(user.UserName!) is not null)
        {
            return AccountTaken();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        IdentityResult created;
        try
        {
            created = await userManager.CreateAsync(user, request.Password);
        }
        catch (DbUpdateException)
        {
            // Two registrations for one account raced; the unique index let only one through.
            return AccountTaken();
        }

        if (!created.Succeeded)
        {
            return RegistrationResult.Invalid(created.Errors.Select(e =>
                e.Code is nameof(IdentityErrorDescriber.DuplicateUserName) or nameof(IdentityErrorDescriber.DuplicateEmail)
                    ? (nameof(RegisterRequest.Account), localizer["Accounts.AccountTaken"].Value)
                    : (nameof(RegisterRequest.Password), e.Description)));
        }

        var role = await userManager.AddToRoleAsync(user, Roles.Learner);
        if (!role.Succeeded)
        {
            throw new InvalidOperationException($"The Learner role could not be given: {string.Join("; ", role.Errors.Select(e => e.Code))}");
        }

        await transaction.CommitAsync(cancellationToken);
        LogRegistered(user.Id);
        return RegistrationResult.Success(user.Id);
    }

    /// <summary>Password sign-in; too many attempts from one client address are refused before the password is checked.</summary>
    public async Task<SignInOutcome> SignInAsync(string account, string password, bool rememberMe, string clientKey)
    {
        if (!rateLimiter.TryAcquire(LimitedAction.LogIn, clientKey))
        {
            LogRateLimited(nameof(LimitedAction.LogIn));
            return SignInOutcome.TooManyAttempts;
        }

        var userName = UserNameFor(account);
        if (userName is null || string.IsNullOrEmpty(password))
        {
            return SignInOutcome.InvalidCredentials;
        }

        var result = await signInManager.PasswordSignInAsync(userName, password, rememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return SignInOutcome.Succeeded;
        }

        if (result.RequiresTwoFactor)
        {
            return SignInOutcome.RequiresTwoFactor;
        }

        if (result.IsLockedOut)
        {
            LogLockedOut();
            return SignInOutcome.LockedOut;
        }

        return result.IsNotAllowed ? SignInOutcome.NotAllowed : SignInOutcome.InvalidCredentials;
    }

    public Task SignOutAsync() => signInManager.SignOutAsync();

    /// <summary>Builds a user from a mobile number or e-mail; the mobile number is stored only encrypted and hashed.</summary>
    public ApplicationUser NewUser(string account, string displayName)
    {
        var user = new ApplicationUser
        {
            DisplayName = displayName.Trim(),
            CreatedAt = timeProvider.GetUtcNow(),
        };
        if (MobileNumber.TryParse(account, out var mobile))
        {
            user.MobileLookupHash = personalData.LookupHash(PersonalDataKind.MobileNumber, mobile.Value);
            user.MobileNumberProtected = personalData.Protect(mobile.Value);
            user.MobileNumberMasked = mobile.Masked;
            user.UserName = ApplicationUser.UserNameForMobileHash(user.MobileLookupHash);
        }
        else
        {
            user.UserName = account.Trim().ToLowerInvariant();
            user.Email = user.UserName;
        }

        return user;
    }

    /// <summary>The stored user name for what a person types into the account field, or null if it is neither form.</summary>
    public string? UserNameFor(string? account)
    {
        if (string.IsNullOrWhiteSpace(account))
        {
            return null;
        }

        if (MobileNumber.LooksLikeMobileNumber(account))
        {
            return MobileNumber.TryParse(account, out var mobile)
                ? ApplicationUser.UserNameForMobileHash(personalData.LookupHash(PersonalDataKind.MobileNumber, mobile.Value))
                : null;
        }

        return account.Contains('@', StringComparison.Ordinal) ? account.Trim().ToLowerInvariant() : null;
    }

    private RegistrationResult AccountTaken() =>
        RegistrationResult.Invalid([(nameof(RegisterRequest.Account), localizer["Accounts.AccountTaken"].Value)]);

    [LoggerMessage(Level = LogLevel.Information, Message = "Learner {UserId} registered")]
    private partial void LogRegistered(Guid userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A sign-in was refused because the account is locked out")]
    private partial void LogLockedOut();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rate limit reached for {Action}")]
    private partial void LogRateLimited(string action);
}

public enum SignInOutcome
{
    Succeeded,
    InvalidCredentials,
    LockedOut,
    NotAllowed,
    TooManyAttempts,
    RequiresTwoFactor,
}

public sealed record RegistrationResult(Guid? UserId, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool Succeeded => UserId is not null;

    /// <summary>Refused by the rate limit: nothing was checked or created.</summary>
    public bool TooManyAttempts { get; init; }

    public static RegistrationResult Limited(string message) =>
        new(null, new Dictionary<string, string[]> { [""] = [message] }) { TooManyAttempts = true };

    public static RegistrationResult Success(Guid userId) => new(userId, new Dictionary<string, string[]>());

    public static RegistrationResult Invalid(IEnumerable<(string Field, string Message)> errors) =>
        new(null, errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).Distinct().ToArray()));
}

public sealed record UserSummary(
    Guid Id,
    string DisplayName,
    string MaskedAccount,
    IReadOnlyList<string> Roles,
    DateTimeOffset? LockoutEnd,
    DateTimeOffset CreatedAt);

public sealed record UserPage(IReadOnlyList<UserSummary> Users, int Total);
