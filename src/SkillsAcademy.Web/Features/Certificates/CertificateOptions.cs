using SkillsAcademy.Domain.Certificates;

namespace SkillsAcademy.Web.Features.Certificates;

/// <summary>The "Certificates" configuration section: who issues certificates and where they are verified.</summary>
public sealed class CertificateOptions
{
    public const string SectionName = "Certificates";

    /// <summary>The serial's issuer part, 2–10 uppercase letters or digits (e.g. FJZGH for 福建省总工会).</summary>
    public string Issuer { get; set; } = "FJZGH";

    /// <summary>The issuing body as printed on certificates.</summary>
    public string IssuerName { get; set; } = "福建省总工会 · 工匠学堂";

    /// <summary>
    /// The public address of the platform for the QR code, e.g. https://skills.example.cn. Empty: the address of the
    /// request that downloads the certificate.
    /// </summary>
    public string PublicBaseUrl { get; set; } = "";

    public static IReadOnlyList<string> Validate(CertificateOptions options)
    {
        var failures = new List<string>();
        if (!CertificateSerial.IsValidIssuer(options.Issuer))
        {
            failures.Add($"Certificates:Issuer '{options.Issuer}' must be 2 to 10 uppercase letters or digits (e.g. FJZGH).");
        }

        if (string.IsNullOrWhiteSpace(options.IssuerName) || options.IssuerName.Length > 60)
        {
            failures.Add("Certificates:IssuerName must be between 1 and 60 characters.");
        }

        if (options.PublicBaseUrl.Length > 0
            && (!Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || uri.Query.Length > 0))
        {
            failures.Add($"Certificates:PublicBaseUrl '{options.PublicBaseUrl}' must be an absolute http(s) address without a query, or empty.");
        }

        return failures;
    }
}
