using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillsAcademy.Domain.Assessment;
using SkillsAcademy.Domain.Catalog;
using SkillsAcademy.Domain.Certificates;
using SkillsAcademy.Domain.Learning;
using SkillsAcademy.Domain.People;
using SkillsAcademy.Domain.Statistics;
using SkillsAcademy.Domain.Vouchers;
using SkillsAcademy.Infrastructure.Identity;
using SkillsAcademy.Infrastructure.Persistence;

namespace SkillsAcademy.TestUtilities;

/// <summary>
/// A small fixed population (learners with regions and enterprises, courses with occupations and levels) and a way to
/// write a random history of raw records for it, plus the statistics computed directly from that history — the
/// oracle the rollups are checked against.
/// </summary>
public sealed class StatisticsWorld
{
    /// <summary>Learners' regions: two counties of one city, a county of another city, a city-level code, and no profile.</summary>
    private static readonly string?[] LearnerRegions = ["350102", "350102", "350104", "350203", "350500", null, "350206", null];

    private StatisticsWorld(IReadOnlyList<Learner> learners, IReadOnlyList<CourseInfo> courses, Guid staffId)
    {
        Learners = learners;
        Courses = courses;
        StaffId = staffId;
    }

    public static PlatformCalendar Calendar { get; } = PlatformCalendar.Default;

    /// <summary>The first day histories use; they span <see cref="Days"/> days over three calendar months.</summary>
    public static DateOnly FirstDay { get; } = new(2026, 8, 20);

    public const int Days = 75;

    public const decimal FaceValue = 299.50m;

    public IReadOnlyList<Learner> Learners { get; }

    public IReadOnlyList<CourseInfo> Courses { get; }

    /// <summary>Who created the voucher batches.</summary>
    public Guid StaffId { get; }

    public static async Task<StatisticsWorld> CreateAsync(SkillsAcademyWebFactory factory, string prefix)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        await using var db = await NewContextAsync(factory);
        var now = DateTimeOffset.UtcNow;

        var occupations = await db.Occupations.OrderBy(o => o.Id).Select(o => o.Id).Take(2).ToListAsync();
        if (occupations.Count != 2)
        {
            throw new InvalidOperationException("The catalog seed should have at least two occupations.");
        }

        var courses = new List<Course>
        {
            new($"{prefix}-A", occupations[0], SkillLevel.Level5, true, null, now),
            new($"{prefix}-B", occupations[0], SkillLevel.Level4, true, null, now),
            new($"{prefix}-C", occupations[1], SkillLevel.Level5, true, null, now),
        };
        db.Courses.AddRange(courses);
        var enterprises = new[] { new Enterprise($"{prefix}福州机械", "350102"), new Enterprise($"{prefix}厦门船舶", "350203") };
        db.Enterprises.AddRange(enterprises);
        var staff = await db.Users.Where(u => u.UserName == SkillsAcademyWebFactory.StaffAccount).Select(u => u.Id).SingleAsync();
        await db.SaveChangesAsync();

        var learners = new List<Learner>();
        for (var i = 0; i < LearnerRegions.Length; i++)
        {
            var user = new ApplicationUser { UserName = $"{prefix}-stat-{i}@example.com", DisplayName = "学员", CreatedAt = now };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            }

            var region = LearnerRegions[i];
            var enterprise = region is null ? 0 : enterprises[i % 2].Id;
            if (region is not null)
            {
                var profile = new LearnerProfile(user.Id);
                profile.Update("学员" + i, "protected", $"{prefix}-hash-{i}", "350***********1234", enterprise, region, true, now);
                db.LearnerProfiles.Add(profile);
            }

