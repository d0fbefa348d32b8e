using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.Options;
using SkillsAcademy.Web.Platform.Security;

namespace SkillsAcademy.Web.Features.Accounts;

/// <summary>Staff pages need a session signed in with a second factor when Security:RequireMfaForStaff is on.</summary>
public sealed class MfaRequirement : IAuthorizationRequirement;

public sealed class MfaRequirementHandler(IOptions<SecurityOptions> security) : AuthorizationHandler<MfaRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, MfaRequirement requirement)
    {
        if (!TwoFactorService.IsRequiredFor(context.User, security.Value) || TwoFactorService.SignedInWithSecondFactor(context.User))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// A signed-in staff member refused only for want of a second factor is sent to set one up (or, if it is set up,
/// to sign in again with it) instead of seeing "access denied".
/// </summary>
public sealed class MfaSetupRedirect : IAuthorizationMiddlewareResultHandler
{
    public const string SetupPath = "/account/two-factor";
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        // Only when the second factor is all that is missing: the wrong role still means "access denied".
        if (authorizeResult.Forbidden && authorizeResult.AuthorizationFailure is { FailedRequirements: var failed }
            && failed.Any() && failed.All(r => r is MfaRequirement))
        {
            context.Response.Redirect(SetupPath + "?returnUrl=" + Uri.EscapeDataString(context.Request.Path + context.Request.QueryString));
            return Task.CompletedTask;
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
