using System.Globalization;
using System.Text.Json;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using SkillsAcademy.Domain.Catalog;
using SkillsAcademy.Domain.Certificates;
using SkillsAcademy.Domain.Statistics;
using SkillsAcademy.Infrastructure.Files;
using SkillsAcademy.Infrastructure.Jobs;
using SkillsAcademy.Infrastructure.Persistence;
using SkillsAcademy.Web.Platform;
using SkillsAcademy.Web.Resources;

namespace SkillsAcademy.Web.Features.Statistics;

/// <summary>
/// Statistics files for staff (CSV or XLSX, any layout and filter): requested from the dashboard, built by a Hangfire
/// job that writes the rows straight into a file in the temp folder and reports its progress, downloaded by the one
/// who asked while the housekeeping job has not yet removed it (a day).
/// </summary>
public sealed partial class StatisticsExportService(
    IDbContextFactory<SkillsAcademyDbContext> contextFactory,
    IBackgroundJobClient jobs,
    StatisticsService statistics,
    IStringLocalizer<SharedResource> localizer,
    FileStoreSettings files,
    IOptions<StatisticsOptions> options,
    IOptions<PlatformOptions> platform,
    TimeProvider timeProvider,
    ILogger<StatisticsExportService> logger)
{
    /// <summary>Exports one staff member may have queued or running at once.</summary>
    public const int MaxInProgress = 3;

    /// <summary>Done is written back every this many rows.</summary>
    public const int ProgressEvery = 500;

    /// <summary>
    /// Checks the request, stores it with the requester's language and queues the job. Problems are resource keys;
    /// nothing is stored when there are any.
    /// </summary>
    public async Task<StatisticsExportRequestResult> RequestAsync(
        Guid staffId, StatisticsFilter filter, StatisticsLayout layout, StatisticsFileFormat format, CancellationToken cancellationToken = default)
    {
        var problems = filter.Problems().ToList();
        if (!Enum.IsDefined(layout) || !Enum.IsDefined(format))
        {
            problems.Add("Statistics.Export.Error.Layout");
        }

        if (problems.Count > 0)
        {
            return new StatisticsExportRequestResult(null, problems);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var now = timeProvider.GetUtcNow();
        // A job lost with its server would block its owner for good; a day later it no longer counts.
        var since = now - HousekeepingJob.TempFileLifetime;
        var inProgress = await db.StatisticsExports.CountAsync(
            e => e.RequestedBy == staffId && (e.Status == ExportStatus.Queued || e.Status == ExportStatus.Running) && e.CreatedAt > since,
            cancellationToken);
        if (inProgress >= MaxInProgress)
        {
            return new StatisticsExportRequestResult(null, ["Statistics.Export.Error.Busy"]);
        }

        var request = StatisticsExportRequest.Of(filter, SupportedCulture(CultureInfo.CurrentUICulture));
        var export = new StatisticsExport(Guid.NewGuid(), staffId, layout, format, request.ToJson(), now);
        db.StatisticsExports.Add(export);
        await db.SaveChangesAsync(cancellationToken);
        jobs.Enqueue<StatisticsExportService>(service => service.BuildAsync(export.Id, CancellationToken.None));
        return new StatisticsExportRequestResult(export.Id, []);
    }

    /// <summary>The staff member's latest exports, newest first.</summary>
    public async Task<IReadOnlyList<StatisticsExport>> ListRecentAsync(Guid staffId, int count = 10, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.StatisticsExports.AsNoTracking().Where(e => e.RequestedBy == staffId)
            .OrderByDescending(e => e.CreatedAt).Take(count).ToListAsync(cancellationToken);
    }

    /// <summary>Whether a completed export's file is still kept (housekeeping removes temp files after a day).</summary>
    public bool IsDownloadable(StatisticsExport export) =>
        export.Status == ExportStatus.Completed && export.CompletedAt is { } completed && completed > timeProvider.GetUtcNow() - HousekeepingJob.TempFileLifetime;

    /// <summary>The finished file of the staff member's own export; null for anyone else's, an unfinished or a removed one.</summary>
    public async Task<StatisticsExportFile?> FileAsync(Guid staffId, Guid exportId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var export = await db.StatisticsExports.AsNoTracking()
            .SingleOrDefaultAsync(e => e.Id == exportId && e.RequestedBy == staffId && e.Status == ExportStatus.Completed, cancellationToken);
        if (export is null || !File.Exists(PathOf(export)))
        {
            return null;
        }

        var request = StatisticsExportRequest.Parse(export.FilterJson);
        var format = export.Format == StatisticsFileFormat.Csv ? "csv" : "xlsx";
        var day = TimeZoneInfo.ConvertTime(export.CreatedAt, platform.Value.GetTimeZone()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var contentType = export.Format == StatisticsFileFormat.Csv ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        return new StatisticsExportFile(PathOf(export), contentType, $"{InCulture(request.Culture, () => TitleOf(export.Layout))}-{day}.{format}");
    }

    /// <summary>
    /// The job. Queued (or failed, on a retry) → Running → Completed or Failed, each step a guarded update; a re-run
    /// writes the file again from the start into a part file of its own and moves it into place whole.
    /// </summary>
    [AutomaticRetry(Attempts = 2)]
    public async Task BuildAsync(Guid exportId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var export = await db.StatisticsExports.AsNoTracking().SingleOrDefaultAsync(e => e.Id == exportId, cancellationToken);
        if (export is null || export.Status == ExportStatus.Completed)
        {
            return;
        }

        var started = await db.StatisticsExports.Where(e => e.Id == exportId && e.Status != ExportStatus.Completed)
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.Status, ExportStatus.Running).SetProperty(e => e.Done, 0), cancellationToken);
        if (started != 1)
        {
            return;
        }

        var request = StatisticsExportRequest.Parse(export.FilterJson);
        var filter = request.ToFilter();
        var (previousCulture, previousUiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        // Headers, labels ("unknown", skill levels) and the total row in the requester's language, whoever runs the job.
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(request.Culture);
        var partial = $"{PathOf(export)}.{Guid.NewGuid():N}.part";
        try
        {
            var rows = await statistics.RowsAsync(filter, export.Layout, cancellationToken);
            if (rows.Count + 1 > options.Value.MaxExportRows)
            {
                LogTooLarge(exportId, rows.Count, options.Value.MaxExportRows);
                await FinishAsync(db, exportId, ExportStatus.Failed, 0, CancellationToken.None);
                return;
            }

            // Learners and person-times are distinct counts: the total row is asked of the whole filter, never summed.
            var overall = await statistics.MeasuresAsync(filter, cancellationToken);
            var totalRow = new StatisticsRow("", localizer["Statistics.Export.Total"].Value, export.Layout == StatisticsLayout.ProvincialReport ? "" : null, null, overall);
            var total = rows.Count + 1;
            await db.StatisticsExports.Where(e => e.Id == exportId && e.Status == ExportStatus.Running)
                .ExecuteUpdateAsync(set => set.SetProperty(e => e.Total, total), cancellationToken);

            var writer = StatisticsFileWriter.For(export.Layout, localizer);
            var sequence = Reported(rows.Append(totalRow), exportId);
            // The shared folder: the node that builds the file is often not the one that serves the download.
            Directory.CreateDirectory(files.SharedTempDirectory);
            int written;
            await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous))
            {
                written = export.Format == StatisticsFileFormat.Csv
                    ? await writer.WriteCsvAsync(file, sequence, cancellationToken)
                    : await writer.WriteXlsxAsync(file, sequence, TitleOf(export.Layout), cancellationToken);
            }

            File.Move(partial, PathOf(export), overwrite: true);
            await FinishAsync(db, exportId, ExportStatus.Completed, written, cancellationToken);
            LogBuilt(exportId, export.Layout, export.Format, written);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            await FinishAsync(db, exportId, ExportStatus.Failed, null, CancellationToken.None);
            File.Delete(partial);
            throw;
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (previousCulture, previousUiCulture);
        }
    }

    /// <summary>The languages files are written in: the UI's own, or its parent (en-GB → en), else the default.</summary>
    internal static string SupportedCulture(CultureInfo culture)
    {
        for (var c = culture; !string.IsNullOrEmpty(c.Name); c = c.Parent)
        {
            if (Cultures.Supported.FirstOrDefault(s => string.Equals(s, c.Name, StringComparison.OrdinalIgnoreCase)) is { } supported)
            {
                return supported;
            }
        }

        return Cultures.Default;
    }

    private string TitleOf(StatisticsLayout layout) =>
        localizer[layout == StatisticsLayout.ProvincialReport ? "Statistics.Export.FileName.Provincial" : "Statistics.Export.FileName"].Value;

    private static T InCulture<T>(string culture, Func<T> action)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return action();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>Passes the rows through, writing how many have gone into the file every <see cref="ProgressEvery"/> rows.</summary>
    private IEnumerable<StatisticsRow> Reported(IEnumerable<StatisticsRow> rows, Guid exportId)
    {
        var done = 0;
        foreach (var row in rows)
        {
            yield return row;
            if (++done % ProgressEvery == 0)
            {
                // The writers pull rows synchronously (MiniExcel does), so the progress write is synchronous too.
                using var db = contextFactory.CreateDbContext();
                db.StatisticsExports.Where(e => e.Id == exportId && e.Status == ExportStatus.Running)
                    .ExecuteUpdate(set => set.SetProperty(e => e.Done, done));
            }
        }
    }

    private Task<int> FinishAsync(SkillsAcademyDbContext db, Guid exportId, ExportStatus status, int? rows, CancellationToken cancellationToken)
    {
        var query = db.StatisticsExports.Where(e => e.Id == exportId && e.Status == ExportStatus.Running);
        return status == ExportStatus.Completed && rows is { } count
            ? query.ExecuteUpdateAsync(
                set => set.SetProperty(e => e.Status, status).SetProperty(e => e.Done, count).SetProperty(e => e.Total, count)
                    .SetProperty(e => e.CompletedAt, timeProvider.GetUtcNow()),
                cancellationToken)
            : query.ExecuteUpdateAsync(set => set.SetProperty(e => e.Status, status), cancellationToken);
    }

    private string PathOf(StatisticsExport export) =>
        Path.Combine(files.SharedTempDirectory, $"statistics-{export.Id:N}.{(export.Format == StatisticsFileFormat.Csv ? "csv" : "xlsx")}");

    [LoggerMessage(Level = LogLevel.Information, Message = "Built statistics export {ExportId} ({Layout}, {Format}) with {Rows} rows")]
    private partial void LogBuilt(Guid exportId, StatisticsLayout layout, StatisticsFileFormat format, int rows);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Statistics export {ExportId} has {Rows} rows, more than Statistics:MaxExportRows ({Max}); refused")]
    private partial void LogTooLarge(Guid exportId, int rows, int max);
}

