using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SkillsAcademy.AppProcess;
using SkillsAcademy.TestUtilities;
using SkillsAcademy.Web.Features.Vouchers;

// One more application process on a test's data folder, for tests that need several OS processes on one
// SQLite file: `dotnet SkillsAcademy.AppProcess.dll <data folder> [<fixed time, ISO 8601>]`. It hosts the whole
// app (SkillsAcademyWebFactory: same DI, settings and start-up as the tests' in-process host, no Hangfire
// server) and takes one JSON command per line on stdin; each answer is one line on stdout that starts with
// "@@ " (the app's own logs go to stderr). Commands:
//   {"name":"load","attempts":[{"learnerId":…,"voucherId":…,"course":…,"key":…}]}  → {"loaded":n}
//   {"name":"go"}       fires every loaded attempt at once through VoucherService.RequestRedemptionAsync
//                       (what the My vouchers page calls) → {"outcomes":[{"key","status","refusal","error"}]}
//   {"name":"run-job"}  runs VoucherRedemptionJob once → {"decided":n}
//   {"name":"exit"}
if (args.Length is < 1 or > 2)
{
    await Console.Error.WriteLineAsync("usage: SkillsAcademy.AppProcess <data folder> [<fixed time, ISO 8601>]");
    return 2;
}

var time = args.Length == 2 ? new FakeTimeProvider(DateTimeOffset.Parse(args[1], CultureInfo.InvariantCulture)) : null;
await using var factory = new SkillsAcademyWebFactory(args[0], new Dictionary<string, string?>
{
    ["Jobs:RunServer"] = "false",
    ["Logging:Console:LogToStandardErrorThreshold"] = "Trace",
}, time);
_ = factory.Server; // starts the host: migrations (none left), seeds (already there), recurring job registration
var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
var attempts = new List<RedemptionAttempt>();
Answer(new { ready = true });

while (await Console.In.ReadLineAsync() is { } line)
{
    var command = JsonSerializer.Deserialize<AppCommand>(line, json) ?? throw new InvalidOperationException($"Not a command: {line}");
    switch (command.Name)
    {
        case "load":
            attempts = [.. command.Attempts ?? []];
            Answer(new { loaded = attempts.Count });
            break;
        case "go":
            // Monotonic clock readings (system-wide on Linux), so a test can show how the processes overlapped.
            var started = Stopwatch.GetTimestamp();
            var outcomes = await Task.WhenAll(attempts.Select(attempt => Task.Run(() => RequestAsync(attempt))));
            Answer(new { outcomes, started, finished = Stopwatch.GetTimestamp(), Stopwatch.Frequency });
            break;
        case "run-job":
            using (var scope = factory.Services.CreateScope())
            {
                var decided = await scope.ServiceProvider.GetRequiredService<VoucherRedemptionJob>().RunAsync(CancellationToken.None);
                Answer(new { decided });
            }

            break;
        case "exit":
            return 0;
        default:
            throw new InvalidOperationException($"Unknown command {command.Name}.");
    }
}

return 0;

// A failure is reported, not thrown: the test wants to see every attempt's fate, and an exception here is
// what the learner would meet as an error page.
async Task<AttemptOutcome> RequestAsync(RedemptionAttempt attempt)
{
    try
    {
        using var scope = factory.Services.CreateScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<VoucherService>()
            .RequestRedemptionAsync(attempt.LearnerId, attempt.VoucherId, attempt.Course, attempt.Key);
        return new AttemptOutcome(attempt.Key, outcome.Status.ToString(), outcome.Refusal.ToString(), null);
    }
    catch (Exception exception)
    {
        return new AttemptOutcome(attempt.Key, null, null, $"{exception.GetType().FullName}: {exception.Message}");
    }
}

void Answer(object answer)
{
    Console.Out.WriteLine("@@ " + JsonSerializer.Serialize(answer, json));
    Console.Out.Flush();
}

namespace SkillsAcademy.AppProcess
{
    internal sealed record AppCommand(string Name, IReadOnlyList<RedemptionAttempt>? Attempts);

    internal sealed record RedemptionAttempt(Guid LearnerId, int VoucherId, string Course, Guid Key);

    internal sealed record AttemptOutcome(Guid Key, string? Status, string? Refusal, string? Error);
}
