using System.Globalization;
using Bogus;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SkillsAcademy.Domain.Catalog;
using SkillsAcademy.Domain.People;
using SkillsAcademy.Domain.Vouchers;
using SkillsAcademy.Infrastructure.Identity;
using SkillsAcademy.Infrastructure.PersonalData;

namespace SkillsAcademy.Web.Features.Statistics.Generation;

/// <summary>What is in the database before a run: next free ids, keys that must stay unique, the staff who issue batches.</summary>
internal sealed class RunStart
{
    public required int ExistingUsers { get; init; }

    public required int NextCourseNumber { get; init; }

    public required IReadOnlyList<Region> Regions { get; init; }

    public required Guid LearnerRoleId { get; init; }

    public required Guid StaffId { get; init; }

    public required int NextEnterpriseId { get; init; }

    public required int NextEnrolmentId { get; init; }

    public required int NextCertificateId { get; init; }

    public required int NextVoucherId { get; init; }

    public required long NextRedemptionId { get; init; }

    public required long NextSettlementId { get; init; }

    /// <summary>The highest certificate sequence per year for the configured issuer.</summary>
    public required Dictionary<int, int> CertificateSequences { get; init; }

    public required HashSet<string> MobileHashes { get; init; }

    public required HashSet<string> IdNumberHashes { get; init; }

    public required HashSet<string> EnterpriseNames { get; init; }

    public required HashSet<string> VoucherCodes { get; init; }
}

public sealed partial class DemoDataGenerator
{
    private const string SystemAccountName = "demo-data-generator@skillsacademy.local";

