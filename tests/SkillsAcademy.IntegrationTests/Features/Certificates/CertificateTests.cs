using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillsAcademy.Domain.Learning;
using SkillsAcademy.Infrastructure.Credentials;
using SkillsAcademy.Infrastructure.Identity;
using SkillsAcademy.Infrastructure.Persistence;
using SkillsAcademy.IntegrationTests.Features.Learning;
using SkillsAcademy.TestUtilities;
using SkillsAcademy.Web.Features.Accounts;
using SkillsAcademy.Web.Features.Certificates;
using SkillsAcademy.Web.Features.Learning;

namespace SkillsAcademy.IntegrationTests.Features.Certificates;

/// <summary>Certificates on a real database: issued once, verified without leaking serials, revoked with a trace.</summary>
public sealed class CertificateTests(ClockedAppFixture app) : IClassFixture<ClockedAppFixture>
{
    private const string Course = "SHEET-L5-BASICS";
    private static int _people;

    private T Service<T>() where T : notnull => app.Factory.Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    private Task<SkillsAcademyDbContext> NewContextAsync() =>
        app.Factory.Services.GetRequiredService<IDbContextFactory<SkillsAcademyDbContext>>().CreateDbContextAsync();

    // A valid ID number for another person, so that every learner of the test has their own.
    private static string IdNumber(int serial)
    {
        var body = $"350102198803{10 + (serial % 18):00}{serial % 1000:000}";
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = body.Select((c, i) => (c - '0') * weights[i]).Sum();
        return body + "10X98765432"[sum % 11];
    }

    /// <summary>A learner who completed the course (marked directly: how completion happens is tested elsewhere).</summary>
    private async Task<(Guid Learner, int Enrolment)> CompletedLearnerAsync(bool withProfile = true)
    {
        using var scope = app.Factory.Services.CreateScope();
        var user = new ApplicationUser { UserName = $"cert-{Guid.NewGuid():N}@example.com", DisplayName = "学员", CreatedAt = app.Time.GetUtcNow() };
        (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().CreateAsync(user)).Succeeded.ShouldBeTrue();
        (await Service<LearningService>().EnrolAsync(user.Id, Course)).ShouldBe(EnrolmentOutcome.Enrolled);
        if (withProfile)
        {
            await CompleteProfileAsync(user.Id);
        }

        await using var db = await NewContextAsync();
        var enrolment = await db.Enrolments.SingleAsync(e => e.LearnerId == user.Id);
        await db.Enrolments.Where(e => e.Id == enrolment.Id).ExecuteUpdateAsync(set => set.SetProperty(e => e.CompletedAt, app.Time.GetUtcNow()));
        return (user.Id, enrolment.Id);
    }

    private async Task CompleteProfileAsync(Guid learner) =>
        (await Service<ProfileService>().SaveAsync(learner, new ProfileRequest
        {
            RealName = "林秀英", IdNumber = IdNumber(Interlocked.Increment(ref _people)), EnterpriseName = "厦门示例钣金有限公司", RegionCode = "350203", UnionMember = true,
        })).ShouldBeEmpty();

