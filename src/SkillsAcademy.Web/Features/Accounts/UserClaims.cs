using System.Security.Claims;

namespace SkillsAcademy.Web.Features.Accounts;

public static class UserClaims
{
    /// <summary>The signed-in user's id (the Identity user key).</summary>
    public static Guid UserId(this ClaimsPrincipal user) =>
        Guid.Parse(user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? throw new InvalidOperationException("The user is not signed in."));
}
