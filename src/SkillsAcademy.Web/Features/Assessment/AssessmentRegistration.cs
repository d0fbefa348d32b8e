using Hangfire;
using SkillsAcademy.Web.Platform;

namespace SkillsAcademy.Web.Features.Assessment;

public static class AssessmentRegistration
{
    public static WebApplicationBuilder AddAssessment(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<QuizService>();
        builder.Services.AddScoped<CourseCompletionService>();
        builder.Services.AddScoped<QuizExpiryJob>();
        builder.Services.AddSingleton<IRecurringJobSchedule, AssessmentJobs>();
        return builder;
    }

    private sealed class AssessmentJobs : IRecurringJobSchedule
    {
        public void Schedule(IRecurringJobManager jobs, RecurringJobOptions options) =>
            jobs.AddOrUpdate<QuizExpiryJob>(QuizExpiryJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), Cron.Minutely(), options);
    }
}

/// <summary>Closes and grades attempts whose time ran out while nobody was looking (closed tab, lost phone).</summary>
public sealed class QuizExpiryJob(QuizService quizzes)
{
    public const string RecurringJobId = "assessment-close-expired-attempts";

    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 120)]
    public Task<int> RunAsync(CancellationToken cancellationToken) => quizzes.CloseExpiredAttemptsAsync(cancellationToken);
}
