using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using SkillsAcademy.Infrastructure.Credentials;
using SkillsAcademy.Web.Features.Accounts;
using SkillsAcademy.Web.Platform;

namespace SkillsAcademy.Web.Features.Certificates;

public static class CertificateEndpoints
{
    public static IEndpointRouteBuilder MapCertificateEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/certificates/{serial}/certificate.pdf", DownloadPdfAsync).RequireAuthorization(Policies.Learning);
        endpoints.MapGet("/certificates/{serial}/credential.jwt", DownloadCredentialAsync).RequireAuthorization(Policies.Learning);
        endpoints.MapGet("/federation/certificates/exports/{id:guid}.zip", DownloadExportAsync).RequireAuthorization(Policies.Federation);
        endpoints.MapGet("/api/certificates/verify/{serial}", VerifyAsync).RequireRateLimiting(RateLimits.Verification);
        endpoints.MapGet("/.well-known/jwks.json", (CredentialSigner signer) => TypedResults.Json(new JsonObject { ["keys"] = new JsonArray(signer.PublicJwk.DeepClone()) }));
        return endpoints;
    }

    // Only the learner's own certificate: another learner's serial is simply not found.
    private static async Task<Results<FileContentHttpResult, NotFound>> DownloadPdfAsync(
        string serial, ClaimsPrincipal user, CertificateService certificates, CertificateDocuments documents, HttpContext context)
    {
        if (await certificates.GetMineAsync(user.UserId(), serial, context.RequestAborted) is not { } certificate)
        {
            return TypedResults.NotFound();
        }

        using var pdf = new MemoryStream();
        documents.WritePdf(certificate, RequestBase(context), pdf);
        context.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.File(pdf.ToArray(), "application/pdf", $"{certificate.Serial}.pdf");
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> DownloadCredentialAsync(
        string serial, ClaimsPrincipal user, CertificateService certificates, CertificateDocuments documents, HttpContext context)
    {
        if (await certificates.GetMineAsync(user.UserId(), serial, context.RequestAborted) is not { } certificate)
        {
            return TypedResults.NotFound();
        }

        var jws = documents.SignedCredential(certificate, RequestBase(context));
        context.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.File(System.Text.Encoding.ASCII.GetBytes(jws), "application/vc+jwt", $"{certificate.Serial}.jwt");
    }

    private static async Task<Results<PhysicalFileHttpResult, NotFound>> DownloadExportAsync(Guid id, CertificateExportService exports, HttpContext context) =>
        await exports.FilePathAsync(id, context.RequestAborted) is { } path
            ? TypedResults.PhysicalFile(path, "application/zip", $"certificates-{id:N}.zip")
            : TypedResults.NotFound();

    // The same answer as the page, for machines: a wrong code and an unknown serial are both 404 with one body.
    private static async Task<Results<Ok<VerificationResponse>, NotFound<VerificationResponse>>> VerifyAsync(
        string serial, string? code, CertificateService certificates, HttpContext context)
    {
        var result = await certificates.VerifyAsync(serial, code, context.RequestAborted);
        var body = new VerificationResponse(
            result.Status.ToString().ToLowerInvariant(), result.Serial, result.MaskedName, result.CourseTitle, result.OccupationName, result.OccupationCode,
            result.Level?.ToString(), result.CreditHours, result.CompletedAt, result.IssuedAt, result.RevokedAt, result.Issuer);
        return result.Status == VerificationStatus.NotFound ? TypedResults.NotFound(body) : TypedResults.Ok(body);
    }

    private static Uri RequestBase(HttpContext context) => new($"{context.Request.Scheme}://{context.Request.Host}/");
}

public sealed record VerificationResponse(
    string Status,
    string? Serial,
    string? Name,
    string? Course,
    string? Occupation,
    string? OccupationCode,
    string? SkillLevel,
    decimal? CreditHours,
    DateTimeOffset? CompletedAt,
    DateTimeOffset? IssuedAt,
    DateTimeOffset? RevokedAt,
    string? Issuer);
