using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SkillsAcademy.Infrastructure.Persistence;
using SkillsAcademy.TestUtilities;

namespace SkillsAcademy.IntegrationTests.Persistence;

/// <summary>Migrations that move data are run on a database holding rows from before them.</summary>
public sealed class DataMigrationTests : IDisposable
{
    private readonly TestDataDirectory _data = new();

    [Fact]
    public async Task Existing_course_versions_take_their_courses_classification()
    {
        var options = new DbContextOptionsBuilder<SkillsAcademyDbContext>();
        options.UseSkillsAcademyDatabase(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_data.Path, "upgrade.db")};Pooling=false");
        await using var db = new SkillsAcademyDbContext(options.Options);
        var migrator = db.GetService<IMigrator>();
        var migrations = db.Database.GetMigrations().ToList();
        var before = migrations[migrations.FindIndex(m => m.EndsWith("_VersionClassification", StringComparison.Ordinal)) - 1];
        await migrator.MigrateAsync(before);
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO Occupations (Id, Code, Name, EnglishName) VALUES (7, '6-18-02-04', '焊工', 'Welder');" +
            "INSERT INTO Courses (Id, Code, OccupationId, SkillLevel, VoucherEligible, OwnerId, CreatedAt, ListingTitle, ListingSummary, ListingNominalMinutes, PublishedAt, EnrolmentCount) " +
            "VALUES (1, 'OLD-COURSE', 7, 4, 1, NULL, 0, '旧课程', '旧简介', 20, 0, 3);" +
            "INSERT INTO CourseVersions (Id, CourseId, Number, Status, Title, Summary, CreatedAt) VALUES (1, 1, 1, 4, '旧课程', '旧简介', 0);");

        await migrator.MigrateAsync();

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_data.Path, "upgrade.db")};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT OccupationId, SkillLevel, VoucherEligible FROM CourseVersions WHERE Id = 1";
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).ShouldBeTrue();
        reader.GetInt32(0).ShouldBe(7);
        reader.GetInt32(1).ShouldBe(4);
        reader.GetBoolean(2).ShouldBeTrue();
    }

    public void Dispose() => _data.Dispose();
}
