using Microsoft.EntityFrameworkCore;
using SkillsAcademy.Domain.Learning;
using SkillsAcademy.Domain.Vouchers;
using SkillsAcademy.Web.Features.Learning;

namespace SkillsAcademy.IntegrationTests.Features.Vouchers;

/// <summary>
/// Two application processes (real OS processes, tests/SkillsAcademy.AppProcess) on the SQLite file of this
/// test's host fire 100 redemption attempts at once, 50 each, through the service the My vouchers page calls,
/// then both run the redemption job at the same moment. Whatever the interleaving, each voucher pays once and
/// every attempt that lost is told so.
/// </summary>
public sealed class VoucherMultiProcessTests(VoucherAppFixture app) : IClassFixture<VoucherAppFixture>
{
    private const string Course = "WELD-L5-SMAW";
    private const int AttemptsPerSingleVoucher = 16;
    private const int AttemptsPerTwinVoucher = 10;

    [Fact]
    public async Task Hundred_attempts_from_two_processes_redeem_each_voucher_once_and_refuse_the_rest_clearly()
    {
        // Five learners with one voucher each, and one learner holding two vouchers (two batches) for the same course.
        var singles = new List<(TestLearner Learner, int VoucherId)>();
        var batchId = await app.NewBatchAsync(quantity: 5, faceValue: 120m);
        for (var i = 0; i < 5; i++)
        {
            var learner = await app.NewLearnerAsync();
            singles.Add((learner, (await app.IssueAsync(batchId, learner)).Single()));
        }

        var twin = await app.NewLearnerAsync();
        int[] twinVouchers = [(await app.IssueAsync(await app.NewBatchAsync(quantity: 1, faceValue: 80m), twin)).Single(),
            (await app.IssueAsync(await app.NewBatchAsync(quantity: 1, faceValue: 80m), twin)).Single()];

        var enrolmentsBefore = await EnrolmentCountAsync();

        // Every voucher is attempted from both processes in turn; each process's list is shuffled (fixed seed).
        var plans = new List<object>[] { [], [] };
        var random = new Random(7);
        var attemptsFor = new Dictionary<Guid, int>();
        void Plan(TestLearner learner, int voucherId, int count)
        {
            for (var i = 0; i < count; i++)
            {
                var key = Guid.NewGuid();
                attemptsFor[key] = voucherId;
                plans[i % 2].Add(new { learnerId = learner.Id, voucherId, course = Course, key });
            }
        }

        foreach (var (learner, voucherId) in singles)
        {
            Plan(learner, voucherId, AttemptsPerSingleVoucher);
        }

        Plan(twin, twinVouchers[0], AttemptsPerTwinVoucher);
        Plan(twin, twinVouchers[1], AttemptsPerTwinVoucher);
        plans.Select(p => p.Count).ShouldBe([50, 50]);

        var processes = await AppProcess.StartManyAsync(2, app.DataDirectory, app.Time.GetUtcNow());
        await using var first = processes[0];
        await using var second = processes[1];
        for (var p = 0; p < 2; p++)
        {
            var loaded = await processes[p].AskAsync(new { name = "load", attempts = plans[p].OrderBy(_ => random.Next()).ToList() });
            loaded.GetProperty("loaded").GetInt32().ShouldBe(50);
        }

        // Both processes are warm and loaded: "go" reaches them within a millisecond of each other.
        await Task.WhenAll(processes.Select(p => p.SendAsync(new { name = "go" })));
        var answers = await Task.WhenAll(processes.Select(p => p.ReadAnswerAsync()));
        var outcomes = answers.SelectMany(a => a.GetProperty("outcomes").EnumerateArray())
            .Select(o => new Outcome(
                o.GetProperty("key").GetGuid(),
                o.GetProperty("status").GetString(),
                o.GetProperty("refusal").GetString(),
                o.GetProperty("error").GetString()))
            .ToList();

        var windows = answers.Select(a => (Start: a.GetProperty("started").GetInt64(), End: a.GetProperty("finished").GetInt64(), Hz: a.GetProperty("frequency").GetInt64())).ToList();
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join("; ", windows.Select((w, i) =>
            $"process {processes[i].Id}: {(w.Start - windows.Min(x => x.Start)) * 1000.0 / w.Hz:0.0}–{(w.End - windows.Min(x => x.Start)) * 1000.0 / w.Hz:0.0} ms")));
        outcomes.Count.ShouldBe(100);
        outcomes.Where(o => o.Error is not null).Select(o => o.Error).ShouldBeEmpty("no attempt may fail with an error; losers are refused");
        foreach (var voucherId in singles.Select(s => s.VoucherId).Concat(twinVouchers))
        {
            var forVoucher = outcomes.Where(o => attemptsFor[o.Key] == voucherId).ToList();
            forVoucher.Count(o => o.Status == nameof(RedemptionRequestStatus.Pending)).ShouldBe(1, $"voucher {voucherId}: one attempt wins");
            forVoucher.Where(o => o.Status != nameof(RedemptionRequestStatus.Pending))
                .ShouldAllBe(o => o.Status == nameof(RedemptionRequestStatus.Rejected) && o.Refusal == nameof(VoucherRefusal.AlreadyUsed));
        }

