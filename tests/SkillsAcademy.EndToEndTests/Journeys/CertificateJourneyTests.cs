using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SkillsAcademy.Infrastructure.Persistence;
using SkillsAcademy.TestUtilities;
using SkillsAcademy.Web.Features.Accounts;
using SkillsAcademy.Web.Features.Certificates;
using SkillsAcademy.Web.Features.Learning;

namespace SkillsAcademy.EndToEndTests.Journeys;

/// <summary>A certificate from download to public verification and revocation, on phone-sized pages.</summary>
public sealed class CertificateJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private T Service<T>() where T : notnull => browser.Factory.Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    // The demo learner completed the welding course (how completion is earned is tested elsewhere); the issue job ran.
    private async Task<string> CompletedCourseCertificateAsync()
    {
        var learner = (await Service<LearningRecordService>().FindLearnersAsync(SkillsAcademyWebFactory.LearnerAccount)).Single().UserId;
        await Service<LearningService>().EnrolAsync(learner, "WELD-L5-SMAW");
        (await Service<ProfileService>().SaveAsync(learner, new ProfileRequest
        {
            RealName = "张伟", IdNumber = "11010519491231002X", EnterpriseName = "泉州示例船舶修造有限公司", RegionCode = "350502", UnionMember = true,
        })).ShouldBeEmpty();
        await using (var db = await browser.Factory.Services.GetRequiredService<IDbContextFactory<SkillsAcademyDbContext>>().CreateDbContextAsync())
        {
            await db.Enrolments.Where(e => e.LearnerId == learner).ExecuteUpdateAsync(set => set.SetProperty(e => e.CompletedAt, DateTimeOffset.UtcNow));
        }

        var courseId = await CourseIdAsync("WELD-L5-SMAW");
        (await Service<CertificateIssueJob>().IssueForAsync(learner, courseId, CancellationToken.None)).ShouldBe(IssueOutcome.Issued);
        return (await Service<CertificateService>().ListMineAsync(learner)).Single().Serial;
    }

    private async Task<int> CourseIdAsync(string code)
    {
        await using var db = await browser.Factory.Services.GetRequiredService<IDbContextFactory<SkillsAcademyDbContext>>().CreateDbContextAsync();
        return await db.Courses.Where(c => c.Code == code).Select(c => c.Id).SingleAsync();
    }

    [Fact]
    public async Task A_learner_downloads_the_certificate_a_visitor_verifies_it_and_after_staff_revoke_it_the_page_says_so()
    {
        var serial = await CompletedCourseCertificateAsync();

        // The learner sees the certificate and downloads the PDF.
        var learner = await browser.NewPhonePageAsync();
        await learner.LogInAsync(SkillsAcademyWebFactory.LearnerAccount, "/certificates");
        await learner.WaitForInteractiveAsync();
        await Assertions.Expect(learner.Locator("#my-certificates")).ToContainTextAsync(serial);
        var pdfHref = await learner.Locator(".sa-download-pdf").First.GetAttributeAsync("href");
        var pdf = await learner.Context.APIRequest.GetAsync(pdfHref!);
        pdf.Status.ShouldBe(200);
        pdf.Headers["content-type"].ShouldBe("application/pdf");
        System.Text.Encoding.ASCII.GetString((await pdf.BodyAsync())[..5]).ShouldBe("%PDF-");
        await learner.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "certificates-390.png"), FullPage = true });
        await learner.ExpectNoSeriousAccessibilityViolationsAsync();
        var verifyHref = await learner.Locator(".sa-verify-link").First.GetAttributeAsync("href");

        // Anyone who scans the QR code sees the certificate valid, with the name masked.
        var visitor = await browser.NewPhonePageAsync();
        await visitor.GotoAsync(verifyHref!);
        await Assertions.Expect(visitor.Locator("#verify-status")).ToContainTextAsync("证书有效");
        await Assertions.Expect(visitor.Locator("#verify-result")).ToContainTextAsync("张*");
        (await visitor.ContentAsync()).ShouldNotContain("张伟");
        await visitor.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "verify-390.png"), FullPage = true });
        await visitor.ExpectNoSeriousAccessibilityViolationsAsync();

        // Staff revoke it with a reason.
        var staff = await browser.NewPhonePageAsync();
        await staff.LogInAsync(SkillsAcademyWebFactory.StaffAccount, "/federation/certificates");
        await staff.WaitForInteractiveAsync();
        // A ZIP of the course's certificates is built in the background; the page shows progress, then the link.
        await staff.GetByLabel("课程代码（可选）").FillAsync("WELD-L5-SMAW");
        await staff.ClickAsync("#request-export");
        await Assertions.Expect(staff.Locator(".sa-export-download")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var zip = await staff.Context.APIRequest.GetAsync(await staff.Locator(".sa-export-download").GetAttributeAsync("href") ?? "");
        zip.Status.ShouldBe(200);
        zip.Headers["content-type"].ShouldBe("application/zip");

        await staff.GetByLabel("证书编号、姓名或课程").FillAsync(serial);
        await staff.ClickAsync("#certificate-search");
        await Assertions.Expect(staff.Locator("#staff-certificates li")).ToHaveCountAsync(1);
        await staff.ClickAsync(".sa-revoke");
        await staff.GetByLabel("撤销原因").FillAsync("培训记录核查不实");
        await staff.ClickAsync("#confirm-revoke");
        await Assertions.Expect(staff.Locator("#revoke-message")).ToContainTextAsync("证书已撤销");
        await staff.ExpectNoSeriousAccessibilityViolationsAsync();

        await visitor.ReloadAsync();
        await Assertions.Expect(visitor.Locator("#verify-status")).ToContainTextAsync("撤销");
    }
}
