using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace SkillsAcademy.Web.Platform;

/// <summary>
/// Named rate limits, partitioned per client address. Limits are per node; behind several nodes each holds its
/// own window, which only makes the effective limit a small multiple, never zero.
/// </summary>
public static class RateLimits
{
    public const string Verification = "verification";
    public const string SectionName = "RateLimits";

    public static IServiceCollection AddPlatformRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetValue($"{SectionName}:VerificationPerMinute", 30);
        if (perMinute is < 1 or > 100_000)
        {
            throw new Microsoft.Extensions.Options.OptionsValidationException(
                SectionName, typeof(RateLimiterOptions), [$"RateLimits:VerificationPerMinute must be between 1 and 100000; it is {perMinute}."]);
        }

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(Verification, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return services;
    }
}
