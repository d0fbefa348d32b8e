using System.Diagnostics;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillsAcademy.Domain.People;
using SkillsAcademy.Domain.Vouchers;
using SkillsAcademy.Infrastructure.Identity;
using SkillsAcademy.Infrastructure.Persistence;
using SkillsAcademy.TestUtilities;
using SkillsAcademy.Web.Features.Learning;
using SkillsAcademy.Web.Features.Vouchers;

namespace SkillsAcademy.IntegrationTests.Features.Vouchers;

/// <summary>
/// A second application process, started from the built web app on the same SQLite files, runs the redemption
/// job and is killed with SIGKILL halfway; this process then re-runs the job. Nothing is lost, nothing doubles.
/// </summary>
public sealed class VoucherProcessKillTests : IAsyncLifetime
{
    private const int Requests = 1_500;
    private readonly TestDataDirectory _data = new();
    private SkillsAcademyWebFactory _factory = default!;

    public ValueTask InitializeAsync()
    {
        _factory = new SkillsAcademyWebFactory(_data.Path, new Dictionary<string, string?> { ["Jobs:RunServer"] = "false" });
        _factory.Server.ShouldNotBeNull();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Killing_a_process_in_the_middle_of_the_redemption_job_loses_nothing_and_doubles_nothing()
    {
        var learners = await SeedPendingRequestsAsync();
        using var worker = StartWorkerProcess();
        try
        {
            _factory.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<VoucherRedemptionJob>(job => job.RunAsync(CancellationToken.None));
            var decided = 0;
            var deadline = DateTime.UtcNow.AddMinutes(3);
            while (decided < 50)
            {
                (DateTime.UtcNow < deadline && !worker.HasExited).ShouldBeTrue("the worker process did not start deciding requests");
                await Task.Delay(100);
                decided = await CountAsync(RedemptionRequestStatus.Redeemed);
            }

            // SIGKILL: no shutdown, no rollback by the app; whatever transaction was open is left to SQLite.
            worker.Kill(entireProcessTree: true);
            await worker.WaitForExitAsync();
        }
        finally
        {
            if (!worker.HasExited)
            {
                worker.Kill(entireProcessTree: true);
            }
        }

        var beforeRerun = await CountAsync(RedemptionRequestStatus.Redeemed);
        beforeRerun.ShouldBeLessThan(Requests, "the worker finished before it was killed; the test proves nothing");
        await _factory.Services.CreateScope().ServiceProvider.GetRequiredService<VoucherRedemptionJob>().RunAsync(CancellationToken.None);

        await using var db = await DbAsync();
        (await db.RedemptionRequests.CountAsync(r => r.Status == RedemptionRequestStatus.Pending)).ShouldBe(0);
        (await CountAsync(RedemptionRequestStatus.Redeemed)).ShouldBe(Requests);
        (await db.Vouchers.CountAsync(v => v.Status == VoucherStatus.Redeemed)).ShouldBe(Requests);
        (await db.SettlementEntries.CountAsync()).ShouldBe(Requests);
        (await db.SettlementEntries.Select(s => s.VoucherId).Distinct().CountAsync()).ShouldBe(Requests);
        (await db.Enrolments.CountAsync(e => learners.Contains(e.LearnerId))).ShouldBe(Requests);
        (await db.SettlementEntries.Select(s => s.Amount).ToListAsync()).Sum().ShouldBe(Requests * 88.80m);
        var records = _factory.Services.CreateScope().ServiceProvider.GetRequiredService<LearningRecords>();
        foreach (var learner in learners.Take(50))
        {
            (await records.VerifyAsync(learner)).IsValid.ShouldBeTrue();
        }
    }

    private Process StartWorkerProcess()
    {
        var app = WebAppProcess.AppDirectory;
        File.Exists(Path.Combine(app, "SkillsAcademy.Web.dll")).ShouldBeTrue($"build the solution in {WebAppProcess.BuildConfiguration} first");
        var start = new ProcessStartInfo("dotnet", "SkillsAcademy.Web.dll")
        {
            WorkingDirectory = app,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in SkillsAcademyWebFactory.DefaultSettings(_data.Path))
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value ?? "";
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["Jobs__RunServer"] = "true";
        var process = Process.Start(start)!;
        // Drain the pipes so the child never blocks on a full buffer.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task<List<Guid>> SeedPendingRequestsAsync()
    {
        await using var db = await DbAsync();
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var courseId = await db.Courses.Where(c => c.Code == "WELD-L5-SMAW").Select(c => c.Id).SingleAsync();
        var enterprise = new Enterprise("福州示例机械有限公司", "350102");
        db.Enterprises.Add(enterprise);
        var learners = Enumerable.Range(0, Requests).Select(i => new ApplicationUser
        {
            Id = Guid.CreateVersion7(), UserName = $"kill-{i}", NormalizedUserName = $"KILL-{i}", DisplayName = "职工", CreatedAt = now,
            SecurityStamp = Guid.NewGuid().ToString(),
        }).ToList();
        db.Users.AddRange(learners);
        await db.SaveChangesAsync();
        foreach (var learner in learners)
        {
            var profile = new LearnerProfile(learner.Id);
            profile.Update("陈建华", "protected", learner.Id.ToString("N"), "350***********1234", enterprise.Id, "350102", true, now);
            db.LearnerProfiles.Add(profile);
        }

        var batch = new VoucherBatch("进程终止测试", "工会职工教育经费", 88.80m, Requests,
            new VoucherTerms([], [], [], [], false, today.AddDays(-1), today.AddDays(30)), learners[0].Id, now);
        db.VoucherBatches.Add(batch);
        await db.SaveChangesAsync();
        db.Vouchers.AddRange(Enumerable.Range(0, Requests).Select(_ => new Voucher(batch.Id, VoucherCode.Generate())));
        await db.SaveChangesAsync();

        await using var transaction = await db.Database.BeginTransactionAsync();
        var voucherIds = await db.Vouchers.Where(v => v.BatchId == batch.Id).OrderBy(v => v.Id).Select(v => v.Id).ToListAsync();
        for (var i = 0; i < Requests; i++)
        {
            var (voucherId, learnerId) = (voucherIds[i], learners[i].Id);
            await db.Vouchers.Where(v => v.Id == voucherId).ExecuteUpdateAsync(set => set
                .SetProperty(v => v.Status, VoucherStatus.Reserved)
                .SetProperty(v => v.LearnerId, learnerId));
            db.RedemptionRequests.Add(new RedemptionRequest(Guid.NewGuid(), voucherId, learnerId, courseId, now));
        }

        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return learners.Select(l => l.Id).ToList();
    }

    private async Task<int> CountAsync(RedemptionRequestStatus status)
    {
        await using var db = await DbAsync();
        return await db.RedemptionRequests.CountAsync(r => r.Status == status);
    }

    private Task<SkillsAcademyDbContext> DbAsync() =>
        _factory.Services.GetRequiredService<IDbContextFactory<SkillsAcademyDbContext>>().CreateDbContextAsync();

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        _data.Dispose();
    }
}