    private async Task<RunStart> LoadStartingPointAsync(DemoDataGeneratorOptions options, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var prefix = options.ProvinceCode[..2];
        var regions = await db.Regions.AsNoTracking().Where(r => r.Code.StartsWith(prefix)).ToListAsync(cancellationToken);
        if (!regions.Any(r => r.Level == RegionLevel.City))
        {
            throw new ArgumentException($"The Regions table has no cities under {options.ProvinceCode}.", nameof(options));
        }

        var learnerRole = await db.Roles.Where(r => r.Name == Roles.Learner).Select(r => r.Id).SingleAsync(cancellationToken);
        var codes = await db.Courses.Where(c => c.Code.StartsWith(DemoCatalog.CodePrefix)).Select(c => c.Code).ToListAsync(cancellationToken);
        var lastCourse = codes.Select(c => int.TryParse(c.AsSpan(DemoCatalog.CodePrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(0).Max();
        if (lastCourse + options.Courses > DemoDataGeneratorOptions.MaxCourses)
        {
            throw new ArgumentException($"Course codes run out: {lastCourse} generated courses exist already.", nameof(options));
        }

        var issuer = certificateOptions.Value.Issuer;
        return new RunStart
        {
            ExistingUsers = await db.Users.CountAsync(cancellationToken),
            NextCourseNumber = lastCourse + 1,
            Regions = regions,
            LearnerRoleId = learnerRole,
            StaffId = await FindStaffAsync(db, cancellationToken),
            NextEnterpriseId = await NextIdAsync(db, "Enterprises", cancellationToken),
            NextEnrolmentId = await NextIdAsync(db, "Enrolments", cancellationToken),
            NextCertificateId = await NextIdAsync(db, "Certificates", cancellationToken),
            NextVoucherId = await NextIdAsync(db, "Vouchers", cancellationToken),
            NextRedemptionId = await NextIdAsync(db, "RedemptionRequests", cancellationToken),
            NextSettlementId = await NextIdAsync(db, "SettlementEntries", cancellationToken),
            CertificateSequences = await db.Certificates.Where(c => c.Issuer == issuer).GroupBy(c => c.Year)
                .Select(g => new { Year = g.Key, Max = g.Max(c => c.Sequence) }).ToDictionaryAsync(g => g.Year, g => g.Max, cancellationToken),
            MobileHashes = (await db.Users.Where(u => u.MobileLookupHash != null).Select(u => u.MobileLookupHash!).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal),
            IdNumberHashes = (await db.LearnerProfiles.Select(p => p.IdNumberHash).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal),
            EnterpriseNames = (await db.Enterprises.Select(e => e.Name).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal),
            VoucherCodes = (await db.Vouchers.Select(v => v.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal),
        };
    }

    // Ids are given explicitly (they appear in hashed event data), after both the highest row and AUTOINCREMENT's memory.
    private static async Task<int> NextIdAsync(Infrastructure.Persistence.SkillsAcademyDbContext db, string table, CancellationToken cancellationToken)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT MAX(COALESCE((SELECT MAX(\"Id\") FROM \"{table}\"), 0), COALESCE((SELECT seq FROM sqlite_sequence WHERE name = '{table}'), 0))";
        return checked((int)(long)(await command.ExecuteScalarAsync(cancellationToken))! + 1);
    }

    /// <summary>A federation staff member issues the batches; an account that cannot sign in is made when there is none.</summary>
    private async Task<Guid> FindStaffAsync(Infrastructure.Persistence.SkillsAcademyDbContext db, CancellationToken cancellationToken)
    {
        foreach (var role in new[] { Roles.FederationStaff, Roles.Admin })
        {
            var staff = await (from userRole in db.UserRoles
                               join r in db.Roles on userRole.RoleId equals r.Id
                               where r.Name == role
                               orderby userRole.UserId
                               select (Guid?)userRole.UserId).FirstOrDefaultAsync(cancellationToken);
            if (staff is { } id)
            {
                return id;
            }
        }

        var existing = await db.Users.Where(u => u.NormalizedUserName == SystemAccountName.ToUpperInvariant()).Select(u => (Guid?)u.Id).SingleOrDefaultAsync(cancellationToken);
        if (existing is { } system)
        {
            return system;
        }

        var user = new ApplicationUser
        {
            Id = Guid.NewGuid(),
            DisplayName = "演示数据生成（系统）",
            UserName = SystemAccountName,
            NormalizedUserName = SystemAccountName.ToUpperInvariant(),
            SecurityStamp = Guid.NewGuid().ToString("N"),
            CreatedAt = timeProvider.GetUtcNow(),
        };
        db.Users.Add(user);
        await db.SaveChangesAsync(cancellationToken);
        return user.Id;
    }

    private async Task<IReadOnlyList<Occupation>> EnsureOccupationsAsync(CancellationToken cancellationToken, Action<string, long> count)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var existing = await db.Occupations.ToListAsync(cancellationToken);
        var added = DemoCatalog.ExtraOccupations
            .Where(o => !existing.Any(e => e.Code == o.Code || e.Name == o.Name))
            .Select(o => new Occupation(o.Code, o.Name, o.EnglishName))
            .ToList();
        db.Occupations.AddRange(added);
        await db.SaveChangesAsync(cancellationToken);
        count("Occupations", added.Count);
        return [.. existing.Concat(added).OrderBy(o => o.Id)];
    }

    private async Task<IReadOnlyList<GeneratedCourse>> AddCoursesAsync(
        int count, int firstNumber, IReadOnlyList<Occupation> occupations, Faker faker, Random random, GenerationWindow window,
        CancellationToken cancellationToken, Action<string, long> tally)
    {
        // Welders, fitters and electricians have the most courses.
        var weights = occupations.Select(o => o.Name switch
        {
            "焊工" => 4.0,
            "电工" => 3.0,
            "装配钳工" or "机修钳工" or "钣金工" => 2.5,
            "工具钳工" or "车工" or "汽车维修工" => 1.5,
            _ => 1.0,
        }).ToArray();
        var choice = new WeightedChoice<Occupation>(occupations, weights);
        var creditHours = new CreditHours(platform.Value.CreditHourMinutes * 60);
        var result = new List<GeneratedCourse>(count);
        for (var first = 0; first < count; first += 200)
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var chunk = new List<(Course Course, Occupation Occupation)>();
            for (var i = first; i < Math.Min(count, first + 200); i++)
            {
                var occupation = choice.Pick(random);
                var published = window.Start.AddDays(-random.Next(1, 60)).AddSeconds(random.Next(9 * 3600, 18 * 3600));
                var course = DemoCatalog.Build(firstNumber + i, occupation, DemoCatalog.PickLevel(random), random.NextDouble() < 0.3, faker, random, published);
                chunk.Add((course, occupation));
                db.Courses.Add(course);
            }

            await db.SaveChangesAsync(cancellationToken);
            foreach (var (course, occupation) in chunk)
            {
                var version = course.Versions.Single();
                var lessons = version.Modules.OrderBy(m => m.Position).SelectMany(m => m.Lessons.OrderBy(l => l.Position))
                    .Select(l => new GeneratedLesson(l.Key, l.Key.ToString(), l.NominalMinutes, l.RequiredMinutes * 60, l.NominalMinutes * 90))
                    .ToArray();
                var questions = version.Questions
                    .Select(q => new GeneratedQuestion(q.Id, q.Key, q.Options.Count, q.Options.Single(o => o.IsCorrect).Position))
                    .ToArray();
                var exam = version.FinalExam!;
                result.Add(new GeneratedCourse(course.Id, version.Id, course.Code, version.Title, occupation.Id, occupation.Name, occupation.Code,
                    version.SkillLevel, version.VoucherEligible, creditHours.FromSeconds(version.NominalMinutes * 60L), lessons, questions,
                    exam.QuestionCount, exam.PassPercent, exam.TimeLimitMinutes));
                tally("Courses", 1);
                tally("CourseVersions", 1);
                tally("CourseModule", version.Modules.Count);
                tally("Lesson", lessons.Length);
                tally("Question", questions.Length);
                tally("QuestionOption", version.Questions.Sum(q => q.Options.Count));
                tally("CourseInstructor", version.Instructors.Count);
            }
        }

        return result;
    }

    /// <summary>A batch per city and one for union members province-wide, valid through the period and 90 days beyond.</summary>
    private async Task<IReadOnlyList<GeneratedBatch>> AddBatchesAsync(
        DemoRegions regions, Guid staffId, GenerationWindow window, DateOnly to, Random random, CancellationToken cancellationToken, Action<string, long> tally)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var createdAt = window.Start.AddDays(-7);
        var year = window.From.Year.ToString(CultureInfo.InvariantCulture);
        var planned = regions.Cities
            .Select(city => (Name: $"{year}年{city.ShortName}市职工技能提升电子培训券", Prefix: (string?)city.Code[..4], Union: false, Value: (decimal)(random.Next(2, 6) * 100)))
            .Append((Name: $"{year}年全省工会会员技能提升电子培训券", Prefix: null, Union: true, Value: 800m))
            .ToList();
        var batches = planned.Select(p => new VoucherBatch(p.Name, "工会职工教育经费", p.Value, 1,
            new VoucherTerms([], [], [], p.Prefix is null ? [] : [p.Prefix], p.Union, window.From, to.AddDays(90)), staffId, createdAt)).ToList();
        db.VoucherBatches.AddRange(batches);
        await db.SaveChangesAsync(cancellationToken);
        tally("VoucherBatches", batches.Count);
        return batches.Select((b, i) => new GeneratedBatch(b.Id, b.FaceValue, planned[i].Prefix, planned[i].Union, createdAt)).ToList();
    }

    /// <summary>Enterprises spread over the cities like the learners; every city has at least one.</summary>
    private static Dictionary<string, int[]> WriteEnterprises(
        BulkWriter writer, GenerationTables tables, int count, RunStart run, DemoRegions regions, Faker faker, Random random)
    {
        var people = new DemoPeople(faker);
        var byCity = regions.Cities.ToDictionary(c => c.Code, _ => new List<int>(), StringComparer.Ordinal);
        var batch = new RowBatch();
        for (var i = 0; i < count; i++)
        {
            var city = i < regions.Cities.Count ? regions.Cities[i] : regions.PickCity(random);
            var (code, shortName) = regions.PickPlace(city, random);
            var name = people.CompanyName(shortName);
            for (var attempt = 2; !run.EnterpriseNames.Add(name); attempt++)
            {
                name = attempt < 5 ? people.CompanyName(shortName) : $"{people.CompanyName(shortName)}（{attempt}）";
            }

            var id = run.NextEnterpriseId + i;
            batch.Add(tables.Enterprises, id, name, code);
            byCity[city.Code].Add(id);
        }

        writer.Write(batch);
        return byCity.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>
    /// Certificate numbers follow issue time, as the issuing job gives them: the schedules are drawn once here for
    /// the issue times (the writing pass draws them again from the same seeds).
    /// </summary>
    private CertificateNumbers NumberCertificates(LearnerPlan plan, IReadOnlyList<GeneratedCourse> courses, IReadOnlyList<GeneratedBatch> batches, GenerationWindow window, RunStart run)
    {
        var issued = new List<(DateTimeOffset At, int Enrolment)>();
        foreach (var learner in plan.Learners)
        {
            var schedule = StudySchedule.Draw(new Random(learner.Seed), learner, plan.EnrolmentsOf(learner), courses, batches, window);
            for (var e = 0; e < schedule.Enrolments.Length; e++)
            {
                if (schedule.Enrolments[e].CertificateIssuedAt is { } at)
                {
                    issued.Add((at, learner.FirstEnrolment + e));
                }
            }
        }

        issued.Sort((a, b) => a.At != b.At ? a.At.CompareTo(b.At) : a.Enrolment.CompareTo(b.Enrolment));
        var numbers = new CertificateNumbers(plan.Enrolments.Length);
        var sequences = new Dictionary<int, int>(run.CertificateSequences);
        for (var i = 0; i < issued.Count; i++)
        {
            var year = TimeZoneInfo.ConvertTime(issued[i].At, window.Calendar.TimeZone).Year;
            var sequence = sequences.GetValueOrDefault(year) + 1;
            sequences[year] = sequence;
            numbers.Set(issued[i].Enrolment, run.NextCertificateId + i, year, sequence);
        }

        return numbers;
    }

    /// <summary>Each batch also holds vouchers nobody has used yet, about a quarter of what was redeemed.</summary>
    private static void WriteUnusedVouchers(BulkWriter writer, GenerationTables tables, LearnerRowContext context, Random random)
    {
        var batch = new RowBatch();
        var id = context.Run.NextVoucherId + context.Plan.VoucherCount;
        foreach (var generated in context.Batches)
        {
            var unused = context.RedeemedPerBatch.GetValueOrDefault(generated.Id) / 4 + 5;
            for (var i = 0; i < unused; i++)
            {
                batch.Add(tables.Vouchers, id++, generated.Id, context.NewVoucherCode(random), VoucherStatus.Issued, null, null, VoucherRefusal.None, null, null);
            }
        }

        writer.Write(batch);
    }

    /// <summary>Batch sizes and course enrolment counts match the rows; the WAL is folded back into the database file.</summary>
    private static async Task FinishAsync(SqliteConnection connection, IReadOnlyList<GeneratedBatch> batches, IReadOnlyList<GeneratedCourse> courses, CancellationToken cancellationToken)
    {
        var batchIds = string.Join(",", batches.Select(b => b.Id.ToString(CultureInfo.InvariantCulture)));
        var courseIds = string.Join(",", courses.Select(c => c.Id.ToString(CultureInfo.InvariantCulture)));
        await ExecuteAsync(connection, $"""
            UPDATE "VoucherBatches" SET "Quantity" = (SELECT COUNT(*) FROM "Vouchers" v WHERE v."BatchId" = "VoucherBatches"."Id"),
                "GeneratedCount" = (SELECT COUNT(*) FROM "Vouchers" v WHERE v."BatchId" = "VoucherBatches"."Id")
            WHERE "Id" IN ({batchIds});
            UPDATE "Courses" SET "EnrolmentCount" = (SELECT COUNT(*) FROM "Enrolments" e WHERE e."CourseId" = "Courses"."Id")
            WHERE "Id" IN ({courseIds});
            PRAGMA wal_checkpoint(TRUNCATE);
            """, cancellationToken);
    }
}

/// <summary>Certificate id, year and sequence per enrolment index (id 0: no certificate).</summary>
internal sealed class CertificateNumbers(int enrolments)
{
    private readonly int[] _ids = new int[enrolments];
    private readonly int[] _years = new int[enrolments];
    private readonly int[] _sequences = new int[enrolments];

    public void Set(int enrolment, int id, int year, int sequence)
    {
        _ids[enrolment] = id;
        _years[enrolment] = year;
        _sequences[enrolment] = sequence;
    }

    public (int Id, int Year, int Sequence)? Of(int enrolment) =>
        _ids[enrolment] == 0 ? null : (_ids[enrolment], _years[enrolment], _sequences[enrolment]);
}
