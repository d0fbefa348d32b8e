using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SkillsAcademy.Web.Features.Accounts;
using SkillsAcademy.Web.Platform.Security;

namespace SkillsAcademy.Web.Platform;

/// <summary>
/// The platform-wide security controls in one place (see docs/security.md): security options, explicit circuit
/// and hub limits, the per-user circuit cap, response headers and the correlated error log.
/// </summary>
public static class SecurityRegistration
{
    public static WebApplicationBuilder AddPlatformSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        var development = builder.Environment.IsDevelopment();
        services.AddValidatedOptions<SecurityOptions>(configuration, SecurityOptions.SectionName, SecurityOptions.Validate);
        services.AddValidatedOptions<CircuitLimitsOptions>(configuration, CircuitLimitsOptions.SectionName, CircuitLimitsOptions.Validate);

        // Read here because the hub's options are set while services are registered; ValidateOnStart still
        // stops start-up if a value is out of range.
        var circuits = configuration.GetSection(CircuitLimitsOptions.SectionName).Get<CircuitLimitsOptions>() ?? new CircuitLimitsOptions();
        services.AddServerSideBlazor()
            .AddCircuitOptions(options =>
            {
                // Exception details stay in the server log outside Development.
                options.DetailedErrors = development;
                options.MaxBufferedUnacknowledgedRenderBatches = circuits.MaxBufferedUnacknowledgedRenderBatches;
                options.JSInteropDefaultCallTimeout = TimeSpan.FromSeconds(circuits.JSInteropTimeoutSeconds);
                options.DisconnectedCircuitMaxRetained = circuits.DisconnectedCircuitMaxRetained;
                options.DisconnectedCircuitRetentionPeriod = TimeSpan.FromSeconds(circuits.DisconnectedCircuitRetentionSeconds);
            })
            .AddHubOptions(options =>
            {
                options.MaximumReceiveMessageSize = circuits.MaxReceiveMessageKilobytes * 1024L;
                options.MaximumParallelInvocationsPerClient = 1;
                options.EnableDetailedErrors = development;
            });
        services.AddSingleton<CircuitCounts>();
        services.AddScoped<CircuitAdmission>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, CircuitLimiter>());

        services.AddExceptionHandler<CorrelatedExceptionLogger>();
        return builder;
    }

    /// <summary>First in the pipeline: every response, error pages included, carries the security headers.</summary>
    public static WebApplication UsePlatformSecurity(this WebApplication app)
    {
        app.UseSecurityHeaders(AccountsRegistration.JobsDashboardPath);
        return app;
    }
}