    [Fact]
    public async Task Five_simultaneous_issue_runs_make_one_certificate_with_one_event()
    {
        var (learner, enrolment) = await CompletedLearnerAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Task.Run(() => Service<CertificateService>().IssueAsync(enrolment))));

        results.Count(r => r.Outcome == IssueOutcome.Issued).ShouldBe(1);
        results.Select(r => r.Serial).Distinct().ShouldHaveSingleItem();
        var mine = (await Service<CertificateService>().ListMineAsync(learner)).ShouldHaveSingleItem();
        mine.Serial.ShouldMatch(@"^FJZGH-2026-\d{8}$");
        mine.LearnerName.ShouldBe("林秀英");
        mine.IdNumberMasked.ShouldStartWith("350");
        mine.CreditHours.ShouldBeGreaterThan(0m);
        (await Service<LearningRecords>().ListAsync(learner)).Count(e => e.Kind == LearningEventKind.CertificateIssued).ShouldBe(1);
        (await Service<CertificateService>().IssueAsync(enrolment)).Outcome.ShouldBe(IssueOutcome.AlreadyIssued);
    }

    [Fact]
    public async Task Serials_count_up_within_the_year()
    {
        var first = (await Service<CertificateService>().IssueAsync((await CompletedLearnerAsync()).Enrolment)).Serial!;
        var second = (await Service<CertificateService>().IssueAsync((await CompletedLearnerAsync()).Enrolment)).Serial!;

        int.Parse(second[^8..], System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBeGreaterThan(int.Parse(first[^8..], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Without_a_real_name_profile_nothing_is_issued_until_the_profile_is_complete_then_the_sweep_issues_it()
    {
        var (learner, enrolment) = await CompletedLearnerAsync(withProfile: false);

        (await Service<CertificateService>().IssueAsync(enrolment)).Outcome.ShouldBe(IssueOutcome.ProfileIncomplete);
        await CompleteProfileAsync(learner);
        var swept = await Service<CertificateIssueJob>().IssueMissingAsync(CancellationToken.None);

        swept.ShouldBeGreaterThanOrEqualTo(1);
        (await Service<CertificateService>().ListMineAsync(learner)).ShouldHaveSingleItem();
        (await Service<CertificateIssueJob>().IssueMissingAsync(CancellationToken.None)).ShouldBe(0);
    }

    [Fact]
    public async Task An_enrolment_that_is_not_completed_gets_no_certificate()
    {
        using var scope = app.Factory.Services.CreateScope();
        var user = new ApplicationUser { UserName = $"cert-{Guid.NewGuid():N}@example.com", DisplayName = "学员", CreatedAt = app.Time.GetUtcNow() };
        (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().CreateAsync(user)).Succeeded.ShouldBeTrue();
        await Service<LearningService>().EnrolAsync(user.Id, Course);
        var enrolment = (await Service<CertificateService>().FindEnrolmentAsync(user.Id, await CourseIdAsync()))!.Value;

        (await Service<CertificateService>().IssueAsync(enrolment)).Outcome.ShouldBe(IssueOutcome.NotCompleted);
    }

    private async Task<int> CourseIdAsync()
    {
        await using var db = await NewContextAsync();
        return await db.Courses.Where(c => c.Code == Course).Select(c => c.Id).SingleAsync();
    }

    [Fact]
    public async Task The_right_code_verifies_and_a_wrong_code_looks_exactly_like_an_unknown_serial()
    {
        var (learner, enrolment) = await CompletedLearnerAsync();
        await Service<CertificateService>().IssueAsync(enrolment);
        var certificate = (await Service<CertificateService>().ListMineAsync(learner)).Single();
        var certificates = Service<CertificateService>();

        var valid = await certificates.VerifyAsync(certificate.Serial.ToLowerInvariant(), " " + certificate.VerificationCode.ToLowerInvariant() + " ");
        var wrongCode = await certificates.VerifyAsync(certificate.Serial, "ABCDEFGHJK");
        var unknown = await certificates.VerifyAsync("FJZGH-2026-99999999", certificate.VerificationCode);
        var malformed = await certificates.VerifyAsync("not a serial", null);

        valid.Status.ShouldBe(VerificationStatus.Valid);
        valid.MaskedName.ShouldBe("林**");
        valid.CourseTitle.ShouldBe(certificate.CourseTitle);
        new[] { wrongCode, unknown, malformed }.ShouldAllBe(v => v == Verification.NotFound);

        using var client = app.Factory.CreateClient();
        using var wrongResponse = await client.GetAsync($"/api/certificates/verify/{certificate.Serial}?code=ABCDEFGHJK");
        using var unknownResponse = await client.GetAsync($"/api/certificates/verify/FJZGH-2026-99999999?code={certificate.VerificationCode}");
        using var okResponse = await client.GetAsync($"/api/certificates/verify/{certificate.Serial}?code={certificate.VerificationCode}");
        wrongResponse.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        unknownResponse.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await wrongResponse.Content.ReadAsStringAsync()).ShouldBe(await unknownResponse.Content.ReadAsStringAsync());
        okResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = (await okResponse.Content.ReadFromJsonAsync<JsonObject>())!;
        body["status"]!.GetValue<string>().ShouldBe("valid");
        body["name"]!.GetValue<string>().ShouldBe("林**");

        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/verify/{certificate.Serial}?code={certificate.VerificationCode}"));
        page.ShouldContain("证书有效");
        page.ShouldNotContain("林秀英");
        using var wrongPage = await client.GetAsync($"/verify/{certificate.Serial}?code=ABCDEFGHJK");
        wrongPage.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        WebUtility.HtmlDecode(await wrongPage.Content.ReadAsStringAsync()).ShouldContain("没有找到");
    }

    [Fact]
    public async Task A_revoked_certificate_shows_as_revoked_with_its_date_and_the_revocation_is_audited_and_chained()
    {
        var (learner, enrolment) = await CompletedLearnerAsync();
        var serial = (await Service<CertificateService>().IssueAsync(enrolment)).Serial!;
        var code = (await Service<CertificateService>().ListMineAsync(learner)).Single().VerificationCode;
        var staff = Guid.NewGuid();

        (await Service<CertificateService>().RevokeAsync(staff, serial, " ")).ShouldBe(RevokeOutcome.ReasonRequired);
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => Service<CertificateService>().RevokeAsync(staff, serial, "培训记录造假"))));

        outcomes.Count(o => o == RevokeOutcome.Revoked).ShouldBe(1);
        outcomes.Count(o => o == RevokeOutcome.AlreadyRevoked).ShouldBe(2);
        var verification = await Service<CertificateService>().VerifyAsync(serial, code);
        verification.Status.ShouldBe(VerificationStatus.Revoked);
        verification.RevokedAt.ShouldBe(app.Time.GetUtcNow());
        await using var db = await NewContextAsync();
        (await db.AuditEntries.CountAsync(a => a.Subject == serial && a.Action == CertificateService.RevokedAction && a.ActorId == staff)).ShouldBe(1);
        (await Service<LearningRecords>().ListAsync(learner)).Count(e => e.Kind == LearningEventKind.CertificateRevoked).ShouldBe(1);
        (await Service<LearningRecords>().VerifyAsync(learner)).IsValid.ShouldBeTrue();
        using var client = app.Factory.CreateClient();
        WebUtility.HtmlDecode(await client.GetStringAsync($"/verify/{serial}?code={code}")).ShouldContain("已于");
    }

    [Fact]
    public async Task The_owner_downloads_the_pdf_and_a_credential_that_verifies_with_the_published_key_and_nobody_else_can()
    {
        var learnerClient = app.Factory.CreateBrowserlessClient();
        (await learnerClient.LogInAsync(SkillsAcademyWebFactory.LearnerAccount, SkillsAcademyWebFactory.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var learner = (await Service<LearningRecordService>().FindLearnersAsync(SkillsAcademyWebFactory.LearnerAccount)).Single().UserId;
        await Service<LearningService>().EnrolAsync(learner, Course);
        if (!await Service<ProfileService>().IsCompleteAsync(learner))
        {
            await CompleteProfileAsync(learner);
        }

        await using (var db = await NewContextAsync())
        {
            await db.Enrolments.Where(e => e.LearnerId == learner).ExecuteUpdateAsync(set => set.SetProperty(e => e.CompletedAt, app.Time.GetUtcNow()));
        }

        var enrolment = (await Service<CertificateService>().FindEnrolmentAsync(learner, await CourseIdAsync()))!.Value;
        var serial = (await Service<CertificateService>().IssueAsync(enrolment)).Serial!;

        using var pdf = await learnerClient.GetAsync($"/certificates/{serial}/certificate.pdf");
        pdf.StatusCode.ShouldBe(HttpStatusCode.OK);
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        System.Text.Encoding.ASCII.GetString(bytes, 0, 5).ShouldBe("%PDF-");
        bytes.Length.ShouldBeLessThan(150 * 1024);

        var jws = await learnerClient.GetStringAsync($"/certificates/{serial}/credential.jwt");
        var jwks = (await app.Factory.CreateClient().GetFromJsonAsync<JsonObject>("/.well-known/jwks.json"))!;
        var key = jwks["keys"]![0]!.AsObject();
        var verified = CredentialSigner.Verify(jws, key);
        verified.IsValid.ShouldBeTrue(verified.Failure);
        verified.Credential!.ToJsonString().ShouldContain(serial);
        var parts = jws.Split('.');
        var altered = parts[0] + "." + parts[1][..^2] + (parts[1][^2] == 'A' ? "B" : "A") + parts[1][^1] + "." + parts[2];
        CredentialSigner.Verify(altered, key).IsValid.ShouldBeFalse();

        // Another learner, and a visitor, get nothing.
        var stranger = app.Factory.CreateBrowserlessClient();
        using var anonymous = await stranger.GetAsync($"/certificates/{serial}/certificate.pdf");
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Service<CertificateService>().GetMineAsync(Guid.NewGuid(), serial)).ShouldBeNull();
    }

    [Fact]
    public async Task Staff_get_a_zip_of_a_courses_certificates_built_by_the_background_job()
    {
        var serials = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            serials.Add((await Service<CertificateService>().IssueAsync((await CompletedLearnerAsync()).Enrolment)).Serial!);
        }

        var staff = Guid.NewGuid();
        var exports = Service<CertificateExportService>();
        (await exports.RequestAsync(staff, "NO-SUCH-COURSE", null, null, new Uri("http://localhost/"))).ShouldBeNull();
        var id = (await exports.RequestAsync(staff, Course, null, null, new Uri("http://localhost/")))!.Value;

        string? path = null;
        for (var i = 0; i < 120 && path is null; i++)
        {
            await Task.Delay(500);
            path = await Service<CertificateExportService>().FilePathAsync(id);
        }

        path.ShouldNotBeNull("the job finished within a minute");
        var export = (await Service<CertificateExportService>().ListRecentAsync(staff)).ShouldHaveSingleItem();
        export.Percent.ShouldBe(100);
        export.Done.ShouldBe(export.Total);
        using var zip = System.IO.Compression.ZipFile.OpenRead(path);
        zip.Entries.Select(e => e.Name).ShouldBeSubsetOf(zip.Entries.Select(e => e.Name).Distinct());
        foreach (var serial in serials)
        {
            var entry = zip.GetEntry($"{serial}.pdf").ShouldNotBeNull();
            using var reader = new StreamReader(entry.Open());
            (await reader.ReadToEndAsync()).ShouldStartWith("%PDF-");
        }

        zip.Entries.Count.ShouldBe(export.Total);

        var staffClient = app.Factory.CreateBrowserlessClient();
        (await staffClient.LogInAsync(SkillsAcademyWebFactory.StaffAccount, SkillsAcademyWebFactory.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var download = await staffClient.GetAsync($"/federation/certificates/exports/{id}.zip");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/zip");
        var learnerClient = app.Factory.CreateBrowserlessClient();
        (await learnerClient.LogInAsync(SkillsAcademyWebFactory.LearnerAccount, SkillsAcademyWebFactory.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var refused = await learnerClient.GetAsync($"/federation/certificates/exports/{id}.zip");
        refused.StatusCode.ShouldNotBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_learning_record_prints_as_a_pdf_for_its_owner()
    {
        var client = app.Factory.CreateBrowserlessClient();
        (await client.LogInAsync(SkillsAcademyWebFactory.LearnerAccount, SkillsAcademyWebFactory.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var learner = (await Service<LearningRecordService>().FindLearnersAsync(SkillsAcademyWebFactory.LearnerAccount)).Single().UserId;
        await Service<LearningService>().CheckInAsync(learner);

        using var response = await client.GetAsync("/learning-record/export.pdf");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        System.Text.Encoding.ASCII.GetString((await response.Content.ReadAsByteArrayAsync())[..5]).ShouldBe("%PDF-");
    }
}

/// <summary>The public verification answers a limited number of requests per client and minute.</summary>
public sealed class VerificationRateLimitTests : IAsyncLifetime
{
    private readonly TestDataDirectory _data = new();
    private SkillsAcademyWebFactory _factory = default!;

    public ValueTask InitializeAsync()
    {
        _factory = new SkillsAcademyWebFactory(_data.Path, new Dictionary<string, string?> { ["RateLimits:VerificationPerMinute"] = "5" });
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task The_sixth_verification_in_a_minute_is_refused_with_429()
    {
        using var client = _factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            using var response = await client.GetAsync("/api/certificates/verify/FJZGH-2026-00000001?code=ABCDEFGHJK");
            statuses.Add(response.StatusCode);
        }

        statuses[..5].ShouldAllBe(s => s == HttpStatusCode.NotFound);
        statuses[5..].ShouldAllBe(s => s == HttpStatusCode.TooManyRequests);
        using var page = await client.GetAsync("/verify/FJZGH-2026-00000001?code=ABCDEFGHJK");
        page.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }
}
