using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SkillsAcademy.Infrastructure.Identity;

namespace SkillsAcademy.Web.Features.Accounts;

/// <summary>
/// Whether a signed-in principal still stands for the account as it is now: the user exists, is not locked out
/// (a disabled account is locked out for good), has the same security stamp and exactly the roles the principal
/// claims. Used by open circuits (<see cref="ServerAuthenticationRevalidator"/>) and by the cookie's periodic
/// check (<see cref="AccountStateValidator"/>).
/// </summary>
public sealed class AccountStateCheck(UserManager<ApplicationUser> userManager, IOptions<IdentityOptions> identity, TimeProvider timeProvider)
{
    /// <summary>The user when the principal is still current, else null.</summary>
    public async Task<ApplicationUser?> IsCurrentAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true || await userManager.GetUserAsync(principal) is not { } user)
        {
            return null;
        }

        if (user.LockoutEnabled && user.LockoutEnd is { } end && end > timeProvider.GetUtcNow())
        {
            return null;
        }

        var claims = identity.Value.ClaimsIdentity;
        if (userManager.SupportsUserSecurityStamp
            && principal.FindFirstValue(claims.SecurityStampClaimType) != await userManager.GetSecurityStampAsync(user))
        {
            return null;
        }

        var claimed = principal.FindAll(claims.RoleClaimType).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var current = await userManager.GetRolesAsync(user);
        return claimed.SetEquals(current) ? user : null;
    }
}

/// <summary>
/// The cookie's periodic check (every <see cref="SecurityStampValidatorOptions.ValidationInterval"/>) with the
/// account state added: Identity's own check compares only the security stamp, so a locked-out account or a role
/// removed without a stamp change would keep working over plain HTTP requests until the cookie expired.
/// </summary>
public sealed class AccountStateValidator(
    IOptions<SecurityStampValidatorOptions> options,
    SignInManager<ApplicationUser> signInManager,
    ILoggerFactory logger,
    AccountStateCheck check)
    : SecurityStampValidator<ApplicationUser>(options, signInManager, logger)
{
    protected override Task<ApplicationUser?> VerifySecurityStamp(ClaimsPrincipal? principal) =>
        principal is null ? Task.FromResult<ApplicationUser?>(null) : check.IsCurrentAsync(principal);
}
