using System.Net;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillsAcademy.Domain.Assessment;
using SkillsAcademy.Domain.Catalog;
using SkillsAcademy.Domain.People;
using SkillsAcademy.Domain.Vouchers;
using SkillsAcademy.Infrastructure.Identity;
using SkillsAcademy.IntegrationTests.Features.Vouchers;
using SkillsAcademy.Web.Features.Assessment;
using SkillsAcademy.Web.Features.Authoring;
using SkillsAcademy.Web.Features.Certificates;
using SkillsAcademy.Web.Features.Learning;
using SkillsAcademy.Web.Features.Vouchers;

namespace SkillsAcademy.IntegrationTests.Platform;

/// <summary>
/// Object-level access (ASVS 5.0 V8 Authorization): every service and endpoint that takes an id checks that the object is the
/// caller's. Each test gives learner (or instructor) A an object and has B ask for it by its id, through the
/// service and, where there is one, the HTTP endpoint; A's own request is the control that the id was right.
/// </summary>
public sealed class ObjectLevelAccessTests(VoucherAppFixture app) : IClassFixture<VoucherAppFixture>, IAsyncLifetime
{
    private const string Course = "IDOR-TEST";
    private const string Password = "Idor2026pass";
    private static readonly string _safety = QuizKeys.ForModule("safety");

