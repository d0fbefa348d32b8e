using System.Globalization;
using System.Text;
using System.Text.Json;
using SkillsAcademy.TestUtilities;

namespace SkillsAcademy.Benchmarks.Load;

/// <summary>
/// <c>dotnet run -c Release --project tests/SkillsAcademy.Benchmarks -- load &lt;scenario&gt; [options]</c>
/// <list type="bullet">
/// <item><c>seed</c>: only seed (or reuse) the data set.</item>
/// <item><c>pages</c>: parts 1 and 2 of issue #11: anonymous home, catalog and course pages against the baseline
/// endpoint returning the same bytes, and the signed-in course page with a pool of learners, each at every concurrency.</item>
/// <item><c>scale</c>: part 4 (course page): the signed-in course page on data sets of several scale factors.</item>
/// <item><c>smoke</c>: tiny data, two seconds per target, fails when something does not work (./test.sh runs it).</item>
/// </list>
/// Options: --scale N (1), --scales 1,10,100, --data ROOT (data sets in ROOT/data-Nx; artifacts/load), --fresh, --duration S (10),
/// --runs R (3), --pool N (32), --connections 8,32, --threads T (2), --pin (app on CPU 1, wrk on CPU 0), --out FILE,
/// --app NAME=DIR (repeatable: measure other builds of the app, e.g. a copy of the build before a change, in the same run).
/// </summary>
public static class LoadCommand
{
    public const string SignedInTarget = "course (signed in)";

