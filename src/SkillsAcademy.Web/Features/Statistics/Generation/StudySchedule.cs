using SkillsAcademy.Domain.Learning;

namespace SkillsAcademy.Web.Features.Statistics.Generation;

/// <summary>
/// The period generated data falls into: platform calendar days <see cref="From"/>..<see cref="LastDay"/>, every
/// instant before <see cref="End"/> (never in the future). Day starts are cached: time-zone conversion is not free.
/// </summary>
internal sealed class GenerationWindow
{
    private readonly DateTimeOffset[] _dayStarts;

    public GenerationWindow(PlatformCalendar calendar, DateOnly from, DateOnly lastDay)
    {
        Calendar = calendar;
        From = from;
        LastDay = lastDay;
        Days = lastDay.DayNumber - from.DayNumber + 1;
        _dayStarts = new DateTimeOffset[Days + 1];
        for (var i = 0; i <= Days; i++)
        {
            _dayStarts[i] = calendar.StartOfDayUtc(from.AddDays(i));
        }

        End = _dayStarts[Days];
    }

    public PlatformCalendar Calendar { get; }

    public DateOnly From { get; }

    public DateOnly LastDay { get; }

    public int Days { get; }

    public DateTimeOffset Start => _dayStarts[0];

    public DateTimeOffset End { get; }

    public DateTimeOffset StartOf(int dayIndex) => _dayStarts[dayIndex];

    public DateOnly DayAt(int dayIndex) => From.AddDays(dayIndex);
}

internal readonly record struct ScheduledSegment(int Lesson, int Seconds, DateTimeOffset EndAt);

internal readonly record struct ScheduledAttempt(DateTimeOffset StartedAt, DateTimeOffset ClosedAt, int Correct, bool Passed);

internal sealed class LessonTally
{
    public int Seconds { get; set; }

    public int Segments { get; set; }

    public DateTimeOffset? LastAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }
}

internal sealed class EnrolmentSchedule(int lessons)
{
    public DateTimeOffset EnrolledAt { get; set; }

    public DateTimeOffset VoucherRequestedAt { get; set; }

    public DateTimeOffset VoucherAssignedAt { get; set; }

    public List<ScheduledSegment> Segments { get; } = [];

    public LessonTally[] Lessons { get; } = Enumerable.Range(0, lessons).Select(_ => new LessonTally()).ToArray();

    public List<ScheduledAttempt> Attempts { get; } = [];

    public DateTimeOffset? CompletedAt { get; set; }

    public DateTimeOffset? CertificateIssuedAt { get; set; }
}

internal sealed class LearnerSchedule
{
    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ProfileAt { get; set; }

    public required EnrolmentSchedule[] Enrolments { get; init; }

    public List<(DateOnly Day, DateTimeOffset At)> CheckIns { get; } = [];
}

/// <summary>
/// When one learner did what, drawn from the learner's own seed so that it can be drawn again identically (the
/// certificate numbering needs every issue time before the first row is written). Study follows the DOMAIN rules:
/// segments of 1–45 minutes, one at a time, a lesson credits at most 1.5 × its nominal time and is complete at its
/// required minutes; sessions fall on weekday evenings and weekends more than elsewhere, spread over weeks or months.
/// </summary>
internal static class StudySchedule
{
    public const int MinSegmentSeconds = 60;
    public const int MaxSegmentSeconds = 2700;
    private const int MaxSessionsPerDay = 3;
    private const int TypicalSegmentSeconds = 600;

