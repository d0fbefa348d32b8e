using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Options;
using SkillsAcademy.Domain.Catalog;
using SkillsAcademy.Infrastructure.Persistence;
using SkillsAcademy.Web.Features.Catalog;
using SkillsAcademy.Web.Platform;

namespace SkillsAcademy.Benchmarks;

/// <summary>
/// One page of catalog search on a province-sized catalog (5,000 listed courses) through CatalogService, against
/// the same query written by hand in SQL and read with a plain data reader.
/// </summary>
[MemoryDiagnoser]
public class CatalogSearchBenchmarks
{
    private const int Courses = 5_000;
    private string _folder = "";
    private string _connectionString = "";
    private CatalogService _catalog = default!;
    private PooledDbContextFactory<SkillsAcademyDbContext> _factory = default!;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "skillsacademy-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        _connectionString = $"Data Source={Path.Combine(_folder, "catalog.db")}";
        var options = new DbContextOptionsBuilder<SkillsAcademyDbContext>();
        options.UseSkillsAcademyDatabase(DatabaseProvider.Sqlite, _connectionString);
        _factory = new PooledDbContextFactory<SkillsAcademyDbContext>(options.Options);
        using (var db = _factory.CreateDbContext())
        {
            db.Database.Migrate();
            foreach (var (code, name, english) in NationalOccupations.Initial)
            {
                db.Occupations.Add(new Occupation(code, name, english));
            }

            db.SaveChanges();
        }

        Seed();
        _catalog = new CatalogService(_factory, Options.Create(new PlatformOptions()));
    }

    private void Seed()
    {
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.CommandText =
            "INSERT INTO Courses (Code, OccupationId, SkillLevel, VoucherEligible, OwnerId, CreatedAt, ListingTitle, ListingSummary, ListingNominalMinutes, PublishedAt, EnrolmentCount) " +
            "VALUES ($code, $occupation, $level, $voucher, NULL, 0, $title, $summary, 240, $published, $enrolments)";
        string[] topics = ["焊条电弧焊", "钳工锉削", "钣金折弯", "气体保护焊", "划线与钻孔", "展开放样"];
        var random = new Random(42);
        for (var i = 0; i < Courses; i++)
        {
            command.Parameters.Clear();
            command.Parameters.AddWithValue("$code", $"BENCH-{i:00000}");
            command.Parameters.AddWithValue("$occupation", (i % 5) + 1);
            command.Parameters.AddWithValue("$level", 5 - (i % 3));
            command.Parameters.AddWithValue("$voucher", i % 2);
            command.Parameters.AddWithValue("$title", $"{topics[i % topics.Length]}（第{i}期）");
            command.Parameters.AddWithValue("$summary", $"面向一线职工的{topics[(i + 1) % topics.Length]}课程，第{i}期。");
            command.Parameters.AddWithValue("$published", 638_000_000_000_000_000L + i);
            command.Parameters.AddWithValue("$enrolments", random.Next(0, 5000));
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    [Benchmark(Baseline = true)]
    public async Task<int> HandWrittenSql()
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        await using var count = connection.CreateCommand();
        const string filter = "FROM Courses c JOIN Occupations o ON o.Id = c.OccupationId WHERE c.PublishedAt IS NOT NULL " +
            "AND (instr(c.ListingTitle, $k) > 0 OR instr(c.ListingSummary, $k) > 0 OR instr(o.Name, $k) > 0 OR instr(c.Code, $k) > 0)";
        count.CommandText = "SELECT COUNT(*) " + filter;
        count.Parameters.AddWithValue("$k", "焊");
        var total = Convert.ToInt32(await count.ExecuteScalarAsync());
        await using var page = connection.CreateCommand();
        page.CommandText = "SELECT c.Code, c.ListingTitle, c.ListingSummary, o.Name, o.EnglishName, c.SkillLevel, c.VoucherEligible, c.ListingNominalMinutes, c.EnrolmentCount " +
            filter + " ORDER BY c.PublishedAt DESC, c.Id LIMIT 12";
        page.Parameters.AddWithValue("$k", "焊");
        var cards = new List<CourseCard>(12);
        await using var reader = await page.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            cards.Add(new CourseCard(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                (SkillLevel)reader.GetInt32(5), reader.GetBoolean(6), reader.GetInt32(7), reader.GetInt32(8)));
        }

        return total + cards.Count;
    }

    [Benchmark]
    public async Task<int> CatalogServiceKeyword()
    {
        var result = await _catalog.SearchAsync(new CourseSearch("焊"));
        return result.Total + result.Items.Count;
    }

    [Benchmark]
    public async Task<int> CatalogServiceFilters()
    {
        var result = await _catalog.SearchAsync(new CourseSearch(OccupationId: 2, Level: SkillLevel.Level5, VoucherEligibleOnly: true, Sort: CourseSort.MostEnrolled));
        return result.Total + result.Items.Count;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
