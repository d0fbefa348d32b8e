using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using SkillsAcademy.TestUtilities;
using SkillsAcademy.Web.Platform;

namespace SkillsAcademy.Benchmarks.Load.Circuits;

/// <summary>
/// <c>dotnet run -c Release --project tests/SkillsAcademy.Benchmarks -- load circuits [options]</c>: part 3 of issue
/// #11. For each page (the template's Counter, then the lesson page; the order alternates between runs) a fresh
/// server process is started, warmed up with a few circuits, measured with none, then ramped step by step: open
/// circuits up to the step's count (protocol client, <see cref="BlazorCircuit"/>), let every circuit act every
/// interval for the hold time (report latency = send to JS.EndInvokeDotNet), count dropped circuits, read the
/// server's memory after a full collection. Memory per circuit = (reading at N − reading at 0) / N. A step that
/// fails to open circuits, drops one or answers slower than --give-up stops the ramp: what it held is reported.
/// Options: --steps 100,1000,5000,10000 --hold S (45) --interval S (15) --runs R (1) --pages counter,lesson
/// --data DIR (artifacts/load/circuits) --pin (server on CPU 1, harness on CPU 0) --parallel N (opens at a time, 32)
/// --give-up MS (p95 beyond which the ramp stops, 5000) --linger S (keep the last step open, e.g. for dotnet-gcdump) --out FILE
/// --app NAME=DIR (also the lesson page of another build, e.g. a copy of the build before a change; repeatable)
/// --learners N (seed at least N learners) --prepare-only (seed and sign the learners in, then stop); `load circuits browser [N]` runs real pages in
/// Chromium instead (<see cref="BrowserCircuits"/>); `load circuits smoke --data DIR` is the test's short run; `load circuits probe URL PATH [account password]` checks one.
/// </summary>
public static class CircuitLoadCommand
{
    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        try
        {
            return RunAsync(args, Console.Out).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or TimeoutException or IOException or HttpRequestException)
        {
            Console.Error.WriteLine(e);
            return 1;
        }
    }

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args is ["probe", .. var rest])
        {
            return await CircuitProbe.RunAsync(rest, output);
        }

        var smoke = args is ["smoke", ..];
        var options = CircuitRunOptions.Parse(args is ["browser" or "smoke", ..] ? args[1..] : args);
        if (smoke)
        {
            // A few circuits of each page for a few seconds, reporting every second: does the harness still work?
            options = options with { Steps = [4], Hold = TimeSpan.FromSeconds(5), Interval = TimeSpan.FromSeconds(1), Parallel = 4 };
        }

        if (options.Pin && OperatingSystem.IsLinux())
        {
            // The harness on CPU 0; the server is started on CPU 1.
            Process.GetCurrentProcess().ProcessorAffinity = 1;
        }

        var report = new CircuitReport(string.Join(' ', args), MachineInfo.Describe());
        var browser = args is ["browser", ..];
        var maxCircuits = browser ? options.BrowserPages : options.Steps.Max();
        var learners = Math.Max(maxCircuits, options.Learners);
        var dataSet = options.Pages.Contains(CircuitPage.Lesson) || options.PrepareOnly
            ? await LoadDataSet.EnsureAsync(options.Data, smoke ? LoadDataSetOptions.Smoke : DataSetOptions(learners), output,
                alsoReuse: smoke ? null : existing => HoldsEnough(existing, learners))
            : null;
        if (options.PrepareOnly)
        {
            // Seeding and signing in (one password hash per learner) once, before the measured runs.
            await using var server = await CircuitServer.StartProductAsync(dataSet!.DataDirectory, null);
            await LessonTargets.PrepareAsync(dataSet, server.Address, learners, output);
            return 0;
        }

        if (browser)
        {
            await BrowserCircuits.RunAsync(options, dataSet, report, output);
        }
        else
        {
            for (var run = 1; run <= options.Runs; run++)
            {
                var pages = run % 2 == 1 ? options.Pages : options.Pages.Reverse().ToList();
                foreach (var page in pages)
                {
                    // The lesson page of each build: this one, then every --app (e.g. a copy of the build before a change).
                    foreach (var app in page == CircuitPage.Lesson ? options.Apps : [("", null)])
                    {
                        await RampAsync(page, app, run, options, dataSet, report, output);
                    }
                }
            }
        }

        report.LoadAfter = MachineInfo.LoadAverage();
        var outFile = options.OutFile ?? Path.Combine(RepositoryRoot.Path, "artifacts", "load", "results",
            $"circuits-{DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.json");
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

    /// <summary>
    /// As many enrolled learners as circuits; the rest of the generator's data at its 1x size. Only learners with a
    /// real-name profile are enrolled, and the generator gives one to ~85 % of them: a quarter more are generated.
    /// </summary>
    public static LoadDataSetOptions DataSetOptions(int circuits)
    {
        var scale1 = LoadDataSetOptions.ForScale(1);
        return scale1 with { Learners = Math.Max(scale1.Learners, circuits + circuits / 4 + 50), Enrolled = Math.Max(scale1.Enrolled, circuits) };
    }

    /// <summary>A data set seeded for more circuits serves fewer too (seeding and signing in ten thousand learners takes a while).</summary>
    public static bool HoldsEnough(LoadDataSetOptions existing, int circuits) =>
        DataSetOptions(circuits) is var needed
        && existing with { Learners = needed.Learners, Enrolled = needed.Enrolled } == needed
        && existing.Enrolled >= needed.Enrolled;

    private static async Task RampAsync(
        CircuitPage page, (string Name, string? Directory) app, int run, CircuitRunOptions options, LoadDataSet? dataSet, CircuitReport report, TextWriter output)
    {
        var cpus = options.Pin ? "1" : null;
        await using var server = page == CircuitPage.Counter
            ? await CircuitServer.StartCounterAsync(cpus)
            : await CircuitServer.StartProductAsync(dataSet!.DataDirectory, cpus, appDirectory: app.Directory);
        var label = app.Directory is null ? page.ToString() : $"{page}@{app.Name}";
        await output.WriteLineAsync($"{label} run {run}: server {server}.");
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, MaxConnectionsPerServer = options.Parallel })
        {
            Timeout = TimeSpan.FromSeconds(120),
        };
        var targets = page == CircuitPage.Counter
            ? Enumerable.Repeat(new CircuitTarget(new Uri(server.Address, "/counter"), ""), options.Steps.Max()).ToList()
            : await LessonTargets.PrepareAsync(dataSet!, server.Address, options.Steps.Max(), output);

        // Warm-up (JIT, pools, caches), closed as a tab closes, then the reading with no circuit.
        await using (var warmUp = new CircuitFleet(http, page, options.Interval, options.CallTimeout))
        {
            await warmUp.OpenAsync(targets.Take(20), 4);
            if (warmUp.OpenFailures.Count > 0)
            {
                throw new InvalidOperationException($"Warm-up circuits failed to open: {warmUp.OpenFailures.First()}");
            }

            await Task.Delay(TimeSpan.FromSeconds(3));
            await warmUp.CloseAllAsync(4);
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
        var empty = await server.MeasureMemoryAsync(http);
        report.Empty.Add(new EmptyReading(label, run, empty));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  0 circuits: managed {empty.ManagedBytes / 1_048_576.0:0.0} MB, working set {empty.WorkingSetBytes / 1_048_576.0:0.0} MB"));

        var creditedBefore = page == CircuitPage.Lesson ? LessonTargets.CreditedSeconds(dataSet!.DataDirectory) : 0;
        await using var fleet = new CircuitFleet(http, page, options.Interval, options.CallTimeout);
        foreach (var step in options.Steps.Order())
        {
            var opening = Stopwatch.StartNew();
            var already = fleet.Count + fleet.OpenFailures.Count;
            await fleet.OpenAsync(targets.Take(step).Where((_, i) => i >= already), options.Parallel);
            var openSeconds = opening.Elapsed.TotalSeconds;
            var cpuBefore = server.CpuTime();
            var holdFrom = Stopwatch.GetTimestamp();
            await Task.Delay(options.Hold);
            var holdTo = Stopwatch.GetTimestamp();
            var cpu = server.CpuTime() - cpuBefore;
            var samples = fleet.SamplesBetween(holdFrom, holdTo);
            var memory = server.HasExited ? null : await server.MeasureMemoryAsync(http);
            var result = StepResult.From(label, run, step, fleet, samples, openSeconds, cpu, options.Hold, empty, memory);
            report.Steps.Add(result);
            await output.WriteLineAsync(result.Line());
            foreach (var reason in fleet.OpenFailures.Concat(fleet.DropReasons).Concat(samples.Where(s => s.Error is not null).Select(s => s.Error!)).Distinct().Take(3))
            {
                await output.WriteLineAsync("    " + reason);
            }

            if (result.Opened < step || result.Dropped > 0 || result.FailedCalls > 0 || result.P95Ms > options.GiveUpMs || server.HasExited)
            {
                await output.WriteLineAsync($"  stopping the ramp at {step}: the server did not hold it.");
                break;
            }
        }

        if (options.Linger > TimeSpan.Zero)
        {
            // Time to look at the server from outside (e.g. dotnet-gcdump collect -p PID) with the circuits open.
            await output.WriteLineAsync($"  lingering {options.Linger.TotalSeconds:0} s with {fleet.Count} circuits open on server pid {server.ProcessId}.");
            await Task.Delay(options.Linger);
        }

        await fleet.CloseAllAsync(options.Parallel);
        if (page == CircuitPage.Lesson)
        {
            var credited = LessonTargets.CreditedSeconds(dataSet!.DataDirectory) - creditedBefore;
            report.CreditedSeconds.Add(credited);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  study time credited to the learners during the run: {credited:0} s"));
        }
    }
}

