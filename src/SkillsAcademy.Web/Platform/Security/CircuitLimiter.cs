using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.Options;

namespace SkillsAcademy.Web.Platform.Security;

/// <summary>How many circuits each signed-in user holds on this node.</summary>
public sealed class CircuitCounts
{
    private readonly ConcurrentDictionary<string, int> _byUser = new(StringComparer.Ordinal);

    /// <summary>Counts a new circuit for the user unless they already hold <paramref name="max"/>.</summary>
    public bool TryOpen(string userId, int max)
    {
        while (true)
        {
            var current = _byUser.GetOrAdd(userId, 0);
            if (current >= max)
            {
                return false;
            }

            if (_byUser.TryUpdate(userId, current + 1, current))
            {
                return true;
            }
        }
    }

    public void Close(string userId)
    {
        while (_byUser.TryGetValue(userId, out var current))
        {
            if (current <= 1 ? _byUser.TryRemove(new KeyValuePair<string, int>(userId, current)) : _byUser.TryUpdate(userId, current - 1, current))
            {
                return;
            }
        }
    }

    public int CountOf(string userId) => _byUser.GetValueOrDefault(userId);
}

/// <summary>Whether this circuit was let in; a refused one shows only a notice and leaves for a static page.</summary>
public sealed class CircuitAdmission
{
    public bool Refused { get; internal set; }
}

/// <summary>
/// Counts each signed-in user's circuits and refuses one past <see cref="CircuitLimitsOptions.MaxPerUser"/>, so that
/// one account cannot hold an unbounded share of the server's memory. Visitors' circuits are not counted: the
/// pages they see are mostly static.
/// </summary>
public sealed partial class CircuitLimiter(
    CircuitCounts counts,
    CircuitAdmission admission,
    AuthenticationStateProvider authentication,
    IOptions<CircuitLimitsOptions> options,
    ILogger<CircuitLimiter> logger) : CircuitHandler
{
    private string? _userId;

    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return;
        }

        if (counts.TryOpen(userId, options.Value.MaxPerUser))
        {
            _userId = userId;
        }
        else
        {
            admission.Refused = true;
            LogRefused(userId, options.Value.MaxPerUser);
        }
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _userId, null) is { } userId)
        {
            counts.Close(userId);
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A circuit of user {UserId} was refused: the user already holds {Max}")]
    private partial void LogRefused(string userId, int max);
}
