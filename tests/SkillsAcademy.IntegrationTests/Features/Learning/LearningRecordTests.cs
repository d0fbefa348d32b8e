using System.Net;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillsAcademy.Domain.Auditing;
using SkillsAcademy.Infrastructure.Identity;
using SkillsAcademy.Infrastructure.Persistence;
using SkillsAcademy.TestUtilities;
using SkillsAcademy.Web.Features.Accounts;
using SkillsAcademy.Web.Features.Learning;

namespace SkillsAcademy.IntegrationTests.Features.Learning;

/// <summary>The learning record as people use it: append-only storage, the verifier, exports and staff look-ups.</summary>
public sealed class LearningRecordTests(ClockedAppFixture app) : IClassFixture<ClockedAppFixture>
{
    private T Service<T>() where T : notnull => app.Factory.Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    private Task<SkillsAcademyDbContext> NewContextAsync() =>
        app.Factory.Services.GetRequiredService<IDbContextFactory<SkillsAcademyDbContext>>().CreateDbContextAsync();

    private async Task<Guid> LearnerWithEventsAsync(string displayName = "学员")
    {
        using var scope = app.Factory.Services.CreateScope();
        var user = new ApplicationUser { UserName = $"record-{Guid.NewGuid():N}@example.com", DisplayName = displayName, CreatedAt = app.Time.GetUtcNow() };
        (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().CreateAsync(user)).Succeeded.ShouldBeTrue();
        await Service<LearningService>().EnrolAsync(user.Id, "FIT-L5-BENCH");
        await Service<LearningService>().CheckInAsync(user.Id);
        app.Time.Advance(TimeSpan.FromDays(1));
        await Service<LearningService>().CheckInAsync(user.Id);
        return user.Id;
    }

    [Fact]
    public async Task A_stored_learning_event_cannot_be_updated_or_deleted_through_the_context()
    {
        var learner = await LearnerWithEventsAsync();
        await using var db = await NewContextAsync();
        var stored = await db.LearningEvents.FirstAsync(e => e.LearnerId == learner);

        db.Entry(stored).Property(e => e.OccurredAt).CurrentValue = stored.OccurredAt.AddDays(-3);
        await Should.ThrowAsync<AppendOnlyViolationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        db.LearningEvents.Remove(await db.LearningEvents.FirstAsync(e => e.LearnerId == learner));
        Should.Throw<AppendOnlyViolationException>(() => db.SaveChanges());

        await using var check = await NewContextAsync();
        (await check.LearningEvents.CountAsync(e => e.LearnerId == learner)).ShouldBe(3);
        (await Service<LearningRecords>().VerifyAsync(learner)).IsValid.ShouldBeTrue();
    }

    [Fact]
    public async Task An_audit_entry_cannot_be_changed_or_removed()
    {
        await Service<LearningRecordService>().AuditAsync(Guid.NewGuid(), "Test.Action", Guid.NewGuid());
        await using var db = await NewContextAsync();
        var entry = await db.AuditEntries.OrderByDescending(e => e.Id).FirstAsync();

        db.AuditEntries.Remove(entry);

        await Should.ThrowAsync<AppendOnlyViolationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task The_verifier_reports_the_first_broken_link_of_each_tampered_chain_and_nothing_else()
    {
        var intact = await LearnerWithEventsAsync();
        var edited = await LearnerWithEventsAsync();
        var missing = await LearnerWithEventsAsync();
        await using (var db = await NewContextAsync())
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE LearningEvents SET Data = '{{\"day\":\"2020-01-01\"}}' WHERE LearnerId = {edited} AND Sequence = 2");
            await db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM LearningEvents WHERE LearnerId = {missing} AND Sequence = 2");
        }

        var report = await Service<LearningRecordVerifier>().VerifyAllAsync();

        report.Broken.ShouldNotContain(b => b.LearnerId == intact);
        var brokenEdit = report.Broken.Where(b => b.LearnerId == edited).ShouldHaveSingleItem();
        brokenEdit.Result.BrokenAtSequence.ShouldBe(2);
        brokenEdit.Result.Reason.ShouldBe(Domain.Learning.ChainBreakReason.HashMismatch);
        var brokenGap = report.Broken.Where(b => b.LearnerId == missing).ShouldHaveSingleItem();
        brokenGap.Result.BrokenAtSequence.ShouldBe(3);
        report.Learners.ShouldBeGreaterThanOrEqualTo(3);

        // The command-line run prints the same findings and fails.
        var output = new StringWriter();
        (await LearningRecordVerifier.RunFromCommandLineAsync(app.Factory.Services, output)).ShouldBe(1);
        output.ToString().ShouldContain(edited.ToString());
        output.ToString().ShouldContain(missing.ToString());
        output.ToString().ShouldNotContain(intact.ToString());
    }

