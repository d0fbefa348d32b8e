using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SkillsAcademy.Infrastructure.Identity;
using SkillsAcademy.Infrastructure.PersonalData;
using SkillsAcademy.TestUtilities;
using SkillsAcademy.Web.Features.Accounts;

namespace SkillsAcademy.EndToEndTests.Journeys;

/// <summary>
/// Staff create a voucher batch and import three workers; one of them redeems a voucher on a phone and finds the
/// course under "My learning"; the settlement report counts the redemption. Hangfire's own worker runs the jobs.
/// </summary>
public sealed class VoucherJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Staff_issue_vouchers_a_learner_redeems_one_and_the_settlement_shows_it()
    {
        string[] mobiles = [SkillsAcademyWebFactory.LearnerAccount, .. await AddWorkersAsync("13911110001", "13911110002")];
        await AddProfileAsync(SkillsAcademyWebFactory.LearnerAccount, "11010519491231002X");

        var staff = await browser.NewPhonePageAsync();
        await staff.LogInAsync(SkillsAcademyWebFactory.StaffAccount, "/federation/vouchers");
        await staff.WaitForInteractiveAsync();
        await staff.GetByLabel("批次名称").FillAsync("2026 年冬季焊工技能提升券");
        await staff.GetByLabel("资金来源").FillAsync("工会职工教育经费");
        await staff.GetByLabel("面值（元）").FillAsync("300");
        await staff.GetByLabel("面值（元）").PressAsync("Tab");
        await staff.GetByLabel("发行数量").FillAsync("3");
        await staff.GetByLabel("发行数量").PressAsync("Tab");
        var today = DateTime.UtcNow.Date;
        await staff.GetByLabel("生效日期").FillAsync(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await staff.GetByLabel("截止日期").FillAsync(today.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await staff.GetByLabel("截止日期").PressAsync("Tab");
        await staff.ExpectNoSeriousAccessibilityViolationsAsync();
        await staff.ClickAsync("#create-batch");

        await staff.WaitForURLAsync("**/federation/vouchers/*");
        await Assertions.Expect(staff.Locator("#generation-status")).ToContainTextAsync("已生成 3 张", new LocatorAssertionsToContainTextOptions { Timeout = 30_000 });
        await staff.SetInputFilesAsync("#import-file", new FilePayload
        {
            Name = "名单.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes("手机号\n" + string.Join("\n", mobiles) + "\n"),
        });
        await Assertions.Expect(staff.Locator("#import-result")).ToContainTextAsync("3 名职工");
        await staff.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "voucher-batch-390.png"), FullPage = true });
        await staff.ExpectNoSeriousAccessibilityViolationsAsync();

        var learner = await browser.NewPhonePageAsync();
        await learner.LogInAsync(SkillsAcademyWebFactory.LearnerAccount, "/courses/WELD-L5-SMAW");
        await learner.WaitForStaticPageAsync();
        await learner.ClickAsync("#enrol-with-voucher");
        await Assertions.Expect(learner.Locator("#enrol-message")).ToContainTextAsync("已提交");

        await learner.GotoAsync("/vouchers");
        await learner.WaitForInteractiveAsync();
        await Assertions.Expect(learner.Locator("#my-vouchers [data-status]")).ToHaveAttributeAsync("data-status", "Redeemed", new LocatorAssertionsToHaveAttributeOptions { Timeout = 30_000 });
        await learner.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "my-vouchers-390.png"), FullPage = true });
        await learner.ExpectNoSeriousAccessibilityViolationsAsync();
        await learner.GotoAsync("/learning");
        await learner.WaitForInteractiveAsync();
        await Assertions.Expect(learner.Locator("#courses-in-progress")).ToContainTextAsync("焊工（初级）");

        await staff.GotoAsync("/federation/vouchers/settlement");
        await staff.WaitForInteractiveAsync();
        await Assertions.Expect(staff.Locator("#settlement-total-count")).ToHaveTextAsync("1");
        await Assertions.Expect(staff.Locator("#settlement-total-amount")).ToHaveTextAsync("300.00");
        await staff.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "voucher-settlement-390.png"), FullPage = true });
        await staff.ExpectNoSeriousAccessibilityViolationsAsync();
        (await staff.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(BrowserFixture.PhoneWidth);
    }

    private async Task<string[]> AddWorkersAsync(params string[] mobiles)
    {
        using var scope = browser.Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var personalData = scope.ServiceProvider.GetRequiredService<PersonalDataProtector>();
        foreach (var mobile in mobiles)
        {
            var hash = personalData.LookupHash(PersonalDataKind.MobileNumber, mobile);
            var user = new ApplicationUser
            {
                UserName = ApplicationUser.UserNameForMobileHash(hash), DisplayName = "职工", MobileLookupHash = hash,
                MobileNumberProtected = personalData.Protect(mobile), CreatedAt = DateTimeOffset.UtcNow,
            };
            (await users.CreateAsync(user, SkillsAcademyWebFactory.DemoPassword)).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(user, SkillsAcademy.Domain.People.Roles.Learner)).Succeeded.ShouldBeTrue();
        }

        return mobiles;
    }

    private async Task AddProfileAsync(string mobile, string idNumber)
    {
        using var scope = browser.Factory.Services.CreateScope();
        var personalData = scope.ServiceProvider.GetRequiredService<PersonalDataProtector>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByNameAsync(ApplicationUser.UserNameForMobileHash(personalData.LookupHash(PersonalDataKind.MobileNumber, mobile)));
        var errors = await scope.ServiceProvider.GetRequiredService<ProfileService>().SaveAsync(user!.Id, new ProfileRequest
        {
            RealName = "张伟", IdNumber = idNumber, EnterpriseName = "泉州示例船舶修造有限公司", RegionCode = "350500", UnionMember = true,
        });
        errors.ShouldBeEmpty();
    }
}