/// <summary>Options of <c>load circuits</c>.</summary>
public sealed record CircuitRunOptions
{
    public IReadOnlyList<int> Steps { get; init; } = [100, 1000, 5000, 10_000];

    public TimeSpan Hold { get; init; } = TimeSpan.FromSeconds(45);

    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(15);

    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public int Runs { get; init; } = 1;

    public IReadOnlyList<CircuitPage> Pages { get; init; } = [CircuitPage.Counter, CircuitPage.Lesson];

    public string Data { get; init; } = Path.Combine(RepositoryRoot.Path, "artifacts", "load", "circuits");

    public bool Pin { get; init; }

    public int Parallel { get; init; } = 32;

    public double GiveUpMs { get; init; } = 5000;

    public string? OutFile { get; init; }

    /// <summary>How long to keep the last step's circuits open before closing them (0).</summary>
    public TimeSpan Linger { get; init; }

    /// <summary>The lesson page's builds: this one (no directory) and each --app NAME=DIR (a copy of another build's output).</summary>
    public IReadOnlyList<(string Name, string? Directory)> Apps { get; init; } = [("current", null)];

    /// <summary>Learners to seed (and, with --prepare-only, sign in) at least: a bigger data set serves smaller runs too.</summary>
    public int Learners { get; init; }

