using System.Text.Json;
using SkillsAcademy.TestUtilities;

namespace SkillsAcademy.IntegrationTests.Load;

/// <summary>
/// The circuit load harness (tests/SkillsAcademy.Benchmarks, <c>load circuits smoke</c>) still works end to end: on a
/// tiny data set it starts the Counter baseline and the product as their own processes, opens four real Blazor
/// circuits on each with the protocol client, lets them act every second for a few seconds (the Counter's click, the
/// lesson page's Report) and reads each server's memory. Nothing here asserts how fast or how big anything was; it
/// fails when a circuit did not open or dropped, a call failed, or the lesson reports credited no study time.
/// </summary>
public sealed class CircuitHarnessSmokeTests : IDisposable
{
    private readonly TestDataDirectory _data = new();

    [Fact]
    public async Task Smoke_run_opens_counter_and_lesson_circuits_whose_calls_are_answered_and_reports_credited()
    {
        var results = Path.Combine(_data.Path, "circuits.json");
        var (exitCode, output) = await LoadHarness.RunAsync("load", "circuits", "smoke", "--data", Path.Combine(_data.Path, "data"), "--out", results);

        exitCode.ShouldBe(0, output);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(results));
        var steps = report.RootElement.GetProperty("steps").EnumerateArray().ToList();
        string.Join(",", steps.Select(s => s.GetProperty("page").GetString()).Order(StringComparer.Ordinal)).ShouldBe("Counter,Lesson", output);
        foreach (var step in steps)
        {
            var because = $"{step.GetProperty("page").GetString()}\n{output}";
            step.GetProperty("opened").GetInt32().ShouldBe(step.GetProperty("step").GetInt32(), because);
            step.GetProperty("dropped").GetInt32().ShouldBe(0, because);
            step.GetProperty("calls").GetInt32().ShouldBeGreaterThanOrEqualTo(step.GetProperty("step").GetInt32(), because);
            step.GetProperty("failedCalls").GetInt32().ShouldBe(0, because);
            step.GetProperty("managedBytes").GetInt64().ShouldBeGreaterThan(0, because);
        }

        report.RootElement.GetProperty("creditedSeconds").EnumerateArray().Single().GetDouble().ShouldBeGreaterThan(0, output);
    }

    public void Dispose() => _data.Dispose();
}
