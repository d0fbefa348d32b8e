using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace SkillsAcademy.Benchmarks;

/// <summary>
/// Process CPU time (user + system, all threads) per invocation of in-process benchmarks, shown as a "CPU median"
/// column next to BenchmarkDotNet's wall-clock figures. On the shared 2-core machine the wall clock mostly measures
/// waiting for a core; the CPU time does not (cache and SMT contention still inflate it). Warm-up invocations are
/// recorded too, so read the median.
/// </summary>
internal static class ProcessCpu
{
    private static readonly ConcurrentDictionary<string, ConcurrentBag<double>> Samples = new(StringComparer.Ordinal);

    public static async Task<T> MeasureAsync<T>(string method, string parameters, Func<Task<T>> work)
    {
        var start = Process.GetCurrentProcess().TotalProcessorTime;
        var result = await work();
        Record(method, parameters, Process.GetCurrentProcess().TotalProcessorTime - start);
        return result;
    }

    public static void Measure(string method, string parameters, Action work)
    {
        var start = Process.GetCurrentProcess().TotalProcessorTime;
        work();
        Record(method, parameters, Process.GetCurrentProcess().TotalProcessorTime - start);
    }

    private static void Record(string method, string parameters, TimeSpan cpu) =>
        Samples.GetOrAdd(Key(method, parameters), _ => []).Add(cpu.TotalMilliseconds);

    private static string Key(string method, string parameters) => method + "|" + parameters;

    /// <summary>The column: median CPU milliseconds per invocation, and how many invocations it is taken from.</summary>
    public sealed class Column : IColumn
    {
        private readonly Func<BenchmarkCase, string> _parameters;

        public Column(Func<BenchmarkCase, string> parameters) => _parameters = parameters;

        public string Id => nameof(ProcessCpu);

        public string ColumnName => "CPU median";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Metric;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "Median process CPU time (user + system, all threads) per invocation, warm-up included; n = invocations";

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            if (!Samples.TryGetValue(Key(benchmarkCase.Descriptor.WorkloadMethod.Name, _parameters(benchmarkCase)), out var bag) || bag.IsEmpty)
            {
                return "?";
            }

            var sorted = bag.Order().ToList();
            var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
            return string.Create(CultureInfo.InvariantCulture, $"{(median >= 10_000 ? $"{median / 1000:N1} s" : $"{median:N1} ms")} (n={sorted.Count})");
        }
    }
}
