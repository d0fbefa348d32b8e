using Hangfire;
using Microsoft.Extensions.Options;
using SkillsAcademy.Web.Platform;

namespace SkillsAcademy.Web.Features.Vouchers;

public static class VouchersRegistration
{
    public static WebApplicationBuilder AddVouchers(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<VoucherService>();
        builder.Services.AddTransient<VoucherRedemptions>();
        builder.Services.AddSingleton<IRedemptionProbe, NoRedemptionProbe>();
        builder.Services.AddTransient<VoucherRedemptionJob>();
        builder.Services.AddTransient<VoucherBatchGenerationJob>();
        builder.Services.AddTransient<VoucherExpiryJob>();
        // After the platform's start-up (migrations, seeds): hosted services start in registration order.
        builder.Services.AddHostedService<VoucherJobsRegistration>();
        return builder;
    }

    public static WebApplication MapVouchers(this WebApplication app)
    {
        app.MapVoucherEndpoints();
        return app;
    }
}

/// <summary>Registers the feature's recurring jobs, like the platform's housekeeping job.</summary>
internal sealed class VoucherJobsRegistration(IRecurringJobManager recurringJobs, IOptions<PlatformOptions> platform) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var options = new RecurringJobOptions { TimeZone = platform.Value.GetTimeZone() };
        // Five minutes after midnight in the platform time zone: the first day outside the window has begun.
        recurringJobs.AddOrUpdate<VoucherExpiryJob>(VoucherExpiryJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), "5 0 * * *", options);
        // Each request enqueues a run; this one catches requests whose enqueue was lost in a crash.
        recurringJobs.AddOrUpdate<VoucherRedemptionJob>(VoucherRedemptionJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), Cron.Minutely(), options);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
