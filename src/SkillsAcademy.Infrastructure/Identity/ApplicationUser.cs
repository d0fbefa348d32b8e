using Microsoft.AspNetCore.Identity;

namespace SkillsAcademy.Infrastructure.Identity;

/// <summary>
/// A person who signs in. Workers sign in with a mobile number, which is never stored in plain text:
/// <see cref="MobileLookupHash"/> finds the account, <see cref="MobileNumberProtected"/> holds the number.
/// </summary>
public sealed class ApplicationUser : IdentityUser<Guid>
{
    public const int MaxDisplayNameLength = 50;

    public string DisplayName { get; set; } = "";

    /// <summary>Keyed hash of the normalised mobile number (see PersonalDataProtector).</summary>
    public string? MobileLookupHash { get; set; }

    /// <summary>The mobile number, encrypted with ASP.NET Core Data Protection.</summary>
    public string? MobileNumberProtected { get; set; }

    /// <summary>The masked number (e.g. 138****8000), safe to show and to log.</summary>
    public string? MobileNumberMasked { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The user name under which a mobile-number account is stored: derived from the lookup hash.</summary>
    public static string UserNameForMobileHash(string mobileLookupHash) => "m-" + mobileLookupHash;
}
