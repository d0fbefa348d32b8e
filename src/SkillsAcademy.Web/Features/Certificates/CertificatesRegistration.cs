using Hangfire;
using SkillsAcademy.Infrastructure.Credentials;
using SkillsAcademy.Infrastructure.Pdf;
using SkillsAcademy.Web.Features.Assessment;
using SkillsAcademy.Web.Platform;

namespace SkillsAcademy.Web.Features.Certificates;

public static class CertificatesRegistration
{
    public static WebApplicationBuilder AddCertificates(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<CertificateOptions>(builder.Configuration, CertificateOptions.SectionName, CertificateOptions.Validate);
        builder.Services.AddPdfEngine();
        builder.Services.AddCredentialSigning(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddScoped<CertificateService>();
        builder.Services.AddScoped<CertificateDocuments>();
        builder.Services.AddScoped<CertificateExportService>();
        builder.Services.AddScoped<CertificateIssueJob>();
        builder.Services.AddScoped<ICourseCompletionHandler, IssueCertificateOnCompletion>();
        builder.Services.AddSingleton<IRecurringJobSchedule, CertificateJobs>();
        return builder;
    }

    private sealed class CertificateJobs : IRecurringJobSchedule
    {
        public void Schedule(IRecurringJobManager jobs, RecurringJobOptions options) =>
            jobs.AddOrUpdate<CertificateIssueJob>(CertificateIssueJob.SweepJobId, job => job.IssueMissingAsync(CancellationToken.None), "*/10 * * * *", options);
    }
}
