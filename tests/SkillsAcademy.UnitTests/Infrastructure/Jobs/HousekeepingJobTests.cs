using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using SkillsAcademy.Infrastructure.Jobs;
using SkillsAcademy.Infrastructure.Persistence;
using SkillsAcademy.TestUtilities;

namespace SkillsAcademy.UnitTests.Infrastructure.Jobs;

public sealed class HousekeepingJobTests : IDisposable
{
    private readonly TestDataDirectory _data = new();

    [Fact]
    public async Task Temp_files_older_than_a_day_are_deleted_and_newer_ones_kept()
    {
        var now = new DateTimeOffset(2026, 11, 24, 2, 0, 0, TimeSpan.Zero);
        var time = new FakeTimeProvider(now);
        var settings = new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_data.Path, "app.db")}", _data.Path, true);
        Directory.CreateDirectory(settings.TempDirectory);
        var old = Path.Combine(settings.TempDirectory, "old-export.xlsx");
        var fresh = Path.Combine(settings.TempDirectory, "fresh-export.xlsx");
        await File.WriteAllTextAsync(old, "x", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(fresh, "x", TestContext.Current.CancellationToken);
        File.SetLastWriteTimeUtc(old, now.UtcDateTime.AddHours(-25));
        File.SetLastWriteTimeUtc(fresh, now.UtcDateTime.AddHours(-23));
        var options = new DbContextOptionsBuilder<SkillsAcademyDbContext>();
        options.UseSkillsAcademyDatabase(DatabaseProvider.Sqlite, settings.ConnectionString);
        var job = new HousekeepingJob(
            settings, new PooledDbContextFactory<SkillsAcademyDbContext>(options.Options), time, NullLogger<HousekeepingJob>.Instance);

        var deleted = await job.RunAsync(TestContext.Current.CancellationToken);

        deleted.ShouldBe(1);
        File.Exists(old).ShouldBeFalse();
        File.Exists(fresh).ShouldBeTrue();
    }

    public void Dispose() => _data.Dispose();
}
