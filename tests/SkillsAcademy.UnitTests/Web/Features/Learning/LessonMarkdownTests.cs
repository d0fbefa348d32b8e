using SkillsAcademy.Web.Features.Learning;

namespace SkillsAcademy.UnitTests.Web.Features.Learning;

public sealed class LessonMarkdownTests
{
    private readonly LessonMarkdown _markdown = new();

    [Fact]
    public void Headings_lists_and_tables_render()
    {
        var html = _markdown.ToSafeHtml("## 焊条直径\n\n- 3.2 mm\n- 4.0 mm\n\n| 直径 | 电流 |\n|---|---|\n| 3.2 | 90–130 A |\n");

        html.ShouldContain("<h2");
        html.ShouldContain("焊条直径");
        html.ShouldContain("<li>3.2 mm</li>");
        html.ShouldContain("<table>");
        html.ShouldContain("<td>90–130 A</td>");
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "<script")]
    [InlineData("<img src=x onerror=alert(1)>", "<img")]
    [InlineData("[点我](javascript:alert(1))", "javascript:")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>", "<iframe")]
    public void Script_and_raw_html_never_reach_the_page(string markdown, string forbidden) =>
        _markdown.ToSafeHtml(markdown).ShouldNotContain(forbidden, Case.Insensitive);

    [Fact]
    public void External_links_open_safely_in_a_new_tab()
    {
        var html = _markdown.ToSafeHtml("[国家标准](https://std.example/gb)");

        html.ShouldContain("href=\"https://std.example/gb\"");
        html.ShouldContain("rel=\"noopener noreferrer nofollow\"");
    }

    [Fact]
    public void Empty_text_renders_nothing() => _markdown.ToSafeHtml("  ").ShouldBeEmpty();
}