    private static readonly (string Name, string Path)[] AnonymousPages =
    [
        ("home", "/"),
        ("catalog", "/catalog"),
        ("course", "/courses/" + LoadDataSet.CourseCode),
    ];

    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        try
        {
            return RunAsync(args, Console.Out).GetAwaiter().GetResult();
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException or TimeoutException or IOException or HttpRequestException)
        {
            Console.Error.WriteLine(exception);
            return 1;
        }
    }

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count == 0 || args[0] is not ("seed" or "pages" or "scale" or "smoke"))
        {
            await output.WriteLineAsync("usage: load seed|pages|scale|smoke [--scale N] [--scales 1,10,100] [--data DIR] [--fresh] [--duration S] [--runs R] [--pool N] [--connections 8,32] [--threads T] [--pin] [--out FILE] [--app NAME=DIR]...");
            return 2;
        }

        var options = LoadRunOptions.Parse(args.ToArray()[1..], smoke: args[0] == "smoke");
        if (options.WarmUp + options.Duration > TimeSpan.FromSeconds(45))
        {
            throw new ArgumentException("A signed-in measurement must end within a minute of signing in: --warm-up plus --duration at most 45 s.");
        }

        var report = new LoadReport(args[0], string.Join(' ', args), MachineInfo.Describe());
        switch (args[0])
        {
            case "seed":
                await LoadDataSet.EnsureAsync(options.DataFor(options.Scale), options.DataSetFor(options.Scale), output, options.Fresh);
                return 0;
            case "pages" or "smoke":
                await MeasurePagesAsync(options, options.Scale, report, output, anonymous: true);
                break;
            default:
                foreach (var scale in options.Scales)
                {
                    await MeasurePagesAsync(options, scale, report, output, anonymous: false);
                }

                break;
        }

        report.LoadAfter = MachineInfo.LoadAverage();
        var outFile = options.OutFile ?? Path.Combine(RepositoryRoot.Path, "artifacts", "load", "results",
            $"{args[0]}-{DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.json");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outFile))!);
        await File.WriteAllTextAsync(outFile, JsonSerializer.Serialize(report, LoadReport.JsonOptions));
        await output.WriteLineAsync();
        await output.WriteLineAsync(report.Summary());
        await output.WriteLineAsync($"Results: {outFile}");
        var problems = report.Problems();
        foreach (var problem in problems)
        {
            await output.WriteLineAsync("PROBLEM: " + problem);
        }

        return problems.Count == 0 ? 0 : 1;
    }

    private static async Task MeasurePagesAsync(LoadRunOptions options, int scale, LoadReport report, TextWriter output, bool anonymous)
    {
        var dataSet = await LoadDataSet.EnsureAsync(options.DataFor(scale), options.DataSetFor(scale), output, options.Fresh);
        var baseline = Path.Combine(dataSet.DataDirectory, "baseline");
        Directory.CreateDirectory(baseline);
        var apps = new List<(string Name, LoadApp App)>();
        try
        {
            // Every build under comparison runs at once on the same data; each is measured in turn in every round.
            foreach (var (name, directory) in options.Apps)
            {
                var app = await LoadApp.StartAsync(LoadApp.ProductionLikeSettings(dataSet.DataDirectory, baseline), options.Pin ? "1" : null, appDirectory: directory);
                apps.Add((name, app));
                await output.WriteLineAsync($"App {name} (pid {app.ProcessId}, {directory ?? LoadApp.AppDirectory}) at {app.Address}, scale {scale}x: {dataSet.Options}.");
            }

            if (anonymous)
            {
                await CaptureBaselineAsync(apps[0].App, baseline, report);
            }

            var wrkCpus = options.Pin ? "0" : null;
            foreach (var (_, app) in apps)
            {
                // Warm-up: JIT, caches, connection pools; not recorded.
                foreach (var (name, path) in anonymous ? AnonymousPages : [])
                {
                    await Wrk.RunAsync(new Uri(app.Address, path), "report.lua", 4, options.Threads, options.WarmUp, [], wrkCpus);
                    await Wrk.RunAsync(new Uri(app.Address, $"/_load/baseline/{name}"), "report.lua", 4, options.Threads, options.WarmUp, [], wrkCpus);
                }
            }

            for (var run = 1; run <= options.Runs; run++)
            {
                foreach (var (appName, app) in run % 2 == 1 ? apps : Enumerable.Reverse(apps))
                {
                    var measured = new Measured(report, output, scale, appName, run);
                    foreach (var connections in anonymous ? options.Connections : [])
                    {
                        foreach (var (name, path) in AnonymousPages)
                        {
                            // Alternate which goes first, so a drift in the machine's load does not favour one side.
                            var pairs = new (string Target, string Path)[] { (name, path), ($"baseline:{name}", $"/_load/baseline/{name}") };
                            foreach (var (target, targetPath) in run % 2 == 1 ? pairs : pairs.Reverse())
                            {
                                await measured.AddAsync(target, connections, await MeasureAsync(app, new Uri(app.Address, targetPath), "report.lua", connections, options, [], wrkCpus));
                            }
                        }
                    }

                    await MeasureSignedInAsync(app, dataSet, options, measured, output, wrkCpus);
                }
            }

            foreach (var (name, app) in apps)
            {
                report.AppResidentMegabytes[$"{scale}x {name}"] = app.ResidentBytes() / 1_048_576;
            }
        }
        finally
        {
            foreach (var (_, app) in apps)
            {
                await app.DisposeAsync();
            }
        }
    }

    // The second answer comes from the output cache; the baseline endpoint answers exactly those bytes.
    private static async Task CaptureBaselineAsync(LoadApp app, string baseline, LoadReport report)
    {
        using var http = new HttpClient { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(60) };
        foreach (var (name, path) in AnonymousPages)
        {
            await http.GetByteArrayAsync(new Uri(path, UriKind.Relative));
            var page = await http.GetByteArrayAsync(new Uri(path, UriKind.Relative));
            await File.WriteAllBytesAsync(Path.Combine(baseline, name + ".html"), page);
            var copy = await http.GetByteArrayAsync(new Uri($"/_load/baseline/{name}", UriKind.Relative));
            if (!copy.AsSpan().SequenceEqual(page))
            {
                throw new InvalidOperationException($"The baseline endpoint does not answer the bytes of {path}.");
            }

            report.PageBytes[name] = page.Length;
        }
    }

    private static async Task MeasureSignedInAsync(LoadApp app, LoadDataSet dataSet, LoadRunOptions options, Measured measured, TextWriter output, string? wrkCpus)
    {
        var pool = dataSet.Learners.Take(Math.Min(options.Pool, dataSet.Learners.Count)).ToList();
        var cookieFile = Path.Combine(dataSet.DataDirectory, "learner-cookies.txt");
        var coursePath = "/courses/" + LoadDataSet.CourseCode;
        foreach (var connections in options.Connections)
        {
            // Signed in afresh for each measurement: a minute after a cookie was issued its security stamp is re-checked
            // and the cookie renewed; a browser keeps the renewed cookie, wrk does not and would re-check on every request.
            var signIn = System.Diagnostics.Stopwatch.StartNew();
            var cookies = await LoadSignIn.SignInAllAsync(app.Address, pool.Select(l => l.Account), LoadDataSet.Password, parallel: 8);
            await File.WriteAllLinesAsync(cookieFile, cookies);
            var signedInFor = signIn.Elapsed;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {cookies.Count} learners signed in ({signedInFor.TotalSeconds:0.0} s)."));
            await CheckSignedInPageAsync(app.Address, coursePath, cookies[0]);
            await Wrk.RunAsync(new Uri(app.Address, coursePath), "learners.lua", 4, options.Threads, options.WarmUp, [cookieFile, coursePath], wrkCpus);
            var result = await MeasureAsync(app, new Uri(app.Address, coursePath), "learners.lua", connections, options, [cookieFile, coursePath], wrkCpus);
            if (signIn.Elapsed > TimeSpan.FromMinutes(1))
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"  NOTE: the first cookies were {signIn.Elapsed.TotalSeconds:0} s old at the end: their security stamps were re-checked on every request after the first minute."));
                result = result with { StaleCookies = true };
            }

            await measured.AddAsync(SignedInTarget, connections, result);
        }
    }

    private sealed class Measured(LoadReport report, TextWriter output, int scale, string app, int run)
    {
        public async Task AddAsync(string target, int connections, WrkResult result)
        {
            report.Add(new LoadMeasurement(scale, app, target, connections, run, result));
            await output.WriteLineAsync(LoadReport.Line(scale, app, target, connections, run, result));
        }
    }

    private static async Task<WrkResult> MeasureAsync(
        LoadApp app, Uri url, string script, int connections, LoadRunOptions options, IReadOnlyList<string> arguments, string? cpus)
    {
        var cpuBefore = app.CpuTime();
        var result = await Wrk.RunAsync(url, script, connections, options.Threads, options.Duration, arguments, cpus);
        var cpu = app.CpuTime() - cpuBefore;
        return result with { ServerCpuMsPerRequest = result.Requests == 0 ? null : cpu.TotalMilliseconds / result.Requests };
    }

    /// <summary>The signed-in page is the learner's syllabus with progress, not the visitor's page or a log-in redirect.</summary>
    private static async Task CheckSignedInPageAsync(Uri app, string path, string cookie)
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false };
        using var client = new HttpClient(handler) { BaseAddress = app };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != System.Net.HttpStatusCode.OK || !html.Contains("id=\"outline-heading\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The signed-in course page is not the learner's outline: {(int)response.StatusCode}.");
        }
    }
}

