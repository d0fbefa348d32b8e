using System.Net;

namespace SkillsAcademy.IntegrationTests.Platform;

public sealed class CultureSwitchTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Pages_are_chinese_by_default_and_english_after_the_switch()
    {
        using var client = app.Factory.CreateBrowserlessClient();
        var chinese = await client.GetStringAsync("/catalog", TestContext.Current.CancellationToken);
        WebUtility.HtmlDecode(chinese).ShouldContain("课程目录");
        chinese.ShouldContain("lang=\"zh-CN\"");

        using var switched = await client.GetAsync("/culture/set?culture=en&returnUrl=%2Fcatalog", TestContext.Current.CancellationToken);

        switched.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        switched.Headers.Location!.OriginalString.ShouldBe("/catalog");
        var english = await client.GetStringAsync("/catalog", TestContext.Current.CancellationToken);
        english.ShouldContain("Course catalog");
        english.ShouldContain("lang=\"en\"");
    }

    [Theory]
    [InlineData("//evil.example")]
    [InlineData("https://evil.example")]
    public async Task The_switch_never_redirects_off_the_site(string returnUrl)
    {
        using var client = app.Factory.CreateBrowserlessClient();

        using var response = await client.GetAsync($"/culture/set?culture=en&returnUrl={Uri.EscapeDataString(returnUrl)}", TestContext.Current.CancellationToken);

        response.Headers.Location!.OriginalString.ShouldBe("/");
    }
}
