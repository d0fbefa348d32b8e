using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SkillsAcademy.Domain.Catalog;
using SkillsAcademy.Infrastructure.Persistence;

namespace SkillsAcademy.Web.Features.Catalog;

/// <summary>
/// Keeps this node's output cache in step with catalog changes made on other nodes. Every Catalog:CacheSyncSeconds it
/// reads a fingerprint of what the cached pages list (how many course versions are published and archived) and
/// evicts the catalog pages when it moved. Publishing or withdrawing always moves it: archived versions only ever
/// grow, and while they stay the same, published ones can only grow. One small query per node and interval, instead
/// of a shared cache server.
/// </summary>
internal sealed partial class CatalogCacheSync(
    IDbContextFactory<SkillsAcademyDbContext> contextFactory,
    CatalogCache cache,
    IOptions<CatalogOptions> options,
    TimeProvider timeProvider,
    ILogger<CatalogCacheSync> logger) : BackgroundService
{
    private CatalogFingerprint? _seen;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Read before the server takes requests, so that no page is cached from a catalog older than the baseline.
        _seen = await ReadAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.CacheSyncSeconds), timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await SyncAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task SyncAsync(CancellationToken cancellationToken)
    {
        try
        {
            var current = await ReadAsync(cancellationToken);
            if (current != _seen)
            {
                await cache.InvalidateAsync(cancellationToken);
                LogEvicted(current.Published, current.Archived);
                _seen = current;
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A database hiccup must not end the loop; the next interval tries again.
            LogFailed(exception.Message);
        }
    }

    private async Task<CatalogFingerprint> ReadAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var counts = await db.CourseVersions
            .Where(v => v.Status == CourseVersionStatus.Published || v.Status == CourseVersionStatus.Archived)
            .GroupBy(v => v.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return new CatalogFingerprint(
            counts.Where(c => c.Status == CourseVersionStatus.Published).Sum(c => c.Count),
            counts.Where(c => c.Status == CourseVersionStatus.Archived).Sum(c => c.Count));
    }

    private sealed record CatalogFingerprint(int Published, int Archived);

    [LoggerMessage(Level = LogLevel.Information, Message = "The catalog changed elsewhere ({Published} published, {Archived} archived versions); cached catalog pages evicted on this node")]
    private partial void LogEvicted(int published, int archived);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check the catalog for changes: {Reason}")]
    private partial void LogFailed(string reason);
}