        // Both processes run the redemption job at the same moment: seven requests, each decided once.
        await Task.WhenAll(processes.Select(p => p.SendAsync(new { name = "run-job" })));
        var decided = (await Task.WhenAll(processes.Select(p => p.ReadAnswerAsync()))).Sum(a => a.GetProperty("decided").GetInt32());
        decided.ShouldBe(7);
        (await first.AskAsync(new { name = "run-job" })).GetProperty("decided").GetInt32().ShouldBe(0);

        await using var db = await app.DbAsync();
        var winners = outcomes.Where(o => o.Status == nameof(RedemptionRequestStatus.Pending)).Select(o => o.Key).ToList();
        var requests = await db.RedemptionRequests.AsNoTracking().Where(r => r.LearnerId == twin.Id || singles.Select(s => s.Learner.Id).Contains(r.LearnerId)).ToListAsync();
        requests.Select(r => r.IdempotencyKey).ShouldBe(winners, ignoreOrder: true);
        foreach (var (learner, voucherId) in singles)
        {
            var voucher = await db.Vouchers.AsNoTracking().SingleAsync(v => v.Id == voucherId);
            voucher.Status.ShouldBe(VoucherStatus.Redeemed);
            var enrolment = await db.Enrolments.AsNoTracking().SingleAsync(e => e.LearnerId == learner.Id);
            voucher.EnrolmentId.ShouldBe(enrolment.Id);
            (await db.SettlementEntries.CountAsync(s => s.VoucherId == voucherId)).ShouldBe(1);
            await ShouldHaveOneEnrolmentAndOneRedemptionEventAsync(learner);
        }

        // The learner with two vouchers: one enrolment, one voucher spent, the other handed back with the reason.
        (await db.Enrolments.CountAsync(e => e.LearnerId == twin.Id)).ShouldBe(1);
        var twins = await db.Vouchers.AsNoTracking().Where(v => twinVouchers.Contains(v.Id)).ToListAsync();
        twins.Count(v => v.Status == VoucherStatus.Redeemed).ShouldBe(1);
        twins.Single(v => v.Status != VoucherStatus.Redeemed).ShouldSatisfyAllConditions(
            v => v.Status.ShouldBe(VoucherStatus.Assigned),
            v => v.LastRefusal.ShouldBe(VoucherRefusal.AlreadyEnrolled));
        requests.Where(r => r.LearnerId == twin.Id).Select(r => (r.Status, r.Refusal)).ShouldBe(
            [(RedemptionRequestStatus.Redeemed, VoucherRefusal.None), (RedemptionRequestStatus.Rejected, VoucherRefusal.AlreadyEnrolled)], ignoreOrder: true);
        (await db.SettlementEntries.CountAsync(s => twinVouchers.Contains(s.VoucherId))).ShouldBe(1);
        await ShouldHaveOneEnrolmentAndOneRedemptionEventAsync(twin);
        (await EnrolmentCountAsync()).ShouldBe(enrolmentsBefore + 6);
    }

    private async Task<int> EnrolmentCountAsync()
    {
        await using var db = await app.DbAsync();
        return await db.Courses.Where(c => c.Code == Course).Select(c => c.EnrolmentCount).SingleAsync();
    }

    private async Task ShouldHaveOneEnrolmentAndOneRedemptionEventAsync(TestLearner learner)
    {
        var records = app.Service<LearningRecords>();
        (await records.ListAsync(learner.Id)).Select(e => e.Kind).ShouldBe([LearningEventKind.Enrolled, LearningEventKind.VoucherRedeemed]);
        (await records.VerifyAsync(learner.Id)).IsValid.ShouldBeTrue();
    }

    private sealed record Outcome(Guid Key, string? Status, string? Refusal, string? Error);
}
