using System.Text.RegularExpressions;
using SkillsAcademy.TestUtilities;

namespace SkillsAcademy.UnitTests.Web;

/// <summary>
/// Rules about the web project's source that a reviewer would otherwise have to remember (Microsoft's threat
/// mitigation guidance for interactive server-side Blazor, ASVS 5.0 V1 Encoding and Sanitization, V3 Web Frontend Security): raw HTML reaches a page only from
/// the sanitizer, and a return URL taken from the address is used only through LocalUrl.
/// </summary>
public sealed partial class SourceRulesTests
{
    private static readonly string WebProject = Path.Combine(RepositoryRoot.Path, "src", "SkillsAcademy.Web");

    private static IEnumerable<(string File, int Line, string Text)> SourceLines() =>
        Directory.EnumerateFiles(WebProject, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadAllLines(f).Select((text, i) => (Path.GetRelativePath(WebProject, f), i + 1, text)));

    [Fact]
    public void Every_MarkupString_is_made_from_sanitized_html()
    {
        var uses = SourceLines().Where(l => l.Text.Contains("MarkupString", StringComparison.Ordinal)).ToList();

        uses.Count.ShouldBeGreaterThanOrEqualTo(3, "the lesson page, the editor preview and the review page show Markdown");
        uses.Where(l => !SanitizedMarkup().IsMatch(l.Text) && !ConstantIcon().IsMatch(l.Text) && l.File != IconMarkupFile)
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ShouldBeEmpty("raw HTML may only come from LessonMarkdown.ToSafeHtml (or a SafeHtml value it produced), or be a MudBlazor icon constant");
    }

    [Fact]
    public void Icon_markup_is_only_made_from_literal_classes_and_MudBlazor_icon_constants()
    {
        var calls = SourceLines().Where(l => l.Text.Contains("IconMarkup.Svg(", StringComparison.Ordinal) && l.File != IconMarkupFile).ToList();

        calls.ShouldNotBeEmpty("the course outline draws its icons this way");
        calls.Where(l => !ConstantIcon().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ShouldBeEmpty("IconMarkup.Svg writes its arguments unencoded: only a string literal and an Icons.… constant may go in");
    }

    private static readonly string IconMarkupFile = Path.Combine("Components", "Shared", "IconMarkup.cs");

    [Fact]
    public void A_return_url_from_the_address_is_only_used_through_LocalUrl()
    {
        var uses = SourceLines()
            .Where(l => ReturnUrlUse().IsMatch(l.Text))
            .Where(l => !l.Text.Contains("private string? ReturnUrl { get; set; }", StringComparison.Ordinal)
                && !l.Text.Contains("string? returnUrl)", StringComparison.Ordinal))
            .ToList();

        uses.Count.ShouldBeGreaterThanOrEqualTo(5);
        uses.Where(l => !l.Text.Contains("LocalUrl.OrHome(ReturnUrl)", StringComparison.Ordinal) && !l.Text.Contains("LocalUrl.OrHome(returnUrl)", StringComparison.Ordinal))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ShouldBeEmpty("a return URL from the query string must go through LocalUrl.OrHome");
    }

    // (MarkupString)(x.SafeHtml ...) or (MarkupString)Markdown.ToSafeHtml(...)
    [GeneratedRegex(@"\(MarkupString\)\s*\(?\s*[\w.]*(SafeHtml|ToSafeHtml\()")]
    private static partial Regex SanitizedMarkup();

    // IconMarkup.Svg("literal classes", Icons.Material.Filled.X)
    [GeneratedRegex(@"IconMarkup\.Svg\(""[\w -]*"",\s*Icons\.[\w.]+\)")]
    private static partial Regex ConstantIcon();

    // The query-bound property or the endpoint parameter, not the locally built "returnUrl" variables of redirects.
    [GeneratedRegex(@"\bReturnUrl\b|OrHome\(returnUrl\)|Redirect\w*\(\s*returnUrl|NavigateTo\(\s*returnUrl|Href=""@returnUrl")]
    private static partial Regex ReturnUrlUse();
}
