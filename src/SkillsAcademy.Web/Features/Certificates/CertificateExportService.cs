using System.IO.Compression;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SkillsAcademy.Domain.Certificates;
using SkillsAcademy.Infrastructure.Files;
using SkillsAcademy.Infrastructure.Persistence;
using SkillsAcademy.Web.Platform;

namespace SkillsAcademy.Web.Features.Certificates;

/// <summary>
/// ZIPs of certificates for staff: requested on the page, built by a Hangfire job that streams one PDF at a time into
/// the archive (memory stays flat for any number) and reports progress, downloaded when complete.
/// </summary>
public sealed partial class CertificateExportService(
    IDbContextFactory<SkillsAcademyDbContext> contextFactory,
    IBackgroundJobClient jobs,
    CertificateDocuments documents,
    FileStoreSettings files,
    IOptions<PlatformOptions> platform,
    TimeProvider timeProvider,
    ILogger<CertificateExportService> logger)
{
    private const int ProgressEvery = 10;

    public async Task<Guid?> RequestAsync(Guid staffId, string? courseCode, DateOnly? from, DateOnly? to, Uri requestBase, CancellationToken cancellationToken = default)
    {
        if (from is { } f && to is { } t && t < f)
        {
            return null;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        int? courseId = null;
        if (!string.IsNullOrWhiteSpace(courseCode))
        {
            courseId = await db.Courses.Where(c => c.Code == courseCode.Trim()).Select(c => (int?)c.Id).SingleOrDefaultAsync(cancellationToken);
            if (courseId is null)
            {
                return null;
            }
        }

        var export = new CertificateExport(Guid.NewGuid(), staffId, courseId, from, to, requestBase.GetLeftPart(UriPartial.Authority) + "/", timeProvider.GetUtcNow());
        db.CertificateExports.Add(export);
        await db.SaveChangesAsync(cancellationToken);
        jobs.Enqueue<CertificateExportService>(service => service.BuildAsync(export.Id, CancellationToken.None));
        return export.Id;
    }

    public async Task<IReadOnlyList<CertificateExport>> ListRecentAsync(Guid staffId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.CertificateExports.AsNoTracking().Where(e => e.RequestedBy == staffId)
            .OrderByDescending(e => e.CreatedAt).Take(10).ToListAsync(cancellationToken);
    }

    /// <summary>The finished ZIP's path, or null if it is not finished (or not there any more).</summary>
    public async Task<string?> FilePathAsync(Guid exportId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var completed = await db.CertificateExports.AnyAsync(e => e.Id == exportId && e.Status == ExportStatus.Completed, cancellationToken);
        var path = PathOf(exportId);
        return completed && File.Exists(path) ? path : null;
    }

    /// <summary>The job: a re-run after a crash starts the file again from the beginning.</summary>
    [AutomaticRetry(Attempts = 2)]
    public async Task BuildAsync(Guid exportId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var export = await db.CertificateExports.AsNoTracking().SingleOrDefaultAsync(e => e.Id == exportId, cancellationToken);
        if (export is null || export.Status == ExportStatus.Completed)
        {
            return;
        }

        var zone = platform.Value.GetTimeZone();
        var query = db.Certificates.AsNoTracking();
        if (export.CourseId is { } courseId)
        {
            query = query.Where(c => c.CourseId == courseId);
        }

        if (export.From is { } from)
        {
            var start = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(from.ToDateTime(TimeOnly.MinValue), zone), TimeSpan.Zero);
            query = query.Where(c => c.IssuedAt >= start);
        }

        if (export.To is { } to)
        {
            var end = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue), zone), TimeSpan.Zero);
            query = query.Where(c => c.IssuedAt < end);
        }

        var total = await query.CountAsync(cancellationToken);
        await SetAsync(db, exportId, ExportStatus.Running, total, 0, cancellationToken);
        // The shared folder: the node that builds the file is often not the one that serves the download.
        Directory.CreateDirectory(files.SharedTempDirectory);
        // Each run writes its own part file and moves it into place whole, so a retry racing a slow run cannot mix them.
        var partial = $"{PathOf(exportId)}.{Guid.NewGuid():N}.part";
        var done = 0;
        var baseUrl = new Uri(export.BaseUrl);
        try
        {
            await using (var file = File.Create(partial))
            using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
            {
                await foreach (var certificate in query.OrderBy(c => c.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
                {
                    // PDFs are already compressed: storing them again costs time and saves nothing.
                    await using (var entry = zip.CreateEntry($"{certificate.Serial}.pdf", CompressionLevel.NoCompression).Open())
                    {
                        documents.WritePdf(certificate, baseUrl, entry);
                    }

                    if (++done % ProgressEvery == 0)
                    {
                        // Its own context: the query's reader is still open on this one, and SQL Server without
                        // MARS allows one open command per connection.
                        await using var progress = await contextFactory.CreateDbContextAsync(cancellationToken);
                        await SetAsync(progress, exportId, ExportStatus.Running, total, done, cancellationToken);
                    }
                }
            }

            File.Move(partial, PathOf(exportId), overwrite: true);
            await db.CertificateExports.Where(e => e.Id == exportId).ExecuteUpdateAsync(
                set => set.SetProperty(e => e.Status, ExportStatus.Completed).SetProperty(e => e.Done, done).SetProperty(e => e.CompletedAt, timeProvider.GetUtcNow()),
                cancellationToken);
            LogBuilt(exportId, done);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            await SetAsync(db, exportId, ExportStatus.Failed, total, done, CancellationToken.None);
            File.Delete(partial);
            throw;
        }
    }

    private string PathOf(Guid exportId) => Path.Combine(files.SharedTempDirectory, $"certificates-{exportId:N}.zip");

    private static Task<int> SetAsync(SkillsAcademyDbContext db, Guid id, ExportStatus status, int total, int done, CancellationToken cancellationToken) =>
        db.CertificateExports.Where(e => e.Id == id).ExecuteUpdateAsync(
            set => set.SetProperty(e => e.Status, status).SetProperty(e => e.Total, total).SetProperty(e => e.Done, done), cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Built certificate export {ExportId} with {Count} certificates")]
    private partial void LogBuilt(Guid exportId, int count);
}
