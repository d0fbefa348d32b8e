using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using SkillsAcademy.TestUtilities;

namespace SkillsAcademy.IntegrationTests;

/// <summary>
/// The whole application in a separate OS process (tests/SkillsAcademy.AppProcess) on a test's data folder:
/// for races between processes that share one SQLite file. Commands go in as JSON lines on stdin, answers come
/// back as "@@ "-prefixed JSON lines on stdout; stderr (the app's logs) is kept for the failure message.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private static readonly TimeSpan s_answerTimeout = TimeSpan.FromSeconds(90);
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    private readonly Process _process;
    private readonly Channel<string> _answers = Channel.CreateUnbounded<string>();
    private readonly StringBuilder _log = new();

    private AppProcess(Process process) => _process = process;

    /// <summary>Starts the process and waits until its host has started on <paramref name="dataDirectory"/>.</summary>
    public static async Task<AppProcess> StartAsync(string dataDirectory, DateTimeOffset? fixedTime = null)
    {
        var configuration = typeof(AppProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var dll = Path.Combine(RepositoryRoot.Path, "tests", "SkillsAcademy.AppProcess", "bin", configuration, "net10.0", "SkillsAcademy.AppProcess.dll");
        File.Exists(dll).ShouldBeTrue($"{dll} is missing: build tests/SkillsAcademy.IntegrationTests in {configuration} (it builds the app process too)");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add(dataDirectory);
        if (fixedTime is { } time)
        {
            start.ArgumentList.Add(time.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        }

        var child = new AppProcess(Process.Start(start)!);
        child._process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                child._answers.Writer.TryComplete();
            }
            else if (e.Data.StartsWith("@@ ", StringComparison.Ordinal))
            {
                child._answers.Writer.TryWrite(e.Data[3..]);
            }
        };
        child._process.ErrorDataReceived += (_, e) =>
        {
            lock (child._log)
            {
                child._log.AppendLine(e.Data);
            }
        };
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        try
        {
            await child.ReadAnswerAsync();
        }
        catch
        {
            await child.DisposeAsync();
            throw;
        }

        return child;
    }

    /// <summary>Starts <paramref name="count"/> processes at once (start-up is the slow part); none is left running if one fails.</summary>
    public static async Task<AppProcess[]> StartManyAsync(int count, string dataDirectory, DateTimeOffset? fixedTime = null)
    {
        var starting = Enumerable.Range(0, count).Select(_ => StartAsync(dataDirectory, fixedTime)).ToArray();
        try
        {
            return await Task.WhenAll(starting);
        }
        catch
        {
            foreach (var started in starting.Where(t => t.IsCompletedSuccessfully))
            {
                await started.Result.DisposeAsync();
            }

            throw;
        }
    }

    public int Id => _process.Id;

    /// <summary>Writes one command; <see cref="ReadAnswerAsync"/> reads its answer.</summary>
    public async Task SendAsync(object command)
    {
        await _process.StandardInput.WriteLineAsync(JsonSerializer.Serialize(command, s_json));
        await _process.StandardInput.FlushAsync();
    }

    public async Task<JsonElement> ReadAnswerAsync()
    {
        using var timeout = new CancellationTokenSource(s_answerTimeout);
        try
        {
            var line = await _answers.Reader.ReadAsync(timeout.Token);
            return JsonSerializer.Deserialize<JsonElement>(line, s_json);
        }
        catch (Exception exception) when (exception is ChannelClosedException or OperationCanceledException)
        {
            throw new InvalidOperationException($"App process {Id} gave no answer (exited: {_process.HasExited}). Its log:\n{Log}", exception);
        }
    }

    public async Task<JsonElement> AskAsync(object command)
    {
        await SendAsync(command);
        return await ReadAnswerAsync();
    }

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                await SendAsync(new { name = "exit" });
                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(20));
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (Exception exception) when (exception is IOException or OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
    }
}
