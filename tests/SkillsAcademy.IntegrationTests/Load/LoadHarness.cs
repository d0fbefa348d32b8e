using System.Diagnostics;
using SkillsAcademy.TestUtilities;

namespace SkillsAcademy.IntegrationTests.Load;

/// <summary>Runs the load harness (tests/SkillsAcademy.Benchmarks, built with the solution) as its own process.</summary>
internal static class LoadHarness
{
    /// <summary>The harness's exit code and everything it wrote; a run past 10 minutes is killed and fails.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        var harness = Path.Combine(RepositoryRoot.Path, "tests", "SkillsAcademy.Benchmarks", "bin", WebAppProcess.BuildConfiguration, "net10.0", "SkillsAcademy.Benchmarks.dll");
        File.Exists(harness).ShouldBeTrue($"{harness} is built with the solution");
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(harness);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The harness did not finish in 10 minutes:\n{await output}\n{await error}");
        }

        return (process.ExitCode, await output + "\n" + await error);
    }
}
