using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;
using SkillsAcademy.Web.Platform.Security;

namespace SkillsAcademy.Web.Features.Accounts;

/// <summary>
/// Rechecks a connected circuit's user every <see cref="SecurityOptions.RevalidationIntervalSeconds"/> (at most a
/// minute): a disabled (locked-out) or deleted account, a changed security stamp (password, authenticator) or a
/// changed set of roles ends the circuit's signed-in state, and the page sends the user to log in again.
/// </summary>
internal sealed class ServerAuthenticationRevalidator(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopeFactory,
    IOptions<SecurityOptions> security)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(security.Value.RevalidationIntervalSeconds);

    internal TimeSpan Interval => RevalidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(
        AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AccountStateCheck>().IsCurrentAsync(authenticationState.User) is not null;
    }
}
