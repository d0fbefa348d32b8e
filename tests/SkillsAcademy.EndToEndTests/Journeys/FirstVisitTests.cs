using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using SkillsAcademy.TestUtilities;

namespace SkillsAcademy.EndToEndTests.Journeys;

/// <summary>A worker's first visit on a phone: the home page, logging in, switching language.</summary>
public sealed class FirstVisitTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_home_page_renders_in_chinese_and_fits_a_phone_screen()
    {
        var page = await browser.NewPhonePageAsync();

        await page.GotoAsync("/");

        // The address changes before the new page is painted: wait for its heading instead of reading the old one.
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("工匠学堂");
        (await page.GetAttributeAsync("html", "lang")).ShouldBe("zh-CN");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(BrowserFixture.PhoneWidth);
        var screenshot = Path.Combine(BrowserFixture.ArtifactsDirectory, "home-390.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        new FileInfo(screenshot).Length.ShouldBeGreaterThan(10_000);
    }

    [Fact]
    public async Task A_demo_learner_logs_in_with_a_mobile_number_and_reaches_my_learning()
    {
        var page = await browser.NewPhonePageAsync();
        await page.GotoAsync("/learning");
        await page.WaitForURLAsync("**/account/login**");

        await page.FillAsync("#account", SkillsAcademyWebFactory.LearnerAccount);
        await page.FillAsync("#password", SkillsAcademyWebFactory.DemoPassword);
        await page.ClickAsync("#login-submit");

        await page.WaitForURLAsync("**/learning");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("我的学习");
        await Assertions.Expect(page.Locator("#logout")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "learning-390.png") });
    }

    [Fact]
    public async Task On_a_cached_page_the_menu_opens_without_a_circuit_and_leads_home()
    {
        var page = await browser.NewPhonePageAsync();
        await page.GotoAsync("/catalog");
        await Assertions.Expect(page.Locator("#site-menu")).ToBeHiddenAsync();

        await page.ClickAsync("#menu-toggle");
        await Assertions.Expect(page.Locator("#site-menu")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "menu-390.png") });
        await page.Locator("#site-menu").GetByText("首页").ClickAsync();

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        // The address changes before the new page is painted: wait for its heading instead of reading the old one.
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("工匠学堂");
    }

    [Fact]
    public async Task Wrong_credentials_are_explained_in_chinese()
    {
        var page = await browser.NewPhonePageAsync();
        await page.GotoAsync("/account/login");

        await page.FillAsync("#account", "13900000000");
        await page.FillAsync("#password", "Wrong2026");
        await page.ClickAsync("#login-submit");

        await Assertions.Expect(page.Locator("#login-error")).ToContainTextAsync("账号或密码错误");
    }

    [Fact]
    public async Task The_language_switch_shows_english_and_back()
    {
        var page = await browser.NewPhonePageAsync();
        await page.GotoAsync("/catalog");

        await page.ClickAsync("#culture-switch");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Course catalog");
        (await page.GetAttributeAsync("html", "lang")).ShouldBe("en");
        page.Url.ShouldEndWith("/catalog");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "catalog-en-390.png") });

        await page.ClickAsync("#culture-switch");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("课程目录");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/catalog")]
    [InlineData("/account/login")]
    [InlineData("/account/register")]
    public async Task Public_pages_have_no_serious_accessibility_violations_on_a_phone(string path)
    {
        var page = await browser.NewPhonePageAsync();
        await page.GotoAsync(path);

        var result = await page.RunAxe();

        var serious = result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ToList();
        serious.ShouldBeEmpty();
    }
}
