using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using SkillsAcademy.Infrastructure.Files;
using SkillsAcademy.Infrastructure.Jobs;
using SkillsAcademy.Infrastructure.Persistence;
using SkillsAcademy.TestUtilities;

namespace SkillsAcademy.UnitTests.Infrastructure.Jobs;

public sealed class HousekeepingJobTests : IDisposable
{
    private readonly TestDataDirectory _data = new();

    [Fact]
    public async Task Temp_files_older_than_a_day_are_deleted_from_the_node_and_the_shared_folder_and_newer_ones_kept()
    {
        var now = new DateTimeOffset(2026, 11, 24, 2, 0, 0, TimeSpan.Zero);
        var time = new FakeTimeProvider(now);
        var settings = new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_data.Path, "app.db")}", _data.Path, true);
        var files = new FileStoreSettings(Path.Combine(_data.Path, "shared-files"));
        Directory.CreateDirectory(settings.TempDirectory);
        Directory.CreateDirectory(files.SharedTempDirectory);
        var old = Path.Combine(settings.TempDirectory, "old-export.xlsx");
        var fresh = Path.Combine(settings.TempDirectory, "fresh-export.xlsx");
        var oldShared = Path.Combine(files.SharedTempDirectory, "certificates-old.zip");
        var freshShared = Path.Combine(files.SharedTempDirectory, "certificates-fresh.zip");
        foreach (var (path, age) in new[] { (old, 25), (fresh, 23), (oldShared, 25), (freshShared, 23) })
        {
            await File.WriteAllTextAsync(path, "x", TestContext.Current.CancellationToken);
            File.SetLastWriteTimeUtc(path, now.UtcDateTime.AddHours(-age));
        }
        var options = new DbContextOptionsBuilder<SkillsAcademyDbContext>();
        options.UseSkillsAcademyDatabase(DatabaseProvider.Sqlite, settings.ConnectionString);
        var job = new HousekeepingJob(
            settings, files, new PooledDbContextFactory<SkillsAcademyDbContext>(options.Options), time, NullLogger<HousekeepingJob>.Instance);

        var deleted = await job.RunAsync(TestContext.Current.CancellationToken);

        deleted.ShouldBe(2);
        File.Exists(old).ShouldBeFalse();
        File.Exists(oldShared).ShouldBeFalse();
        File.Exists(fresh).ShouldBeTrue();
        File.Exists(freshShared).ShouldBeTrue();
    }

    public void Dispose() => _data.Dispose();
}
