using Microsoft.Playwright;
using SkillsAcademy.TestUtilities;

namespace SkillsAcademy.EndToEndTests.Journeys;

/// <summary>A craftsman writes a course, the federation publishes it, and a visitor finds it by a Chinese keyword.</summary>
public sealed class AuthoringJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private async Task<IPage> NewDesktopPageAsync()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        return await context.NewPageAsync();
    }

    [Fact]
    public async Task An_instructor_creates_a_course_staff_publish_it_and_a_visitor_finds_it()
    {
        const string title = "氩弧焊打底焊实操要领";
        var instructor = await NewDesktopPageAsync();
        await instructor.LogInAsync(SkillsAcademyWebFactory.InstructorAccount, "/authoring");
        await instructor.WaitForInteractiveAsync();

        await instructor.GetByLabel("课程名称").FillAsync(title);
        await instructor.GetByLabel("课程简介").FillAsync("讲解钨极氩弧焊打底焊的准备、操作与常见缺陷。");
        await instructor.SelectMudOptionAsync("工种", "焊工");
        await instructor.ClickAsync("#create-course");
        await instructor.WaitForURLAsync("**/authoring/courses/*");
        await instructor.WaitForInteractiveAsync();
        await Assertions.Expect(instructor.Locator("h1")).ToHaveTextAsync(title);

        await instructor.GetByText("添加课时").ClickAsync();
        await instructor.GetByLabel("课时名称").FillAsync("钨极的修磨");
        await instructor.GetByLabel("正文（Markdown）").FillAsync("## 修磨角度\n\n| 电流 | 尖端角度 |\n|---|---|\n| 小电流 | 约 30° |\n");
        await Assertions.Expect(instructor.Locator("#lesson-preview table")).ToBeVisibleAsync();
        await instructor.ClickAsync("#lesson-save");
        await Assertions.Expect(instructor.GetByText("钨极的修磨")).ToBeVisibleAsync();

        await instructor.ClickAsync("#add-question");
        await instructor.GetByLabel("题干").FillAsync("钨极氩弧焊焊接低碳钢通常采用哪种电源接法？");
        await instructor.GetByLabel("选项 A").FillAsync("直流正接");
        await instructor.GetByLabel("选项 B").FillAsync("直流反接");
        await instructor.GetByLabel("A 正确").CheckAsync();
        await instructor.GetByLabel("答案解析").FillAsync("直流正接时钨极为负极，发热少、烧损小。");
        await instructor.ClickAsync("#question-save");
        await Assertions.Expect(instructor.GetByText("钨极氩弧焊焊接低碳钢通常采用哪种电源接法？")).ToBeVisibleAsync();

        await instructor.ExpectNoSeriousAccessibilityViolationsAsync();
        await instructor.ClickAsync("#submit-for-review");
        await Assertions.Expect(instructor.Locator("#version-status")).ToContainTextAsync("审核中");

        var staff = await NewDesktopPageAsync();
        await staff.LogInAsync(SkillsAcademyWebFactory.StaffAccount, "/federation/review");
        await staff.WaitForInteractiveAsync();
        await staff.GetByText(title).ClickAsync();
        await staff.WaitForURLAsync("**/federation/review/*");
        await staff.WaitForInteractiveAsync();
        await staff.ExpectNoSeriousAccessibilityViolationsAsync();
        await staff.ClickAsync("#publish");
        await staff.WaitForURLAsync("**/federation/review");

        var visitor = await browser.NewPhonePageAsync();
        await visitor.GotoAsync("/catalog");
        await visitor.FillAsync("#q", "打底");
        await visitor.ClickAsync("#search-submit");
        await Assertions.Expect(visitor.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = title })).ToBeVisibleAsync();
        await visitor.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "catalog-search-390.png"), FullPage = true });
        await visitor.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = title }).ClickAsync();
        await Assertions.Expect(visitor.Locator("h1")).ToHaveTextAsync(title);
        await Assertions.Expect(visitor.GetByText("钨极的修磨")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_broken_package_upload_lists_each_problem_with_its_path()
    {
        var package = CoursePackages.Valid("E2E-BROKEN");
        var modules = package.Modules!.ToList();
        modules[0] = modules[0] with { Lessons = [modules[0].Lessons![0] with { RequiredMinutes = 99 }] };
        var zip = CoursePackages.Zip(CoursePackages.Files(package with { Modules = modules })).ToArray();
        var staff = await NewDesktopPageAsync();
        await staff.LogInAsync(SkillsAcademyWebFactory.StaffAccount, "/authoring/import");
        await staff.WaitForInteractiveAsync();

        // InputFile hooks its change event after the first interactive render; choose again if it missed the first one.
        for (var attempt = 0; attempt < 5 && await staff.Locator("#import-submit").IsDisabledAsync(); attempt++)
        {
            await staff.SetInputFilesAsync("#package-file", new FilePayload { Name = "broken.zip", MimeType = "application/zip", Buffer = zip });
            await staff.WaitForTimeoutAsync(1000);
        }

        await Assertions.Expect(staff.Locator("#import-submit")).ToBeEnabledAsync();
        await staff.ClickAsync("#import-submit");

        await Assertions.Expect(staff.Locator("#import-errors")).ToContainTextAsync("modules[0].lessons[0].requiredMinutes");
        await staff.ExpectNoSeriousAccessibilityViolationsAsync();
    }
}
