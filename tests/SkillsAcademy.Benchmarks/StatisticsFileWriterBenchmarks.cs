using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SkillsAcademy.Domain.Statistics;
using SkillsAcademy.Web.Features.Statistics;
using SkillsAcademy.Web.Resources;

namespace SkillsAcademy.Benchmarks;

/// <summary>
/// The statistics export writers (CSV through CsvHelper, XLSX through MiniExcel) writing a lazily generated row
/// sequence into a file, at 10 thousand and 1 million rows. Allocated bytes (MemoryDiagnoser) grow with the rows —
/// each row's strings are garbage a moment later — but what stays in memory must not: the peak working set of the
/// benchmark process is shown next to it, and the same write after materialising the rows (as a writer that
/// collected them first would) shows what "not flat" looks like.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
[Config(typeof(PeakWorkingSetConfig))]
public class StatisticsFileWriterBenchmarks
{
    private StatisticsFileWriter _writer = default!;
    private string _path = "";

    [Params(10_000, 1_000_000)]
    public int Rows { get; set; }

    [Params(StatisticsFileFormat.Csv, StatisticsFileFormat.Xlsx)]
    public StatisticsFileFormat Format { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var localizer = new StringLocalizer<SharedResource>(new ResourceManagerStringLocalizerFactory(
            Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        _writer = StatisticsFileWriter.For(StatisticsLayout.ByCourse, localizer);
        _path = Path.Combine(Path.GetTempPath(), $"statistics-benchmark-{Guid.NewGuid():N}.{Format.ToString().ToLowerInvariant()}");
    }

    [Benchmark(Baseline = true, Description = "streamed")]
    public Task<long> Streamed() => WriteAsync(Generate(Rows));

    [Benchmark(Description = "materialised first (for contrast)")]
    public Task<long> Materialised() => WriteAsync(Generate(Rows).ToList());

    // Each case runs in a process of its own: its peak working set is that case's.
    [GlobalCleanup(Target = nameof(Streamed))]
    public void CleanupStreamed() => Cleanup(nameof(Streamed));

    [GlobalCleanup(Target = nameof(Materialised))]
    public void CleanupMaterialised() => Cleanup(nameof(Materialised));

    private void Cleanup(string method)
    {
        File.Delete(_path);
        PeakWorkingSetConfig.Record(method, Rows, Format, Process.GetCurrentProcess().PeakWorkingSet64);
    }

    private async Task<long> WriteAsync(IEnumerable<StatisticsRow> rows)
    {
        await using var file = new FileStream(_path, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous);
        _ = Format == StatisticsFileFormat.Csv
            ? await _writer.WriteCsvAsync(file, rows)
            : await _writer.WriteXlsxAsync(file, rows, "培训统计");
        return file.Length;
    }

    /// <summary>Rows made on demand, like labelled rollup groups: a course title, counts, seconds and fen.</summary>
    private static IEnumerable<StatisticsRow> Generate(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var key = i.ToString(CultureInfo.InvariantCulture);
            yield return new StatisticsRow(key, $"焊工（{i % 5 + 1}级）实操与安全规范 (WELD-{key})", null, null, new StatisticsMeasures(
                PersonTimes: i % 997, Learners: i % 613, CreditedSeconds: i * 37L, NewEnrolments: i % 89, Completions: i % 41, Certificates: i % 37,
                QuizAttempts: i % 53, QuizPasses: i % 53 / 2, VouchersRedeemed: i % 7, VoucherAmountFen: i % 7 * 29950L));
        }
    }

    /// <summary>
    /// Adds a "Peak WS" column: each benchmark case's process writes its peak working set to a file at cleanup, read
    /// back here when the summary is drawn.
    /// </summary>
    public sealed class PeakWorkingSetConfig : ManualConfig
    {
        private static readonly string Folder = Path.Combine(Path.GetTempPath(), "skillsacademy-benchmarks");

        // Each case needs a Release build of the web project, which takes longer than the default two minutes on a busy machine.
        public PeakWorkingSetConfig() => AddColumn(new PeakWorkingSetColumn()).WithBuildTimeout(TimeSpan.FromMinutes(20));

        public static void Record(string method, int rows, StatisticsFileFormat format, long bytes)
        {
            Directory.CreateDirectory(Folder);
            File.WriteAllText(FileOf(rows, format, method), bytes.ToString(CultureInfo.InvariantCulture));
        }

        private static string FileOf(int rows, StatisticsFileFormat format, string method) => Path.Combine(Folder, $"peak-{method}-{format}-{rows}.txt");

        private sealed class PeakWorkingSetColumn : IColumn
        {
            public string Id => nameof(PeakWorkingSetColumn);

            public string ColumnName => "Peak WS";

            public bool AlwaysShow => true;

            public ColumnCategory Category => ColumnCategory.Metric;

            public int PriorityInCategory => 0;

            public bool IsNumeric => true;

            public UnitType UnitType => UnitType.Size;

            public string Legend => "Peak working set of the benchmark process";

            public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

            public bool IsAvailable(Summary summary) => true;

            public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

            public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
            {
                var rows = (int)benchmarkCase.Parameters[nameof(Rows)]!;
                var format = (StatisticsFileFormat)benchmarkCase.Parameters[nameof(Format)]!;
                var path = FileOf(rows, format, benchmarkCase.Descriptor.WorkloadMethod.Name);
                return File.Exists(path) ? $"{long.Parse(File.ReadAllText(path), CultureInfo.InvariantCulture) / (1024.0 * 1024):N0} MB" : "?";
            }
        }
    }
}
