using System.Globalization;
using System.Security.Claims;
using SkillsAcademy.Web.Features.Accounts;

namespace SkillsAcademy.Web.Features.Learning;

public static class LearningEndpoints
{
    public static IEndpointRouteBuilder MapLearningEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/learning-record/export.csv", ExportCsvAsync).RequireAuthorization(Policies.Learning);
        return endpoints;
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
