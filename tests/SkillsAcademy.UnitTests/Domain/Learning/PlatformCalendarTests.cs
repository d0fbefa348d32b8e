using Microsoft.Extensions.Time.Testing;
using SkillsAcademy.Domain.Learning;

namespace SkillsAcademy.UnitTests.Domain.Learning;

public sealed class PlatformCalendarTests
{
    private readonly PlatformCalendar _shanghai = PlatformCalendar.Default;

    [Theory]
    [InlineData("2026-11-23T15:59:59.9999999Z", "2026-11-23")]
    [InlineData("2026-11-23T16:00:00Z", "2026-11-24")]
    [InlineData("2026-11-24T15:59:59Z", "2026-11-24")]
    [InlineData("2026-11-24T16:00:00Z", "2026-11-25")]
    [InlineData("2026-12-31T16:00:00Z", "2027-01-01")]
    [InlineData("2026-11-24T00:30:00+08:00", "2026-11-24")]
    [InlineData("2026-11-23T23:30:00-05:00", "2026-11-24")]
    public void An_instant_falls_on_the_Shanghai_calendar_day(string instant, string day)
    {
        _shanghai.DayOf(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture))
            .ShouldBe(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void The_default_is_Asia_Shanghai_at_UTC_plus_8()
    {
        _shanghai.TimeZone.GetUtcOffset(new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero)).ShouldBe(TimeSpan.FromHours(8));
        _shanghai.TimeZone.GetUtcOffset(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)).ShouldBe(TimeSpan.FromHours(8));
    }

    [Fact]
    public void Today_follows_the_time_provider_across_local_midnight()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 15, 59, 59, TimeSpan.Zero));

        _shanghai.Today(time).ShouldBe(new DateOnly(2026, 11, 23));
        time.Advance(TimeSpan.FromSeconds(1));
        _shanghai.Today(time).ShouldBe(new DateOnly(2026, 11, 24));
    }

    [Fact]
    public void Today_does_not_depend_on_the_providers_local_time_zone()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 16, 0, 0, TimeSpan.Zero));
        time.SetLocalTimeZone(TimeZoneInfo.Utc);

        _shanghai.Today(time).ShouldBe(new DateOnly(2026, 11, 24));
    }

    [Fact]
    public void A_Shanghai_day_starts_at_16_00_UTC_the_day_before()
    {
        _shanghai.StartOfDayUtc(new DateOnly(2026, 11, 24)).ShouldBe(new DateTimeOffset(2026, 11, 23, 16, 0, 0, TimeSpan.Zero));
        _shanghai.StartOfDayUtc(new DateOnly(2026, 11, 24)).Offset.ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void Another_time_zone_can_be_configured()
    {
        var utc = new PlatformCalendar(TimeZoneInfo.Utc);

        utc.DayOf(new DateTimeOffset(2026, 11, 23, 16, 0, 0, TimeSpan.Zero)).ShouldBe(new DateOnly(2026, 11, 23));
        PlatformCalendar.FromTimeZoneId("Asia/Urumqi").DayOf(new DateTimeOffset(2026, 11, 23, 18, 0, 0, TimeSpan.Zero))
            .ShouldBe(new DateOnly(2026, 11, 24));
    }

    [Fact]
    public void Where_daylight_saving_skips_midnight_the_day_starts_at_the_first_valid_local_time()
    {
        // Havana moves its clocks from 00:00 to 01:00 on 8 March 2026 and back from 01:00 to 00:00 on 1 November.
        var havana = PlatformCalendar.FromTimeZoneId("America/Havana");

        havana.StartOfDayUtc(new DateOnly(2026, 3, 8)).ShouldBe(new DateTimeOffset(2026, 3, 8, 5, 0, 0, TimeSpan.Zero));
        havana.StartOfDayUtc(new DateOnly(2026, 11, 1)).ShouldBe(new DateTimeOffset(2026, 11, 1, 4, 0, 0, TimeSpan.Zero));
        havana.DayOf(new DateTimeOffset(2026, 11, 1, 4, 0, 0, TimeSpan.Zero)).ShouldBe(new DateOnly(2026, 11, 1));
        havana.DayOf(new DateTimeOffset(2026, 11, 1, 3, 59, 59, TimeSpan.Zero)).ShouldBe(new DateOnly(2026, 10, 31));
    }

    [Fact]
    public void An_unknown_time_zone_id_is_refused()
    {
        Should.Throw<TimeZoneNotFoundException>(() => PlatformCalendar.FromTimeZoneId("Nowhere/Atlantis"));
    }
}
