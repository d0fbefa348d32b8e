using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SkillsAcademy.Infrastructure.Persistence;
using SkillsAcademy.Web.Features.Authoring;
using SkillsAcademy.Web.Features.Authoring.Packages;
using SkillsAcademy.Web.Platform;

namespace SkillsAcademy.Web.Features.Catalog;

/// <summary>Imports and publishes each sample course whose code the database does not know yet, so a new platform has a living catalog.</summary>
internal sealed partial class SampleCoursesSeed(
    IOptions<CatalogOptions> options,
    IDbContextFactory<SkillsAcademyDbContext> contextFactory,
    IServiceScopeFactory scopeFactory,
    ILogger<SampleCoursesSeed> logger) : ISeedData
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.ImportSamples)
        {
            return;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var known = (await db.Courses.Select(c => c.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var folders = Directory.EnumerateDirectories(options.Value.ResolveSamplesDirectory())
            .Where(d => File.Exists(Path.Combine(d, CoursePackage.ManifestFile)))
            .Order(StringComparer.Ordinal);
        await using var scope = scopeFactory.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<CourseImportService>();
        foreach (var folder in folders)
        {
            var source = CoursePackageSource.FromDirectory(folder);
            var code = System.Text.Json.JsonDocument.Parse(source.ReadText(CoursePackage.ManifestFile))
                .RootElement.GetProperty("code").GetString();
            if (code is null || known.Contains(code))
            {
                continue;
            }

            var result = await importer.ImportAsync(source, new CourseImportOptions(Publish: true, OwnerId: null), cancellationToken);
            if (!result.Succeeded)
            {
                // A broken sample is a defect in the repository: say exactly what is wrong and stop.
                throw new InvalidOperationException(
                    $"Sample course {Path.GetFileName(folder)} is invalid: {string.Join("; ", result.Errors)}");
            }

            LogImported(Path.GetFileName(folder));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sample course {Folder} imported and published")]
    private partial void LogImported(string folder);
}
