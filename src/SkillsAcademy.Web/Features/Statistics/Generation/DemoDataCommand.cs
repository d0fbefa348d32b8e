using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Localization;
using SkillsAcademy.Infrastructure.Persistence;
using SkillsAcademy.Web.Platform;
using SkillsAcademy.Web.Resources;

namespace SkillsAcademy.Web.Features.Statistics.Generation;

/// <summary>
/// The command-line run: migrates and seeds the database like a normal start, generates, prints progress every few
/// seconds and a summary. Exit code 0 on success, 2 when refused (bad arguments, generated data already present
/// without --append, not SQLite).
/// </summary>
public static class DemoDataCommand
{
    private static readonly TimeSpan _progressInterval = TimeSpan.FromSeconds(3);

    public static async Task<int> RunFromCommandLineAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        output = TextWriter.Synchronized(output);
        await using var scope = services.CreateAsyncScope();
        var localizer = scope.ServiceProvider.GetRequiredService<IStringLocalizer<SharedResource>>();
        var parsed = DemoDataCommandLine.Parse(args, localizer);
        if (parsed.Options is not { } options)
        {
            await output.WriteLineAsync(parsed.Error);
            return 2;
        }

        if (scope.ServiceProvider.GetRequiredService<DatabaseSettings>().Provider != DatabaseProvider.Sqlite)
        {
            await output.WriteLineAsync(localizer["DemoData.Cli.SqliteOnly"]);
            return 2;
        }

        // Migrations and seeds (roles, regions, occupations, sample courses) exactly as a normal start runs them.
        await ActivatorUtilities.CreateInstance<DatabaseStartup>(scope.ServiceProvider).StartAsync(cancellationToken);
        var generator = scope.ServiceProvider.GetRequiredService<DemoDataGenerator>();
        var (from, to) = generator.PeriodOf(options);
        var today = new Domain.Learning.PlatformCalendar(scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<PlatformOptions>>().Value.GetTimeZone())
            .Today(scope.ServiceProvider.GetRequiredService<TimeProvider>());
        if (from > to || to > today || to.DayNumber - from.DayNumber > 3_660 || (from == to && to == today))
        {
            await output.WriteLineAsync(localizer["DemoData.Cli.BadPeriod", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]);
            return 2;
        }

        if (!options.Append && await generator.HasGeneratedDataAsync(cancellationToken))
        {
            await output.WriteLineAsync(localizer["DemoData.Cli.AlreadyGenerated"]);
            return 2;
        }

        await output.WriteLineAsync(localizer["DemoData.Cli.Starting", options.Learners, options.Courses, options.StudyEvents,
            from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), options.Seed]);
        var progress = new ThrottledProgress(output, localizer);
        DemoDataSummary summary;
        try
        {
            summary = await generator.GenerateAsync(options, progress, cancellationToken);
        }
        catch (DemoDataRefusedException refused)
        {
            await output.WriteLineAsync(localizer[refused.Reason == DemoDataRefusal.SqliteOnly ? "DemoData.Cli.SqliteOnly" : "DemoData.Cli.AlreadyGenerated"]);
            return 2;
        }
        catch (ArgumentException invalid)
        {
            await output.WriteLineAsync(localizer["DemoData.Cli.Failed", invalid.Message]);
            return 2;
        }
        catch (InvalidOperationException impossible)
        {
            await output.WriteLineAsync(localizer["DemoData.Cli.Failed", impossible.Message]);
            return 2;
        }

        foreach (var (table, count) in summary.Rows.Where(r => r.Value > 0).OrderByDescending(r => r.Value))
        {
            await output.WriteLineAsync(localizer["DemoData.Cli.TableLine", table, count.ToString("N0", CultureInfo.InvariantCulture)]);
        }

        await output.WriteLineAsync(string.Join("; ", summary.Timings.Select(t => $"{t.Key} {t.Value.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s")));
        var seconds = Math.Max(summary.Elapsed.TotalSeconds, 0.001);
        await output.WriteLineAsync(localizer["DemoData.Cli.Summary",
            summary.TotalRows.ToString("N0", CultureInfo.InvariantCulture),
            summary.LearningEvents.ToString("N0", CultureInfo.InvariantCulture),
            summary.Elapsed.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture),
            (summary.TotalRows / seconds).ToString("N0", CultureInfo.InvariantCulture),
            (summary.DatabaseBytes / 1_048_576.0).ToString("N0", CultureInfo.InvariantCulture)]);
        return 0;
    }

    /// <summary>Prints a progress line when the phase changes or a few seconds have passed, from whichever thread reports.</summary>
    private sealed class ThrottledProgress(TextWriter output, IStringLocalizer localizer) : IProgress<DemoDataProgress>
    {
        private readonly Lock _lock = new();
        private readonly Stopwatch _sinceLast = Stopwatch.StartNew();
        private string? _phase;

        public void Report(DemoDataProgress value)
        {
            lock (_lock)
            {
                if (value.Phase == _phase && _sinceLast.Elapsed < _progressInterval)
                {
                    return;
                }

                _phase = value.Phase;
                _sinceLast.Restart();
                output.WriteLine(localizer["DemoData.Cli.Progress", value.Elapsed.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture), value.Phase,
                    value.LearnersDone.ToString("N0", CultureInfo.InvariantCulture), value.LearnersTotal.ToString("N0", CultureInfo.InvariantCulture),
                    value.EventsWritten.ToString("N0", CultureInfo.InvariantCulture)]);
            }
        }
    }
}
