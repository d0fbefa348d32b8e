namespace SkillsAcademy.Web.Platform.Security;

/// <summary>The "Security" section: sign-in strength and how quickly account changes reach open circuits.</summary>
public sealed class SecurityOptions
{
    public const string SectionName = "Security";

    /// <summary>
    /// Federation staff and administrators must sign in with an authenticator code (TOTP) before any staff page.
    /// On by default; Development and the tests turn it off so that the demo accounts sign in with a password only.
    /// </summary>
    public bool RequireMfaForStaff { get; set; } = true;

    /// <summary>How often an open circuit re-checks its user (lockout, security stamp, roles); at most 60 s.</summary>
    public int RevalidationIntervalSeconds { get; set; } = 60;

    public static IReadOnlyList<string> Validate(SecurityOptions options) =>
        options.RevalidationIntervalSeconds is < 1 or > 60
            ? [$"Security:RevalidationIntervalSeconds must be between 1 and 60; it is {options.RevalidationIntervalSeconds}."]
            : [];
}
