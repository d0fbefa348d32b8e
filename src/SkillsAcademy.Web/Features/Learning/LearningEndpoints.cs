using System.Globalization;
using System.Security.Claims;
using Microsoft.Extensions.Localization;
using SkillsAcademy.Infrastructure.Pdf;
using SkillsAcademy.Web.Features.Accounts;
using SkillsAcademy.Web.Resources;

namespace SkillsAcademy.Web.Features.Learning;

public static class LearningEndpoints
{
    public static IEndpointRouteBuilder MapLearningEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/learning-record/export.csv", ExportCsvAsync).RequireAuthorization(Policies.Learning);
        endpoints.MapGet("/learning-record/export.pdf", ExportPdfAsync).RequireAuthorization(Policies.Learning);
        return endpoints;
    }

    // The printable record (the certificate's PDF engine): masked name and ID on every page, oldest event first.
    private static async Task ExportPdfAsync(
        ClaimsPrincipal user, LearningRecordService records, ProfileService profiles, IPdfRenderer renderer,
        IStringLocalizer<SharedResource> localizer, TimeProvider time, HttpContext context)
    {
        var learnerId = user.UserId();
        var rows = await records.ListAllAsync(learnerId, context.RequestAborted);
        var profile = await profiles.GetAsync(learnerId, context.RequestAborted);
        var document = LearningRecordDocument.Create(new LearningRecordContent(
            localizer["App.Name"].Value,
            SkillsAcademy.Domain.Certificates.Certificate.MaskName(profile?.RealName ?? user.Identity?.Name ?? ""),
            profile?.IdNumberMasked ?? "",
            records.Local(time.GetUtcNow()).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            [.. rows.Select(r => new LearningRecordRow(
                records.Local(r.OccurredAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                localizer[$"Record.Kind.{r.Kind}"].Value,
                r.CourseTitle ?? "",
                records.Details(r),
                r.Hash[..12]))]));
        using var pdf = new MemoryStream();
        renderer.RenderPdf(document, pdf);
        var day = time.GetUtcNow().ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        context.Response.ContentType = "application/pdf";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"learning-record-{day}.pdf\"";
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.Body.WriteAsync(pdf.ToArray(), context.RequestAborted);
    }

    // The learner's own record only: the learner comes from the cookie, never from the address.
    private static async Task ExportCsvAsync(ClaimsPrincipal user, LearningRecordService records, TimeProvider time, HttpContext context)
    {
        var day = time.GetUtcNow().ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"learning-record-{day}.csv\"";
        context.Response.Headers.CacheControl = "no-store";
        await records.WriteCsvAsync(user.UserId(), context.Response.Body, context.RequestAborted);
    }
}
