using System.Diagnostics;
using System.Net;
using System.Runtime;

namespace SkillsAcademy.Web.Platform;

/// <summary>
/// <c>GET /diagnostics/memory</c> for capacity measurements (docs/performance.md): a full, compacting, blocking garbage
/// collection, then the managed heap and the process's working set. Off unless <c>Diagnostics:MemoryEndpoint</c> is
/// true, and even then only for requests from the machine itself: forcing full collections stalls the node.
/// The same file is compiled into the Counter baseline app so that both are measured the same way.
/// </summary>
public static class MemoryDiagnostics
{
    public const string EndpointPath = "/diagnostics/memory";
    public const string SettingName = "Diagnostics:MemoryEndpoint";

    public static IEndpointRouteBuilder MapMemoryDiagnostics(this IEndpointRouteBuilder app)
    {
        var enabled = app.ServiceProvider.GetRequiredService<IConfiguration>().GetValue<bool>(SettingName);
        app.MapGet(EndpointPath, (HttpContext context) =>
        {
            if (!enabled || context.Connection.RemoteIpAddress is not { } remote || !IPAddress.IsLoopback(remote))
            {
                return Results.NotFound();
            }

            return Results.Json(Measure());
        }).AllowAnonymous();
        return app;
    }

    public static MemoryReading Measure()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        using var process = Process.GetCurrentProcess();
        var info = GC.GetGCMemoryInfo(GCKind.FullBlocking);
        return new MemoryReading(GC.GetTotalMemory(forceFullCollection: false), info.HeapSizeBytes, info.TotalCommittedBytes, process.WorkingSet64);
    }

    /// <summary>Bytes: live managed objects, the GC heap with fragmentation, memory the GC has committed, working set.</summary>
    public sealed record MemoryReading(long ManagedBytes, long GcHeapBytes, long GcCommittedBytes, long WorkingSetBytes);
}