    public async ValueTask InitializeAsync()
    {
        await using var db = await app.DbAsync();
        if (await db.Courses.AnyAsync(c => c.Code == Course))
        {
            return;
        }

        await app.ImportCourseAsync(Course, voucherRequired: false, ownerId: app.InstructorId);
        var version = await db.CourseVersions.Include(v => v.Modules)
            .SingleAsync(v => v.Status == CourseVersionStatus.Published && db.Courses.Any(c => c.Id == v.CourseId && c.Code == Course));
        version.Modules.Single(m => m.Tag == "safety").Quiz = new QuizSettings(2, 50, 10, 3, ReviewPolicy.AfterEachAttempt);
        await db.SaveChangesAsync();
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>A learner who can log in with a mobile number and a password, enrolled in the test course.</summary>
    private async Task<TestLearner> LearnerAsync()
    {
        var learner = await app.NewLearnerAsync();
        using var scope = app.Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        (await users.AddPasswordAsync((await users.FindByIdAsync(learner.Id.ToString()))!, Password)).Succeeded.ShouldBeTrue();
        (await app.Service<LearningService>().EnrolAsync(learner.Id, Course)).ShouldBe(EnrolmentOutcome.Enrolled);
        return learner;
    }

    private async Task<HttpClient> ClientAsync(string account, string password = Password)
    {
        var client = app.Factory.CreateBrowserlessClient();
        using var login = await client.LogInAsync(account, password);
        login.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }

    private async Task<string> CertificateOfAsync(TestLearner learner)
    {
        await using var db = await app.DbAsync();
        var enrolment = await db.Enrolments.SingleAsync(e => e.LearnerId == learner.Id && db.Courses.Any(c => c.Id == e.CourseId && c.Code == Course));
        await db.Enrolments.Where(e => e.Id == enrolment.Id).ExecuteUpdateAsync(set => set.SetProperty(e => e.CompletedAt, app.Time.GetUtcNow()));
        var issued = await app.Service<CertificateService>().IssueAsync(enrolment.Id);
        issued.Outcome.ShouldBe(IssueOutcome.Issued);
        return issued.Serial!;
    }

    [Fact]
    public async Task Learner_B_cannot_download_learner_As_certificate_pdf_or_credential()
    {
        var a = await LearnerAsync();
        var b = await LearnerAsync();
        var serial = await CertificateOfAsync(a);
        using var clientA = await ClientAsync(a.Mobile);
        using var clientB = await ClientAsync(b.Mobile);

        foreach (var file in new[] { "certificate.pdf", "credential.jwt" })
        {
            using var own = await clientA.GetAsync($"/certificates/{serial}/{file}");
            own.StatusCode.ShouldBe(HttpStatusCode.OK, file);
            using var foreign = await clientB.GetAsync($"/certificates/{serial}/{file}");
            foreign.StatusCode.ShouldBe(HttpStatusCode.NotFound, file);
            // The not-found page, nothing of the certificate.
            foreign.Content.Headers.ContentType?.MediaType.ShouldBe("text/html", file);
            (await foreign.Content.ReadAsStringAsync()).ShouldNotContain(serial, Case.Sensitive, file);
        }

        (await app.Service<CertificateService>().GetMineAsync(b.Id, serial)).ShouldBeNull();
        (await app.Service<CertificateService>().ListMineAsync(b.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Learning_record_exports_hold_only_the_callers_own_events_whatever_the_address_says()
    {
        var a = await LearnerAsync();
        var b = await LearnerAsync();
        var serialOfA = await CertificateOfAsync(a);
        using var clientB = await ClientAsync(b.Mobile);

        // The export takes the learner from the cookie; an id in the query string is ignored.
        using var csv = await clientB.GetAsync($"/learning-record/export.csv?learnerId={a.Id}&userId={a.Id}");
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = await csv.Content.ReadAsStringAsync();
        text.ShouldNotContain(serialOfA);
        var rowsOfB = (await app.Service<LearningRecordService>().ListAllAsync(b.Id)).Count;
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(rowsOfB + 1);
        using var pdf = await clientB.GetAsync($"/learning-record/export.pdf?learnerId={a.Id}");
        pdf.StatusCode.ShouldBe(HttpStatusCode.OK);
        Encoding.Latin1.GetString(await pdf.Content.ReadAsByteArrayAsync()).ShouldNotContain(serialOfA);
    }

    [Fact]
    public async Task Learner_B_cannot_read_answer_or_submit_learner_As_quiz_attempt()
    {
        var a = await LearnerAsync();
        var b = await LearnerAsync();
        var quizzes = app.Service<QuizService>();
        var started = await quizzes.StartAsync(a.Id, Course, _safety);
        started.Outcome.ShouldBe(StartOutcome.Started);
        var attempt = started.AttemptId!.Value;

        (await quizzes.GetSheetAsync(b.Id, attempt)).ShouldBeNull();
        (await quizzes.AnswerAsync(b.Id, attempt, 0, [0])).ShouldBe(AnswerOutcome.Invalid);
        (await quizzes.SubmitAsync(b.Id, attempt)).Outcome.ShouldBe(SubmitOutcome.NotFound);
        (await quizzes.GetResultAsync(b.Id, attempt)).ShouldBeNull();

        // A's attempt is untouched: still open, no answer saved, and A can go on with it.
        var sheet = (await quizzes.GetSheetAsync(a.Id, attempt)).ShouldNotBeNull();
        sheet.Status.ShouldBe(AttemptStatus.Open);
        sheet.Questions.ShouldAllBe(q => q.Chosen.Count == 0);
        (await quizzes.AnswerAsync(a.Id, attempt, sheet.Questions[0].Position, [0])).ShouldBe(AnswerOutcome.Saved);
    }

    [Fact]
    public async Task Learner_B_cannot_redeem_or_learn_about_learner_As_voucher_even_with_As_request_key()
    {
        var a = await app.NewLearnerAsync();
        var b = await app.NewLearnerAsync();
        var voucherOfA = (await app.IssueAsync(await app.NewBatchAsync(quantity: 2), a)).Single();
        var vouchers = app.Service<VoucherService>();
        var keyOfA = Guid.NewGuid();
        (await vouchers.RequestRedemptionAsync(a.Id, voucherOfA, Course, keyOfA)).Status.ShouldBe(RedemptionRequestStatus.Pending);

        // B replays A's idempotency key and names A's voucher: refused as foreign, A's pending request is not revealed.
        var replay = await vouchers.RequestRedemptionAsync(b.Id, voucherOfA, Course, keyOfA);
        replay.ShouldBe(RedemptionRequestOutcome.Refused(VoucherRefusal.Foreign));
        (await vouchers.ListMyVouchersAsync(b.Id)).ShouldBeEmpty();

        await using var db = await app.DbAsync();
        var voucher = await db.Vouchers.SingleAsync(v => v.Id == voucherOfA);
        voucher.LearnerId.ShouldBe(a.Id);
        voucher.Status.ShouldBe(VoucherStatus.Reserved);
        (await db.RedemptionRequests.CountAsync(r => r.LearnerId == b.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task Instructor_B_cannot_read_change_export_upload_to_or_analyse_instructor_As_course()
    {
        int courseId;
        await using (var db = await app.DbAsync())
        {
            courseId = await db.Courses.Where(c => c.Code == Course).Select(c => c.Id).SingleAsync();
        }

        var instructorB = await NewInstructorAsync();
        var b = new AuthoringActor(instructorB.Id, IsStaff: false);
        var a = new AuthoringActor(app.InstructorId, IsStaff: false);
        var authoring = app.Service<AuthoringService>();
        (await authoring.GetEditorAsync(a, courseId)).ShouldNotBeNull();

        (await authoring.GetEditorAsync(b, courseId)).ShouldBeNull();
        (await authoring.StartNewVersionAsync(b, courseId)).Succeeded.ShouldBeFalse();
        (await authoring.DescribeAsync(b, courseId, "被改的标题", "被改的简介")).Succeeded.ShouldBeFalse();
        (await authoring.AddModuleAsync(b, courseId, "外人的章")).Succeeded.ShouldBeFalse();
        (await authoring.SubmitAsync(b, courseId)).Succeeded.ShouldBeFalse();
        (await authoring.GetExportAsync(b, courseId)).ShouldBeNull();
        (await authoring.UploadMediaAsync(b, courseId, MediaKind.Image, "cover.png", new MemoryStream([0x89, 0x50, 0x4E, 0x47]))).Error.ShouldNotBeNull();
        (await app.Service<ItemAnalysisService>().GetCourseAsync(b, courseId)).ShouldBeNull();

        await using (var db = await app.DbAsync())
        {
            var versions = await db.CourseVersions.Include(v => v.Modules).Where(v => v.CourseId == courseId).ToListAsync();
            versions.ShouldHaveSingleItem().Title.ShouldNotBe("被改的标题");
            versions[0].Modules.ShouldNotContain(m => m.Title == "外人的章");
        }

        using var clientB = await ClientAsync(instructorB.Email!);
        using var package = await clientB.GetAsync($"/authoring/courses/{courseId}/package");
        package.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var clientA = await ClientAsync(SkillsAcademy.TestUtilities.SkillsAcademyWebFactory.InstructorAccount, SkillsAcademy.TestUtilities.SkillsAcademyWebFactory.DemoPassword);
        using var own = await clientA.GetAsync($"/authoring/courses/{courseId}/package");
        own.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private async Task<ApplicationUser> NewInstructorAsync()
    {
        using var scope = app.Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var email = $"instructor-{Guid.NewGuid():N}@example.com";
        var user = new ApplicationUser { UserName = email, Email = email, DisplayName = "另一位讲师", CreatedAt = app.Time.GetUtcNow() };
        (await users.CreateAsync(user, Password)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, Roles.Instructor)).Succeeded.ShouldBeTrue();
        return user;
    }
}
