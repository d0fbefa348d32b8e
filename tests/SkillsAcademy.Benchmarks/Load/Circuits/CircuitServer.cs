using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using SkillsAcademy.TestUtilities;
using SkillsAcademy.Web.Platform;

namespace SkillsAcademy.Benchmarks.Load.Circuits;

/// <summary>
/// The measured server: the product (<see cref="LoadApp"/>, Production-like) or the Counter baseline app, each a
/// separate Release process, optionally pinned to CPUs, with the memory diagnostics endpoint switched on.
/// </summary>
public sealed class CircuitServer : IAsyncDisposable
{
    private readonly LoadApp? _product;
    private readonly Process? _counter;

    private CircuitServer(LoadApp product)
    {
        _product = product;
        Address = product.Address;
    }

    private CircuitServer(Process counter, Uri address)
    {
        _counter = counter;
        Address = address;
    }

    public Uri Address { get; }

    public int ProcessId => _product?.ProcessId ?? _counter!.Id;

    public static string CounterDirectory { get; } =
        Path.Combine(RepositoryRoot.Path, "tests", "SkillsAcademy.CounterBaseline", "bin", LoadApp.BuildConfiguration, "net10.0");

    /// <summary>The product on the load data set, with settings that let one node hold many circuits (see docs/performance.md).</summary>
    /// <param name="environment">
    /// Production, except for real browsers: the build output serves blazor.web.js and the other static web assets
    /// only in Development (a published app serves them in any environment).
    /// </param>
    /// <param name="appDirectory">Another build of the app (a copy of its output); default the harness's own build.</param>
    public static async Task<CircuitServer> StartProductAsync(string dataDirectory, string? cpus, string environment = "Production", string? appDirectory = null)
    {
        var settings = LoadApp.ProductionLikeSettings(dataDirectory, baselineDirectory: null);
        settings["ASPNETCORE_ENVIRONMENT"] = environment;
        settings[MemoryDiagnostics.SettingName] = "true";
        return new CircuitServer(await LoadApp.StartAsync(settings, cpus, appDirectory: appDirectory));
    }

    /// <summary>The template's Counter app, as it is, plus the memory endpoint.</summary>
    public static async Task<CircuitServer> StartCounterAsync(string? cpus, string environment = "Production")
    {
        var dll = Path.Combine(CounterDirectory, "SkillsAcademy.CounterBaseline.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"No built Counter baseline at {dll}: build the solution in {LoadApp.BuildConfiguration} first.");
        }

        var address = new Uri($"http://127.0.0.1:{LoadApp.FreeLoopbackPort()}/");
        var start = new ProcessStartInfo(cpus is null ? "dotnet" : "taskset") { WorkingDirectory = CounterDirectory, UseShellExecute = false };
        if (cpus is not null)
        {
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(cpus);
            start.ArgumentList.Add("dotnet");
        }

        start.ArgumentList.Add(dll);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/');
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment[MemoryDiagnostics.SettingName.Replace(":", "__", StringComparison.Ordinal)] = "true";
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
        var server = new CircuitServer(process, address);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(address, "/counter"));
                if (response.IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }

            if (process.HasExited || deadline.Elapsed > TimeSpan.FromMinutes(1))
            {
                await server.DisposeAsync();
                throw new InvalidOperationException("The Counter baseline did not start.");
            }

            await Task.Delay(250);
        }
    }

    /// <summary>A full compacting collection on the server, then its managed heap and working set.</summary>
    public async Task<MemoryDiagnostics.MemoryReading> MeasureMemoryAsync(HttpClient http) =>
        await http.GetFromJsonAsync<MemoryDiagnostics.MemoryReading>(new Uri(Address, MemoryDiagnostics.EndpointPath)) ?? throw new InvalidOperationException("No memory reading.");

    public bool HasExited => _product?.HasExited ?? _counter!.HasExited;

    public string Output => _product?.Output ?? "";

    public TimeSpan CpuTime()
    {
        if (_product is not null)
        {
            return _product.CpuTime();
        }

        _counter!.Refresh();
        return _counter.TotalProcessorTime;
    }

    public async ValueTask DisposeAsync()
    {
        if (_product is not null)
        {
            await _product.DisposeAsync();
        }

        if (_counter is not null)
        {
            if (!_counter.HasExited)
            {
                _counter.Kill(entireProcessTree: true);
                await _counter.WaitForExitAsync();
            }

            _counter.Dispose();
        }
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"pid {ProcessId} at {Address}");
}
