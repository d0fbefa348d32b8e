namespace SkillsAcademy.Infrastructure.PersonalData;

/// <summary>The "PersonalData" configuration section.</summary>
public sealed class PersonalDataOptions
{
    public const string SectionName = "PersonalData";

    /// <summary>Base64 key (at least 32 bytes) for the keyed hashes that look up ID and mobile numbers.</summary>
    public string LookupKey { get; set; } = "";

    public static IReadOnlyList<string> Validate(PersonalDataOptions options)
    {
        Span<byte> buffer = stackalloc byte[256];
        if (string.IsNullOrWhiteSpace(options.LookupKey))
        {
            return ["PersonalData:LookupKey is required: a base64 key of at least 32 bytes (e.g. `openssl rand -base64 32`)."];
        }

        if (!Convert.TryFromBase64String(options.LookupKey, buffer, out var length) || length < 32)
        {
            return ["PersonalData:LookupKey must be base64 of at least 32 bytes (e.g. `openssl rand -base64 32`)."];
        }

        return [];
    }
}
