using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using SkillsAcademy.Domain.Certificates;
using SkillsAcademy.Infrastructure.Credentials;
using SkillsAcademy.Infrastructure.Pdf;
using SkillsAcademy.Web.Platform;
using SkillsAcademy.Web.Resources;

namespace SkillsAcademy.Web.Features.Certificates;

/// <summary>Turns an issued certificate into its PDF and its signed Open Badges credential.</summary>
public sealed class CertificateDocuments(
    IPdfRenderer renderer,
    CredentialSigner signer,
    IOptions<CertificateOptions> options,
    IOptions<PlatformOptions> platform,
    IStringLocalizer<SharedResource> localizer)
{
    public Uri VerificationUrl(Certificate certificate, Uri requestBase) =>
        new(BaseUrl(requestBase), $"verify/{certificate.Serial}?code={certificate.VerificationCode}");

    public void WritePdf(Certificate certificate, Uri requestBase, Stream output) =>
        renderer.RenderPdf(CertificateDocument.Create(new CertificateContent(
            localizer["App.Name"].Value,
            options.Value.IssuerName,
            certificate.LearnerName,
            certificate.IdNumberMasked,
            certificate.CourseTitle,
            certificate.OccupationName,
            certificate.OccupationCode,
            localizer[$"Level.{certificate.SkillLevel}"].Value,
            certificate.CreditHours,
            LocalDate(certificate.CompletedAt),
            LocalDate(certificate.IssuedAt),
            certificate.Serial,
            VerificationUrl(certificate, requestBase))), output);

    /// <summary>The credential as a compact JWS (vc+jwt, ES256) verifiable with the published key.</summary>
    public string SignedCredential(Certificate certificate, Uri requestBase)
    {
        var baseUrl = BaseUrl(requestBase);
        var credential = OpenBadgeCredential.Create(new BadgeCredentialContent(
            new Uri(baseUrl, $"certificates/{certificate.Serial}/credential"),
            new Uri(baseUrl, "issuer"),
            options.Value.IssuerName,
            certificate.LearnerName,
            new Uri(baseUrl, $"courses/achievements/{certificate.CourseId.ToString(CultureInfo.InvariantCulture)}"),
            certificate.CourseTitle,
            certificate.OccupationName,
            certificate.OccupationCode,
            localizer[$"Level.{certificate.SkillLevel}"].Value,
            certificate.CreditHours,
            LocalDate(certificate.CompletedAt),
            certificate.IssuedAt,
            certificate.Serial), certificate.VerificationCode);
        return signer.Sign(credential);
    }

    private Uri BaseUrl(Uri requestBase)
    {
        var configured = options.Value.PublicBaseUrl;
        var baseUrl = configured.Length > 0 ? configured : requestBase.GetLeftPart(UriPartial.Authority);
        return new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");
    }

    private DateOnly LocalDate(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, platform.Value.GetTimeZone()).DateTime);
}
