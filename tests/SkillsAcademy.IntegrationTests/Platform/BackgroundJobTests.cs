using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using SkillsAcademy.Infrastructure.Jobs;

namespace SkillsAcademy.IntegrationTests.Platform;

public sealed class BackgroundJobTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task The_housekeeping_job_is_registered_and_runs_on_the_hangfire_server()
    {
        var storage = app.Factory.Services.GetRequiredService<JobStorage>();
        using (var connection = storage.GetConnection())
        {
            connection.GetRecurringJobs().Where(j => j.Id == HousekeepingJob.RecurringJobId).ShouldHaveSingleItem().Cron.ShouldBe(Cron.Daily(3));
        }

        var before = storage.GetMonitoringApi().SucceededListCount();
        app.Factory.Services.GetRequiredService<IRecurringJobManager>().Trigger(HousekeepingJob.RecurringJobId);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (storage.GetMonitoringApi().SucceededListCount() <= before && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        storage.GetMonitoringApi().SucceededListCount().ShouldBeGreaterThan(before);
        storage.GetMonitoringApi().FailedCount().ShouldBe(0);
    }
}
