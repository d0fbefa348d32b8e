using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using SkillsAcademy.TestUtilities;

namespace SkillsAcademy.Benchmarks.Load;

/// <summary>
/// The built web application (<c>src/SkillsAcademy.Web/bin/{Configuration}/net10.0</c>, the configuration this
/// harness was built in: Release under <c>dotnet run -c Release</c>) as a separate process on a loopback port, with
/// Production-like settings: environment Production, logging at Warning, no detailed errors, the Hangfire server
/// running. Optionally pinned to CPUs with <c>taskset</c>, so the load generator can have the other core.
/// </summary>
public sealed class LoadApp : IAsyncDisposable
{
#if DEBUG
    public const string BuildConfiguration = "Debug";
#else
    public const string BuildConfiguration = "Release";
#endif

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private LoadApp(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public static string AppDirectory { get; } =
        Path.Combine(RepositoryRoot.Path, "src", "SkillsAcademy.Web", "bin", BuildConfiguration, "net10.0");

    /// <summary>http://127.0.0.1:port/</summary>
    public Uri Address { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the app wrote (standard output and error).</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>
    /// Settings every process on a load data set shares (the generator, the seeding host, the measured app): the
    /// data folder, the personal-data lookup key (mobile numbers are found by it) and the signing key file.
    /// </summary>
    public static Dictionary<string, string?> SharedSettings(string dataDirectory)
    {
        var test = SkillsAcademyWebFactory.DefaultSettings(dataDirectory);
        return new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:DataDirectory"] = dataDirectory,
            ["ConnectionStrings:SkillsAcademy"] = "",
            ["PersonalData:LookupKey"] = test["PersonalData:LookupKey"],
            ["Credentials:DevelopmentKeyFile"] = test["Credentials:DevelopmentKeyFile"],
            ["Files:Root"] = Path.Combine(dataDirectory, "files"),
            ["Logging:Console:FormatterName"] = "simple",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore.DataProtection"] = "Error",
        };
    }

    /// <summary>
    /// The measured app: Production, Warning logs, demo accounts off (their passwords stay in the database), the
    /// log-in limit raised because the harness signs a pool of learners in from one address, and the baseline
    /// endpoint on (with the explicit Production override) answering the pages captured into <paramref name="baselineDirectory"/>.
    /// </summary>
    public static Dictionary<string, string?> ProductionLikeSettings(string dataDirectory, string? baselineDirectory)
    {
        var settings = SharedSettings(dataDirectory);
        settings["ASPNETCORE_ENVIRONMENT"] = "Production";
        settings["DemoData:Enabled"] = "false";
        settings["RateLimits:LogInPerMinute"] = "100000";
        settings["Security:RequireMfaForStaff"] = "false";
        if (baselineDirectory is not null)
        {
            settings["Load:BaselineEndpoint"] = "true";
            settings["Load:AllowInProduction"] = "true";
            settings["Load:BaselineDirectory"] = baselineDirectory;
        }

        return settings;
    }

    /// <summary>Starts the app and waits until /health/ready answers 200.</summary>
    public static async Task<LoadApp> StartAsync(
        IReadOnlyDictionary<string, string?> settings, string? cpus = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var address = new Uri($"http://127.0.0.1:{FreeLoopbackPort()}/");
        var all = new Dictionary<string, string?>(settings, StringComparer.Ordinal) { ["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/') };
        var process = StartProcess(all, cpus, []);
        var app = new LoadApp(process, address);
        process.OutputDataReceived += (_, e) => app.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => app.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await app.WaitUntilReadyAsync(timeout ?? TimeSpan.FromMinutes(3), cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return app;
    }

    /// <summary>Runs the app with command-line switches (e.g. <c>--generate-demo-data</c>), each output line to <paramref name="log"/>; returns the exit code.</summary>
    public static async Task<int> RunCommandAsync(
        IReadOnlyDictionary<string, string?> settings, IReadOnlyList<string> arguments, TextWriter log, CancellationToken cancellationToken = default)
    {
        using var process = StartProcess(settings, null, arguments);
        process.OutputDataReceived += (_, e) => WriteLine(log, e.Data);
        process.ErrorDataReceived += (_, e) => WriteLine(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        process.WaitForExit();
        return process.ExitCode;
    }

    /// <summary>Resident memory of the app process (VmRSS), in bytes.</summary>
    public long ResidentBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.AsSpan(6).Trim().ToString().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }

    /// <summary>CPU time (user + system) the app process has used so far.</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Process StartProcess(IReadOnlyDictionary<string, string?> settings, string? cpus, IReadOnlyList<string> arguments)
    {
        var dll = Path.Combine(AppDirectory, "SkillsAcademy.Web.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"No built app at {dll}: build the solution in {BuildConfiguration} first.");
        }

        var start = new ProcessStartInfo(cpus is null ? "dotnet" : "taskset")
        {
            WorkingDirectory = AppDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (cpus is not null)
        {
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(cpus);
            start.ArgumentList.Add("dotnet");
        }

        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value ?? "";
        }

        start.Environment.TryAdd("ASPNETCORE_ENVIRONMENT", "Production");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var ready = new Uri(Address, "/health/ready");
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app ended with exit code {_process.ExitCode} before it was ready. Output:\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync(ready, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Busy starting.
            }

            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"{ready} did not answer within {timeout}. Output:\n{Output}");
            }

            await Task.Delay(250, cancellationToken);
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 500 && _output.TryDequeue(out _))
        {
        }
    }

    private static void WriteLine(TextWriter log, string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.WriteLine(line);
            }
        }
    }
}
