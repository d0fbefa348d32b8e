using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillsAcademy.Infrastructure.Persistence;
using SkillsAcademy.TestUtilities;
using SkillsAcademy.Web.Features.Statistics.Generation;

namespace SkillsAcademy.IntegrationTests.Features.Statistics.Generation;

/// <summary>A running app on its own SQLite file with a small generated data set, shared by the tests of a class.</summary>
public sealed class GeneratedDataFixture : IAsyncLifetime
{
    /// <summary>Mid-afternoon in Fujian on the day the generator was written.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 24, 6, 30, 0, TimeSpan.Zero);

    public static readonly DemoDataGeneratorOptions SmallOptions = new()
    {
        Learners = 200,
        Courses = 10,
        StudyEvents = 5_000,
        Enterprises = 60,
        Seed = 7,
    };

    private readonly TestDataDirectory _data = new();

    public SkillsAcademyWebFactory Factory { get; private set; } = default!;

    public DemoDataSummary Summary { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        Factory = NewFactory(_data.Path);
        Summary = await GenerateAsync(Factory, SmallOptions);
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        _data.Dispose();
    }

    /// <summary>An app whose clock stands still at <see cref="Now"/>, with the background job server off.</summary>
    public static SkillsAcademyWebFactory NewFactory(string dataDirectory)
    {
        var factory = new SkillsAcademyWebFactory(dataDirectory, new Dictionary<string, string?> { ["Jobs:RunServer"] = "false" }, new FakeTimeProvider(Now));
        factory.Server.ShouldNotBeNull();
        return factory;
    }

    public static async Task<DemoDataSummary> GenerateAsync(SkillsAcademyWebFactory factory, DemoDataGeneratorOptions options)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DemoDataGenerator>().GenerateAsync(options);
    }

    public async Task<SkillsAcademyDbContext> NewContextAsync() =>
        await Factory.Services.GetRequiredService<IDbContextFactory<SkillsAcademyDbContext>>().CreateDbContextAsync();

    /// <summary>
    /// SHA-256 over the generated rows in key order, leaving out only what is random by design (the Data Protection
    /// ciphertexts) and what the app's own start-up makes (account ids of the demo staff who issue the batches).
    /// </summary>
    public static async Task<string> CanonicalDumpHashAsync(SkillsAcademyWebFactory factory)
    {
        var settings = factory.Services.GetRequiredService<DatabaseSettings>();
        await using var connection = new SqliteConnection(settings.ConnectionString);
        await connection.OpenAsync();
        string[] queries =
        [
            "SELECT Id, DisplayName, MobileLookupHash, MobileNumberMasked, CreatedAt, UserName, SecurityStamp, ConcurrencyStamp, PasswordHash IS NULL FROM AspNetUsers WHERE Id IN (SELECT LearnerId FROM Enrolments) ORDER BY Id",
            "SELECT UserId, RealName, IdNumberHash, IdNumberMasked, e.Name, p.RegionCode, UnionMember, UpdatedAt FROM LearnerProfiles p JOIN Enterprises e ON e.Id = p.EnterpriseId ORDER BY UserId",
            "SELECT Code, ListingTitle, OccupationId, SkillLevel, VoucherEligible, PublishedAt, EnrolmentCount FROM Courses ORDER BY Code",
            "SELECT Id, LearnerId, CourseId, CourseVersionId, EnrolledAt, CompletedAt FROM Enrolments ORDER BY Id",
            "SELECT LearnerId, Sequence, Kind, OccurredAt, Data, PreviousHash, Hash FROM LearningEvents ORDER BY LearnerId, Sequence",
            "SELECT LearnerId, LessonKey, CourseId, LastReportAt, CreditedMilliseconds, SegmentCount, CompletedAt FROM LessonProgress ORDER BY LearnerId, LessonKey",
            "SELECT Id, LearnerId, CourseId, Number, StartedAt, ClosedAt, CorrectCount, ScorePercent, Passed FROM QuizAttempts ORDER BY Id",
            "SELECT AttemptId, Position, QuestionKey, OptionOrder, Chosen, Correct FROM AttemptItems ORDER BY AttemptId, Position",
            "SELECT Serial, VerificationCode, EnrolmentId, LearnerName, IdNumberMasked, CreditHours, CompletedAt, IssuedAt FROM Certificates ORDER BY Serial",
            "SELECT Id, BatchId, Code, Status, LearnerId, AssignedAt, EnrolmentId, RedeemedAt FROM Vouchers ORDER BY Id",
            "SELECT Id, Name, FaceValue, Quantity, GeneratedCount, EligibleRegionPrefixes, UnionMembersOnly, ValidFrom, ValidUntil FROM VoucherBatches ORDER BY Id",
            "SELECT VoucherId, CourseId, Amount, Month, RecordedAt FROM SettlementEntries ORDER BY VoucherId",
            "SELECT LearnerId, Day, CheckedInAt FROM CheckIns ORDER BY LearnerId, Day",
        ];
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var query in queries)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = query;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    sha.AppendData(Encoding.UTF8.GetBytes(Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) + "|"));
                }

                sha.AppendData("\n"u8);
            }
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
