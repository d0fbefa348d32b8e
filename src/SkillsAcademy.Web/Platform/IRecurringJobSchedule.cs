using Hangfire;

namespace SkillsAcademy.Web.Platform;

/// <summary>
/// A feature's recurring Hangfire jobs. Every registered schedule is applied once the database is ready, with the
/// platform time zone, so features add their jobs without editing the start-up code.
/// </summary>
public interface IRecurringJobSchedule
{
    void Schedule(IRecurringJobManager jobs, RecurringJobOptions options);
}
