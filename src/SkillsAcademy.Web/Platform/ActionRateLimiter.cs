using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace SkillsAcademy.Web.Platform;

/// <summary>
/// Fixed one-minute windows per action and partition (a user id or a client address), for actions that are not
/// separate HTTP requests the rate-limiting middleware could see: static form posts handled by a component and
/// clicks in an interactive circuit. Time comes from <see cref="TimeProvider"/>, so tests can move it.
/// </summary>
public sealed class ActionRateLimiter(IOptions<RateLimitOptions> options, TimeProvider timeProvider)
{
    // Beyond this many partitions, windows that have ended are dropped so that memory stays bounded.
    private const int PruneAbove = 10_000;
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<(LimitedAction, string), Counter> _counters = new();
    private long _nextPruneTicks;

    /// <summary>Counts one attempt; false when the partition has used up this minute's attempts.</summary>
    public bool TryAcquire(LimitedAction action, string partition)
    {
        var now = timeProvider.GetUtcNow();
        // At most one sweep every ten seconds, so that a flood of new addresses cannot make every attempt a sweep.
        var due = Interlocked.Read(ref _nextPruneTicks);
        if (_counters.Count > PruneAbove && now.UtcTicks >= due
            && Interlocked.CompareExchange(ref _nextPruneTicks, now.UtcTicks + TimeSpan.TicksPerSecond * 10, due) == due)
        {
            Prune(now);
        }

        var counter = _counters.GetOrAdd((action, partition), _ => new Counter(now));
        return counter.TryTake(now, options.Value.PerMinute(action));
    }

    /// <summary>How many partitions are remembered (for the tests of pruning).</summary>
    internal int PartitionCount => _counters.Count;

    public static string UserKey(Guid userId) => "user:" + userId.ToString("N");

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, counter) in _counters)
        {
            if (counter.EndedBefore(now))
            {
                _counters.TryRemove(key, out _);
            }
        }
    }

    private sealed class Counter(DateTimeOffset start)
    {
        private readonly Lock _lock = new();
        private DateTimeOffset _windowStart = start;
        private int _count;

        public bool TryTake(DateTimeOffset now, int limit)
        {
            lock (_lock)
            {
                if (now - _windowStart >= Window || now < _windowStart)
                {
                    _windowStart = now;
                    _count = 0;
                }

                if (_count >= limit)
                {
                    return false;
                }

                _count++;
                return true;
            }
        }

        public bool EndedBefore(DateTimeOffset now)
        {
            lock (_lock)
            {
                return now - _windowStart >= Window;
            }
        }
    }
}
