using System.Security.Claims;
using SkillsAcademy.Infrastructure.Files;
using SkillsAcademy.Infrastructure.Persistence;
using SkillsAcademy.Web.Features.Accounts;
using SkillsAcademy.Web.Features.Authoring.Packages;

namespace SkillsAcademy.Web.Features.Authoring;

public static class AuthoringEndpoints
{
    public static IEndpointRouteBuilder MapAuthoringEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/authoring/courses/{courseId:int}/package", ExportPackageAsync)
            .RequireAuthorization(Policies.CourseImport);
        endpoints.MapGet("/media/{**path}", ServeMedia);
        return endpoints;
    }

    // Course files have unguessable names and never change: served with range requests (phones seek in videos)
    // and cached for a long time. Only course media is reachable here.
    private static IResult ServeMedia(string path, IFileStore files, HttpContext context)
    {
        if (!path.StartsWith("courses/", StringComparison.Ordinal) || path.Contains("..", StringComparison.Ordinal))
        {
            return TypedResults.NotFound();
        }

        Stream? stream;
        try
        {
            stream = files.OpenRead(path);
        }
        catch (ArgumentException)
        {
            return TypedResults.NotFound();
        }

        if (stream is null)
        {
            return TypedResults.NotFound();
        }

        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        return TypedResults.File(stream, MediaSignature.ContentType(path), enableRangeProcessing: true);
    }

    // The zip is built in a temporary file so that memory stays flat however large the media are.
    private static async Task<IResult> ExportPackageAsync(
        int courseId, ClaimsPrincipal user, AuthoringService authoring, CoursePackageWriter writer, DatabaseSettings database, CancellationToken cancellationToken)
    {
        var export = await authoring.GetExportAsync(AuthoringActor.From(user), courseId, cancellationToken);
        if (export is null)
        {
            return TypedResults.NotFound();
        }

        Directory.CreateDirectory(database.TempDirectory);
        var file = new FileStream(
            Path.Combine(database.TempDirectory, $"export-{Guid.NewGuid():N}.zip"),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await writer.WriteZipAsync(export.Course, export.Version, export.OccupationCode, file, cancellationToken);
        file.Position = 0;
        return TypedResults.File(file, "application/zip", $"{export.Course.Code}-v{export.Version.Number}.zip");
    }
}