            learners.Add(new Learner(user.Id, region ?? DailyFact.UnknownRegion, enterprise));
        }

        await db.SaveChangesAsync();
        return new StatisticsWorld(
            learners,
            courses.Select(c => new CourseInfo(c.Id, c.OccupationId, c.SkillLevel)).ToList(),
            staff);
    }

    public static async Task<SkillsAcademyDbContext> NewContextAsync(SkillsAcademyWebFactory factory) =>
        await factory.Services.GetRequiredService<IDbContextFactory<SkillsAcademyDbContext>>().CreateDbContextAsync();

    /// <summary>Removes every raw record and rollup row the statistics read, so a new history starts clean.</summary>
    public static async Task ClearAsync(SkillsAcademyWebFactory factory)
    {
        await using var db = await NewContextAsync(factory);
        foreach (var table in new[] { "Vouchers", "VoucherBatches", "Certificates", "AttemptItems", "QuizAttempts", "LearningEvents", "Enrolments", "StatDailyFacts", "StatLearnerMonths", "StatMonthlyFacts", "StatLearnerYears", "StatDailyCells", "StatMonthlyCells", "StatRollupRuns" })
        {
#pragma warning disable EF1002 // Fixed table names, no user input.
            await db.Database.ExecuteSqlRawAsync($"DELETE FROM {table}");
#pragma warning restore EF1002
        }

        // The rollups changed outside a rollup run: what a node keeps in memory from them must be read again.
        await db.Database.ExecuteSqlRawAsync("UPDATE StatRollupStamps SET Version = Version + 1");
    }

    /// <summary>Writes a history to the database as the product would have stored it.</summary>
    public async Task WriteAsync(SkillsAcademyWebFactory factory, History history)
    {
        await using var db = await NewContextAsync(factory);
        var version = await db.CourseVersions.OrderBy(v => v.Id).Select(v => v.Id).FirstAsync();
        var sequences = await db.LearningEvents.GroupBy(e => e.LearnerId).Select(g => new { g.Key, Max = g.Max(e => e.Sequence) })
            .ToDictionaryAsync(g => g.Key, g => g.Max);
        foreach (var segment in history.Segments.OrderBy(s => s.At))
        {
            var learner = Learners[segment.Learner].Id;
            var sequence = sequences[learner] = sequences.GetValueOrDefault(learner) + 1;
            db.LearningEvents.Add(new LearningEvent
            {
                LearnerId = learner,
                Sequence = sequence,
                Kind = LearningEventKind.StudySegmentCredited,
                OccurredAt = segment.At,
                Data = new Dictionary<string, string>
                {
                    ["lesson"] = Guid.NewGuid().ToString(),
                    ["courseId"] = Courses[segment.Course].Id.ToString(CultureInfo.InvariantCulture),
                    ["seconds"] = segment.Seconds.ToString(CultureInfo.InvariantCulture),
                },
                PreviousHash = new string('0', 64),
                Hash = new string('a', 64),
            });
        }

        var enrolments = history.Enrolments.Select(e => (Record: e, Entity: new Enrolment(Learners[e.Learner].Id, Courses[e.Course].Id, version, e.EnrolledAt))).ToList();
        db.Enrolments.AddRange(enrolments.Select(e => e.Entity));
        var attempts = history.Attempts.Select((a, i) => (Record: a, Entity: new QuizAttempt(Guid.NewGuid(), Learners[a.Learner].Id, Courses[a.Course].Id, version, "m-" + i, 1, a.ClosedAt.AddMinutes(-10), TimeSpan.FromMinutes(15)))).ToList();
        db.QuizAttempts.AddRange(attempts.Select(a => a.Entity));
        await db.SaveChangesAsync();

        var sequence8 = 0;
        foreach (var (record, entity) in enrolments)
        {
            if (record.CompletedAt is { } completed)
            {
                await db.Enrolments.Where(e => e.Id == entity.Id).ExecuteUpdateAsync(set => set.SetProperty(e => e.CompletedAt, completed));
            }

            if (record.CertifiedAt is { } certified)
            {
                db.Certificates.Add(new Certificate(
                    CertificateSerial.Create("STAT", certified.Year, ++sequence8), VerificationCode.Generate(), entity.Id, entity.LearnerId, entity.CourseId,
                    "学员", "350***********1234", "课程", "焊工", "6-18-02-04", SkillLevel.Level5, 1m, record.CompletedAt ?? certified, certified));
            }

            if (record.RedeemedAt is { } redeemed)
            {
                // One voucher per learner and batch: each redemption gets a batch of its own.
                var batch = new VoucherBatch(
                    "stat batch", "工会经费", FaceValue, 1,
                    new VoucherTerms([], [], [], [], false, new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31)), StaffId, redeemed);
                db.VoucherBatches.Add(batch);
                await db.SaveChangesAsync();
                var voucher = new Voucher(batch.Id, VoucherCode.Generate());
                db.Vouchers.Add(voucher);
                await db.SaveChangesAsync();
                await db.Vouchers.Where(v => v.Id == voucher.Id).ExecuteUpdateAsync(set => set
                    .SetProperty(v => v.Status, VoucherStatus.Redeemed).SetProperty(v => v.LearnerId, entity.LearnerId)
                    .SetProperty(v => v.EnrolmentId, entity.Id).SetProperty(v => v.RedeemedAt, redeemed));
            }
        }

        await db.SaveChangesAsync();
        foreach (var (record, entity) in attempts)
        {
            await db.QuizAttempts.Where(a => a.Id == entity.Id).ExecuteUpdateAsync(set => set
                .SetProperty(a => a.Status, AttemptStatus.Submitted).SetProperty(a => a.ClosedAt, record.ClosedAt)
                .SetProperty(a => a.Passed, record.Passed).SetProperty(a => a.ScorePercent, record.Passed ? 80 : 40));
        }
    }

    /// <summary>The figures for a filter, computed straight from the history (the oracle).</summary>
    public StatisticsMeasures Expected(History history, StatisticsFilter filter)
    {
        bool Within(DateTimeOffset at) => Calendar.DayOf(at) >= filter.From && Calendar.DayOf(at) <= filter.To;
        bool Matches(int learner, int course)
        {
            var l = Learners[learner];
            var c = Courses[course];
            return l.RegionCode.StartsWith(filter.RegionPrefix, StringComparison.Ordinal)
                && (filter.OccupationId is null || filter.OccupationId == c.OccupationId)
                && (filter.SkillLevel is null || filter.SkillLevel == c.Level)
                && (filter.EnterpriseId is null || filter.EnterpriseId == l.EnterpriseId)
                && (filter.CourseId is null || filter.CourseId == c.Id);
        }

        var segments = history.Segments.Where(s => Within(s.At) && Matches(s.Learner, s.Course)).ToList();
        var enrolments = history.Enrolments.Where(e => Matches(e.Learner, e.Course)).ToList();
        var attempts = history.Attempts.Where(a => Within(a.ClosedAt) && Matches(a.Learner, a.Course)).ToList();
        return new StatisticsMeasures(
            PersonTimes: segments.Select(s => (s.Learner, s.Course)).Distinct().Count(),
            Learners: segments.Select(s => s.Learner).Distinct().Count(),
            CreditedSeconds: segments.Sum(s => (long)s.Seconds),
            NewEnrolments: enrolments.Count(e => Within(e.EnrolledAt)),
            Completions: enrolments.Count(e => e.CompletedAt is { } c && Within(c)),
            Certificates: enrolments.Count(e => e.CertifiedAt is { } c && Within(c)),
            QuizAttempts: attempts.Count,
            QuizPasses: attempts.Count(a => a.Passed),
            VouchersRedeemed: enrolments.Count(e => e.RedeemedAt is { } r && Within(r)),
            VoucherAmountFen: enrolments.Count(e => e.RedeemedAt is { } r && Within(r)) * (long)(FaceValue * 100));
    }

    public sealed record Learner(Guid Id, string RegionCode, int EnterpriseId);

    public sealed record CourseInfo(int Id, int OccupationId, SkillLevel Level);

    public sealed record Segment(int Learner, int Course, DateTimeOffset At, int Seconds);

    public sealed record EnrolmentRecord(int Learner, int Course, DateTimeOffset EnrolledAt, DateTimeOffset? CompletedAt, DateTimeOffset? CertifiedAt, DateTimeOffset? RedeemedAt);

    public sealed record AttemptRecord(int Learner, int Course, DateTimeOffset ClosedAt, bool Passed);

    public sealed record History(IReadOnlyList<Segment> Segments, IReadOnlyList<EnrolmentRecord> Enrolments, IReadOnlyList<AttemptRecord> Attempts)
    {
        public override string ToString() => $"{Segments.Count} segments, {Enrolments.Count} enrolments, {Attempts.Count} attempts";
    }
}
