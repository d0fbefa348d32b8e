using MudBlazor;

namespace SkillsAcademy.Web.Components.Layout;

/// <summary>Colours chosen for contrast (WCAG AA on white) and a plain, industrial look.</summary>
public static class PlatformTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0B4F8A",
            Secondary = "#B4470B",
            AppbarBackground = "#0B4F8A",
            TextSecondary = "#4A4A4A",
            // Darker than Material's defaults so alert text passes WCAG AA on its tinted background.
            Info = "#0D47A1",
            Success = "#1B5E20",
            Warning = "#8D4E00",
            Error = "#B00020",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["system-ui", "-apple-system", "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", "sans-serif"],
            },
        },
    };
}