    /// <summary>Only seed the data set and sign its learners in (their cookies are kept), then stop.</summary>
    public bool PrepareOnly { get; init; }

    /// <summary>For <c>browser</c>: pages open at once.</summary>
    public int BrowserPages { get; init; } = 200;

    public static CircuitRunOptions Parse(string[] args)
    {
        var options = new CircuitRunOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            static int[] Ints(string value) => value.Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            options = args[i] switch
            {
                "--steps" => options with { Steps = Ints(Next()) },
                "--hold" => options with { Hold = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)) },
                "--interval" => options with { Interval = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)) },
                "--runs" => options with { Runs = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--pages" => options with { Pages = Next().Split(',').Select(p => Enum.Parse<CircuitPage>(p, ignoreCase: true)).ToArray() },
                "--data" => options with { Data = Path.GetFullPath(Next()) },
                "--pin" => options with { Pin = true },
                "--parallel" => options with { Parallel = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--give-up" => options with { GiveUpMs = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--out" => options with { OutFile = Next() },
                "--app" => options with { Apps = [.. options.Apps, App(Next())] },
                "--learners" => options with { Learners = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--prepare-only" => options with { PrepareOnly = true },
                "--linger" => options with { Linger = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)) },
                var n when int.TryParse(n, CultureInfo.InvariantCulture, out var pages) => options with { BrowserPages = pages },
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

public sealed record EmptyReading(string Page, int Run, MemoryDiagnostics.MemoryReading Memory);

/// <summary>One step of a ramp: how many circuits were open, how their calls went, what the server held.</summary>
public sealed record StepResult(
    string Page, int Run, int Step, int Opened, int Dropped, double OpenSeconds, int Calls, int FailedCalls,
    double P50Ms, double P95Ms, double P99Ms, double ServerCpuPercent,
    long? ManagedBytes, long? WorkingSetBytes, double? ManagedKbPerCircuit, double? WorkingSetKbPerCircuit)
{
    public static StepResult From(
        string page, int run, int step, CircuitFleet fleet, IReadOnlyList<ActivitySample> samples, double openSeconds,
        TimeSpan cpu, TimeSpan hold, MemoryDiagnostics.MemoryReading empty, MemoryDiagnostics.MemoryReading? memory)
    {
        var latencies = samples.Where(s => s.Error is null).Select(s => s.Latency.TotalMilliseconds).Order().ToArray();
        var opened = fleet.Count;
        return new StepResult(
            page, run, step, opened, fleet.Dropped, Math.Round(openSeconds, 1), samples.Count, samples.Count(s => s.Error is not null),
            Percentile(latencies, 0.50), Percentile(latencies, 0.95), Percentile(latencies, 0.99),
            Math.Round(cpu.TotalMilliseconds / hold.TotalMilliseconds * 100, 1),
            memory?.ManagedBytes, memory?.WorkingSetBytes,
            memory is null || opened == 0 ? null : Math.Round((memory.ManagedBytes - empty.ManagedBytes) / 1024.0 / opened, 1),
            memory is null || opened == 0 ? null : Math.Round((memory.WorkingSetBytes - empty.WorkingSetBytes) / 1024.0 / opened, 1));
    }

    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : Math.Round(sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)], 1);

    public string Line() => string.Create(CultureInfo.InvariantCulture,
        $"  {Page,-7} {Step,6}: opened {Opened,6} in {OpenSeconds,6:0.0} s, dropped {Dropped}, calls {Calls} ({FailedCalls} failed), " +
        $"p50 {P50Ms:0.0} ms, p95 {P95Ms:0.0} ms, p99 {P99Ms:0.0} ms, server CPU {ServerCpuPercent:0}%, " +
        $"managed {ManagedKbPerCircuit:0.0} KB/circuit, working set {WorkingSetKbPerCircuit:0.0} KB/circuit");
}

