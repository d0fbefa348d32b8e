using System.Text.RegularExpressions;
using System.Xml.Linq;
using SkillsAcademy.TestUtilities;

namespace SkillsAcademy.UnitTests.Web.Resources;

/// <summary>Every string the UI asks for exists in Chinese and in English.</summary>
public sealed partial class SharedResourceTests
{
    private static readonly string ResourcesFolder = Path.Combine(RepositoryRoot.Path, "src", "SkillsAcademy.Web", "Resources");

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(Path.Combine(ResourcesFolder, file)).Root!.Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);

    [Fact]
    public void Chinese_and_english_have_the_same_keys_and_no_empty_text()
    {
        var chinese = Read("SharedResource.resx");
        var english = Read("SharedResource.en.resx");

        chinese.Keys.Except(english.Keys).ShouldBeEmpty("keys missing in English");
        english.Keys.Except(chinese.Keys).ShouldBeEmpty("keys missing in Chinese");
        chinese.Where(p => string.IsNullOrWhiteSpace(p.Value)).ShouldBeEmpty();
        english.Where(p => string.IsNullOrWhiteSpace(p.Value)).ShouldBeEmpty();
    }

    [Fact]
    public void Every_key_the_code_names_exists_in_the_resources()
    {
        var keys = Read("SharedResource.resx").Keys.ToHashSet();
        var web = Path.Combine(RepositoryRoot.Path, "src", "SkillsAcademy.Web");
        var used = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => KeyPattern().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups["key"].Value)))
            .ToList();

        used.Count.ShouldBeGreaterThan(50);
        used.Where(u => !keys.Contains(u.Key)).ShouldBeEmpty();
    }

    // L["Key"], localizer["Key"] and the "Area.Name" keys listed in data tables such as the navigation.
    [GeneratedRegex(@"(?:\b(?:L|localizer)\[\s*|\(\s*|,\s*)""(?<key>[A-Z][A-Za-z]+\.[A-Z][A-Za-z.]+)""")]
    private static partial Regex KeyPattern();
}
