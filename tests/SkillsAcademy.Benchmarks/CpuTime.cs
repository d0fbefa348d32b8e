using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;

namespace SkillsAcademy.Benchmarks;

/// <summary>
/// `-- --cpu-time &lt;class filter&gt; [seconds]`: runs each [Benchmark] method of the matching classes until it has
/// used that much CPU time on its own thread (after 20 warm-up calls) and prints CPU milliseconds per call. On the
/// shared 2-core machine BenchmarkDotNet's wall-clock means mostly measure waiting for a core; the thread's CPU clock
/// does not count that, so ops/s per core can be read from it (cache and SMT contention still inflate it). Linux only.
/// </summary>
public static class CpuTime
{
    private const int ThreadCpuClock = 3; // CLOCK_THREAD_CPUTIME_ID

    public static int Run(Assembly assembly, string filter, double seconds, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentNullException.ThrowIfNull(output);
        var classes = assembly.GetTypes().Where(t => t.Name.Contains(filter, StringComparison.OrdinalIgnoreCase)
            && t.GetMethods().Any(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null)).ToList();
        if (classes.Count == 0)
        {
            output.WriteLine($"No benchmark class matches '{filter}'.");
            return 1;
        }

        foreach (var type in classes)
        {
            var instance = Activator.CreateInstance(type)!;
            Invoke<GlobalSetupAttribute>(type, instance);
            foreach (var method in type.GetMethods().Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null && m.GetParameters().Length == 0))
            {
                for (var i = 0; i < 20; i++)
                {
                    method.Invoke(instance, null);
                }

                var wall = Stopwatch.StartNew();
                var start = ThreadSeconds();
                var calls = 0;
                while (ThreadSeconds() - start < seconds)
                {
                    method.Invoke(instance, null);
                    calls++;
                }

                var cpu = ThreadSeconds() - start;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{type.Name}.{method.Name}: {calls} calls, {cpu * 1000 / calls:0.00} ms CPU each = {calls / cpu:0.0}/s per core (wall {wall.Elapsed.TotalMilliseconds / calls:0.00} ms each)"));
            }

            Invoke<GlobalCleanupAttribute>(type, instance);
        }

        return 0;
    }

    private static void Invoke<TAttribute>(Type type, object instance) where TAttribute : Attribute
    {
        foreach (var method in type.GetMethods().Where(m => m.GetCustomAttribute<TAttribute>() is not null))
        {
            method.Invoke(instance, null);
        }
    }

    private static double ThreadSeconds() =>
        ClockGetTime(ThreadCpuClock, out var time) == 0
            ? time.Seconds + (time.Nanoseconds / 1e9)
            : throw new PlatformNotSupportedException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed: --cpu-time needs Linux.");

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int ClockGetTime(int clock, out TimeSpec time);
}
