namespace SkillsAcademy.Web.Platform;

/// <summary>The "DemoData" section: demo accounts for trying the platform out. Off unless configured.</summary>
public sealed class DemoDataOptions
{
    public const string SectionName = "DemoData";

    public bool Enabled { get; set; }

    /// <summary>The password every demo account gets; must pass the password rules.</summary>
    public string Password { get; set; } = "";

    public static IReadOnlyList<string> Validate(DemoDataOptions options) =>
        options.Enabled && string.IsNullOrWhiteSpace(options.Password)
            ? ["DemoData:Password is required when DemoData:Enabled is true."]
            : [];
}
