using Hangfire;
using SkillsAcademy.Web.Features.Assessment;

namespace SkillsAcademy.Web.Features.Certificates;

/// <summary>Course completion hands the certificate to a background job: completion never waits for it.</summary>
public sealed class IssueCertificateOnCompletion(IBackgroundJobClient jobs) : ICourseCompletionHandler
{
    public Task OnCourseCompletedAsync(Guid learnerId, int courseId, CancellationToken cancellationToken)
    {
        jobs.Enqueue<CertificateIssueJob>(job => job.IssueForAsync(learnerId, courseId, CancellationToken.None));
        return Task.CompletedTask;
    }
}

/// <summary>
/// Issues certificates. Running twice, concurrently, or again after a crash issues nothing twice: the service
/// checks first and the unique index on the enrolment decides any race. The sweep catches what a lost job or a
/// late real-name profile left behind.
/// </summary>
public sealed class CertificateIssueJob(CertificateService certificates)
{
    public const string SweepJobId = "certificates-issue-missing";

    [AutomaticRetry(Attempts = 5)]
    public async Task<IssueOutcome> IssueForAsync(Guid learnerId, int courseId, CancellationToken cancellationToken)
    {
        var enrolment = await certificates.FindEnrolmentAsync(learnerId, courseId, cancellationToken);
        return enrolment is null ? IssueOutcome.NotCompleted : (await certificates.IssueAsync(enrolment.Value, cancellationToken)).Outcome;
    }

    [AutomaticRetry(Attempts = 2)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task<int> IssueMissingAsync(CancellationToken cancellationToken)
    {
        var issued = 0;
        foreach (var enrolment in await certificates.ListMissingAsync(10_000, cancellationToken))
        {
            issued += (await certificates.IssueAsync(enrolment, cancellationToken)).Outcome == IssueOutcome.Issued ? 1 : 0;
        }

        return issued;
    }
}
