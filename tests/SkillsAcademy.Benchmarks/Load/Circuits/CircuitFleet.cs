using System.Collections.Concurrent;
using System.Diagnostics;

namespace SkillsAcademy.Benchmarks.Load.Circuits;

/// <summary>A page to open and the signed-in browser's cookie header to open it with.</summary>
public sealed record CircuitTarget(Uri Page, string CookieHeader);

/// <summary>One timed activity call: when it was sent (harness clock) and how long the answer took, or why it failed.</summary>
public readonly record struct ActivitySample(long SentAt, TimeSpan Latency, string? Error);

/// <summary>
/// Many open circuits, each acting like its page's timer: once as soon as the page is interactive (the lesson
/// module's start() reports at once), then every <see cref="Interval"/>, at a random phase so that the calls
/// spread out as real learners' do. Every call's latency is kept with its send time.
/// </summary>
public sealed class CircuitFleet(HttpClient http, CircuitPage page, TimeSpan interval, TimeSpan callTimeout) : IAsyncDisposable
{
    private readonly ConcurrentQueue<BlazorCircuit> _circuits = new();
    private readonly ConcurrentQueue<ActivitySample> _samples = new();
    private readonly ConcurrentQueue<string> _openFailures = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _loops = [];
    private readonly Lock _loopsLock = new();

    public TimeSpan Interval => interval;

    public int Count => _circuits.Count;

    public IReadOnlyCollection<string> OpenFailures => _openFailures;

    public IEnumerable<BlazorCircuit> Circuits => _circuits;

    public int Dropped => _circuits.Count(c => c.IsDropped);

    public IEnumerable<string> DropReasons => _circuits.Where(c => c.IsDropped).Select(c => c.DropReason!);

    /// <summary>Opens a circuit for each target, <paramref name="parallel"/> at a time; failures are counted, not thrown.</summary>
    public async Task OpenAsync(IEnumerable<CircuitTarget> targets, int parallel, CancellationToken cancellationToken = default)
    {
        await Parallel.ForEachAsync(targets, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellationToken },
            async (target, token) =>
            {
                try
                {
                    var circuit = await BlazorCircuit.OpenAsync(http, target.Page, target.CookieHeader, page, token);
                    _circuits.Enqueue(circuit);
                    lock (_loopsLock)
                    {
                        _loops.Add(Task.Run(() => ActLoopAsync(circuit), CancellationToken.None));
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException || !token.IsCancellationRequested)
                {
                    _openFailures.Enqueue($"{target.Page.PathAndQuery}: {e.GetType().Name}: {e.Message}");
                }
            });
    }

    /// <summary>The calls sent between the two harness timestamps (<see cref="Stopwatch.GetTimestamp"/>).</summary>
    public IReadOnlyList<ActivitySample> SamplesBetween(long from, long to) =>
        _samples.Where(s => s.SentAt >= from && s.SentAt < to).ToList();

    public int SampleCount => _samples.Count;

    private async Task ActLoopAsync(BlazorCircuit circuit)
    {
        var token = _stop.Token;
        var phase = TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * interval.TotalMilliseconds);
        var first = true;
        try
        {
            while (!token.IsCancellationRequested && !circuit.IsDropped)
            {
                if (!first)
                {
                    await Task.Delay(phase, token);
                    phase = interval;
                }

                first = false;
                var sent = Stopwatch.GetTimestamp();
                try
                {
                    var latency = await circuit.ActAsync(callTimeout, token);
                    _samples.Enqueue(new ActivitySample(sent, latency, null));
                }
                catch (Exception e) when (e is not OperationCanceledException || !token.IsCancellationRequested)
                {
                    _samples.Enqueue(new ActivitySample(sent, Stopwatch.GetElapsedTime(sent), $"{e.GetType().Name}: {e.Message}"));
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
    }

    /// <summary>Stops the timers and closes every circuit as a closing tab does (disconnect beacon).</summary>
    public async Task CloseAllAsync(int parallel)
    {
        await _stop.CancelAsync();
        Task[] loops;
        lock (_loopsLock)
        {
            loops = [.. _loops];
        }

        await Task.WhenAll(loops);
        await Parallel.ForEachAsync(_circuits, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (circuit, _) =>
        {
            try
            {
                await circuit.CloseAsync(http);
            }
            catch (HttpRequestException)
            {
                // The server is gone or overloaded; the connection is disposed below anyway.
                await circuit.DisposeAsync();
            }
        });
        _circuits.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        await CloseAllAsync(64);
        _stop.Dispose();
    }
}