/// <summary>Everything one <c>load circuits</c> run measured, written as JSON next to the other load results.</summary>
public sealed class CircuitReport(string command, MachineInfo machine)
{
    public string Command { get; } = command;

    public MachineInfo Machine { get; } = machine;

    public string? LoadAfter { get; set; }

    public List<EmptyReading> Empty { get; } = [];

    public List<StepResult> Steps { get; } = [];

    public List<BrowserStepResult> Browser { get; } = [];

    /// <summary>Per lesson ramp: seconds of study the server credited to the learners while their circuits reported.</summary>
    public List<double> CreditedSeconds { get; } = [];

    /// <summary>What did not work: circuits that failed to open or dropped, calls that failed, reports not credited.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        foreach (var step in Steps.Where(s => s.Opened < s.Step || s.Dropped > 0 || s.FailedCalls > 0 || s.Calls == 0))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"{step.Page} at {step.Step}: {step.Opened} opened, {step.Dropped} dropped, {step.Calls} calls ({step.FailedCalls} failed)"));
        }

        problems.AddRange(CreditedSeconds.Where(c => c <= 0).Select(_ => "the lesson circuits' reports credited no study time"));
        problems.AddRange(Browser.Where(b => b.Failed > 0 || b.Dropped > 0).Select(b => $"Chromium {b.Page} at {b.Step}: {b.Failed} failed, {b.Dropped} dropped"));
        return problems;
    }

    /// <summary>Medians over runs per page and step, and lesson ÷ Counter memory per circuit at each step.</summary>
    public string Summary()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{Machine.Date:yyyy-MM-dd HH:mm} UTC, {Machine.Cores} cores ({Machine.Cpu}), {Machine.Runtime}, load {Machine.LoadBefore} -> {LoadAfter}");
        text.AppendLine("| page | circuits | opened | dropped | p50 ms | p95 ms | p99 ms | server CPU | managed KB/circuit | working set KB/circuit |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var group in Steps.GroupBy(s => (s.Page, s.Step)).OrderBy(g => g.Key.Page, StringComparer.Ordinal).ThenBy(g => g.Key.Step))
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {group.Key.Page} | {group.Key.Step:N0} | {Median(group.Select(s => (double)s.Opened)):N0} | {group.Max(s => s.Dropped)} | " +
                $"{Median(group.Select(s => s.P50Ms)):0.0} | {Median(group.Select(s => s.P95Ms)):0.0} | {Median(group.Select(s => s.P99Ms)):0.0} | " +
                $"{Median(group.Select(s => s.ServerCpuPercent)):0}% | {Median(group.Select(s => s.ManagedKbPerCircuit ?? double.NaN)):0.0} | {Median(group.Select(s => s.WorkingSetKbPerCircuit ?? double.NaN)):0.0} |");
        }

        foreach (var (step, build) in Steps.Where(s => s.Page.StartsWith(nameof(CircuitPage.Lesson), StringComparison.Ordinal))
                     .Select(s => (s.Step, s.Page)).Distinct().OrderBy(s => s.Page, StringComparer.Ordinal).ThenBy(s => s.Step))
        {
            var lesson = Steps.Where(s => s.Page == build && s.Step == step).ToList();
            var counter = Steps.Where(s => s.Page == nameof(CircuitPage.Counter) && s.Step == step).ToList();
            if (lesson.Count > 0 && counter.Count > 0)
            {
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"{build} / Counter memory per circuit at {step:N0}: managed {Median(lesson.Select(s => s.ManagedKbPerCircuit ?? double.NaN)) / Median(counter.Select(s => s.ManagedKbPerCircuit ?? double.NaN)):0.00}x, " +
                    $"working set {Median(lesson.Select(s => s.WorkingSetKbPerCircuit ?? double.NaN)) / Median(counter.Select(s => s.WorkingSetKbPerCircuit ?? double.NaN)):0.00}x");
            }
        }

        foreach (var browser in Browser)
        {
            text.AppendLine(browser.Line());
        }

        return text.ToString();
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
            : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
