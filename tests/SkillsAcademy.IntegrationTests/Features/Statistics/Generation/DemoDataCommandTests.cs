using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using SkillsAcademy.Domain.Learning;
using SkillsAcademy.Infrastructure.Persistence;
using SkillsAcademy.TestUtilities;
using SkillsAcademy.Web.Features.Learning;
using SkillsAcademy.Web.Features.Statistics.Generation;
using SkillsAcademy.Web.Resources;

namespace SkillsAcademy.IntegrationTests.Features.Statistics.Generation;

public sealed class DemoDataCommandTests : IAsyncLifetime
{
    private readonly TestDataDirectory _data = new();
    private SkillsAcademyWebFactory _factory = default!;

    public ValueTask InitializeAsync()
    {
        _factory = GeneratedDataFixture.NewFactory(_data.Path);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task The_switch_generates_then_refuses_a_second_run_unless_appending()
    {
        string[] args = [DemoDataCommandLine.Switch, "--learners", "30", "--courses", "3", "--study-events", "600", "--enterprises", "20", "--seed", "3"];

        var (first, firstOutput) = await RunAsync(args);
        first.ShouldBe(0);
        firstOutput.ShouldContain("LearningEvents");
        var (second, secondOutput) = await RunAsync(args);
        second.ShouldBe(2);
        secondOutput.ShouldContain("--append");
        var (appended, _) = await RunAsync([.. args, "--append"]);
        appended.ShouldBe(0);

        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<SkillsAcademyDbContext>>().CreateDbContextAsync();
        (await db.Courses.CountAsync(c => c.Code.StartsWith("GEN-"))).ShouldBe(6);
        (await db.LearningEvents.CountAsync(e => e.Kind == LearningEventKind.StudySegmentCredited)).ShouldBe(1_200);
        (await db.Enrolments.Select(e => e.LearnerId).Distinct().CountAsync()).ShouldBe(60);
        await using var scope = _factory.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<LearningRecordVerifier>().VerifyAllAsync()).Broken.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("--learners", "abc")]
    [InlineData("--learners", "0")]
    [InlineData("--courses", "100000")]
    [InlineData("--study-events", "-5")]
    [InlineData("--seed", "1.5")]
    [InlineData("--enterprises", "5e3")]
    public async Task A_bad_number_is_refused_with_a_message_naming_the_switch(string name, string value)
    {
        var (code, output) = await RunAsync([DemoDataCommandLine.Switch, name, value]);

        code.ShouldBe(2);
        output.ShouldContain(name);
        output.ShouldContain(value);
    }

    [Fact]
    public void The_parser_names_the_switch_for_a_missing_value_a_bad_date_or_a_bad_province()
    {
        var localizer = _factory.Services.GetRequiredService<IStringLocalizer<SharedResource>>();

        DemoDataCommandLine.Parse([DemoDataCommandLine.Switch, "--seed"], localizer).Error.ShouldNotBeNull().ShouldContain("--seed");
        DemoDataCommandLine.Parse([DemoDataCommandLine.Switch, "--learners", "--append"], localizer).Error.ShouldNotBeNull().ShouldContain("--learners");
        DemoDataCommandLine.Parse([DemoDataCommandLine.Switch, "--from", "2026-13-01"], localizer).Error.ShouldNotBeNull().ShouldContain("2026-13-01");
        DemoDataCommandLine.Parse([DemoDataCommandLine.Switch, "--province=350100"], localizer).Error.ShouldNotBeNull().ShouldContain("--province");
    }

    [Fact]
    public void The_parser_reads_every_switch_in_both_forms_and_keeps_the_defaults_otherwise()
    {
        var localizer = _factory.Services.GetRequiredService<IStringLocalizer<SharedResource>>();

        var options = DemoDataCommandLine.Parse(
            [DemoDataCommandLine.Switch, "--learners=1_000", "--courses", "20", "--study-events", "10,000", "--seed", "9", "--from", "2026-01-01",
             "--to=2026-06-30", "--province", "350000", "--append", "--urls", "http://localhost:5000"], localizer).Options.ShouldNotBeNull();

        options.ShouldBe(new DemoDataGeneratorOptions
        {
            Learners = 1_000, Courses = 20, StudyEvents = 10_000, Seed = 9, From = new DateOnly(2026, 1, 1), To = new DateOnly(2026, 6, 30),
            ProvinceCode = "350000", Append = true,
        });
        DemoDataCommandLine.Parse([DemoDataCommandLine.Switch], localizer).Options.ShouldBe(new DemoDataGeneratorOptions());
        new DemoDataGeneratorOptions().ShouldSatisfyAllConditions(
            o => o.Learners.ShouldBe(100_000), o => o.Courses.ShouldBe(1_000), o => o.StudyEvents.ShouldBe(10_000_000), o => o.Enterprises.ShouldBe(5_000));
    }

    [Fact]
    public async Task A_period_in_the_future_is_refused()
    {
        var (code, output) = await RunAsync([DemoDataCommandLine.Switch, "--to", "2027-01-01"]);

        code.ShouldBe(2);
        output.ShouldContain("--to");
    }

    private async Task<(int Code, string Output)> RunAsync(string[] args)
    {
        var output = new StringWriter();
        var code = await DemoDataCommand.RunFromCommandLineAsync(_factory.Services, args, output);
        return (code, output.ToString());
    }
}