    public static LearnerSchedule Draw(
        Random random, in PlannedLearner learner, ReadOnlySpan<PlannedEnrolment> enrolments,
        IReadOnlyList<GeneratedCourse> courses, IReadOnlyList<GeneratedBatch> batches, GenerationWindow window)
    {
        var schedule = new LearnerSchedule
        {
            Enrolments = new EnrolmentSchedule[enrolments.Length],
        };

        // Sessions (runs of 1–3 segments) per enrolment, and how many days each enrolment's study spreads over.
        var sessionSizes = new List<int>[enrolments.Length];
        var sessionOffsets = new int[enrolments.Length][];
        var spans = new int[enrolments.Length];
        for (var e = 0; e < enrolments.Length; e++)
        {
            var course = courses[enrolments[e].CourseIndex];
            schedule.Enrolments[e] = new EnrolmentSchedule(course.Lessons.Length);
            sessionSizes[e] = SessionSizes(random, enrolments[e].Segments);
            sessionOffsets[e] = new int[sessionSizes[e].Count];
            for (var s = 1; s < sessionOffsets[e].Length; s++)
            {
                sessionOffsets[e][s] = sessionOffsets[e][s - 1] + sessionSizes[e][s - 1];
            }

            var sessions = sessionSizes[e].Count;
            var gapDays = 1.5 + random.NextDouble() * 6.5;
            var least = Math.Min((sessions + MaxSessionsPerDay - 1) / MaxSessionsPerDay, window.Days - 1);
            spans[e] = Math.Clamp((int)Math.Round(sessions * gapDays), least, window.Days - 1);
        }

        // The learner starts later in the period more often than early (the platform grows).
        var startRoom = Math.Max(0, window.Days - 1 - spans[0]);
        var learnerStart = (int)Math.Floor(startRoom * Math.Pow(random.NextDouble(), 0.75));
        var starts = new int[enrolments.Length];
        for (var e = 0; e < enrolments.Length; e++)
        {
            var start = e == 0 ? learnerStart : learnerStart + (int)(random.NextDouble() * Math.Max(1, spans[0] * 0.8));
            starts[e] = Math.Clamp(start, 0, Math.Max(0, window.Days - 1 - spans[e]));
        }

        // Session days, no more than three sessions a day for the learner while there is room.
        var load = new Dictionary<int, int>();
        var sessionsByDay = new SortedDictionary<int, List<(int Enrolment, int Session)>>();
        var sessionDays = new int[enrolments.Length][];
        for (var e = 0; e < enrolments.Length; e++)
        {
            sessionDays[e] = new int[sessionSizes[e].Count];
            for (var s = 0; s < sessionDays[e].Length; s++)
            {
                var day = s == 0 && random.NextDouble() < 0.7 ? starts[e] : PickDay(random, window, starts[e], starts[e] + spans[e]);
                day = FindRoom(load, day, starts[e], window.Days - 1);
                load[day] = load.GetValueOrDefault(day) + 1;
                sessionDays[e][s] = day;
            }

            Array.Sort(sessionDays[e]);
            for (var s = 0; s < sessionDays[e].Length; s++)
            {
                if (!sessionsByDay.TryGetValue(sessionDays[e][s], out var list))
                {
                    sessionsByDay[sessionDays[e][s]] = list = [];
                }

                list.Add((e, s));
            }
        }

        // What each segment credits, lesson by lesson in course order.
        var plannedSegments = new List<(int Lesson, int Seconds)>[enrolments.Length];
        for (var e = 0; e < enrolments.Length; e++)
        {
            plannedSegments[e] = SegmentsFor(random, courses[enrolments[e].CourseIndex], enrolments[e].Segments, enrolments[e].Completes);
        }

        // Lay each day's sessions out in time, one segment after another: only one lesson credits at a time.
        var firstSessionStart = new DateTimeOffset?[enrolments.Length];
        foreach (var (day, sessions) in sessionsByDay)
        {
            var work = 0;
            foreach (var (e, s) in sessions)
            {
                for (var i = 0; i < sessionSizes[e][s]; i++)
                {
                    work += plannedSegments[e][sessionOffsets[e][s] + i].Seconds + 600;
                }

                work += 5_400;
            }

            // Finish before 23:55: a long day starts earlier, at 05:00 at the earliest.
            var startSecond = Math.Max(Math.Min(TimeOfDay(random, window.DayAt(day).DayOfWeek), 86_100 - work), 5 * 3600);
            var cursor = window.StartOf(day).AddSeconds(startSecond).AddMilliseconds(random.Next(1000));
            if (random.NextDouble() < learner.CheckInShare)
            {
                var at = cursor.AddMilliseconds(-random.Next(5_000, 600_000));
                schedule.CheckIns.Add((window.Calendar.DayOf(at), at));
            }

            foreach (var (e, s) in sessions)
            {
                firstSessionStart[e] ??= cursor;
                var enrolment = schedule.Enrolments[e];
                var course = courses[enrolments[e].CourseIndex];
                for (var i = 0; i < sessionSizes[e][s]; i++)
                {
                    var (lesson, seconds) = plannedSegments[e][sessionOffsets[e][s] + i];
                    var end = cursor.AddSeconds(seconds);
                    if (end >= window.End)
                    {
                        throw new InvalidOperationException("A learner's study does not fit into the period: lower the study events or widen the period.");
                    }

                    enrolment.Segments.Add(new ScheduledSegment(lesson, seconds, end));
                    var tally = enrolment.Lessons[lesson];
                    tally.Seconds += seconds;
                    tally.Segments++;
                    tally.LastAt = end;
                    if (tally.CompletedAt is null && tally.Seconds >= course.Lessons[lesson].RequiredSeconds)
                    {
                        tally.CompletedAt = end;
                    }

                    // A pause of more than a minute between reports starts the next segment.
                    cursor = end.AddSeconds(random.Next(90, 600));
                }

                cursor = cursor.AddSeconds(random.Next(600, 5_400));
            }
        }

        var firstActivity = DateTimeOffset.MaxValue;
        for (var e = 0; e < enrolments.Length; e++)
        {
            var enrolment = schedule.Enrolments[e];
            enrolment.EnrolledAt = firstSessionStart[e] is { } first && sessionDays[e][0] == starts[e]
                ? first.AddMilliseconds(-random.Next(20_000, 600_000))
                : window.StartOf(starts[e]).AddSeconds(TimeOfDay(random, window.DayAt(starts[e]).DayOfWeek)).AddMilliseconds(random.Next(1000));
            firstActivity = Min(firstActivity, enrolment.EnrolledAt);
            if (enrolments[e].Batch >= 0)
            {
                // Staff assigned the voucher some time before the learner redeemed it.
                var batch = batches[enrolments[e].Batch];
                enrolment.VoucherRequestedAt = enrolment.EnrolledAt.AddMilliseconds(-random.Next(1_000, 60_000));
                var assigned = enrolment.VoucherRequestedAt.AddMinutes(-random.Next(60, 60 * 24 * 60));
                enrolment.VoucherAssignedAt = assigned > batch.CreatedAt ? assigned : batch.CreatedAt.AddMinutes(random.Next(1, 60));
                firstActivity = Min(firstActivity, enrolment.VoucherAssignedAt);
            }

            TakeFinalExam(random, enrolment, courses[enrolments[e].CourseIndex], enrolments[e].Completes, learner.HasProfile, window);
        }

        foreach (var (_, at) in schedule.CheckIns)
        {
            firstActivity = Min(firstActivity, at);
        }

        // Registered (and, for most, filled in the real-name profile) before doing anything else.
        schedule.CreatedAt = firstActivity.AddSeconds(-random.Next(60, 3 * 86_400));
        schedule.ProfileAt = schedule.CreatedAt + (firstActivity - schedule.CreatedAt) * (0.05 + random.NextDouble() * 0.45);
        return schedule;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    /// <summary>The final exam once every lesson is complete: failed attempts, then a pass for those who complete.</summary>
    private static void TakeFinalExam(Random random, EnrolmentSchedule enrolment, GeneratedCourse course, bool completes, bool hasProfile, GenerationWindow window)
    {
        if (enrolment.Lessons.Any(l => l.CompletedAt is null))
        {
            return;
        }

        var failures = completes
            ? (random.NextDouble() < 0.25 ? 1 : 0) + (random.NextDouble() < 0.06 ? 1 : 0)
            : random.NextDouble() < 0.75 ? 1 + (random.NextDouble() < 0.3 ? 1 : 0) : 0;
        var attempts = failures + (completes ? 1 : 0);
        var start = enrolment.Lessons.Max(l => l.CompletedAt!.Value).AddSeconds(random.Next(120, 2 * 86_400));
        for (var number = 1; number <= attempts; number++)
        {
            var closed = start.AddSeconds(random.Next(180, Math.Min(course.ExamTimeLimitMinutes * 60, 1_080)));
            // Nothing after the end of the period; the certificate job needs a moment too.
            if (closed >= window.End.AddMinutes(-5))
            {
                return;
            }

            var passed = number > failures;
            var correct = passed
                ? PassingScore(random, course.ExamQuestionCount, course.ExamPassPercent)
                : FailingScore(random, course.ExamQuestionCount, course.ExamPassPercent);
            enrolment.Attempts.Add(new ScheduledAttempt(start, closed, correct, passed));
            if (passed)
            {
                enrolment.CompletedAt = closed;
                if (hasProfile)
                {
                    enrolment.CertificateIssuedAt = closed.AddMilliseconds(random.Next(3_000, 120_000));
                }

                return;
            }

            start = closed.AddSeconds(random.Next(600, 3 * 86_400));
        }
    }

    private static int PassingScore(Random random, int questions, int passPercent)
    {
        var least = (int)Math.Ceiling(questions * passPercent / 100.0);
        return Math.Min(questions, least + (int)(random.NextDouble() * (questions - least + 1)));
    }

    private static int FailingScore(Random random, int questions, int passPercent)
    {
        var most = (int)Math.Ceiling(questions * passPercent / 100.0) - 1;
        return Math.Max(0, most - (random.NextDouble() < 0.7 ? 0 : random.Next(0, most + 1)));
    }

    private static List<int> SessionSizes(Random random, int segments)
    {
        var sizes = new List<int>();
        while (segments > 0)
        {
            var size = Math.Min(segments, random.NextDouble() switch { < 0.5 => 1, < 0.78 => 2, _ => 3 });
            sizes.Add(size);
            segments -= size;
        }

        return sizes;
    }

    // Weekends weigh 1.6 times a weekday.
    private static int PickDay(Random random, GenerationWindow window, int first, int last)
    {
        last = Math.Min(last, window.Days - 1);
        while (true)
        {
            var day = first + random.Next(last - first + 1);
            var weekend = window.DayAt(day).DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            if (weekend || random.NextDouble() < 1 / 1.6)
            {
                return day;
            }
        }
    }

    // The nearest day from the enrolment's start on that still has room; the least busy one when none has.
    private static int FindRoom(Dictionary<int, int> load, int day, int first, int last)
    {
        if (load.GetValueOrDefault(day) < MaxSessionsPerDay)
        {
            return day;
        }

        var leastBusy = day;
        for (var distance = 1; distance <= last - first; distance++)
        {
            foreach (var candidate in (ReadOnlySpan<int>)[day + distance, day - distance])
            {
                if (candidate < first || candidate > last)
                {
                    continue;
                }

                var busy = load.GetValueOrDefault(candidate);
                if (busy < MaxSessionsPerDay)
                {
                    return candidate;
                }

                leastBusy = busy < load.GetValueOrDefault(leastBusy) ? candidate : leastBusy;
            }
        }

        return leastBusy;
    }

    /// <summary>Seconds after local midnight a session starts: weekday evenings, lunch and early mornings; weekends all day.</summary>
    private static int TimeOfDay(Random random, DayOfWeek dayOfWeek)
    {
        var u = random.NextDouble();
        var (from, to) = dayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday
            ? u < 0.35 ? (19 * 3600, 22 * 3600 + 1800) : (8 * 3600 + 1800, 18 * 3600)
            : u < 0.55 ? (19 * 3600, 22 * 3600 + 1800)
            : u < 0.70 ? (12 * 3600, 13 * 3600 + 1800)
            : u < 0.85 ? (6 * 3600 + 1800, 8 * 3600 + 1800)
            : (14 * 3600, 18 * 3600);
        return random.Next(from, to);
    }

    /// <summary>
    /// The credited seconds of each segment, lesson by lesson. Completing enrolments reach every lesson's required
    /// time; others study the first lessons and stop part-way. No lesson exceeds its cap.
    /// </summary>
    internal static List<(int Lesson, int Seconds)> SegmentsFor(Random random, GeneratedCourse course, int segments, bool completes)
    {
        var result = new List<(int, int)>(segments);
        if (segments == 0)
        {
            return result;
        }

        var lessons = course.Lessons;
        var slots = lessons.Select(l => l.CapSeconds / MinSegmentSeconds).ToArray();
        int studied;
        if (completes)
        {
            studied = lessons.Length;
        }
        else
        {
            // Enough lessons to hold the segments at a typical length of about ten minutes.
            studied = Math.Max(1, (int)Math.Ceiling((0.05 + random.NextDouble() * 0.95) * lessons.Length));
            while (studied < lessons.Length && lessons.Take(studied).Sum(l => (long)l.CapSeconds) < segments * (long)TypicalSegmentSeconds)
            {
                studied++;
            }

            studied = Math.Min(studied, segments);
        }

        // Segments per lesson: the least each needs, the rest by nominal length, never past a lesson's slots.
        if (slots.Take(studied).Sum() < segments)
        {
            throw new InvalidOperationException($"Course {course.Code} cannot hold {segments} segments.");
        }

        var counts = new int[studied];
        var remaining = segments;
        for (var l = 0; l < studied; l++)
        {
            counts[l] = completes ? (lessons[l].RequiredSeconds + MaxSegmentSeconds - 1) / MaxSegmentSeconds : 1;
            remaining -= counts[l];
        }

        if (remaining < 0)
        {
            throw new InvalidOperationException("An enrolment was planned with fewer segments than its lessons need.");
        }

        var weights = new double[studied];
        for (var l = 0; l < studied; l++)
        {
            weights[l] = lessons[l].NominalMinutes * (0.6 + random.NextDouble() * 0.8);
        }

        var share = remaining;
        var weightSum = weights.Sum();
        for (var l = 0; l < studied && remaining > 0; l++)
        {
            var add = Math.Min(Math.Min((int)(share * weights[l] / weightSum), slots[l] - counts[l]), remaining);
            counts[l] += add;
            remaining -= add;
        }

        for (var l = 0; remaining > 0; l = (l + 1) % studied)
        {
            if (counts[l] < slots[l])
            {
                counts[l]++;
                remaining--;
            }
        }

        for (var l = 0; l < studied; l++)
        {
            var required = lessons[l].RequiredSeconds;
            var target = completes || l < studied - 1
                ? Math.Max(required * (1.0 + random.NextDouble() * 0.3), counts[l] * TypicalSegmentSeconds * (0.5 + random.NextDouble()))
                : required * (0.1 + random.NextDouble() * 0.85);
            var total = (int)Math.Clamp(target, MinSegmentSeconds * counts[l], Math.Min(lessons[l].CapSeconds, MaxSegmentSeconds * counts[l]));
            foreach (var seconds in Split(random, total, counts[l]))
            {
                result.Add((l, seconds));
            }
        }

        return result;
    }

    /// <summary>Splits <paramref name="total"/> seconds into <paramref name="count"/> random parts of 60–2,700 seconds each.</summary>
    internal static int[] Split(Random random, int total, int count)
    {
        var parts = new int[count];
        Array.Fill(parts, MinSegmentSeconds);
        var rest = total - MinSegmentSeconds * count;
        var weights = new double[count];
        for (var i = 0; i < count; i++)
        {
            weights[i] = -Math.Log(1 - random.NextDouble());
        }

        // Water-filling: share the rest by weight, parts that hit the ceiling drop out, repeat.
        var open = Enumerable.Range(0, count).ToList();
        while (rest > 0 && open.Count > 0)
        {
            var sum = open.Sum(i => weights[i]);
            var given = 0;
            foreach (var i in open)
            {
                var add = Math.Min((int)(rest * weights[i] / sum), MaxSegmentSeconds - parts[i]);
                parts[i] += add;
                given += add;
            }

            rest -= given;
            open.RemoveAll(i => parts[i] >= MaxSegmentSeconds);
            if (given == 0)
            {
                // What rounding left over: one second at a time.
                for (var k = 0; rest > 0 && open.Count > 0; k = (k + 1) % open.Count)
                {
                    parts[open[k]]++;
                    rest--;
                    if (parts[open[k]] >= MaxSegmentSeconds)
                    {
                        open.RemoveAt(k);
                        k = -1;
                        if (open.Count == 0)
                        {
                            break;
                        }
                    }
                }
            }
        }

        return parts;
    }
}
