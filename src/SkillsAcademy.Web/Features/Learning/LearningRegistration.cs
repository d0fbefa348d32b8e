using Hangfire;
using Microsoft.Extensions.Options;
using SkillsAcademy.Web.Platform;

namespace SkillsAcademy.Web.Features.Learning;

public static class LearningRegistration
{
    public static WebApplicationBuilder AddLearning(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<LearningOptions>(builder.Configuration, LearningOptions.SectionName, LearningOptions.Validate);
        builder.Services.AddScoped<LearningService>();
        builder.Services.AddScoped<LearningRecords>();
        builder.Services.AddScoped<StudyTimeService>();
        builder.Services.AddScoped<LearningProgressService>();
        builder.Services.AddScoped<StudySegmentSweepJob>();
        builder.Services.AddScoped<LearningRecordService>();
        builder.Services.AddScoped<LearningRecordVerifier>();
        builder.Services.AddSingleton<LessonMarkdown>();
        builder.Services.AddSingleton<IRecurringJobSchedule, LearningJobs>();
        return builder;
    }

    private sealed class LearningJobs(IOptions<LearningOptions> options) : IRecurringJobSchedule
    {
        public void Schedule(IRecurringJobManager jobs, RecurringJobOptions jobOptions) =>
            jobs.AddOrUpdate<StudySegmentSweepJob>(
                StudySegmentSweepJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), options.Value.SweepCron, jobOptions);
    }
}
