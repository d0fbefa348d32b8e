using System.Net;
using SkillsAcademy.TestUtilities;

namespace SkillsAcademy.IntegrationTests.Platform;

/// <summary>Who may open which page: anonymous visitors are sent to log in, the wrong role is refused.</summary>
public sealed class PageAuthorizationTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Anonymous = "";

    public static TheoryData<string, string, string> Matrix => new()
    {
        // path, account ("" = anonymous), expected: ok | login | denied
        { "/", Anonymous, "ok" },
        { "/health/live", Anonymous, "ok" },
        { "/health/ready", Anonymous, "ok" },
        { "/catalog", Anonymous, "ok" },
        { "/courses/WELD-L5-SMAW", Anonymous, "ok" },
        { "/learning", Anonymous, "login" },
        { "/learning", SkillsAcademyWebFactory.LearnerAccount, "ok" },
        { "/learning", SkillsAcademyWebFactory.InstructorAccount, "denied" },
        { "/authoring", Anonymous, "login" },
        { "/authoring", SkillsAcademyWebFactory.LearnerAccount, "denied" },
        { "/authoring", SkillsAcademyWebFactory.InstructorAccount, "ok" },
        { "/authoring", SkillsAcademyWebFactory.StaffAccount, "denied" },
        { "/federation/review", Anonymous, "login" },
        { "/federation/review", SkillsAcademyWebFactory.LearnerAccount, "denied" },
        { "/federation/review", SkillsAcademyWebFactory.InstructorAccount, "denied" },
        { "/federation/review", SkillsAcademyWebFactory.StaffAccount, "ok" },
        { "/federation/review", SkillsAcademyWebFactory.AdminAccount, "ok" },
        { "/federation", SkillsAcademyWebFactory.InstructorAccount, "denied" },
        { "/federation", SkillsAcademyWebFactory.StaffAccount, "ok" },
        { "/learning-record", Anonymous, "login" },
        { "/learning-record", SkillsAcademyWebFactory.LearnerAccount, "ok" },
        { "/learning-record", SkillsAcademyWebFactory.StaffAccount, "denied" },
        { "/learning-record/export.csv", Anonymous, "login" },
        { "/learning-record/export.pdf", Anonymous, "login" },
        { "/learning-record/export.pdf", SkillsAcademyWebFactory.LearnerAccount, "ok" },
        { "/certificates", Anonymous, "login" },
        { "/certificates", SkillsAcademyWebFactory.LearnerAccount, "ok" },
        { "/certificates", SkillsAcademyWebFactory.InstructorAccount, "denied" },
        { "/federation/certificates", Anonymous, "login" },
        { "/federation/certificates", SkillsAcademyWebFactory.LearnerAccount, "denied" },
        { "/federation/certificates", SkillsAcademyWebFactory.StaffAccount, "ok" },
        { "/federation/records", Anonymous, "login" },
        { "/federation/records", SkillsAcademyWebFactory.LearnerAccount, "denied" },
        { "/federation/records", SkillsAcademyWebFactory.InstructorAccount, "denied" },
        { "/federation/records", SkillsAcademyWebFactory.AdminAccount, "ok" },
        { "/verify", Anonymous, "ok" },
        { "/verify/FJZGH-2026-00000001?code=ABCDEFGHJK", Anonymous, "ok" },
        { "/learning/WELD-L5-SMAW/quizzes/m-safety", Anonymous, "login" },
        { "/learning/WELD-L5-SMAW/quizzes/m-safety", SkillsAcademyWebFactory.StaffAccount, "denied" },
        { "/vouchers", Anonymous, "login" },
        { "/vouchers", SkillsAcademyWebFactory.LearnerAccount, "ok" },
        { "/vouchers", SkillsAcademyWebFactory.StaffAccount, "denied" },
        { "/federation/vouchers", Anonymous, "login" },
        { "/federation/vouchers", SkillsAcademyWebFactory.LearnerAccount, "denied" },
        { "/federation/vouchers", SkillsAcademyWebFactory.InstructorAccount, "denied" },
        { "/federation/vouchers", SkillsAcademyWebFactory.StaffAccount, "ok" },
        { "/federation/vouchers/settlement", SkillsAcademyWebFactory.LearnerAccount, "denied" },
        { "/federation/vouchers/settlement", SkillsAcademyWebFactory.AdminAccount, "ok" },
        { "/admin/users", SkillsAcademyWebFactory.StaffAccount, "denied" },
        { "/admin/users", SkillsAcademyWebFactory.AdminAccount, "ok" },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_role_reaches_only_its_pages(string path, string account, string expected)
    {
        using var client = app.Factory.CreateBrowserlessClient();
        if (account != Anonymous)
        {
            using var login = await client.LogInAsync(account, SkillsAcademyWebFactory.DemoPassword);
            login.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using var response = await client.GetAsync(path);

        switch (expected)
        {
            case "ok":
                response.StatusCode.ShouldBe(HttpStatusCode.OK);
                break;
            case "login":
                response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
                response.Headers.Location!.OriginalString.ShouldContain("/account/login");
                break;
            default:
                response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
                response.Headers.Location!.OriginalString.ShouldContain("/account/access-denied");
                break;
        }
    }
}
