using System.Collections.Concurrent;
using System.Diagnostics;

namespace SkillsAcademy.TestUtilities;

/// <summary>
/// The built web application (<c>src/SkillsAcademy.Web/bin/{Configuration}/net10.0</c>) run as a separate process with
/// settings given as environment variables, the way a production node runs. Its output is kept for diagnostics.
/// </summary>
public sealed class WebAppProcess : IDisposable
{
#if DEBUG
    public const string BuildConfiguration = "Debug";
#else
    public const string BuildConfiguration = "Release";
#endif

    private readonly ConcurrentQueue<string> _output = new();
    private readonly Process _process;

    private WebAppProcess(Process process) => _process = process;

    public static string AppDirectory { get; } =
        Path.Combine(RepositoryRoot.Path, "src", "SkillsAcademy.Web", "bin", BuildConfiguration, "net10.0");

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>What the process wrote so far (standard output and error, interleaved).</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>Starts <c>dotnet SkillsAcademy.Web.dll</c> with each setting as an environment variable (<c>a:b</c> → <c>a__b</c>).</summary>
    public static WebAppProcess Start(IReadOnlyDictionary<string, string?> settings, params string[] arguments)
    {
        if (!File.Exists(Path.Combine(AppDirectory, "SkillsAcademy.Web.dll")))
        {
            throw new InvalidOperationException($"No built app in {AppDirectory}: build the solution in {BuildConfiguration} first.");
        }

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("SkillsAcademy.Web.dll");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value ?? "";
        }

        start.Environment.TryAdd("ASPNETCORE_ENVIRONMENT", "Testing");
        var app = new WebAppProcess(Process.Start(start)!);
        // Drain the pipes so the child never blocks on a full buffer.
        app._process.OutputDataReceived += (_, e) => app.Keep(e.Data);
        app._process.ErrorDataReceived += (_, e) => app.Keep(e.Data);
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();
        return app;
    }

    /// <summary>Waits until the process ends by itself (a one-shot command) and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException($"The process did not finish within {timeout}. Output:\n{Output}");
        }

        // The output pipes may still hold the last lines.
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>Polls <paramref name="url"/> until it answers 200; fails with the process output if the process ends first.</summary>
    public async Task WaitUntilAnswersAsync(Uri url, TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app ended with exit code {_process.ExitCode} before answering {url}. Output:\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync(url);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy starting.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{url} did not answer within {timeout}. Output:\n{Output}");
            }

            await Task.Delay(250);
        }
    }

    /// <summary>SIGKILL: no shutdown, no flushing by the app, as when a machine dies.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        // Enough for a start-up failure; a chatty node never grows without bound.
        while (_output.Count > 2000 && _output.TryDequeue(out _))
        {
        }
    }
}
