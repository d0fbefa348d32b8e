using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace SkillsAcademy.Benchmarks.Load;

/// <summary>What one wrk run measured (from the "@@ {json}" line the scripts in Load/wrk print).</summary>
public sealed record WrkResult(
    long Requests, long DurationUs, long Bytes, long Non2xx, long ConnectErrors, long ReadErrors, long WriteErrors, long Timeouts,
    long P50Us, long P90Us, long P99Us, long MaxUs)
{
    public double RequestsPerSecond => DurationUs == 0 ? 0 : Requests * 1_000_000.0 / DurationUs;

    public double P50Ms => P50Us / 1000.0;

    public double P99Ms => P99Us / 1000.0;

    public long SocketErrors => ConnectErrors + ReadErrors + WriteErrors + Timeouts;

    /// <summary>The server process's CPU time per request during the run, when the harness measured it.</summary>
    public double? ServerCpuMsPerRequest { get; init; }
}

/// <summary>Runs Debian's <c>wrk</c> with a script from Load/wrk and parses its report.</summary>
public static class Wrk
{
    public static string ScriptDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "Load", "wrk");

    /// <summary>The wrk binary: WRK_PATH, else /usr/bin/wrk.</summary>
    public static string Binary => Environment.GetEnvironmentVariable("WRK_PATH") is { Length: > 0 } path ? path : "/usr/bin/wrk";

    public static async Task<WrkResult> RunAsync(
        Uri url, string script, int connections, int threads, TimeSpan duration, IReadOnlyList<string> scriptArguments,
        string? cpus = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(scriptArguments);
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException($"No wrk at {Binary}: apt-get install wrk (Debian package), or set WRK_PATH.");
        }

        var start = new ProcessStartInfo(cpus is null ? Binary : "taskset")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (cpus is not null)
        {
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(cpus);
            start.ArgumentList.Add(Binary);
        }

        foreach (var argument in new[]
        {
            "-c", connections.ToString(CultureInfo.InvariantCulture),
            "-t", Math.Min(threads, connections).ToString(CultureInfo.InvariantCulture),
            "-d", ((int)Math.Ceiling(duration.TotalSeconds)).ToString(CultureInfo.InvariantCulture) + "s",
            "--timeout", "10s",
            "-s", Path.Combine(ScriptDirectory, script),
            url.ToString(),
        })
        {
            start.ArgumentList.Add(argument);
        }

        if (scriptArguments.Count > 0)
        {
            start.ArgumentList.Add("--");
            foreach (var argument in scriptArguments)
            {
                start.ArgumentList.Add(argument);
            }
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start wrk.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return Parse(await output, await error, process.ExitCode);
    }

    /// <summary>The report line of a run's output; fails with the whole output when there is none.</summary>
    public static WrkResult Parse(string output, string error, int exitCode)
    {
        ArgumentNullException.ThrowIfNull(output);
        var line = output.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.StartsWith("@@ ", StringComparison.Ordinal));
        if (exitCode != 0 || line is null)
        {
            throw new InvalidOperationException($"wrk exited with {exitCode} and no report line. Output:\n{output}\n{error}");
        }

        return JsonSerializer.Deserialize<WrkResult>(line[3..], new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidOperationException($"Unreadable wrk report: {line}");
    }
}
