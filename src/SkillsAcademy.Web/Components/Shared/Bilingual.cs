using System.Globalization;

namespace SkillsAcademy.Web.Components.Shared;

/// <summary>Picks the Chinese or English form of data stored in both (occupation names) by the current UI culture.</summary>
public static class Bilingual
{
    public static string Pick(string chinese, string english) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh" ? chinese : english;
}
