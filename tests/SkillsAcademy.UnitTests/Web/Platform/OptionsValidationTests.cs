using SkillsAcademy.Infrastructure.Jobs;
using SkillsAcademy.Web.Platform;

namespace SkillsAcademy.UnitTests.Web.Platform;

public sealed class OptionsValidationTests
{
    [Fact]
    public void The_default_platform_options_are_valid() =>
        PlatformOptions.Validate(new PlatformOptions()).ShouldBeEmpty();

    [Fact]
    public void An_unknown_time_zone_is_refused_by_name() =>
        PlatformOptions.Validate(new PlatformOptions { TimeZone = "Mars/Olympus" })
            .ShouldHaveSingleItem().ShouldStartWith("Platform:TimeZone 'Mars/Olympus'");

    [Fact]
    public void A_credit_hour_of_zero_minutes_is_refused_by_name() =>
        PlatformOptions.Validate(new PlatformOptions { CreditHourMinutes = 0 })
            .ShouldHaveSingleItem().ShouldStartWith("Platform:CreditHourMinutes");

    [Fact]
    public void Demo_data_without_a_password_is_refused_by_name() =>
        DemoDataOptions.Validate(new DemoDataOptions { Enabled = true })
            .ShouldHaveSingleItem().ShouldStartWith("DemoData:Password");

    [Fact]
    public void Demo_data_turned_off_needs_no_password() =>
        DemoDataOptions.Validate(new DemoDataOptions { Enabled = false }).ShouldBeEmpty();

    [Theory]
    [InlineData(0, 2, 15, "Jobs:WorkerCount")]
    [InlineData(2, 0, 15, "Jobs:QueuePollIntervalSeconds")]
    [InlineData(2, 2, 0, "Jobs:SchedulePollingIntervalSeconds")]
    public void Job_settings_out_of_range_are_refused_by_name(int workers, int poll, int schedulePoll, string setting) =>
        JobsOptions.Validate(new JobsOptions { WorkerCount = workers, QueuePollIntervalSeconds = poll, SchedulePollingIntervalSeconds = schedulePoll })
            .ShouldHaveSingleItem().ShouldStartWith(setting);
}