    [Fact]
    public async Task The_learner_sees_the_record_newest_first_with_the_chain_verified()
    {
        var learner = await LearnerWithEventsAsync();

        var page = await LocalizerCulture.InChineseAsync(() => Service<LearningRecordService>().GetRecordAsync(learner, 0, 2));

        page.Total.ShouldBe(3);
        page.Verification.IsValid.ShouldBeTrue();
        page.Rows.Select(r => r.Sequence).ShouldBe([3, 2]);
        page.Rows[^1].Kind.ShouldBe(Domain.Learning.LearningEventKind.CheckedIn);
        (await Service<LearningRecordService>().GetRecordAsync(learner, 1, 2)).Rows.ShouldHaveSingleItem().CourseTitle.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task The_csv_export_is_the_signed_in_learners_own_record_in_utf8_with_a_bom()
    {
        using var client = app.Factory.CreateBrowserlessClient();
        (await client.LogInAsync(SkillsAcademyWebFactory.LearnerAccount, SkillsAcademyWebFactory.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var learnerId = (await Service<LearningRecordService>().FindLearnersAsync(SkillsAcademyWebFactory.LearnerAccount)).ShouldHaveSingleItem().UserId;
        await Service<LearningService>().CheckInAsync(learnerId);

        using var response = await client.GetAsync("/learning-record/export.csv");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        response.Content.Headers.ContentDisposition!.FileName!.ShouldContain("learning-record-");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("序号,时间,事件,课程,详情,哈希");
        lines[1..].ShouldContain(l => l.Contains("签到打卡", StringComparison.Ordinal));
        lines.Length.ShouldBe(1 + (await Service<LearningRecords>().ListAsync(learnerId)).Count);
    }

    [Fact]
    public async Task Anonymous_visitors_cannot_export_a_record()
    {
        using var client = app.Factory.CreateBrowserlessClient();

        using var response = await client.GetAsync("/learning-record/export.csv");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/account/login");
    }

    [Fact]
    public async Task Staff_find_a_learner_by_name_mobile_or_id_number_and_every_record_view_is_audited()
    {
        var learner = await LearnerWithEventsAsync("王建国");
        (await Service<ProfileService>().SaveAsync(learner, new ProfileRequest
        {
            RealName = "王建国", IdNumber = "11010519491231002X", EnterpriseName = "福州示例机械有限公司", RegionCode = "350102", UnionMember = true,
        })).ShouldBeEmpty();
        var records = Service<LearningRecordService>();
        var staff = Guid.NewGuid();

        (await records.FindLearnersAsync("王建")).ShouldContain(m => m.UserId == learner);
        var byId = (await records.FindLearnersAsync("11010519491231002x")).ShouldHaveSingleItem();
        byId.UserId.ShouldBe(learner);
        byId.IdNumberMasked.ShouldBe("110***********002X");
        (await records.FindLearnersAsync("11010519491231002")).ShouldBeEmpty();
        (await records.FindLearnersAsync("王")).ShouldBeEmpty();

        var page = await records.GetRecordForStaffAsync(staff, learner, 0, 10);

        page.Total.ShouldBe(3);
        await using var db = await NewContextAsync();
        var audit = await db.AuditEntries.Where(e => e.ActorId == staff).ToListAsync();
        audit.ShouldHaveSingleItem().Action.ShouldBe(LearningRecordService.ViewedAction);
        audit[0].Subject.ShouldBe(learner.ToString());
        audit[0].At.ShouldBe(app.Time.GetUtcNow());
    }

    [Fact]
    public async Task Staff_find_a_learner_by_mobile_number()
    {
        var records = Service<LearningRecordService>();

        var match = (await records.FindLearnersAsync(" 138 0013 8000 ")).ShouldHaveSingleItem();

        match.MobileMasked.ShouldBe("138****8000");
    }
}
