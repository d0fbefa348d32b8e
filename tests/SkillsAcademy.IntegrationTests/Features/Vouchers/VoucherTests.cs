using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using SkillsAcademy.Domain.Learning;
using SkillsAcademy.Domain.Vouchers;
using SkillsAcademy.TestUtilities;
using SkillsAcademy.Web.Features.Learning;
using SkillsAcademy.Web.Features.Vouchers;

namespace SkillsAcademy.IntegrationTests.Features.Vouchers;

public sealed class VoucherTests(VoucherAppFixture app) : IClassFixture<VoucherAppFixture>
{
    private const string Course = "WELD-L5-SMAW";

    private VoucherService Vouchers => app.Service<VoucherService>();

    private Task<int> RunJobAsync() => app.Service<VoucherRedemptionJob>().RunAsync(CancellationToken.None);

    private async Task<(TestLearner Learner, int VoucherId)> LearnerWithVoucherAsync(int? batchId = null)
    {
        var learner = await app.NewLearnerAsync();
        var voucherId = (await app.IssueAsync(batchId ?? await app.NewBatchAsync(quantity: 1), learner)).Single();
        return (learner, voucherId);
    }

    [Fact]
    public async Task Hundred_concurrent_requests_for_one_voucher_make_one_enrolment_and_one_ledger_line_the_others_are_already_used()
    {
        var (learner, voucherId) = await LearnerWithVoucherAsync();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(() =>
            app.Service<VoucherService>().RequestRedemptionAsync(learner.Id, voucherId, Course, Guid.NewGuid()))));
        await RunJobAsync();

        outcomes.Count(o => o.Status == RedemptionRequestStatus.Pending).ShouldBe(1);
        outcomes.Where(o => o.Status != RedemptionRequestStatus.Pending).ShouldAllBe(o => o.Refusal == VoucherRefusal.AlreadyUsed);
        await using var db = await app.DbAsync();
        (await db.Enrolments.CountAsync(e => e.LearnerId == learner.Id)).ShouldBe(1);
        (await db.SettlementEntries.CountAsync(s => s.VoucherId == voucherId)).ShouldBe(1);
        (await db.RedemptionRequests.CountAsync(r => r.VoucherId == voucherId)).ShouldBe(1);
        var voucher = await db.Vouchers.SingleAsync(v => v.Id == voucherId);
        voucher.Status.ShouldBe(VoucherStatus.Redeemed);
        voucher.EnrolmentId.ShouldNotBeNull();
        var events = await app.Service<LearningRecords>().ListAsync(learner.Id);
        events.Select(e => e.Kind).ShouldBe([LearningEventKind.Enrolled, LearningEventKind.VoucherRedeemed]);
        events[1].Data["amount"].ShouldBe("300.00");
        (await app.Service<LearningRecords>().VerifyAsync(learner.Id)).IsValid.ShouldBeTrue();
        (await app.Service<LearningProgressService>().ListMyCoursesAsync(learner.Id)).ShouldHaveSingleItem().Code.ShouldBe(Course);
    }

    [Fact]
    public async Task A_double_tap_with_the_same_key_makes_one_request_and_both_taps_see_it()
    {
        var (learner, voucherId) = await LearnerWithVoucherAsync();
        var key = Guid.NewGuid();

        var taps = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Task.Run(() =>
            app.Service<VoucherService>().RequestRedemptionAsync(learner.Id, voucherId, Course, key))));
        var afterReconnect = await Vouchers.RequestRedemptionAsync(learner.Id, voucherId, Course, key);

        taps.ShouldAllBe(o => o.Status == RedemptionRequestStatus.Pending);
        afterReconnect.Status.ShouldBe(RedemptionRequestStatus.Pending);
        await using var db = await app.DbAsync();
        (await db.RedemptionRequests.CountAsync(r => r.VoucherId == voucherId)).ShouldBe(1);
        await RunJobAsync();
        (await Vouchers.RequestRedemptionAsync(learner.Id, voucherId, Course, key)).Status.ShouldBe(RedemptionRequestStatus.Redeemed);
    }

    [Fact]
    public async Task Two_job_runs_at_once_redeem_every_pending_request_exactly_once()
    {
        var batchId = await app.NewBatchAsync(quantity: 20, faceValue: 150m);
        var learners = new List<TestLearner>();
        for (var i = 0; i < 20; i++)
        {
            learners.Add(await app.NewLearnerAsync());
        }

        var voucherIds = await app.IssueAsync(batchId, [.. learners]);
        for (var i = 0; i < learners.Count; i++)
        {
            (await Vouchers.RequestRedemptionAsync(learners[i].Id, voucherIds[i], Course, Guid.NewGuid())).Status.ShouldBe(RedemptionRequestStatus.Pending);
        }

        var decided = await Task.WhenAll(Task.Run(RunJobAsync), Task.Run(RunJobAsync));

        decided.Sum().ShouldBe(20);
        await using var db = await app.DbAsync();
        (await db.SettlementEntries.CountAsync(s => s.BatchId == batchId)).ShouldBe(20);
        (await db.Vouchers.CountAsync(v => v.BatchId == batchId && v.Status == VoucherStatus.Redeemed)).ShouldBe(20);
        var ids = learners.Select(l => l.Id).ToList();
        (await db.Enrolments.CountAsync(e => ids.Contains(e.LearnerId))).ShouldBe(20);
        (await RunJobAsync()).ShouldBe(0);
    }

    [Theory]
    [InlineData(RedemptionStep.RequestClaimed)]
    [InlineData(RedemptionStep.Enrolled)]
    [InlineData(RedemptionStep.VoucherRedeemed)]
    [InlineData(RedemptionStep.BeforeCommit)]
    public async Task A_crash_at_any_step_loses_nothing_and_the_rerun_redeems_once(RedemptionStep crashAt)
    {
        var (learner, voucherId) = await LearnerWithVoucherAsync();
        await Vouchers.RequestRedemptionAsync(learner.Id, voucherId, Course, Guid.NewGuid());
        long requestId;
        await using (var db = await app.DbAsync())
        {
            requestId = await db.RedemptionRequests.Where(r => r.VoucherId == voucherId).Select(r => r.Id).SingleAsync();
        }

        using var scope = app.Factory.Services.CreateScope();
        var crashing = ActivatorUtilities.CreateInstance<VoucherRedemptions>(scope.ServiceProvider, new CrashAt(crashAt));
        await Should.ThrowAsync<SimulatedCrashException>(() => crashing.ProcessAsync(requestId));

        await using (var db = await app.DbAsync())
        {
            (await db.RedemptionRequests.SingleAsync(r => r.Id == requestId)).Status.ShouldBe(RedemptionRequestStatus.Pending);
            (await db.Vouchers.SingleAsync(v => v.Id == voucherId)).Status.ShouldBe(VoucherStatus.Reserved);
            (await db.Enrolments.CountAsync(e => e.LearnerId == learner.Id)).ShouldBe(0);
            (await db.SettlementEntries.CountAsync(s => s.VoucherId == voucherId)).ShouldBe(0);
            (await db.LearningEvents.CountAsync(e => e.LearnerId == learner.Id)).ShouldBe(0);
        }

        await RunJobAsync();
        await RunJobAsync();

        await using (var db = await app.DbAsync())
        {
            (await db.Vouchers.SingleAsync(v => v.Id == voucherId)).Status.ShouldBe(VoucherStatus.Redeemed);
            (await db.Enrolments.CountAsync(e => e.LearnerId == learner.Id)).ShouldBe(1);
            (await db.SettlementEntries.CountAsync(s => s.VoucherId == voucherId)).ShouldBe(1);
        }

        (await app.Service<LearningRecords>().VerifyAsync(learner.Id)).IsValid.ShouldBeTrue();
    }

    [Fact]
    public async Task Another_learners_voucher_is_refused_as_foreign_and_stays_with_its_owner()
    {
        var (owner, voucherId) = await LearnerWithVoucherAsync();
        var stranger = await app.NewLearnerAsync();

        var outcome = await Vouchers.RequestRedemptionAsync(stranger.Id, voucherId, Course, Guid.NewGuid());

        outcome.ShouldBe(RedemptionRequestOutcome.Refused(VoucherRefusal.Foreign));
        (await Vouchers.ListMyVouchersAsync(owner.Id)).ShouldHaveSingleItem().Status.ShouldBe(VoucherStatus.Assigned);
    }

    [Fact]
    public async Task A_void_voucher_is_refused_and_the_void_is_audited_with_its_reason()
    {
        var (learner, voucherId) = await LearnerWithVoucherAsync();
        string code;
        await using (var db = await app.DbAsync())
        {
            code = await db.Vouchers.Where(v => v.Id == voucherId).Select(v => v.Code).SingleAsync();
        }

        (await Vouchers.VoidAsync(app.StaffId, VoucherCode.Display(code).ToLowerInvariant(), "  ")).ShouldBe(VoidOutcome.ReasonRequired);
        (await Vouchers.VoidAsync(app.StaffId, VoucherCode.Display(code).ToLowerInvariant(), "职工已离职")).ShouldBe(VoidOutcome.Voided);
        (await Vouchers.VoidAsync(app.StaffId, code, "再次作废")).ShouldBe(VoidOutcome.AlreadyVoid);

        (await Vouchers.RequestRedemptionAsync(learner.Id, voucherId, Course, Guid.NewGuid())).Refusal.ShouldBe(VoucherRefusal.Void);
        await using var check = await app.DbAsync();
        var audit = await check.VoucherAuditEntries.SingleAsync(a => a.VoucherId == voucherId);
        (audit.From, audit.To, audit.Reason, audit.ActorId).ShouldBe((VoucherStatus.Assigned, VoucherStatus.Void, "职工已离职", app.StaffId));
    }

    [Fact]
    public async Task A_redeemed_voucher_cannot_be_voided()
    {
        var (learner, voucherId) = await LearnerWithVoucherAsync();
        await Vouchers.RequestRedemptionAsync(learner.Id, voucherId, Course, Guid.NewGuid());
        await RunJobAsync();
        await using var db = await app.DbAsync();
        var code = await db.Vouchers.Where(v => v.Id == voucherId).Select(v => v.Code).SingleAsync();

        (await Vouchers.VoidAsync(app.StaffId, code, "误操作")).ShouldBe(VoidOutcome.AlreadyRedeemed);
    }

    [Fact]
    public async Task Ineligible_courses_regions_members_and_incomplete_profiles_are_refused_with_the_reason()
    {
        var weldingOnly = await app.NewBatchAsync(quantity: 5, courseIds: [await app.CourseIdAsync(Course)]);
        var (learner, voucherId) = await LearnerWithVoucherAsync(weldingOnly);
        (await Vouchers.RequestRedemptionAsync(learner.Id, voucherId, "FIT-L5-BENCH", Guid.NewGuid())).Refusal.ShouldBe(VoucherRefusal.CourseNotEligible);

        var xiamenOnly = await app.NewBatchAsync(quantity: 5, regions: ["350200"]);
        var (fuzhou, fuzhouVoucher) = await LearnerWithVoucherAsync(xiamenOnly);
        (await Vouchers.RequestRedemptionAsync(fuzhou.Id, fuzhouVoucher, Course, Guid.NewGuid())).Refusal.ShouldBe(VoucherRefusal.RegionNotEligible);

        var members = await app.NewBatchAsync(quantity: 5, unionOnly: true);
        var nonMember = await app.NewLearnerAsync(unionMember: false);
        var nonMemberVoucher = (await app.IssueAsync(members, nonMember)).Single();
        (await Vouchers.RequestRedemptionAsync(nonMember.Id, nonMemberVoucher, Course, Guid.NewGuid())).Refusal.ShouldBe(VoucherRefusal.UnionMembersOnly);

        var anyone = await app.NewBatchAsync(quantity: 5);
        var anonymous = await app.NewLearnerAsync(profile: false);
        var anonymousVoucher = (await app.IssueAsync(anyone, anonymous)).Single();
        (await Vouchers.RequestRedemptionAsync(anonymous.Id, anonymousVoucher, Course, Guid.NewGuid())).Refusal.ShouldBe(VoucherRefusal.ProfileIncomplete);

        await using var db = await app.DbAsync();
        int[] refused = [voucherId, fuzhouVoucher, nonMemberVoucher, anonymousVoucher];
        (await db.Vouchers.CountAsync(v => refused.Contains(v.Id) && v.Status == VoucherStatus.Assigned)).ShouldBe(4);
        (await db.RedemptionRequests.CountAsync(r => refused.Contains(r.VoucherId))).ShouldBe(0);
    }

    [Fact]
    public async Task A_request_the_job_rejects_releases_the_voucher_with_a_reason_the_learner_sees()
    {
        var (learner, voucherId) = await LearnerWithVoucherAsync();
        (await Vouchers.RequestRedemptionAsync(learner.Id, voucherId, Course, Guid.NewGuid())).Status.ShouldBe(RedemptionRequestStatus.Pending);
        // Meanwhile the learner enrolled for free (the sample course is free and voucher-eligible).
        (await app.Service<LearningService>().EnrolAsync(learner.Id, Course)).ShouldBe(EnrolmentOutcome.Enrolled);

        await RunJobAsync();

        var mine = (await Vouchers.ListMyVouchersAsync(learner.Id)).ShouldHaveSingleItem();
        mine.Status.ShouldBe(VoucherStatus.Assigned);
        mine.LastRefusal.ShouldBe(VoucherRefusal.AlreadyEnrolled);
        await using var db = await app.DbAsync();
        (await db.SettlementEntries.CountAsync(s => s.VoucherId == voucherId)).ShouldBe(0);
        (await db.RedemptionRequests.SingleAsync(r => r.VoucherId == voucherId)).Refusal.ShouldBe(VoucherRefusal.AlreadyEnrolled);
    }

    [Fact]
    public async Task Expired_vouchers_are_refused_and_the_expiry_job_expires_issued_and_assigned_but_not_redeemed_ones()
    {
        var batchId = await app.NewBatchAsync(quantity: 4, days: 0);
        var used = await app.NewLearnerAsync();
        var idle = await app.NewLearnerAsync();
        var vouchers = await app.IssueAsync(batchId, used, idle);
        await Vouchers.RequestRedemptionAsync(used.Id, vouchers[0], Course, Guid.NewGuid());
        await RunJobAsync();

        app.Time.Advance(TimeSpan.FromDays(1));
        (await Vouchers.RequestRedemptionAsync(idle.Id, vouchers[1], "FIT-L5-BENCH", Guid.NewGuid())).Refusal.ShouldBe(VoucherRefusal.Expired);
        var expired = await app.Service<VoucherExpiryJob>().RunAsync(CancellationToken.None);

        expired.ShouldBeGreaterThanOrEqualTo(3);
        await using var db = await app.DbAsync();
        var statuses = await db.Vouchers.Where(v => v.BatchId == batchId).GroupBy(v => v.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);
        statuses.ShouldBe(new Dictionary<VoucherStatus, int> { [VoucherStatus.Redeemed] = 1, [VoucherStatus.Expired] = 3 }, ignoreOrder: true);
        (await Vouchers.RequestRedemptionAsync(idle.Id, vouchers[1], "FIT-L5-BENCH", Guid.NewGuid())).Refusal.ShouldBe(VoucherRefusal.Expired);
        (await Vouchers.ClaimAsync(idle.Id, await Vouchers.OpenClaimingAsync(batchId))).ShouldBe(ClaimOutcome.Expired);
    }

    [Fact]
    public async Task Money_adds_up_per_batch_and_the_settlement_names_the_provider()
    {
        await app.ImportCourseAsync("VOUCHER-OWNED-1", voucherRequired: false, ownerId: app.InstructorId);
        var batchId = await app.NewBatchAsync(quantity: 7, faceValue: 123.45m);
        var learners = new List<TestLearner>();
        for (var i = 0; i < 7; i++)
        {
            learners.Add(await app.NewLearnerAsync());
        }

        var vouchers = await app.IssueAsync(batchId, [.. learners]);
        for (var i = 0; i < 7; i++)
        {
            await Vouchers.RequestRedemptionAsync(learners[i].Id, vouchers[i], i < 3 ? "VOUCHER-OWNED-1" : "FIT-L5-BENCH", Guid.NewGuid());
        }

        await RunJobAsync();

        await using var db = await app.DbAsync();
        var amounts = await db.SettlementEntries.Where(s => s.BatchId == batchId).Select(s => s.Amount).ToListAsync();
        amounts.Count.ShouldBe(7);
        amounts.Sum().ShouldBe(7 * 123.45m);
        var lines = (await Vouchers.SettlementAsync("2026-11")).Where(l => l.FundingSource == "工会职工教育经费").ToList();
        var instructorLine = lines.Single(l => l.ProviderId == app.InstructorId);
        instructorLine.Amount.ShouldBeGreaterThanOrEqualTo(3 * 123.45m);
        lines.Sum(l => l.Amount).ShouldBe(await SumOfLedgerAsync("2026-11"));
        lines.Sum(l => l.Redemptions).ShouldBe(await db.SettlementEntries.CountAsync(s => s.Month == "2026-11"));
    }

    private async Task<decimal> SumOfLedgerAsync(string month)
    {
        await using var db = await app.DbAsync();
        return (await db.SettlementEntries.Where(s => s.Month == month).Select(s => s.Amount).ToListAsync()).Sum();
    }

    [Fact]
    public async Task An_import_with_a_rejected_row_issues_nothing_and_reports_each_row_with_its_reason()
    {
        var batchId = await app.NewBatchAsync(quantity: 10);
        var first = await app.NewLearnerAsync();
        var second = await app.NewLearnerAsync();
        var byId = await app.NewLearnerAsync();
        var csv = $"mobile\n{first.Mobile}\n13700000001\n{second.Mobile}\n110105194912310021\n{first.Mobile}\n{byId.IdNumber}\n";

        var report = await Vouchers.ImportAsync(batchId, new MemoryStream(Encoding.UTF8.GetBytes(csv)), "list.csv");

        report.Problem.ShouldBe(ImportProblem.RowsRejected);
        report.Issued.ShouldBe(0);
        report.Rejections.Select(r => (r.Row, r.Problem)).ShouldBe([(3, ImportRowProblem.NoLearner), (5, ImportRowProblem.InvalidIdNumber), (6, ImportRowProblem.Duplicate)]);
        report.Rejections[0].MaskedValue.ShouldBe("137****0001");
        report.Rejections.ShouldAllBe(r => !r.MaskedValue.Contains("1101051949"));
        await using (var db = await app.DbAsync())
        {
            (await db.Vouchers.CountAsync(v => v.BatchId == batchId && v.LearnerId != null)).ShouldBe(0);
        }

        var fixedCsv = $"\uFEFF{first.Mobile}\n{second.Mobile}\n{byId.IdNumber.ToLowerInvariant()}\n";
        var retry = await Vouchers.ImportAsync(batchId, new MemoryStream(Encoding.UTF8.GetBytes(fixedCsv)), "list.csv");

        retry.ShouldBe(new ImportReport(3, 3, null, []), new ImportReportComparer());
        (await Vouchers.ListMyVouchersAsync(byId.Id)).ShouldHaveSingleItem().Status.ShouldBe(VoucherStatus.Assigned);
        var again = await Vouchers.ImportAsync(batchId, new MemoryStream(Encoding.UTF8.GetBytes(fixedCsv)), "list.csv");
        again.Rejections.ShouldAllBe(r => r.Problem == ImportRowProblem.AlreadyHasVoucher);
    }

    [Fact]
    public async Task An_xlsx_import_larger_than_the_stock_is_refused_whole()
    {
        var batchId = await app.NewBatchAsync(quantity: 2);
        var learners = new[] { await app.NewLearnerAsync(), await app.NewLearnerAsync(), await app.NewLearnerAsync() };
        var xlsx = new MemoryStream();
        await xlsx.SaveAsAsync(learners.Select(l => new Dictionary<string, object> { ["手机号"] = l.Mobile }).ToList());
        xlsx.Position = 0;

        var report = await Vouchers.ImportAsync(batchId, xlsx, "名单.xlsx");

        report.Problem.ShouldBe(ImportProblem.NotEnoughStock);
        await using var db = await app.DbAsync();
        (await db.Vouchers.CountAsync(v => v.BatchId == batchId && v.Status == VoucherStatus.Issued)).ShouldBe(2);

        xlsx.Position = 0;
        var xlsxTwo = new MemoryStream();
        await xlsxTwo.SaveAsAsync(learners.Take(2).Select(l => new Dictionary<string, object> { ["手机号"] = l.Mobile }).ToList());
        xlsxTwo.Position = 0;
        (await Vouchers.ImportAsync(batchId, xlsxTwo, "名单.xlsx")).Issued.ShouldBe(2);
    }

    [Fact]
    public async Task Claiming_is_once_per_learner_and_stops_when_the_stock_is_gone()
    {
        var batchId = await app.NewBatchAsync(quantity: 5);
        var code = await Vouchers.OpenClaimingAsync(batchId);
        var learners = new List<TestLearner>();
        for (var i = 0; i < 8; i++)
        {
            learners.Add(await app.NewLearnerAsync(profile: false));
        }

        var outcomes = await Task.WhenAll(learners.Select(l => Task.Run(() => app.Service<VoucherService>().ClaimAsync(l.Id, code.ToLowerInvariant()))));
        var twice = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => app.Service<VoucherService>().ClaimAsync(learners[0].Id, code))));

        outcomes.Count(o => o == ClaimOutcome.Claimed).ShouldBe(5);
        outcomes.Where(o => o != ClaimOutcome.Claimed).ShouldAllBe(o => o == ClaimOutcome.OutOfStock);
        twice.ShouldAllBe(o => o == ClaimOutcome.AlreadyClaimed || o == ClaimOutcome.OutOfStock);
        await using var db = await app.DbAsync();
        (await db.Vouchers.CountAsync(v => v.BatchId == batchId && v.Status == VoucherStatus.Assigned)).ShouldBe(5);
        (await Vouchers.ClaimAsync(learners[0].Id, "NOSUCHCODE")).ShouldBe(ClaimOutcome.UnknownCode);
    }

    [Fact]
    public async Task A_voucher_only_course_cannot_be_enrolled_for_free_but_with_a_voucher()
    {
        await app.ImportCourseAsync("VOUCHER-ONLY-1", voucherRequired: true, ownerId: null);
        var (learner, voucherId) = await LearnerWithVoucherAsync();

        (await app.Service<LearningService>().EnrolAsync(learner.Id, "VOUCHER-ONLY-1")).ShouldBe(EnrolmentOutcome.VoucherRequired);
        (await Vouchers.ListUsableForCourseAsync(learner.Id, "VOUCHER-ONLY-1")).ShouldHaveSingleItem().Id.ShouldBe(voucherId);
        await Vouchers.RequestRedemptionAsync(learner.Id, voucherId, "VOUCHER-ONLY-1", Guid.NewGuid());
        await RunJobAsync();

        (await app.Service<LearningProgressService>().ListMyCoursesAsync(learner.Id)).ShouldHaveSingleItem().Code.ShouldBe("VOUCHER-ONLY-1");
        (await app.Service<LearningService>().EnrolAsync(learner.Id, "VOUCHER-ONLY-1")).ShouldBe(EnrolmentOutcome.AlreadyEnrolled);
    }

    [Fact]
    public async Task A_large_batch_is_generated_in_chunks_and_a_second_run_adds_nothing()
    {
        var batchId = await app.NewBatchAsync(quantity: 5_000);
        await app.Service<VoucherBatchGenerationJob>().RunAsync(batchId, CancellationToken.None);

        var detail = (await Vouchers.GetBatchAsync(batchId))!;
        detail.IsReady.ShouldBeTrue();
        detail.CountByStatus[VoucherStatus.Issued].ShouldBe(5_000);
        await using var db = await app.DbAsync();
        (await db.Vouchers.Where(v => v.BatchId == batchId).Select(v => v.Code).Distinct().CountAsync()).ShouldBe(5_000);
    }

    [Fact]
    public async Task The_settlement_exports_are_for_staff_only_and_the_csv_starts_with_a_byte_order_mark()
    {
        using var learnerClient = app.Factory.CreateBrowserlessClient();
        await learnerClient.LogInAsync(SkillsAcademyWebFactory.LearnerAccount, SkillsAcademyWebFactory.DemoPassword);
        using var staffClient = app.Factory.CreateBrowserlessClient();
        await staffClient.LogInAsync(SkillsAcademyWebFactory.StaffAccount, SkillsAcademyWebFactory.DemoPassword);

        (await learnerClient.GetAsync("/federation/vouchers/settlement/2026-11.csv")).StatusCode.ShouldNotBe(HttpStatusCode.OK);
        var csv = await staffClient.GetAsync("/federation/vouchers/settlement/2026-11.csv");
        var xlsx = await staffClient.GetAsync("/federation/vouchers/settlement/2026-11.xlsx");

        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        Encoding.UTF8.GetString(bytes).ShouldContain("课程提供方");
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await xlsx.Content.ReadAsByteArrayAsync()).Take(2).ShouldBe("PK"u8.ToArray());
    }

    private sealed class CrashAt(RedemptionStep step) : IRedemptionProbe
    {
        public ValueTask ReachedAsync(RedemptionStep reached, CancellationToken cancellationToken) =>
            reached == step ? throw new SimulatedCrashException() : ValueTask.CompletedTask;
    }

    private sealed class SimulatedCrashException : Exception;

    private sealed class ImportReportComparer : IEqualityComparer<ImportReport>
    {
        public bool Equals(ImportReport? x, ImportReport? y) =>
            x is not null && y is not null && x.Issued == y.Issued && x.Rows == y.Rows && x.Problem == y.Problem && x.Rejections.SequenceEqual(y.Rejections);

        public int GetHashCode(ImportReport obj) => obj.Issued;
    }
}