/// <summary>The options of a load run.</summary>
public sealed record LoadRunOptions
{
    public int Scale { get; init; } = 1;

    public IReadOnlyList<int> Scales { get; init; } = [1, 10, 100];

    public string? Data { get; init; }

    public bool Fresh { get; init; }

    public bool Smoke { get; init; }

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan WarmUp { get; init; } = TimeSpan.FromSeconds(3);

    public int Runs { get; init; } = 3;

    public int Pool { get; init; } = 32;

    public IReadOnlyList<int> Connections { get; init; } = [8, 32];

    public int Threads { get; init; } = 2;

    public bool Pin { get; init; }

    public string? OutFile { get; init; }

    /// <summary>The builds to measure, by name: "current" (the harness's own build of the app) and each --app NAME=DIR.</summary>
    public IReadOnlyList<(string Name, string? Directory)> Apps { get; init; } = [("current", null)];

    /// <summary>The data set's folder: data-Nx (or data-smoke) under --data, by default artifacts/load.</summary>
    public string DataFor(int scale) =>
        Path.Combine(Data is { } root ? Path.GetFullPath(root) : Path.Combine(RepositoryRoot.Path, "artifacts", "load"), Smoke ? "data-smoke" : $"data-{scale}x");

    public LoadDataSetOptions DataSetFor(int scale) => Smoke ? LoadDataSetOptions.Smoke : LoadDataSetOptions.ForScale(scale);

