using System.Text.RegularExpressions;

namespace SkillsAcademy.Domain.Catalog;

/// <summary>An occupation (工种) from the national occupational classification, e.g. 焊工 6-18-02-04.</summary>
public sealed partial class Occupation
{
    public const int MaxNameLength = 50;

    private Occupation()
    {
        Code = "";
        Name = "";
        EnglishName = "";
    }

    public Occupation(string code, string name, string englishName)
    {
        if (!IsValidCode(code))
        {
            throw new ArgumentException($"'{code}' is not an occupation code of the form 6-18-02-04.", nameof(code));
        }

        Code = code;
        Name = "";
        EnglishName = "";
        Rename(name, englishName);
    }

    public int Id { get; private set; }

    /// <summary>Classification code: major-middle-minor-detail group, e.g. 6-18-02-04.</summary>
    public string Code { get; private set; }

    public string Name { get; private set; }

    public string EnglishName { get; private set; }

    public void Rename(string name, string englishName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(englishName);
        if (name.Length > MaxNameLength || englishName.Length > MaxNameLength)
        {
            throw new ArgumentException($"Occupation names are at most {MaxNameLength} characters.");
        }

        Name = name.Trim();
        EnglishName = englishName.Trim();
    }

    public static bool IsValidCode(string? code) => code is not null && CodePattern().IsMatch(code);

    [GeneratedRegex(@"^\d-\d{2}-\d{2}-\d{2}$")]
    private static partial Regex CodePattern();
}
