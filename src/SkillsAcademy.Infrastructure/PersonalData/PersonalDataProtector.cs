using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace SkillsAcademy.Infrastructure.PersonalData;

/// <summary>
/// Encrypts personal data (resident ID and mobile numbers) for storage and derives the keyed hash that
/// finds a record by that data without storing it in plain text.
/// </summary>
public sealed class PersonalDataProtector
{
    private const string Purpose = "SkillsAcademy.PersonalData.v1";
    private readonly IDataProtector _protector;
    private readonly byte[] _lookupKey;

    public PersonalDataProtector(IDataProtectionProvider provider, IOptions<PersonalDataOptions> options)
    {
        _protector = provider.CreateProtector(Purpose);
        _lookupKey = Convert.FromBase64String(options.Value.LookupKey);
    }

    public string Protect(string plainText) => _protector.Protect(plainText);

    public string Unprotect(string protectedText) => _protector.Unprotect(protectedText);

    /// <summary>HMAC-SHA256 of the normalised value, lowercase hex; the kind separates ID from mobile numbers.</summary>
    public string LookupHash(PersonalDataKind kind, string normalizedValue)
    {
        var input = Encoding.UTF8.GetBytes($"{kind}:{normalizedValue}");
        return Convert.ToHexStringLower(HMACSHA256.HashData(_lookupKey, input));
    }
}

public enum PersonalDataKind
{
    MobileNumber,
    ResidentIdNumber,
}
