using System.Security.Cryptography;

namespace SkillsAcademy.Infrastructure.Credentials;

/// <summary>
/// The "Credentials" configuration section: the platform's ECDSA P-256 key that signs the verifiable
/// credentials issued with certificates. A wrong key stops start-up rather than issuing unverifiable badges.
/// </summary>
public sealed class CredentialSigningOptions
{
    public const string SectionName = "Credentials";

    /// <summary>P-256 = secp256r1 = prime256v1, the curve ES256 names.</summary>
    internal const string P256Oid = "1.2.840.10045.3.1.7";

    /// <summary>The private key as PKCS#8 PEM (<c>-----BEGIN PRIVATE KEY-----</c>), an ECDSA P-256 key.</summary>
    public string SigningKeyPem { get; set; } = "";

    /// <summary>
    /// Development only: where a generated key is kept when <see cref="SigningKeyPem"/> is empty (relative to
    /// the content root), so credentials signed yesterday still verify after a restart. Leave empty in production.
    /// </summary>
    public string DevelopmentKeyFile { get; set; } = "";

    public static IReadOnlyList<string> Validate(CredentialSigningOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string howTo = "(e.g. `openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256`)";
        if (string.IsNullOrWhiteSpace(options.SigningKeyPem))
        {
            return [$"{SectionName}:SigningKeyPem is required: an ECDSA P-256 private key as PKCS#8 PEM {howTo}."];
        }

        if (!PemEncoding.TryFind(options.SigningKeyPem, out var fields) || options.SigningKeyPem[fields.Label] != "PRIVATE KEY")
        {
            return [$"{SectionName}:SigningKeyPem must be a PKCS#8 PEM block starting with -----BEGIN PRIVATE KEY----- {howTo}."];
        }

        try
        {
            using var key = ECDsa.Create();
            key.ImportFromPem(options.SigningKeyPem);
            if (key.ExportParameters(includePrivateParameters: false).Curve.Oid.Value != P256Oid)
            {
                return [$"{SectionName}:SigningKeyPem must be an ECDSA key on the P-256 curve {howTo}."];
            }
        }
        catch (CryptographicException exception)
        {
            return [$"{SectionName}:SigningKeyPem is not a readable ECDSA P-256 PKCS#8 key ({exception.Message}) {howTo}."];
        }
        catch (ArgumentException exception)
        {
            return [$"{SectionName}:SigningKeyPem is not a readable ECDSA P-256 PKCS#8 key ({exception.Message}) {howTo}."];
        }

        return [];
    }
}
