using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SkillsAcademy.Domain.Catalog;
using SkillsAcademy.Domain.People;
using SkillsAcademy.Domain.Vouchers;
using SkillsAcademy.Infrastructure.Identity;
using SkillsAcademy.Infrastructure.Persistence;
using SkillsAcademy.Web.Features.Vouchers;
using SkillsAcademy.Web.Platform;

namespace SkillsAcademy.Benchmarks;

/// <summary>
/// 10,000 pending redemption requests decided by <see cref="VoucherRedemptionJob"/> (batched listing, per-request
/// transaction, failure isolation) against a plain loop calling the same handler, <see cref="VoucherRedemptions"/>,
/// for ids read once. Each iteration starts from a copy of the same seeded SQLite file.
/// </summary>
[Config(typeof(OneShotInProcess))]
public class VoucherRedemptionBenchmarks
{
    private const int Requests = 10_000;
    private string _folder = "";
    private string _template = "";
    private PooledDbContextFactory<SkillsAcademyDbContext> _factory = default!;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "skillsacademy-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        _template = Path.Combine(_folder, "template.db");
        var factory = Factory(_template);
        using (var db = factory.CreateDbContext())
        {
            db.Database.Migrate();
        }

        Seed(factory);
        SqliteConnection.ClearAllPools();
    }

    [IterationSetup]
    public void CopyTemplate()
    {
        SqliteConnection.ClearAllPools();
        var working = Path.Combine(_folder, $"run-{Guid.NewGuid():N}.db");
        File.Copy(_template, working);
        _factory = Factory(working);
    }

    [Benchmark(Baseline = true)]
    public async Task<int> PlainLoopOverTheHandler()
    {
        var handler = Handler();
        var decided = 0;
        foreach (var id in await handler.ListPendingAsync(int.MaxValue, 0))
        {
            if (await handler.ProcessAsync(id) == RedemptionDecision.Redeemed)
            {
                decided++;
            }
        }

        return Check(decided);
    }

    [Benchmark]
    public async Task<int> RedemptionJob() =>
        Check(await new VoucherRedemptionJob(Handler(), NullLogger<VoucherRedemptionJob>.Instance).RunAsync(CancellationToken.None));

    [GlobalCleanup]
    public void Cleanup()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>
    /// One cold run of each (10,000 redemptions take minutes, so repetitions add little), in this process: the
    /// out-of-process build of BenchmarkDotNet exceeds its two-minute limit on the shared 2-core machine.
    /// </summary>
    private sealed class OneShotInProcess : ManualConfig
    {
        public OneShotInProcess() =>
            AddJob(Job.Default
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(0)
                .WithIterationCount(1)
                .WithInvocationCount(1)
                .WithUnrollFactor(1)
                .WithToolchain(InProcessEmitToolchain.Instance));
    }

    private static int Check(int decided) =>
        decided == Requests ? decided : throw new InvalidOperationException($"{decided} of {Requests} requests were redeemed.");

    private VoucherRedemptions Handler() =>
        new(_factory, new NoRedemptionProbe(), TimeProvider.System, Options.Create(new PlatformOptions()), NullLogger<VoucherRedemptions>.Instance);

    private static PooledDbContextFactory<SkillsAcademyDbContext> Factory(string path)
    {
        var options = new DbContextOptionsBuilder<SkillsAcademyDbContext>();
        options.UseSkillsAcademyDatabase(DatabaseProvider.Sqlite, $"Data Source={path};Default Timeout=30");
        return new PooledDbContextFactory<SkillsAcademyDbContext>(options.Options);
    }

    private static void Seed(PooledDbContextFactory<SkillsAcademyDbContext> factory)
    {
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        using var db = factory.CreateDbContext();
        db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
        db.Regions.Add(new Region("350102", "鼓楼区"));
        var occupation = new Occupation("6-18-02-04", "焊工", "Welder");
        db.Occupations.Add(occupation);
        var enterprise = new Enterprise("福州示例机械有限公司", "350102");
        db.Enterprises.Add(enterprise);
        db.SaveChanges();

        var course = new Course("BENCH-WELD", occupation.Id, SkillLevel.Level5, voucherEligible: true, ownerId: null, now);
        course.Publish(course.AddVersion(new CourseVersion(1, "焊工基础", "基准测试课程", occupation.Id, SkillLevel.Level5, true, now)), now);
        db.Courses.Add(course);
        var learners = Enumerable.Range(0, Requests).Select(i => new ApplicationUser
        {
            Id = Guid.CreateVersion7(), UserName = $"bench-{i}", NormalizedUserName = $"BENCH-{i}", DisplayName = "职工", CreatedAt = now,
            SecurityStamp = Guid.NewGuid().ToString(),
        }).ToList();
        db.Users.AddRange(learners);
        db.SaveChanges();
        foreach (var learner in learners)
        {
            var profile = new LearnerProfile(learner.Id);
            profile.Update("陈建华", "protected", learner.Id.ToString("N"), "350***********1234", enterprise.Id, "350102", true, now);
            db.LearnerProfiles.Add(profile);
        }

        var batch = new VoucherBatch("基准批次", "工会职工教育经费", 300m, Requests,
            new VoucherTerms([], [], [], [], false, today.AddDays(-1), today.AddDays(30)), learners[0].Id, now);
        db.VoucherBatches.Add(batch);
        db.SaveChanges();
        db.Vouchers.AddRange(Enumerable.Range(0, Requests).Select(_ => new Voucher(batch.Id, VoucherCode.Generate())));
        db.SaveChanges();

        using var transaction = db.Database.BeginTransaction();
        var voucherIds = db.Vouchers.OrderBy(v => v.Id).Select(v => v.Id).ToList();
        for (var i = 0; i < Requests; i++)
        {
            var (voucherId, learnerId) = (voucherIds[i], learners[i].Id);
            db.Vouchers.Where(v => v.Id == voucherId).ExecuteUpdate(set => set
                .SetProperty(v => v.Status, VoucherStatus.Reserved)
                .SetProperty(v => v.LearnerId, learnerId));
            db.RedemptionRequests.Add(new RedemptionRequest(Guid.NewGuid(), voucherId, learnerId, course.Id, now));
        }

        db.SaveChanges();
        transaction.Commit();
        db.Database.ExecuteSqlRaw("PRAGMA wal_checkpoint(TRUNCATE);");
    }
}
