using Hangfire;
using Microsoft.Extensions.Options;
using SkillsAcademy.Web.Platform;

namespace SkillsAcademy.Web.Features.Statistics;

public static class StatisticsRegistration
{
    public static WebApplicationBuilder AddStatistics(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<StatisticsOptions>(builder.Configuration, StatisticsOptions.SectionName, StatisticsOptions.Validate);
        builder.Services.AddScoped<StatisticsService>();
        builder.Services.AddScoped<StatisticsQueries>();
        builder.Services.AddSingleton<LearnerActivityCache>();
        builder.Services.AddSingleton<StatisticsAnswerCache>();
        builder.Services.AddScoped<StatisticsRollup>();
        builder.Services.AddScoped<StatisticsExportService>();
        builder.Services.AddSingleton<IRecurringJobSchedule, StatisticsJobs>();
        builder.Services.AddScoped<Generation.DemoDataGenerator>();
        return builder;
    }

    private sealed class StatisticsJobs(IOptions<StatisticsOptions> options) : IRecurringJobSchedule
    {
        public void Schedule(IRecurringJobManager jobs, RecurringJobOptions jobOptions)
        {
            jobs.AddOrUpdate<StatisticsRollup>(StatisticsRollup.HourlyJobId, rollup => rollup.HourlyAsync(CancellationToken.None), options.Value.HourlyCron, jobOptions);
            jobs.AddOrUpdate<StatisticsRollup>(StatisticsRollup.NightlyJobId, rollup => rollup.NightlyAsync(CancellationToken.None), options.Value.NightlyCron, jobOptions);
        }
    }
}
