using System.Text.Json;
using Hangfire;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SkillsAcademy.Infrastructure.Files;
using SkillsAcademy.Infrastructure.Persistence;

namespace SkillsAcademy.Web.Platform;

internal sealed class DatabaseHealthCheck(IDbContextFactory<SkillsAcademyDbContext> contextFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database cannot be reached.");
    }
}

internal sealed class JobStorageHealthCheck(JobStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var statistics = storage.GetMonitoringApi().GetStatistics();
            return Task.FromResult(HealthCheckResult.Healthy(data: new Dictionary<string, object>
            {
                ["servers"] = statistics.Servers,
                ["enqueued"] = statistics.Enqueued,
                ["failed"] = statistics.Failed,
            }));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The job storage cannot be reached.", exception));
        }
    }
}

internal sealed class FileStoreHealthCheck(FileStoreSettings files) : IHealthCheck
{
    // A node whose shared volume went away must stop taking uploads and serving media.
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(Directory.Exists(files.Root)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The file store folder is missing."));
}

internal static class HealthCheckEndpoints
{
    /// <summary>Checks tagged so are what /health/ready waits for; /health/live runs none.</summary>
    public const string ReadyTag = "ready";

    /// <summary>
    /// /health/live: the process answers (restart it if not). /health/ready: the database, the job storage and the
    /// file store answer (send it traffic only then). /health: the same as ready, kept for existing monitors.
    /// </summary>
    public static IEndpointRouteBuilder MapPlatformHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteReportAsync }).DisableHttpMetrics();
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteReportAsync })
            .DisableHttpMetrics();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteReportAsync })
            .DisableHttpMetrics();
        return endpoints;
    }

    // Status per check only: no exception text, which could reveal configuration to the public.
    private static Task WriteReportAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