    public static LoadRunOptions Parse(string[] args, bool smoke)
    {
        var options = smoke
            ? new LoadRunOptions { Smoke = true, Duration = TimeSpan.FromSeconds(2), WarmUp = TimeSpan.FromSeconds(1), Runs = 1, Pool = 4, Connections = [2], Threads = 1, Scales = [1] }
            : new LoadRunOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Number() => int.Parse(Value(), NumberStyles.None, CultureInfo.InvariantCulture);
            IReadOnlyList<int> Numbers() => [.. Value().Split(',', StringSplitOptions.RemoveEmptyEntries).Select(v => int.Parse(v, NumberStyles.None, CultureInfo.InvariantCulture))];
            options = args[i] switch
            {
                "--scale" => options with { Scale = Number(), Scales = [] },
                "--scales" => options with { Scales = Numbers() },
                "--data" => options with { Data = Value() },
                "--fresh" => options with { Fresh = true },
                "--duration" => options with { Duration = TimeSpan.FromSeconds(Number()) },
                "--warm-up" => options with { WarmUp = TimeSpan.FromSeconds(Number()) },
                "--runs" => options with { Runs = Number() },
                "--pool" => options with { Pool = Number() },
                "--connections" => options with { Connections = Numbers() },
                "--threads" => options with { Threads = Number() },
                "--pin" => options with { Pin = true },
                "--out" => options with { OutFile = Value() },
                "--app" => options with { Apps = [.. options.Apps, App(Value())] },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }

        return options;
    }

    private static (string Name, string? Directory) App(string value) =>
        value.Split('=', 2) is [var name, var directory] && name.Length > 0
            ? (name, Path.GetFullPath(directory))
            : throw new ArgumentException($"--app takes NAME=DIR (a folder holding SkillsAcademy.Web.dll), not {value}.");
}

public sealed record LoadMeasurement(int Scale, string App, string Target, int Connections, int Run, WrkResult Result);

/// <summary>Everything a run measured, and the medians over its repeated runs.</summary>
public sealed class LoadReport(string scenario, string command, MachineInfo machine)
{
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string Scenario { get; } = scenario;

    public string Command { get; } = command;

    public MachineInfo Machine { get; } = machine;

    public string? LoadAfter { get; set; }

    public Dictionary<string, int> PageBytes { get; } = [];

    public Dictionary<string, long> AppResidentMegabytes { get; } = [];

    public List<LoadMeasurement> Measurements { get; } = [];

    public List<LoadSummaryRow> Medians => [.. Measurements
        .GroupBy(m => (m.Scale, m.App, m.Target, m.Connections))
        .Select(g =>
        {
            var baseline = Measurements.Where(b => b.Scale == g.Key.Scale && b.App == g.Key.App && b.Target == "baseline:" + g.Key.Target && b.Connections == g.Key.Connections).ToList();
            var ratios = g.Select(m => baseline.FirstOrDefault(b => b.Run == m.Run) is { Result.RequestsPerSecond: > 0 } b ? m.Result.RequestsPerSecond / b.Result.RequestsPerSecond : double.NaN)
                .Where(r => !double.IsNaN(r)).ToList();
            // The same comparison by the server's CPU per request: what the app could serve if it had the cores to itself.
            var cpuRatios = g.Select(m => baseline.FirstOrDefault(b => b.Run == m.Run) is { Result.ServerCpuMsPerRequest: > 0 } b && m.Result.ServerCpuMsPerRequest is > 0
                    ? b.Result.ServerCpuMsPerRequest!.Value / m.Result.ServerCpuMsPerRequest.Value
                    : double.NaN)
                .Where(r => !double.IsNaN(r)).ToList();
            return new LoadSummaryRow(
                g.Key.Scale, g.Key.App, g.Key.Target, g.Key.Connections, g.Count(),
                Median(g.Select(m => m.Result.RequestsPerSecond)),
                Median(g.Select(m => m.Result.P50Ms)),
                Median(g.Select(m => m.Result.P99Ms)),
                Median(g.Select(m => m.Result.ServerCpuMsPerRequest ?? double.NaN)),
                ratios.Count == 0 ? null : Median(ratios),
                cpuRatios.Count == 0 ? null : Median(cpuRatios),
                g.Sum(m => m.Result.Requests),
                g.Sum(m => m.Result.Non2xx + m.Result.SocketErrors));
        })];

