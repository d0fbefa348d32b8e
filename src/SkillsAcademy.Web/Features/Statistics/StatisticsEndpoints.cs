using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using SkillsAcademy.Web.Features.Accounts;

namespace SkillsAcademy.Web.Features.Statistics;

public static class StatisticsEndpoints
{
    public static IEndpointRouteBuilder MapStatisticsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/federation/statistics/exports/{id:guid}/download", DownloadExportAsync).RequireAuthorization(Policies.Federation);
        return endpoints;
    }

    // Only the requester's own export: another staff member's id is simply not found. The file name is Chinese
    // (培训统计-2026-11-24.csv), so the header carries it as RFC 5987 filename* with an ASCII fallback.
    private static async Task<Results<PhysicalFileHttpResult, NotFound>> DownloadExportAsync(
        Guid id, ClaimsPrincipal user, StatisticsExportService exports, HttpContext context)
    {
        if (await exports.FileAsync(user.UserId(), id, context.RequestAborted) is not { } file)
        {
            return TypedResults.NotFound();
        }

        context.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.PhysicalFile(file.Path, file.ContentType, file.FileName);
    }
}
