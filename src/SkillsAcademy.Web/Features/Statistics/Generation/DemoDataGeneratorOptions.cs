namespace SkillsAcademy.Web.Features.Statistics.Generation;

/// <summary>
/// How much province-scale demo data to generate, and over which period. The same options and seed on the same
/// database give the same data (except the encrypted columns, whose ciphertext is random by design).
/// </summary>
public sealed record DemoDataGeneratorOptions
{
    public const int MaxLearners = 10_000_000;
    public const int MaxCourses = 99_999;
    public const long MaxStudyEvents = 1_000_000_000;
    public const int MaxEnterprises = 1_000_000;

    public int Learners { get; init; } = 100_000;

    public int Courses { get; init; } = 1_000;

    /// <summary>StudySegmentCredited events to write; enrolments, completions, quizzes, certificates and vouchers come on top.</summary>
    public long StudyEvents { get; init; } = 10_000_000;

    public int Enterprises { get; init; } = 5_000;

    /// <summary>First platform calendar day of activity; null: the day after <see cref="To"/> a year earlier.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Last platform calendar day of activity; null: today.</summary>
    public DateOnly? To { get; init; }

    public int Seed { get; init; } = 1;

    /// <summary>GB/T 2260 province code; learners and enterprises are placed in its cities and counties from the Regions table.</summary>
    public string ProvinceCode { get; init; } = "350000";

    /// <summary>Adds to a database that already holds generated data instead of refusing.</summary>
    public bool Append { get; init; }

    /// <summary>
    /// Drops the learning events' secondary index (Kind, OccurredAt) for the load and rebuilds it afterwards: one sort
    /// instead of millions of random index inserts.
    /// </summary>
    public bool DeferEventIndexes { get; init; } = true;

    /// <summary>Share of active study days on which the learner also checks in (CheckIns rows and CheckedIn events).</summary>
    public double CheckInShare { get; init; } = 0.5;
}

/// <summary>What one run wrote; <see cref="Timings"/> says where the time went (phases, and the generating and writing threads).</summary>
public sealed record DemoDataSummary(
    IReadOnlyDictionary<string, long> Rows,
    long LearningEvents,
    long StudySegmentEvents,
    DateOnly From,
    DateOnly To,
    TimeSpan Elapsed,
    long DatabaseBytes,
    IReadOnlyDictionary<string, TimeSpan> Timings)
{
    public long TotalRows => Rows.Values.Sum();
}

/// <summary>Progress of a run: the phase and how many learners (of all) are written.</summary>
public sealed record DemoDataProgress(string Phase, long LearnersDone, long LearnersTotal, long EventsWritten, TimeSpan Elapsed);
