using Microsoft.Extensions.Options;
using SkillsAcademy.Web.Platform;

namespace SkillsAcademy.UnitTests.Web.Platform;

public sealed class ActionRateLimiterTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 1, 0, 0, TimeSpan.Zero));

    private ActionRateLimiter Limiter(int perMinute = 3) =>
        new(Options.Create(new RateLimitOptions { LogInPerMinute = perMinute, CheckInPerMinute = perMinute }), _time);

    [Fact]
    public void A_partition_gets_its_attempts_per_minute_then_is_refused_until_the_window_ends()
    {
        var limiter = Limiter();

        Enumerable.Range(0, 3).Select(_ => limiter.TryAcquire(LimitedAction.LogIn, "ip:10.0.0.1")).ShouldAllBe(ok => ok);
        limiter.TryAcquire(LimitedAction.LogIn, "ip:10.0.0.1").ShouldBeFalse();
        _time.Advance(TimeSpan.FromSeconds(59));
        limiter.TryAcquire(LimitedAction.LogIn, "ip:10.0.0.1").ShouldBeFalse();
        _time.Advance(TimeSpan.FromSeconds(1));
        limiter.TryAcquire(LimitedAction.LogIn, "ip:10.0.0.1").ShouldBeTrue();
    }

    [Fact]
    public void Partitions_and_actions_do_not_share_a_limit()
    {
        var limiter = Limiter(perMinute: 1);

        limiter.TryAcquire(LimitedAction.LogIn, "ip:10.0.0.1").ShouldBeTrue();
        limiter.TryAcquire(LimitedAction.LogIn, "ip:10.0.0.2").ShouldBeTrue();
        limiter.TryAcquire(LimitedAction.CheckIn, "ip:10.0.0.1").ShouldBeTrue();
        limiter.TryAcquire(LimitedAction.LogIn, "ip:10.0.0.1").ShouldBeFalse();
    }

    [Fact]
    public void Many_concurrent_attempts_never_get_more_than_the_limit()
    {
        var limiter = Limiter(perMinute: 50);

        var granted = Enumerable.Range(0, 500).AsParallel().Count(_ => limiter.TryAcquire(LimitedAction.LogIn, "user:x"));

        granted.ShouldBe(50);
    }

    [Fact]
    public void Past_ten_thousand_partitions_ended_windows_are_dropped_and_live_ones_kept()
    {
        var limiter = Limiter(perMinute: 1);
        limiter.TryAcquire(LimitedAction.LogIn, "ip:kept").ShouldBeTrue();
        _time.Advance(TimeSpan.FromMinutes(2));
        for (var i = 0; i < 10_050; i++)
        {
            limiter.TryAcquire(LimitedAction.LogIn, $"ip:{i}");
        }

        // Every window is still open: nothing is dropped, and the limit holds for each.
        limiter.TryAcquire(LimitedAction.LogIn, "ip:0").ShouldBeFalse();
        limiter.PartitionCount.ShouldBeGreaterThan(10_000);

        _time.Advance(TimeSpan.FromMinutes(1));
        limiter.TryAcquire(LimitedAction.LogIn, "ip:new").ShouldBeTrue();

        limiter.PartitionCount.ShouldBe(1);
        limiter.TryAcquire(LimitedAction.LogIn, "ip:0").ShouldBeTrue();
    }

    [Fact]
    public void Options_out_of_range_are_named_in_the_failures()
    {
        var failures = RateLimitOptions.Validate(new RateLimitOptions { LogInPerMinute = 0, VoucherRedemptionPerMinute = 100_001 });

        failures.ShouldBe([
            "RateLimits:LogInPerMinute must be between 1 and 100000; it is 0.",
            "RateLimits:VoucherRedemptionPerMinute must be between 1 and 100000; it is 100001.",
        ]);
    }
}
