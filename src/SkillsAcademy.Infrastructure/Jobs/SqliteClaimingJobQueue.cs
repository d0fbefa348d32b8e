using Hangfire.Storage;
using Hangfire.Storage.SQLite;

namespace SkillsAcademy.Infrastructure.Jobs;

/// <summary>
/// The job queue of the Hangfire SQLite storage, with a fetch that is safe across processes. Hangfire.Storage.SQLite 0.4
/// reads the next job and marks it fetched under an in-process lock only, so two processes sharing one file can both
/// take the same job (ScaleOutTests saw it). Here a job is taken by a compare-and-set UPDATE on its FetchedAt value,
/// which exactly one process wins. Enqueueing and monitoring stay the library's.
/// </summary>
internal sealed class SqliteClaimingJobQueueProvider(SQLiteStorageOptions options) : IPersistentJobQueueProvider
{
    private readonly SQLiteJobQueueProvider _library = new(options);

    public IPersistentJobQueue GetJobQueue(HangfireDbContext connection) =>
        new SqliteClaimingJobQueue(connection, options, _library.GetJobQueue(connection));

    public IPersistentJobQueueMonitoringApi GetJobQueueMonitoringApi(HangfireDbContext connection) =>
        _library.GetJobQueueMonitoringApi(connection);
}

internal sealed class SqliteClaimingJobQueue(HangfireDbContext connection, SQLiteStorageOptions options, IPersistentJobQueue library)
    : IPersistentJobQueue
{
    private const int CandidatesPerRound = 5;

    public void Enqueue(string queue, string jobId) => library.Enqueue(queue, jobId);

    public IFetchedJob Dequeue(string[] queues, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queues);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var queue in queues)
            {
                if (TryClaim(queue) is { } fetched)
                {
                    return fetched;
                }
            }

            cancellationToken.WaitHandle.WaitOne(options.QueuePollInterval);
        }
    }

    private SQLiteFetchedJob? TryClaim(string queue)
    {
        // Never fetched (the library's DateTime.MinValue), or fetched by a worker that stopped reporting long ago.
        var invisibleBefore = DateTime.UtcNow - options.InvisibilityTimeout;
        var candidates = connection.JobQueueRepository
            .Where(q => q.Queue == queue && (q.FetchedAt == DateTime.MinValue || q.FetchedAt < invisibleBefore))
            .OrderBy(q => q.Id)
            .Take(CandidatesPerRound)
            .ToList();
        foreach (var candidate in candidates)
        {
            var claimed = connection.Database.Execute(
                "UPDATE JobQueue SET FetchedAt = ? WHERE Id = ? AND FetchedAt = ?",
                DateTime.UtcNow, candidate.Id, candidate.FetchedAt);
            if (claimed == 1)
            {
                return new SQLiteFetchedJob(connection, candidate.Id, candidate.JobId, candidate.Queue);
            }
        }

        return null;
    }
}