/// <summary>What became of a request: the export's id, or why it was refused (resource keys).</summary>
public sealed record StatisticsExportRequestResult(Guid? ExportId, IReadOnlyList<string> Problems);

/// <summary>A finished export ready to send: where it is, its content type and the file name the browser saves it as.</summary>
public sealed record StatisticsExportFile(string Path, string ContentType, string FileName);

/// <summary>
/// The request as stored in <see cref="StatisticsExport.FilterJson"/>: the filter's fields and the requester's UI
/// language, so the job answers exactly what was asked in the language it was asked in.
/// </summary>
internal sealed record StatisticsExportRequest(
    DateOnly From, DateOnly To, string? RegionCode, int? OccupationId, SkillLevel? SkillLevel, int? EnterpriseId, int? CourseId, string Culture)
{
    public static StatisticsExportRequest Of(StatisticsFilter filter, string culture) =>
        new(filter.From, filter.To, filter.RegionCode, filter.OccupationId, filter.SkillLevel, filter.EnterpriseId, filter.CourseId, culture);

    public static StatisticsExportRequest Parse(string json) =>
        JsonSerializer.Deserialize<StatisticsExportRequest>(json) ?? throw new InvalidOperationException("An export without a request.");

    public string ToJson() => JsonSerializer.Serialize(this);

    public StatisticsFilter ToFilter() => new()
    {
        From = From,
        To = To,
        RegionCode = RegionCode,
        OccupationId = OccupationId,
        SkillLevel = SkillLevel,
        EnterpriseId = EnterpriseId,
        CourseId = CourseId,
    };
}
