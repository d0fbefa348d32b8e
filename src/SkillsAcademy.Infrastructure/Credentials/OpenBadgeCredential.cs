using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace SkillsAcademy.Infrastructure.Credentials;

/// <summary>What an Open Badges credential for a completed course states; formatted values, no database ids.</summary>
public sealed record BadgeCredentialContent(
    Uri CredentialId,
    Uri IssuerId,
    string IssuerName,
    string LearnerName,
    Uri AchievementId,
    string CourseTitle,
    string OccupationName,
    string OccupationCode,
    string SkillLevel,
    decimal CreditHours,
    DateOnly CompletionDate,
    DateTimeOffset ValidFrom,
    string Serial);

/// <summary>
/// Builds the W3C Verifiable Credential 2.0 / Open Badges 3.0 JSON of a certificate. The learner is named
/// only by a salted SHA-256 of the name (OB 3.0 IdentityObject, hashed): the holder can prove it is theirs,
/// a reader of the JSON learns nothing.
/// </summary>
public static class OpenBadgeCredential
{
    public static JsonObject Create(BadgeCredentialContent content, string identitySalt)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(identitySalt);
        var hours = content.CreditHours.ToString("0.##", CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["@context"] = new JsonArray(
                "https://www.w3.org/ns/credentials/v2",
                "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"),
            ["id"] = content.CredentialId.AbsoluteUri,
            ["type"] = new JsonArray("VerifiableCredential", "OpenBadgeCredential"),
            ["name"] = $"结业证书：{content.CourseTitle}",
            ["description"] = $"证书编号 {content.Serial}",
            ["issuer"] = new JsonObject
            {
                ["id"] = content.IssuerId.AbsoluteUri,
                ["type"] = new JsonArray("Profile"),
                ["name"] = content.IssuerName,
            },
            ["validFrom"] = content.ValidFrom.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["credentialSubject"] = new JsonObject
            {
                ["type"] = new JsonArray("AchievementSubject"),
                ["identifier"] = new JsonArray(new JsonObject
                {
                    ["type"] = "IdentityObject",
                    ["identityHash"] = IdentityHash(content.LearnerName, identitySalt),
                    ["identityType"] = "name",
                    ["hashed"] = true,
                    ["salt"] = identitySalt,
                }),
                ["activityEndDate"] = content.CompletionDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z",
                ["creditsEarned"] = content.CreditHours,
                ["achievement"] = new JsonObject
                {
                    ["id"] = content.AchievementId.AbsoluteUri,
                    ["type"] = new JsonArray("Achievement"),
                    ["achievementType"] = "Certificate",
                    ["name"] = content.CourseTitle,
                    ["description"] = $"{content.OccupationName}（{content.OccupationCode}）{content.SkillLevel}，{hours} 学时",
                    ["criteria"] = new JsonObject
                    {
                        ["narrative"] = $"完成课程全部学习内容（{hours} 学时）并通过考核。",
                    },
                    ["fieldOfStudy"] = content.OccupationName,
                    ["creditsAvailable"] = content.CreditHours,
                    ["tag"] = new JsonArray(content.OccupationCode, content.SkillLevel),
                },
            },
        };
    }

    /// <summary>OB 3.0's hashed identity: "sha256$" + hex SHA-256 of the value followed by the salt.</summary>
    public static string IdentityHash(string value, string salt) =>
        "sha256$" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value + salt)));
}