    public void Add(LoadMeasurement measurement) => Measurements.Add(measurement);

    public static string Line(int scale, string app, string target, int connections, int run, WrkResult r) => string.Create(CultureInfo.InvariantCulture,
        $"  {scale}x {app} c{connections} run {run} {target}: {r.RequestsPerSecond:0} req/s, p50 {r.P50Ms:0.0} ms, p99 {r.P99Ms:0.0} ms, {r.ServerCpuMsPerRequest:0.00} ms CPU/req, {r.Requests} requests, {r.Non2xx} non-2xx, {r.SocketErrors} socket errors");

    /// <summary>A Markdown table of the medians (what docs/performance.md records).</summary>
    public string Summary()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{Machine.Date:yyyy-MM-dd HH:mm} UTC, {Machine.Cpu} ({Machine.Cores} cores), load before {Machine.LoadBefore}, after {LoadAfter}");
        text.AppendLine("| scale | app | target | conns | runs | req/s (median) | p50 ms | p99 ms | server CPU ms/req | ratio to baseline (req/s) | ratio to baseline (CPU/req) | requests | non-2xx + errors |");
        text.AppendLine("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in Medians.OrderBy(r => r.Scale).ThenBy(r => r.Connections).ThenBy(r => r.Target, StringComparer.Ordinal).ThenBy(r => r.App, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {row.Scale}x | {row.App} | {row.Target} | {row.Connections} | {row.Runs} | {row.RequestsPerSecond:N0} | {row.P50Ms:0.0} | {row.P99Ms:0.0} | {row.ServerCpuMsPerRequest:0.00} | {(row.RatioToBaseline is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) : "")} | {(row.CpuRatioToBaseline is { } c ? c.ToString("0.00", CultureInfo.InvariantCulture) : "")} | {row.Requests:N0} | {row.Failures} |");
        }

        return text.ToString();
    }

    /// <summary>What makes a run fail: no requests, or any response outside 2xx or socket error. Never timing.</summary>
    public List<string> Problems()
    {
        var problems = new List<string>();
        if (Measurements.Count == 0)
        {
            problems.Add("nothing was measured");
        }

        foreach (var m in Measurements)
        {
            if (m.Result.Requests == 0)
            {
                problems.Add($"{m.Target} c{m.Connections} run {m.Run}: no requests completed");
            }

            if (m.Result.Non2xx > 0 || m.Result.SocketErrors > 0)
            {
                problems.Add($"{m.Target} c{m.Connections} run {m.Run}: {m.Result.Non2xx} responses outside 2xx, {m.Result.SocketErrors} socket errors");
            }
        }

        return problems;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        return sorted.Length == 0 ? double.NaN
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
            : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

public sealed record LoadSummaryRow(
    int Scale, string App, string Target, int Connections, int Runs, double RequestsPerSecond, double P50Ms, double P99Ms, double ServerCpuMsPerRequest,
    double? RatioToBaseline, double? CpuRatioToBaseline, long Requests, long Failures);

/// <summary>The machine a run was measured on.</summary>
public sealed record MachineInfo(DateTime Date, string Cpu, int Cores, string LoadBefore, string Runtime)
{
    public static MachineInfo Describe() => new(
        DateTime.UtcNow,
        File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?" : "?",
        Environment.ProcessorCount,
        LoadAverage(),
        System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription);

    /// <summary>MemAvailable of the machine, in megabytes.</summary>
    public static long AvailableMegabytes() =>
        File.Exists("/proc/meminfo")
            ? long.Parse(File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemAvailable:", StringComparison.Ordinal))
                .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024
            : 0;

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}
