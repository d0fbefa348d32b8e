using System.Text.Json;
using SkillsAcademy.TestUtilities;

namespace SkillsAcademy.IntegrationTests.Load;

/// <summary>
/// The load harness (tests/SkillsAcademy.Benchmarks, <c>load smoke</c>) still works end to end: it seeds a tiny data
/// set with the generator and the 11×64 course, starts the app as its own process, captures the anonymous pages for
/// the baseline endpoint, signs a pool of learners in and drives wrk at every target for two seconds. Nothing here
/// asserts how fast anything was; it fails when a target answered nothing, answered outside 2xx, or wrk's report
/// could not be read.
/// </summary>
public sealed class LoadHarnessSmokeTests : IDisposable
{
    private static readonly string[] Targets =
        ["home", "catalog", "course", "baseline:home", "baseline:catalog", "baseline:course", "course (signed in)"];

    private readonly TestDataDirectory _data = new();

    [Fact]
    public async Task The_smoke_run_measures_every_target_with_only_successful_responses()
    {
        var results = Path.Combine(_data.Path, "smoke.json");
        var (exitCode, output) = await LoadHarness.RunAsync("load", "smoke", "--data", _data.Path, "--out", results);

        exitCode.ShouldBe(0, output);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(results));
        var measurements = report.RootElement.GetProperty("measurements").EnumerateArray().ToList();
        measurements.Select(m => m.GetProperty("target").GetString()).Order(StringComparer.Ordinal)
            .ShouldBe(Targets.Order(StringComparer.Ordinal), output);
        foreach (var measurement in measurements)
        {
            var result = measurement.GetProperty("result");
            var because = $"{measurement.GetProperty("target").GetString()}\n{output}";
            result.GetProperty("requests").GetInt64().ShouldBeGreaterThan(0, because);
            result.GetProperty("non2xx").GetInt64().ShouldBe(0, because);
            result.GetProperty("bytes").GetInt64().ShouldBeGreaterThan(result.GetProperty("requests").GetInt64() * 1000, because);
        }

        var pageBytes = report.RootElement.GetProperty("pageBytes");
        foreach (var page in new[] { "home", "catalog", "course" })
        {
            pageBytes.GetProperty(page).GetInt32().ShouldBeGreaterThan(1000, output);
        }
    }

    public void Dispose() => _data.Dispose();
}
