using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using SkillsAcademy.Web.Resources;

namespace SkillsAcademy.Web.Platform;

/// <summary>
/// The "RateLimits" section: how many attempts per minute each abusable action allows. HTTP endpoints are limited
/// by the rate-limiting middleware (429); log-in and registration (static form posts) and the circuit actions
/// (voucher claim and redemption, check-in) ask <see cref="ActionRateLimiter"/>. Limits are per node.
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>Public certificate checks (page and API) per client (user if signed in, else address) and minute.</summary>
    public int VerificationPerMinute { get; set; } = 30;

    /// <summary>Log-in attempts per client address and minute. Generous: a factory's workers often share one address.</summary>
    public int LogInPerMinute { get; set; } = 20;

    /// <summary>Registrations per client address and minute.</summary>
    public int RegistrationPerMinute { get; set; } = 10;

    /// <summary>Voucher claim-code attempts per learner and minute: claim codes must not be guessable by trying.</summary>
    public int VoucherClaimPerMinute { get; set; } = 10;

    /// <summary>Voucher redemption requests per learner and minute.</summary>
    public int VoucherRedemptionPerMinute { get; set; } = 10;

    /// <summary>Check-in taps per learner and minute.</summary>
    public int CheckInPerMinute { get; set; } = 10;

    public int PerMinute(LimitedAction action) => action switch
    {
        LimitedAction.Verification => VerificationPerMinute,
        LimitedAction.LogIn => LogInPerMinute,
        LimitedAction.Registration => RegistrationPerMinute,
        LimitedAction.VoucherClaim => VoucherClaimPerMinute,
        LimitedAction.VoucherRedemption => VoucherRedemptionPerMinute,
        LimitedAction.CheckIn => CheckInPerMinute,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    public static IReadOnlyList<string> Validate(RateLimitOptions options) =>
        Enum.GetValues<LimitedAction>()
            .Where(action => options.PerMinute(action) is < 1 or > 100_000)
            .Select(action => $"{SectionName}:{action}PerMinute must be between 1 and 100000; it is {options.PerMinute(action)}.")
            .ToList();
}

public enum LimitedAction
{
    Verification,
    LogIn,
    Registration,
    VoucherClaim,
    VoucherRedemption,
    CheckIn,
}

public static class RateLimits
{
    public const string Verification = "verification";

    public static IServiceCollection AddPlatformRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<RateLimitOptions>(configuration, RateLimitOptions.SectionName, RateLimitOptions.Validate);
        services.AddSingleton<ActionRateLimiter>();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = WriteRejectionAsync;
            options.AddPolicy(Verification, context =>
            {
                var perMinute = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.VerificationPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(
                    ClientKey(context),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
        });
        return services;
    }

    /// <summary>The partition of a request: the signed-in user, else the client address.</summary>
    public static string ClientKey(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true && context.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value is { } userId
            ? "user:" + userId
            : AddressKey(context);

    public static string AddressKey(HttpContext? context) => "ip:" + (context?.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    // A person (or a script) that is refused learns why and when to come back, in the UI language.
    private static async ValueTask WriteRejectionAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var response = rejected.HttpContext.Response;
        var localizer = rejected.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        response.Headers.RetryAfter = "60";
        response.ContentType = "text/plain; charset=utf-8";
        await response.WriteAsync(localizer["RateLimit.TooManyAttempts"].Value, cancellationToken);
    }
}
